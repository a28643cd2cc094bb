package timex

import (
	"strings"

	"github.com/zhengling/zhengling/segment/lexicon"
)

// A date without 前 sets a time only when its sentence gives a task or a
// plan for it. News reposts, reports and forecasts are full of dates that
// tell what happened or what may happen; these rules read the sentence
// around such a date for that evidence (the tense, the report, the forecast
// and the plan words below) and keep it a deadline only on the plan's side.

// actionCues give a plain date in an instruction its task: 按照8月份拉出清单、10月筹划前期、
// 12月份完成准备 (seed000), 为11月1日正式入户登记作准备 (seed002), 从8月中下旬开始,开展…
// (seed002), 10月完成验收. Without one of these or a plan cue, a single date is
// a narrated one: 7月4日的更新公告写到 (gamersky), 9月28日午饭后 (ifeng).
var actionCues = lexicon.Default().Words("verb.task")

// reportActs right after a date make it the date of a statement: 5月28日拉布威胁称，
// 拉布6月3日在接受天空新闻采访时表示， (huanqiu). Only with the punctuation that
// opens the quote, so that 说明, 简称 and 表示感谢 are no report.
var reportActs = lexicon.Default().Words("verb.say")

// reportLeads before a date put it inside reported speech: 禹州市教体局通报称，9月28日午饭后…
// (ifeng), 南都记者了解到，…自3月5日至9月1日，…成功实施抓捕 (njxfhn).
var reportLeads = lexicon.Default().Words("lead.report")

// figureCues after a date its sentence reports a figure for make it the
// figure's period: 8月份，全市规上工业增加值同比增长5.2%.
var figureCues = lexicon.Default().Words("verb.figure")

// storyLeads before a date in its sentence tell a story: 直到十月下旬，警方再次接到群众报案
// (v-163), 原本应当于2019年12月份交房 (163-1), 从9月上旬开始，先是… (qq), 让人想起来7月3日… (gamersky).
var storyLeads = lexicon.Default().Words("lead.story")

// sequenceWords after a date chain the events of a story: 从9月上旬开始，先是…被带走调查，
// 随后…也被纳入调查行列 (qq).
var sequenceWords = lexicon.Default().Words("word.sequence")

// storyTails after a date tell a moment of a story: 九月初的时候 (v-163), 7月3日某位大佬被泼水之后.
var storyTails = lexicon.Default().Words("tail.story")

// habitCues before a date make it a usual date, recurring: 合肥(常年11月19日) (toutiao weather).
var habitCues = lexicon.Default().Words("word.habit")

// copulas right before a date make it the answer of a narrative: 这是十月三十号上午受害人发布…,
// 发案最多的是十月三十号凌晨 (v-163), 他上次坐火车，是8月2日下午接到… (toutiao: 是 opening
// its clause). 报名时间是…, 重点是9月份完成… keep their schedule.
var copulas = lexicon.Default().Words("word.copula")

// scheduleNouns before 是/为 make the date a schedule: 完成时限是2022年, 时间为11月25日至12月底.
var scheduleNouns = lexicon.Default().Words("noun.schedule")

// storyRole returns the role of a date that its sentence narrates, reports
// or forecasts, and ok=false when the sentence leaves it a deadline.
func storyRole(v view, c *cand) (Role, bool) {
	if c.limited() || c.prefix != "" || c.by && !c.until || len(c.atoms) == 0 {
		return 0, false
	}
	if limited(v, c) {
		return 0, false
	}
	s, e := sentenceStart(v, c.start), sentenceEnd(v, c.end)
	switch {
	case v.suffixBefore(v.spacesBack(c.start), habitCues) != "":
		return RoleRecurrence, true
	case pastMarked(v, c), copulaBefore(v, c), describedAfter(v, c), reportActAfter(v, c),
		hasWordIn(v, max(s, c.start-30), c.start, storyLeads), v.prefixAt(v.spaces(c.end), storyTails) != "":
		return RoleEventDate, true
	case forecast(v, c, s, e):
		return RoleEventDate, true
	case (reportedBefore(v, s, c.start) || hasWordIn(v, c.end, e, sequenceWords)) && !v.cueIn(s, e, planClasses...):
		return reportedRole(v, c, e), true
	case c.from != nil && hasWordIn(v, c.end, e, spanFigureCues) && !v.cueIn(s, e, planClasses...):
		return RolePeriod, true
	case needsTask(c) && hasWordsBeside(v, c, s, e) && !v.cueIn(max(s, c.start-30), min(e, c.end+40), planClasses...) &&
		!hasTaskVerb(v, c):
		return reportedRole(v, c, e), true
	}
	return 0, false
}

// frontWords may stand between a clause start and a fronted date: 到2019年底，….
var frontWords = []string{"到", "至", "从", "自", "在", "于", "而", "直到"}

// fronted: the date is a clause of its own, or nearly (到2019年底，, 九月初的时候，),
// so the next clause tells what happens then.
func fronted(v view, c *cand) bool {
	from, to := clauseStart(v, c.start), clauseEnd(v, c.end)
	if to >= len(v.r) || to-c.end > 6 || (v.r[to] != ',' && v.r[to] != '，') {
		return false
	}
	head := v.spaces(from)
	if w := v.prefixAt(head, frontWords); w != "" {
		head = v.spaces(head + len([]rune(w)))
	}
	return head == c.start || afterByline(v, c.start)
}

// afterByline: the period right after the bracket that closes a report's
// byline opens its sentence (臺海網1月20日訊 (海峽導報記者 沈華鈴)“十三五”期間,漳州要…):
// a bracket of at most maxByline runes without clause punctuation, opened
// after a dateline's 讯 or 电 or at the paragraph's start.
func afterByline(v view, i int) bool {
	k := v.spacesBack(i)
	if k == 0 || (v.r[k-1] != ')' && v.r[k-1] != '）') {
		return false
	}
	for j := k - 2; j >= 0 && k-j <= maxByline; j-- {
		switch v.r[j] {
		case ',', '，', '。', ';', '；':
			return false
		case '(', '（':
			before := v.spacesBack(j)
			return before == 0 || v.r[before-1] == '讯' || v.r[before-1] == '电'
		}
	}
	return false
}

// forecast: a forecast word in the date's clause (and in the next one when
// the date opens its clause: 到2019年底，收益率可能在…), unless an obligation
// outweighs it. 预计于今年10月具备试运营条件，将于今年11月17日…开港运营 keeps the
// second date a plan.
func forecast(v view, c *cand, s, e int) bool {
	from, to := clauseStart(v, c.start), clauseEnd(v, c.end)
	if to-c.end <= 2 && to < e && !v.cueIn(from, to, planClasses...) {
		to = clauseEnd(v, to+1) // 从今天到下周四，中国预计将有超过6亿人次出游
	}
	if fronted(v, c) {
		to = clauseEnd(v, min(to+1, len(v.r)))
		if from > s {
			from = clauseStart(v, from-1) // Canalys分析，到2020年，将有…
		}
	}
	return v.cueIn(from, to, lexicon.Forecast) && !v.obligedIn(max(s, c.start-20), min(e, c.end+30))
}

// obligedIn reports an obligation or a goal starting in [i, j) that
// outweighs a forecast (预计…，要确保10月底前完成); a need does not (本周…气温
// 持续低迷，…公众需注意防寒保暖), nor 要求, often a noun (落实进度要求).
func (v view) obligedIn(i, j int) bool {
	cues := v.p.Cues
	for k := v.marksFrom(i); k < len(cues) && int(cues[k].End) <= j+maxCueRunes; k++ {
		h := cues[k]
		if int(h.Start) >= i && int(h.Start) < j && (h.Class == lexicon.Instruct || h.Class == lexicon.Goal) && !h.Has(lexicon.Need) && h.Word != "要求" {
			return true
		}
	}
	return false
}

// hasTaskVerb: a task verb in the date's own clause, at most 10 runes
// before it (按照8月份拉出清单) or after it (为11月1日正式入户登记作准备), or in
// the next clause when the date is fronted (10月底，全面完成…). Farther off
// a verb belongs to another phrase: …合规性检查…是9月份基金发行回暖的主要原因 (xds).
func hasTaskVerb(v view, c *cand) bool {
	from, to := clauseStart(v, c.start), clauseEnd(v, c.end)
	if fronted(v, c) {
		to = clauseEnd(v, min(to+1, len(v.r)))
	}
	return hasWordIn(v, max(from, c.start-10), c.start, actionCues) || hasWordIn(v, c.end, min(to, c.end+40), actionCues)
}

// spanFigureCues make a span the period of reported figures: 3月5日至9月1日，全市累计
// 破获案件…, 1月至8月，全县固定资产投资同比增长15.3%.
var spanFigureCues = lexicon.Default().Words("verb.spanfigure")

// reportedRole: a date that sets no time is the period of a figure its
// sentence reports (8月份，全市规上工业增加值同比增长5.2%; 据统计，9月份全区完成固定资产投资12亿元),
// else the date of an event.
func reportedRole(v view, c *cand, e int) Role {
	if hasWordIn(v, c.end, e, figureCues) {
		return RolePeriod
	}
	return RoleEventDate
}

// needsTask: a single day, xun, month or year end written without 前 is a
// deadline only with a task or a plan in its sentence; spans (报名时间为…至…)
// and holidays are schedules by themselves.
func needsTask(c *cand) bool {
	if c.from != nil || len(c.atoms) > 1 || c.by {
		return false
	}
	a := c.last()
	return a.holiday == nil && !c.coarse()
}

// hasWordsBeside: the sentence says more than the date; a date standing
// alone (a heading, a table cell: 1月19日) keeps its reading.
func hasWordsBeside(v view, c *cand, s, e int) bool {
	for k := s; k < e; k++ {
		if (k < c.start || k >= c.end) && v.r[k] >= 0x4E00 && v.r[k] < 0xA000 {
			return true
		}
	}
	return false
}

// pastMarked: a report cue of the lexicon (已, 曾, 已经) or a perfective 了
// in the date's clause (主要经济指标超过了年初预期; 已于…), after it or before
// it; a date that opens its clause (九月初的时候，…就陆续发生过) lends its tense
// to the next one.
func pastMarked(v view, c *cand) bool {
	k := v.spacesBack(c.start)
	if v.cueIn(clauseStart(v, c.start), k, lexicon.Perfective) || v.cueIn(max(k-4, 0), k, lexicon.Report) && strings.ContainsRune("于在", v.at(k-1)) {
		return true // 超过了年初预期; 已于, 曾在, 已经于
	}
	end := clauseEnd(v, c.end)
	if fronted(v, c) {
		end = clauseEnd(v, min(end+1, len(v.r)))
	}
	return v.cueIn(c.end, end, lexicon.Report, lexicon.Perfective)
}

func copulaBefore(v view, c *cand) bool {
	k := v.spacesBack(c.start)
	if w := v.suffixBefore(k, copulas); w != "" {
		return v.suffixBefore(k-len([]rune(w)), scheduleNouns) == ""
	}
	return v.at(k-1) == '是' && (k == 1 || isClauseEnd(v.at(k-2)))
}

// describedAfter: 今年的6月16日是父亲节 (people), 11月25日是前往宫古岛…的旅程.
func describedAfter(v view, c *cand) bool {
	k := v.spaces(c.end)
	return v.at(k) == '是' && v.at(k+1) != '否'
}

// reportedBefore: a report lead and its punctuation between the sentence
// start s and the date at i.
func reportedBefore(v view, s, i int) bool {
	for k := s; k < i; k++ {
		if w := v.prefixAt(k, reportLeads); w != "" && opensQuote(v.at(k+len([]rune(w)))) {
			return true
		}
	}
	return false
}

func opensQuote(r rune) bool { return r == ',' || r == '，' || r == ':' || r == '“' || r == '"' }

// reportActAfter: a statement verb and its quote mark between the date and the next comma.
func reportActAfter(v view, c *cand) bool {
	for k := c.end; k < len(v.r) && k-c.end <= 25; k++ {
		switch v.r[k] {
		case ',', '，', '。', ';', '!', '！', '?', '？', '\n':
			return false
		}
		if w := v.prefixAt(k, reportActs); w != "" && opensQuote(v.at(k+len([]rune(w)))) {
			return true
		}
	}
	return false
}

// hasWordIn finds a word starting in [i, j).
func hasWordIn(v view, i, j int, words []string) bool {
	return hasCueInRange(v, max(i, 0), min(j, len(v.r)), words)
}

func sentenceStart(v view, i int) int {
	for i > 0 && !isSentenceEnd(v.r[i-1]) {
		i--
	}
	return i
}

// clauseStart is the start of the clause that holds i.
func clauseStart(v view, i int) int {
	for i > 0 {
		switch v.r[i-1] {
		case '。', ';', '!', '！', '?', '？', ',', '，', ':', '\n':
			return i
		}
		i--
	}
	return 0
}

// clauseEnd is the first clause end at or after i; brackets and quotes do
// not end a clause here (拉布6月3日在接受天空新闻(Sky News)采访时表示).
func clauseEnd(v view, i int) int {
	for i < len(v.r) {
		switch v.r[i] {
		case '。', ';', '!', '！', '?', '？', ',', '，', ':', '\n':
			return i
		}
		i++
	}
	return i
}
