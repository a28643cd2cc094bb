package timex

import (
	"slices"
	"sort"
	"strings"

	"github.com/zhengling/zhengling/segment/lexicon"
)

// isClauseEnd ends the clause a cue must share with the expression: the
// lexicon's clause marks and brackets (《》（）“”); isSentenceEnd a sentence.
var (
	clauseMark    = lexicon.Default().PunctSet("clause")
	bracketMark   = lexicon.Default().PunctSet("bracket")
	isSentenceEnd = lexicon.Default().PunctSet("sentence")
)

func isClauseEnd(r rune) bool { return clauseMark(r) || bracketMark(r) || r == '\n' }

// adjacentGoalCues right before a coarse period: 到2025年, 于年底, 至2022年.
var adjacentGoalCues = []string{"到", "至", "于", "在"}

// describeCues right after any expression make it a description of a
// season: 九、十月份正是企业产销两旺的重要时段 (seed004).
var describeCues = lexicon.Default().Words("after.describe")

// recurrenceLeads make what follows a recurring time: 每当季末、年底.
var recurrenceLeads = lexicon.Default().Words("lead.recurrence")

// goalAfterCues right after a quarter, half or year make it a time limit:
// 明年上半年完成, 2025年建成.
var goalAfterCues = lexicon.Default().Words("verb.complete")

// eventVerbs in the clause after a day date make it the date of an event
// that took place: 8月2日下午,区委副书记、区长蒋海华主持召开区政府常务会议 (seed000),
// 4月27日,市科协召开了第一季度工作汇报会, 9 月 9 日,习近平总书记主持召开… (seed002).
// A leader presiding or visiting is told after the fact; a meeting that is
// convened (2月22日召开全市大会) may still be ahead, so those verbs count only
// with 了 or on a day not after the document's date.
var eventVerbs = lexicon.Default().Words("verb.event")

// scheduleVerbs name events that a text may announce or report.
var scheduleVerbs = lexicon.Default().Words("verb.convene")

// eventVerbsDone right after a date: 在 9 月 15 日召开的工作推进会上 (seed002).
var eventVerbsDone = lexicon.Default().Words("verb.convened")

// datelineWords after a day make it the date of a report, not a task:
// 新华社北京2月29日电, IT之家9月30日消息, 据中新网9月9日报道,
var datelineWords = lexicon.Default().Words("dateline")

// todayWords before a day in brackets: 今日（12月28日）, 昨日（9月28日）.
var todayWords = []string{"今日(", "昨日(", "今天(", "昨天(", "当天(", "当日(", "前日(", "今日（", "昨日（", "今天（", "昨天（", "当天（", "当日（"}

// fromWords open a reported period: 从1-7月来看, 自 9 月 15 日推进会以来 (seed002).
var fromWords = []string{"从", "自"}

// lookWords in the clause after 从 A 到 B make it a reported period:
// 从 3 月份到 4、5 月份进入复工复产后 (seed002), 从3月份到5月份来看.
var lookWords = []string{"来看", "看", "以来", "后", "期间"}

// startWords after 从/自 X make X the start of a task: 从8月中下旬开始,开展… (seed002).
var startWords = []string{"开始", "起"}

// roleOf decides what a candidate does in its sentence.
func roleOf(v view, c *cand, ref Date) Role {
	switch {
	case c.recurrence, hasCueBefore(v, c.start, recurrenceLeads, 10):
		return RoleRecurrence
	case c.duration && anchoredDuration(v, c):
		return RoleDeadline // 自印发之日起15日内, 力争三年内
	case c.duration:
		return RoleDuration
	case c.cumulative:
		return RolePeriod
	case c.festival:
		return festivalRole(v, c)
	case len(c.atoms) == 0:
		return RoleDeadline // an event anchor: 省环保督察回头看前
	case neverDeadline(c):
		return RolePeriod
	case c.last().iso && !c.by:
		return RoleEventDate // 2016-11-22 in a body is a publication line
	case inTitle(v, c.start):
		return RolePeriod // 《营商环境创新2022年行动计划》
	case reportingFrame(v, c):
		return RolePeriod
	case isEventDate(v, c, ref):
		return RoleEventDate
	case c.plan && v.prefixAt(v.spaces(c.end), planNames) != "":
		return RolePeriod // “十四五”规划 names a plan
	case bornOn(v, c):
		return RolePeriod // 2006年7月8日及以前出生
	case attributive(v, c) && !v.taskCueBefore(c.start, 12):
		return RolePeriod // 10月底前完成的项目要及时验收; 截止2024年12月在读的…
	case isPast(c, ref) && !pastTask(v, c):
		return RoleEventDate
	case c.coarse() && !c.by && (scheduledWork(v, c) || c.last().holiday != nil && (scheduledBefore(v, c) || scheduledAcross(v, c))) && !pastAsWritten(c, ref):
		return RoleDeadline // 研究部署第四季度工作, 对三、四季度重点工作进行了安排部署
	case !c.by && v.prefixAt(v.spaces(c.end), describeCues) != "":
		return RolePeriod
	case c.coarse() && !c.by && !setsTime(v, c, ref):
		return RolePeriod
	}
	if r, ok := storyRole(v, c); ok {
		return r
	}
	return RoleDeadline
}

// prepareWords are the preparations for a period (筹备情况, 准备情况).
var prepareWords = lexicon.Default().Words("noun.prepare")

// scheduledAcross: the period inside 对… that a work word closing its
// clause schedules (对國慶假期的疫情防控、安全生產…工作進行研究部署).
func scheduledAcross(v view, c *cand) bool {
	from, to := clauseStart(v, c.start), clauseEnd(v, c.end)
	return strings.ContainsRune(v.str(from, c.start), '对') && v.workIn(c.end, to)
}

// scheduledBefore: a schedule word of work right before the period
// (研究部署第四季度, 安排部署国庆长假期间…工作).
func scheduledBefore(v view, c *cand) bool {
	k := v.spacesBack(c.start)
	for j := k; j >= k-2 && j > 0; j-- {
		if v.cueEndingAt(j, lexicon.Schedule, lexicon.Goal) {
			return true
		}
	}
	return false
}

// festivalRole: a holiday season is a deadline when the text schedules its
// work (研究部署“双节”期间重点工作, 要全力做好节日期间保供稳价工作) or reviews
// the preparations for it, else it names a time.
func festivalRole(v view, c *cand) Role {
	if scheduledBefore(v, c) || scheduledAcross(v, c) {
		return RoleDeadline
	}
	if v.taskAfter(c) && v.cueAfter(c.end, 15, lexicon.PastAfter) && hasCueAfter(v, c.end, prepareWords, 15) {
		return RoleDeadline // the preparations for a season are reviewed: 调度了…“双节”期间重点工作筹备情况
	}
	if v.taskAfter(c) || v.cueAfter(c.end, 8, lexicon.TaskAfter) {
		if v.workIn(clauseStart(v, c.start), clauseEnd(v, c.end)) || v.cueIn(sentenceStart(v, c.start), c.start, lexicon.Instruct, lexicon.Goal) {
			return RoleDeadline
		}
	}
	return RolePeriod
}

// planNames after a five-year plan's number name the plan, not its time.
var planNames = []string{"规划", "纲要", "计划", "开局", "收官", "开好局", "良好开局", "起好步"}

// pastAsWritten: the period has ended on the reference date in the year it
// is written for, without the shift to next year that a bare month or
// quarter gets as a deadline (部署了第二季度有关工作 in August reports).
func pastAsWritten(c *cand, ref Date) bool { return isPast(asWritten(c), ref) }

// asWritten is c in the year it is written for (reported).
func asWritten(c *cand) *cand {
	r := *c
	r.atoms = slices.Clone(c.atoms)
	if c.from != nil {
		f := *c.from
		r.from = &f
	}
	r.markReported()
	return &r
}

// pastTask: a date already past that the text still sets as the time of a
// task (SPEC v1.1): a limit (各单位于2月8日前报送 in a page of 2月28日), a span
// with a task verb (2021年3月1日至6月30日开展专项整治), or a goal or an
// obligation before it in its clause.
func pastTask(v view, c *cand) bool {
	return c.by && !attributive(v, c) || c.from != nil && hasTaskVerb(v, c)
}

// attributive: the date qualifies a noun through a verb and 的 (10月底前完成的
// 项目要及时验收, 截止2024年12月在读的全日制学生): it names which things, it sets
// no time.
func attributive(v view, c *cand) bool {
	if !c.by && c.prefix == "" {
		return false // 按照8月份拉出清单、…、12月份完成准备的顺序: 的 ends the list
	}
	for k := c.end; k < len(v.r) && k-c.end <= 6; k++ {
		switch r := v.r[k]; {
		case isClauseEnd(r):
			return false
		case r == '的':
			return k > c.end && k+1 < len(v.r) && v.r[k+1] >= 0x4E00 && v.r[k+1] <= 0x9FFF && v.verbIn(c.end, k)
		}
	}
	return false
}

// verbIn reports a verb token (not a verbal noun) inside [i, j): 完成的项目 has
// one, 经济工作的部署要求 none.
func (v view) verbIn(i, j int) bool {
	toks := v.p.Tokens
	// from the first token that starts at or after i: a query costs its span
	k := sort.Search(len(toks), func(k int) bool { return int(toks[k].Start) >= i })
	for ; k < len(toks) && int(toks[k].End) <= j; k++ {
		if pos := toks[k].Pos(); strings.HasPrefix(pos, "v") && pos != "vn" {
			return true
		}
	}
	return false
}

// bornOn: a date of birth (2006年7月8日及以前出生): a condition on who may
// apply, no time to act.
func bornOn(v view, c *cand) bool {
	k := v.spaces(c.end)
	if isCloseBracket(v.at(k)) {
		k++
	}
	return v.has(k, "出生") || v.has(k, "生")
}

func isCloseBracket(r rune) bool { return strings.ContainsRune(")）>＞]】〉", r) }
func isOpenBracket(r rune) bool  { return strings.ContainsRune("(（<＜[【〈", r) }

// scheduledWork: a quarter or half for which the text schedules work (SPEC
// v1.1): a schedule word right before it (研究部署第四季度…, 冲刺四季度), or a
// word of its work right after it in a clause that schedules (第三季度工作
// 推进会, 对第四季度的冲刺攻坚任务进行再动员、再部署) — not 制定下半年工作措施,
// and not when a review follows (上半年工作总结).
func scheduledWork(v view, c *cand) bool {
	if g := c.last().grain; g != grainQuarter && g != grainHalf || v.cueAfter(c.end, 15, reviewClasses...) {
		return false // a year only names a plan (2023年度工作要点); 上半年工作总结 reviews
	}
	if scheduledBefore(v, c) {
		return true // 研究部署第四季度工作, 冲刺一季度
	}
	if v.taskAfter(c) {
		return v.workIn(clauseStart(v, c.start), clauseEnd(v, c.end)) ||
			v.cueIn(sentenceStart(v, c.start), c.start, lexicon.Instruct) // 要…，紧扣首月、首季“开门红”任务
	}
	return false
}

// docAnchors start a duration at the document's own date: 自印发之日起15日内.
var docAnchors = []string{"印发之日起", "发布之日起", "下发之日起", "公布之日起", "施行之日起", "实施之日起", "印发后", "发布后", "下发后"}

// anchoredDuration: a duration the text sets from its own date (自印发之日起
// 15日内), as a goal (力争三年内) or as the time of a task it asks for (要在
// 五年内打造百亿产值的茶产业集群): a deadline at the reference date plus the
// duration (SPEC v1.1).
func anchoredDuration(v view, c *cand) bool {
	if !c.length.within {
		return false
	}
	from := clauseStart(v, c.start)
	for k := from; k < c.start; k++ {
		if v.prefixAt(k, docAnchors) != "" {
			return true
		}
	}
	if v.cueBefore(c.start, 12, lexicon.Goal) {
		return true
	}
	if !horizonUnits[c.length.unit] {
		return false // 必须在24小时内审核: hours and days count from an event (each application)
	}
	return v.suffixBefore(c.start, taskDurationLeads) != ""
}

// horizonUnits measure the time a task is given from the text's own date.
var horizonUnits = map[string]bool{"个月": true, "月": true, "个季度": true, "年": true}

// taskDurationLeads put a duration right after the word of duty that asks
// for the task: 要在五年内打造…, 必须在三个月内完成. A law's 应当在一个月内作出
// 复审决定 counts from an event (收到处理决定之日起), not from the text.
var taskDurationLeads = []string{"要在", "要于", "必须在", "必须于", "务必在", "务必于"}

// setsTime decides for a quarter, half, year or holiday without 前 whether
// the sentence sets it as the time of a task (确保三季度、全年指标都大幅提升,
// seed000; a period set off at the head of a clause in a sentence that
// obliges: …行业主管部门要履行监管职责，…，在国庆中秋期间，树牢…意识) or only
// names it (一要抓好上半年工作总结分析, 四季度是收官收口、实现目标的关键季).
func setsTime(v view, c *cand, ref Date) bool {
	ahead := aheadOf(c, ref)
	switch {
	case v.at(v.spaces(c.end)) == '是':
		return false
	case v.cueAfter(c.end, 15, reviewClasses...):
		// 抓好上半年工作总结分析, 第一季度重点工作完成情况 (seed002); but the state
		// of a period still ahead is what is prepared for it: 听取国庆、中秋期间
		// 相关服务保障准备情况
		return ahead && v.cueAfter(c.end, 15, lexicon.PastAfter)
	}
	if hasGoalCue(v, c) || hasCueAfter(v, c.end, goalAfterCues, 6) || v.cueAt(v.spaces(c.end), lexicon.Instruct) {
		return true
	}
	if v.suffixBefore(v.spacesBack(c.start), fromWords) != "" {
		return false // 自2025年第二季度起: where a duty starts
	}
	s, e := sentenceStart(v, c.start), sentenceEnd(v, c.end)
	switch {
	case fronted(v, c):
		return v.obligedIn(s, e) // …要履行监管职责，…，在国庆中秋期间，树牢…意识
	case ahead && c.last().holiday != nil && v.taskAfter(c):
		return v.obligedIn(s, c.start) // 要…，精心做好国庆、中秋假期各项服务保障
	}
	return false
}

// taskAfter reports a word of the work of a period in the noun phrase it
// opens (第四季度的冲刺攻坚任务, 国庆、中秋假期各项服务保障, 首季“开门红”任务,
// 國慶節期間安全防範各項工作): within maxTaskGap runes, before any clause mark.
func (v view) taskAfter(c *cand) bool {
	k := v.spaces(c.end)
	if v.at(k) == '的' || isCloseQuote(v.at(k)) || v.at(k) == '“' || v.at(k) == '"' {
		k++
	}
	for j := k; j <= k+maxTaskGap && j < len(v.r) && !clauseMark(v.r[j]); j++ {
		if v.cueAt(j, lexicon.TaskAfter) {
			return true
		}
	}
	return false
}

// maxTaskGap bounds the words between a period and its work (安全防范).
const maxTaskGap = 4

// aheadOf reports a period that starts after the reference date: what a
// text says of it is planned, not reported.
func aheadOf(c *cand, ref Date) bool {
	if ref.IsZero() {
		return false
	}
	first, _ := asWritten(c).bounds(ref)
	return !first.IsZero() && ref.Before(first)
}

// The classes of the lexicon the roles read. A goal, an obligation, a
// schedule or a time limit before a period sets it as the time of a task
// (确保三季度、全年指标都大幅提升, 要将…作为第四季度工作重点, 完成时限是2022年;
// of schedule words only those that name a time: 定于, 将于, not 即将进入四季度);
// a period followed by a review word or a comparison is reported (抓好上半年
// 工作总结分析, 第一季度工作汇报会, 1-7月来看, 同比); a plan word in a date's
// sentence keeps it ahead (将于9月2日抵达湖南, 嫦娥五号计划11月底发射).
var (
	goalClasses   = []string{lexicon.Instruct, lexicon.Goal, lexicon.Limit, lexicon.Schedule}
	planClasses   = []string{lexicon.Instruct, lexicon.Goal, lexicon.Schedule}
	futureClasses = []string{lexicon.Instruct, lexicon.Goal, lexicon.Schedule, lexicon.Forecast}
	reviewClasses = []string{lexicon.PastAfter, lexicon.Past, lexicon.Compare}
)

// neverDeadline: 全年, 今年, 明年 alone qualify a noun (全年目标任务, 明年重点项目)
// rather than set a time.
func neverDeadline(c *cand) bool {
	a := c.last()
	if c.by {
		return false
	}
	switch {
	case a.wholeYear:
		return true
	case a.relYear && a.grain == grainYear && a.part == partWhole && !a.relMonth:
		return true
	}
	return false
}

// coarse reports a period a text names without setting a time for it
// unless a cue says so: 第一季度, 下半年, 2022年, 今年, 全年, 本月, 春节.
func (c *cand) coarse() bool {
	a := c.last()
	if a.holiday != nil {
		return true
	}
	if a.wholeYear {
		return true
	}
	if a.relWeek {
		return false // 下周召开…: a week is as fine as a month
	}
	if a.relMonth {
		return a.day == 0 && a.part == partWhole
	}
	switch a.grain {
	case grainQuarter, grainHalf:
		return true
	case grainYear:
		return a.part == partWhole
	}
	return false
}

// inTitle reports an offset inside a book title 《…》.
func inTitle(v view, i int) bool {
	for k := i - 1; k >= 0 && i-k <= 60; k-- {
		switch v.r[k] {
		case '《':
			return true
		case '》', '。', '\n':
			return false
		}
	}
	return false
}

// reportingFrame: 截至8月底,全市… / 从1-7月来看 / 自…以来 / 2019年7月以来.
func reportingFrame(v view, c *cand) bool {
	next := v.at(v.spaces(c.end))
	if c.prefix != "" && !c.by && (next == ',' || next == '、' || next == '，') {
		return true
	}
	if v.prefixAt(v.spaces(c.end), []string{"以来", "来看", "来"}) != "" {
		return true
	}
	if v.suffixBefore(v.spacesBack(c.start), fromWords) != "" {
		if c.from != nil { // 从9月1日到9月30日,开展…: a span from 从 to 到 is a schedule
			return hasCueAfter(v, c.end, lookWords, 15)
		}
		return !hasCueAfter(v, c.end, startWords, 3)
	}
	return false
}

// isEventDate: a day that a past event took place on.
func isEventDate(v view, c *cand, ref Date) bool {
	a := c.last()
	if c.by || c.from != nil || a.grain != grainDay || a.holiday != nil {
		return false
	}
	k := v.spaces(c.end)
	if v.prefixAt(k, eventVerbsDone) != "" || v.prefixAt(k, datelineWords) != "" ||
		v.suffixBefore(c.start, todayWords) != "" {
		return true
	}
	if v.cueBefore(c.start, 12, futureClasses...) {
		return false
	}
	if !atClauseStart(v, c.start) {
		return false
	}
	// 9月20日,由中国人民银行…: a day set off by a comma at the head of a
	// clause tells what happened, unless what follows announces it.
	if v.at(v.spaces(c.end)) == ',' && !v.cueIn(c.end, min(c.end+12, len(v.r)), futureClasses...) {
		return true
	}
	at, verb := indexAnyInSentence(v, c.end, 60, eventVerbs, scheduleVerbs)
	if at < 0 || v.cueIn(c.end, at, futureClasses...) {
		return false
	}
	if containsWord(eventVerbs, verb) || v.at(at+len([]rune(verb))) == '了' {
		return true
	}
	_, last := a.bounds(ref)
	return ref.IsZero() || !last.IsZero() && !ref.Before(last)
}

// indexAnyInSentence finds the first word of any list up to the sentence end.
func indexAnyInSentence(v view, i, max int, lists ...[]string) (int, string) {
	for k := i; k < len(v.r) && k-i <= max; k++ {
		if isSentenceEnd(v.r[k]) {
			break
		}
		for _, l := range lists {
			if w := v.prefixAt(k, l); w != "" {
				return k, w
			}
		}
	}
	return -1, ""
}

// hasCueInRange looks for a word starting in [i, j).
func hasCueInRange(v view, i, j int, words []string) bool {
	for k := i; k < j; k++ {
		if v.prefixAt(k, words) != "" {
			return true
		}
	}
	return false
}

func containsWord(words []string, w string) bool {
	for _, x := range words {
		if x == w {
			return true
		}
	}
	return false
}

// atClauseStart: only blanks or a lead-in (核心提示:) separate i from the
// start of its clause.
func atClauseStart(v view, i int) bool {
	k := v.spacesBack(skipPlaceholderYear(v, i))
	return k == 0 || isClauseEnd(v.at(k-1)) || v.at(k-1) == '、'
}

// skipPlaceholderYear steps back over a template year before i (xx年xx月xx日,
// 代县长主持召开了…: the 年 of a blank year belongs to the date).
func skipPlaceholderYear(v view, i int) int {
	k := v.spacesBack(i)
	if k < 1 || v.at(k-1) != '年' {
		return i
	}
	j := k - 1
	for j > 0 && isPlaceholder(v.at(j-1)) {
		j--
	}
	if j == k-1 {
		return i
	}
	return j
}

// isPast: the expression ends before the reference date (birth-date limits,
// 今年7月份…会议后). 限期至2011年10月底前 keeps its explicit limit.
func isPast(c *cand, ref Date) bool {
	if ref.IsZero() || c.limited() {
		return false
	}
	_, last := c.last().bounds(ref)
	if c.from != nil || len(c.atoms) > 1 {
		_, last = c.bounds(ref)
	}
	if !last.IsZero() && last == ref && c.last().grain == grainDay && !c.by && c.from == nil {
		return true // a day that is the document's own date reports what happened on it
	}
	return !last.IsZero() && last.Before(ref)
}

// hasGoalCue: a goal word in the clause before, or 到/于 right before. A
// year or a holiday needs a stronger cue than 要: 要积极做好 2021 年省州重点项目筛选
// and 又要迎来国庆长假 (seed002) set no time.
func hasGoalCue(v view, c *cand) bool {
	s := v.spacesBack(c.start)
	a := c.last()
	weak := a.grain == grainYear && !c.plan || a.holiday != nil // a five-year plan (“十四五”时期) is set by 确保 too
	if w := v.suffixBefore(s, adjacentGoalCues); w != "" && (w != "在" || !weak) && v.suffixBefore(s, notUntilWords) == "" {
		// 基本集中在2018年至2019年, 在国庆中秋期间 name a period, 到2025年 sets a
		// limit; 关于2023年度…计划 is no 于.
		return true
	}
	if weak {
		return v.cueBefore(c.start, 20, lexicon.Limit) || v.strongCueBefore(c.start, 20)
	}
	return v.taskCueBefore(c.start, 20)
}

// taskCueBefore: a goal, obligation, schedule or limit cue in the clause
// before i, other than one of what is about to happen (即将进入四季度).
func (v view) taskCueBefore(i, max int) bool {
	cues := v.p.Cues
	for k := v.marksFrom(i) - 1; k >= 0 && int(cues[k].End) >= i-max; k-- {
		h := cues[k]
		if int(h.Start) >= i-max && slices.Contains(goalClasses, h.Class) && !h.Has(lexicon.Near) && !v.clauseEndIn(int(h.Start), i) {
			return true
		}
	}
	return false
}

// strongCueBefore: a cue flagged strong in the clause before i (力争, 定于,
// 务必): it sets a year or a holiday as a time where 要 does not.
func (v view) strongCueBefore(i, max int) bool {
	cues := v.p.Cues
	for k := v.marksFrom(i) - 1; k >= 0 && int(cues[k].End) >= i-max; k-- {
		if h := cues[k]; int(h.Start) >= i-max && h.Has(lexicon.Strong) && !v.clauseEndIn(int(h.Start), i) {
			return true
		}
	}
	return false
}

// hasCueBefore looks for a word in the clause before i, at most max runes back.
func hasCueBefore(v view, i int, words []string, max int) bool {
	for k := i - 1; k >= 0 && i-k <= max; k-- {
		if isClauseEnd(v.r[k]) {
			return false
		}
		for _, w := range words {
			if v.has(k, w) && k+len([]rune(w)) <= i {
				return true
			}
		}
	}
	return false
}

// hasCueAfter looks for a word in the clause after i, at most max runes on.
func hasCueAfter(v view, i int, words []string, max int) bool {
	for k := i; k < len(v.r) && k-i <= max; k++ {
		if isClauseEnd(v.r[k]) {
			return false
		}
		if v.prefixAt(k, words) != "" {
			return true
		}
	}
	return false
}
