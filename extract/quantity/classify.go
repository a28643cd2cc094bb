package quantity

import (
	"sort"
	"strings"

	"github.com/zhengling/zhengling/extract/para"
	"github.com/zhengling/zhengling/segment/lexicon"

	"github.com/zhengling/zhengling/extract/timex"

	"github.com/zhengling/zhengling/extract/numeral"
)

// isClausePunct ends a clause, isSentencePunct a sentence, isPeriodPunct a
// full sentence over its ；-separated items: the lexicon's punctuation
// classes (segment/lexicon/punct.tsv).
var (
	isClausePunct   = lexicon.Default().PunctSet("clause")
	isSentencePunct = lexicon.Default().PunctSet("sentence")
	isPeriodPunct   = lexicon.Default().PunctSet("period")
)

// bounds returns the start of the unit that holds i (scanning left) and the
// end (scanning right) for the given stop test.
func bounds(rs []rune, i, j int, stop func(rune) bool) (int, int) {
	s := i
	for s > 0 && !stop(rs[s-1]) {
		s--
	}
	e := j
	for e < len(rs) && !stop(rs[e]) {
		e++
	}
	return s, e
}

// env is what judging a mention needs to know about its paragraph.
type env struct {
	rs          []rune
	p           *para.Paragraph
	instructing func(int) bool     // may be nil
	wordStart   func(int) bool     // a token starts at the offset
	unitIsWord  func(mention) bool // the unit is a word of its own
	posAt       func(int) string   // POS of the token starting at an offset, "" for none
	times       []timex.Expr
	cues        []cueHit
	clauseAt    func(int) *para.Clause // the clause reading at an offset
	reportPara  bool                   // see reportingParagraph
}

// deadlineBetween reports a deadline expression inside [from, to).
func (e *env) deadlineBetween(from, to int) bool {
	for _, t := range e.times {
		if t.Role == timex.RoleDeadline && t.Start >= from && t.End <= to {
			return true
		}
	}
	return false
}

// judged is a mention with its reading of the sentence around it.
type judged struct {
	mention
	comparator string
	change     string
	verbStart  int // start of the verb or comparator before the number
	clause     span
	sentence   span
	side       int
	// dueInClause: a deadline (RoleDeadline) stands in the clause before
	// the number.
	dueInClause bool
	// byDefault: no rule decided the side (see sideOf).
	byDefault bool
}

// judge reads the comparator, change and side of m; ok is false when the
// mention is not a target or figure at all (a count of rhetoric, a
// condition, a measure of place).
func judge(e *env, m mention) (judged, bool) {
	rs := e.rs
	j := judged{mention: m}
	j.clause.start, j.clause.end = bounds(rs, m.start, m.end, isClausePunct)
	j.sentence.start, j.sentence.end = bounds(rs, m.start, m.end, isSentencePunct)
	if !e.isQuantity(m, j.clause) {
		return j, false
	}
	prefix, prefixAt := prefixComparator(rs, m.start, j.clause.start, e.wordStart)
	change, changeAt, moves := changeVerb(rs, m.start, j.clause.start, e.wordStart)
	if m.chinese && !m.multiplied && m.unit == "倍" && changeAt < 0 {
		return j, false // 超过监管要求两倍视为…: a threshold in words; 增长一倍 counts
	}
	j.comparator = comparatorOf(m, prefix)
	j.approx = m.approx || prefix.approx
	j.change = change
	if m.kind == unitDuration && j.comparator == CmpEQ && changeAt < 0 {
		return j, false // 四个月时间, 24 小时不打烊, 近5年来: durations without a bound or a verb (受教育年限提高到11.7年 counts)
	}
	j.verbStart = minPos(m.start, prefixAt, changeAt)
	j.verbStart = linkVerbStart(rs, j.verbStart, j.clause.start, e.wordStart)
	j.dueInClause = e.deadlineBetween(j.clause.start, m.start)
	j.side, j.byDefault = sideOf(e, j, moves)
	if j.side == sideFigure && e.countsSubject(j) {
		return j, false // 10个招商局要切实发挥…: who acts, not how many
	}
	if j.side == sideFigure && (e.unitPrice(j) || e.incidental(j)) {
		return j, false // 收购均价每斤1.32元: a price; 这4个县: a reference, not a statistic
	}
	return j, true
}

// isQuantity rejects mentions that count nothing a ledger tracks.
func (e *env) isQuantity(m mention, clause span) bool {
	rs := e.rs
	switch {
	case m.chinese && !m.multiplied && !m.percent && m.unit != "倍":
		return false // 十条产业链, 四个月, 三个双向: counts of rhetoric (but 增长一倍)
	case m.chinese && !e.wordStart(m.start):
		return false // 统一成本 is no 一成
	case isCondition(rs, clause), nearWord(rs, m.start, notQuantityIx, 3), rankMoved(rs, m):
		return false // …推诿扯皮的，要…; 半径5公里
	case !e.unitIsWord(m), unitBeginsWord(rs, m):
		return false // 2012人社工作
	case strings.ContainsRune(formulaBefore, prevNonSpace(rs, m.start)):
		return false // 笔试成绩×50％
	case e.classBound(m), boundedClassOf(rs, m):
		return false // 89个投资1000万元以上重大项目: a class, not a value
	}
	lim, ok := smallCopies[m.unit]
	return !ok || m.value >= lim
}

func minPos(base int, ps ...int) int {
	for _, p := range ps {
		if p >= 0 && p < base {
			base = p
		}
	}
	return base
}

// unitBeginsWord: the unit is the first character of another word (人社).
func unitBeginsWord(rs []rune, m mention) bool {
	if m.unitStart < 0 || m.percent {
		return false
	}
	_, ok := notUnitIx.longestStarting(rs, m.unitStart)
	return ok
}

// classBound: a 以上/以下 bound followed by a noun, adjective or time word
// names a class of things (1000万元以上重大项目, 2年以上基层工作经历,
// 60周岁以上老年人口), not a value.
func (e *env) classBound(m mention) bool {
	if m.suffixCmp == "" || m.suffixCmp == CmpApprox || m.end >= len(e.rs) {
		return false
	}
	pos := e.posAt(m.end)
	return pos != "" && !strings.ContainsRune("vupcdwxmqzr", rune(pos[0])) // 获, 的, 、 … end no class
}

// unitPrice: a small amount of money per unit of goods (每斤1.32元,
// 3.5元/斤) or after a price word in its clause (售价199元, 约合人民币4971元).
func (e *env) unitPrice(j judged) bool {
	rs := e.rs
	if !currencies[j.unit] || j.value >= maxPrice {
		return false
	}
	if k, r := nextNonSpace(rs, j.unitEnd); r == '/' {
		if _, ok := priceMeasIx.longestStarting(rs, k+1); ok {
			return true
		}
	}
	for k := max(j.clause.start, j.start-6); k < j.start; k++ {
		if rs[k] != '每' {
			continue
		}
		if _, ok := priceMeasIx.longestStarting(rs, k+1); ok {
			return true
		}
	}
	found := false
	lookBack(rs, j.start, j.clause.start, func(e2 int) bool {
		_, found = wordEnding(priceWordIx, rs, e2, e.wordStart)
		return found
	})
	return found
}

// incidental: a count that refers to things rather than measures them — a
// demonstrative before it (这4个县(市)都在应对…, 由于这7名) or a count of
// aspects and lists in a generic counter (3个清单, 4个方面, 抓好3件事). GOLD
// treats them as optional; a ledger does not want them. A tally after 等
// stays: 梳理出减税费、降成本…等 350 条优惠政策.
func (e *env) incidental(j judged) bool {
	rs := e.rs
	if !genericCounters[j.unit] && !strings.ContainsRune(demonstratives, prevNonSpace(rs, j.start)) {
		return false
	}
	if strings.ContainsRune(demonstratives, prevNonSpace(rs, j.start)) {
		return true
	}
	k, _ := nextNonSpace(rs, j.end)
	_, ok := listNounIx.longestStarting(rs, k)
	return ok
}

// boundedClassOf: 在X以上的 + noun names a class (对投资额在5000万元以上的项目
// 实行领导包联), where 在 introduces the bound and 的 ties it to the noun.
func boundedClassOf(rs []rune, m mention) bool {
	if m.suffixCmp != CmpGE && m.suffixCmp != CmpLE {
		return false
	}
	k, r := nextNonSpace(rs, m.end)
	return r == '的' && k+1 < len(rs) && !isClausePunct(rs[k+1]) && prevNonSpace(rs, m.start) == '在'
}

// isThreshold: the value carries an explicit 以上/以下 bound.
func isThreshold(rs []rune, m mention) bool {
	k, _ := nextNonSpace(rs, m.unitEnd)
	for _, w := range []string{"以上", "及以上", "或以上", "以下", "及以下"} {
		if hasPrefixAt(rs, k, w) {
			return true
		}
	}
	return false
}

// countsSubject: a count followed in its clause by 要 opens the subject of
// an instruction (10个招商局要切实发挥招商引资主力军的作用).
func (e *env) countsSubject(j judged) bool {
	for k := j.end; k < j.clause.end && k < j.end+8; k++ {
		if e.yaoAt(k) {
			return true
		}
	}
	return false
}

// rankVerbs move a rank: 较年初前移了3位 counts places, not people.
var rankIx = byLast(lexicon.Default().Words("verb.rank"))

// rankMoved: 位 after a verb that moves a rank (前移了3位, 上升2位).
func rankMoved(rs []rune, m mention) bool {
	if m.unitStart < 0 || rs[m.unitStart] != '位' {
		return false
	}
	k := m.start
	for k > 0 && (rs[k-1] == '了' || numeral.IsSpace(rs[k-1])) {
		k--
	}
	_, ok := rankIx.longestEnding(rs, k)
	return ok
}

// isCondition: a clause that ends in 的 sets who is concerned, not a value:
// 对群众一周内重复投诉5件以上…的，要每周分析; 7天内拒不报到的.
func isCondition(rs []rune, c span) bool {
	e := c.end
	for e > c.start && numeral.IsSpace(rs[e-1]) {
		e--
	}
	return e > c.start && rs[e-1] == '的'
}

// nearWord reports whether one of words ends within gap runes before i.
func nearWord(rs []rune, i int, words table[string], gap int) bool {
	for e := i; e >= 0 && e >= i-gap; e-- {
		if e < i && isClausePunct(rs[e]) {
			return false
		}
		if _, ok := words.longestEnding(rs, e); ok {
			return true
		}
	}
	return false
}

// maxGap is how many runes may stand between a comparator or verb and its
// number: 不低于每人10元, 超过了200%, 至少有 1项.
const maxGap = 3

// lookBack calls match at each end position from i back over at most
// maxGap runes (spaces are free), stopping at clause punctuation and 、.
func lookBack(rs []rune, i, floor int, match func(e int) bool) {
	gap := 0
	for e := i; e > floor && gap <= maxGap; e-- {
		if match(e) {
			return
		}
		r := rs[e-1]
		if isClausePunct(r) || r == '、' {
			return
		}
		if !numeral.IsSpace(r) {
			gap++
		}
	}
}

// prefixComparator finds 不低于, 超过, 约 … before the number; a one-rune
// comparator must begin a word (约 of 签约资金 is none).
func prefixComparator(rs []rune, i, floor int, wordStart func(int) bool) (cmpRow, int) {
	var found cmpRow
	at := -1
	lookBack(rs, i, floor, func(e int) bool {
		c, ok := wordEnding(prefixCmpIx, rs, e, wordStart)
		if ok {
			found, at = c.row, e-c.n
		}
		return ok
	})
	if at >= 0 && (found.cmp == CmpGT || found.cmp == CmpLT) {
		found, at = negated(rs, found, at)
	}
	return found, at
}

// negated turns 不得超过 into <= and 不能低于 into >=.
func negated(rs []rune, c cmpRow, at int) (cmpRow, int) {
	k := at
	if k > 0 && strings.ContainsRune(negatedModals, rs[k-1]) {
		k--
	}
	if k == 0 || rs[k-1] != '不' {
		return c, at
	}
	if c.cmp == CmpGT {
		c.cmp = CmpLE
	} else {
		c.cmp = CmpGE
	}
	return c, k - 1
}

// wordEnding is the longest row ending at e whose word, if one rune long,
// is a word of its own (人均 has no 均, 下达 no 达).
func wordEnding[T any](ix table[T], rs []rune, e int, wordStart func(int) bool) (entry[T], bool) {
	for _, c := range ix.endingAt(rs, e) {
		if hasSuffixAt(rs, e, c.word) && (c.n > 1 || wordStart(e-1) && (e >= len(rs) || wordStart(e))) {
			return c, true
		}
	}
	return entry[T]{}, false
}

// changeVerb finds the verb before the value: its change, where it starts
// (-1 for none) and whether it sets or moves the value (新增 only counts).
func changeVerb(rs []rune, i, floor int, wordStart func(int) bool) (change string, at int, moves bool) {
	change, at = ChangeNone, -1
	lookBack(rs, i, floor, func(e int) bool {
		c, ok := wordEnding(changeIx, rs, e, wordStart)
		if ok && e < i && !wordStart(e) {
			return false // 增加值 is a noun, not 增加
		}
		if ok {
			change, at, moves = c.row.change, e-c.n, c.word != "新增"
		}
		return ok
	})
	return change, at, moves
}

// linkVerbs tie a metric to its value and belong to the target's text:
// 全县固定资产投资完成246.79亿元, 保障率只有10.7%.
var linkVerbs = lexicon.Default().Words("verb.link")

// linkVerbStart moves the verb start left over a link verb right before it.
func linkVerbStart(rs []rune, at, floor int, wordStart func(int) bool) int {
	for moved := true; moved; {
		moved = false
		if w, ok := wordEnding(linkVerbIx, rs, at, wordStart); ok && at-w.n >= floor {
			at -= w.n
			moved = true
		}
	}
	return at
}

// comparatorOf combines range, suffix and prefix comparators.
func comparatorOf(m mention, prefix cmpRow) string {
	switch {
	case m.ranged:
		return CmpBetween
	case m.suffixCmp != "":
		return m.suffixCmp
	case prefix.cmp != "":
		return prefix.cmp
	}
	return CmpEQ
}

// side decides target or figure: the nearest cue before the number in its
// clause, a goal word after it, a sentence-wide cue (确保A、B，C), an
// explicit 以上/以下 bound (年龄在18周岁及以上), a verb-led value inside an
// instructing item; a figure by default.
func side(e *env, j judged, verbFound bool) int {
	sd, _ := sideOf(e, j, verbFound)
	return sd
}

// sideOf is side, also reporting whether no rule decided (byDefault): such
// a value may take the side of the target before it in its sentence.
func sideOf(e *env, j judged, verbFound bool) (sd int, byDefault bool) {
	rs := e.rs
	if e.condition(j) {
		return sideFigure, false // 年龄在18周岁及以上; 单个项目最高可给予100万元支持
	}
	if h, ok := e.clauseCue(j); ok {
		c := h.row
		if c.compare {
			return e.comparedSide(j, h), false
		}
		if c.weak && j.comparator == CmpEQ && !verbFound && genericCounters[j.unit] {
			return sideFigure, false
		}
		return e.narratedSide(j, c), false
	}
	if containsAny(rs, j.end, j.clause.end, goalAfterIx) {
		return sideTarget, false // …200家的目标任务: the goal noun names this value only
	}
	if sd, ok := e.frameSide(j, verbFound); ok {
		return sd, false
	}
	if c, ok := e.nearestCue(j.clause.start, j.sentence.start, true); ok {
		return c.side, false
	}
	if ps, _ := bounds(rs, j.start, j.end, isPeriodPunct); ps < j.sentence.start {
		if c, ok := e.nearestListCue(j.sentence.start, ps); ok {
			return c.side, false // 主要预期目标是：…增长7%左右；一般公共预算收入增长6%
		}
	}
	if j.dueInClause {
		return sideTarget, false // 9月底前完成投资3亿元: a value with a deadline is a goal
	}
	if e.dueAtHead(j) {
		return sideTarget, false // 到2025年，全市地区生产总值突破5000亿元，城镇化率达到65%
	}
	if containsAny(rs, j.end, j.clause.end, figureAfterIx) {
		return sideFigure, false
	}
	if isThreshold(rs, j.mention) && j.kind == unitDuration {
		return sideTarget, false // 年龄在18周岁及以上
	}
	if e.instructs(j) && j.suffixCmp != "" && j.suffixCmp != CmpApprox {
		return sideTarget, false // 一要…达到90%以上; 八、考察…自接到考察通知之日起15日内
	}
	if verbFound && e.instructs(j) {
		return sideTarget, false // 二要…单位能耗下降3%
	}
	if e.instructs(j) && !e.reported(j) && !tally(rs, j) && (e.dueNear(j) || e.planVerbLeads(j)) {
		return sideTarget, false // 新建污水管网45公里，春节前完成主体工程
	}
	return sideFigure, true
}

// condition reports a value its clause states as a condition or a policy
// parameter (SPEC: figures with their comparator, never targets): the
// nearest stance cue before it in its clause is a condition (一律查到罚款
// 8-10万元), or its section is one of conditions (报名条件).
func (e *env) condition(j judged) bool {
	hits := e.p.CuesIn(j.clause.start, j.start, lexicon.StanceClasses...)
	if len(hits) > 0 {
		return hits[len(hits)-1].Class == lexicon.Condition
	}
	c := e.clauseAt(j.start)
	return c != nil && c.Stance == lexicon.Condition && !c.Own
}

// frameAt is the time frame of j's clause in the clause reading.
func (e *env) frameAt(j judged) para.Frame {
	if e.clauseAt == nil {
		return para.FrameNone
	}
	if c := e.clauseAt(j.start); c != nil {
		return c.Frame
	}
	return para.FrameNone
}

// frameSide decides a value that no cue of its own clause decides, by the
// period its clause is about (SPEC: the time frame, not the verb): a value
// of a period that has ended is a figure (过去一年，全市地区生产总值达到3200
// 亿元), unless a goal cue governs its sentence; a value for the current or
// a coming period is a target (到2025年，…综合机械化率达到85%) unless its
// clause forecasts, reports or states a condition.
func (e *env) frameSide(j judged, verbFound bool) (int, bool) {
	if e.clauseAt == nil {
		return 0, false
	}
	c := e.clauseAt(j.start)
	if c == nil {
		return 0, false
	}
	switch c.Frame {
	case para.FramePast:
		if c.Stance == lexicon.Goal && (c.Own || c.FrameFrom.Inherited() && e.p.Lexicon.Set(lexicon.Goal)[c.StanceBy]) {
			// a goal cue in the clause, or one of its sentence against a
			// period it only inherits: 一、2013年工作总结 > …确保养老待遇按时
			// 足额准确发放，发放率达100%
			return sideTarget, true
		}
		return sideFigure, true
	case para.FrameAhead:
		switch c.Stance {
		case lexicon.Forecast, lexicon.Report, lexicon.Condition:
			return sideFigure, true
		}
		if j.comparator == CmpEQ && !verbFound && genericCounters[j.unit] && !e.planVerbLeads(j) {
			return 0, false // 根据…“十四五”规划5大类31个方向要求: a count that names, no output
		}
		return sideTarget, true
	}
	if c.Stance == lexicon.Goal && !c.Own {
		return sideTarget, true // 二、主要预期目标 > 地区生产总值增长6%左右
	}
	return 0, false
}

// dueAtHead reports a deadline heading j's sentence: the sentence's first
// clause, before j's, holds a deadline expression (到2025年，…；…), which
// governs every clause up to the 。, unless the paragraph reports.
func (e *env) dueAtHead(j judged) bool {
	if e.reportPara {
		return false
	}
	from, _ := bounds(e.rs, j.start, j.end, isPeriodPunct)
	_, headEnd := bounds(e.rs, from, from, isClausePunct)
	if headEnd >= j.clause.start {
		return false
	}
	for _, t := range e.times {
		if t.Role == timex.RoleDeadline && t.Kind == timex.KindBy && t.Start >= from && t.End <= headEnd {
			return true // a window (5月20日-31日，…4个收费站将封闭) sets no goal
		}
	}
	return false
}

// dueNear reports a deadline in j's clause or in the clause right after it
// (新建污水管网45公里，春节前完成主体工程).
func (e *env) dueNear(j judged) bool {
	end := j.clause.end
	if end < len(e.rs) && !isSentencePunct(e.rs[end]) {
		_, end = bounds(e.rs, end+1, end+1, isClausePunct)
	}
	return e.deadlineBetween(j.clause.start, end)
}

// reported: the clause narrates what was done (列入了77个…, 1.56万剩余贫困人口
// 已经全部达到脱贫条件; a report cue or a past frame word of the lexicon, or
// a perfective 了), so an instruction around it does not make a goal.
func (e *env) reported(j judged) bool {
	from, _ := bounds(e.rs, j.start, j.end, isPeriodPunct)
	if len(e.p.CuesIn(from, j.clause.end, lexicon.Report, lexicon.Past)) > 0 {
		return true
	}
	for k := from + 1; k < j.clause.end; k++ {
		if e.rs[k] == '了' && e.posAt(k) != "" && e.posAt(k)[0] == 'u' {
			return true
		}
	}
	return false
}

// continuesGoal: j, decided by no rule, goes on the target before it in its
// sentence (2023年底前完成老旧小区改造120个，惠及居民3.6万户; 支出安排468000万元，
// 增长3.5%) unless its clause narrates or negates (…的目标任务差距很大，…没有1家入规)
// or the target's goal was a noun after that value alone.
func (e *env) continuesGoal(j judged, prev judged) bool {
	if !j.byDefault || prev.side != sideTarget || prev.sentence != j.sentence || e.reported(j) {
		return false
	}
	if containsAny(e.rs, prev.end, prev.clause.end, goalAfterIx) {
		return false
	}
	return !containsAny(e.rs, j.clause.start, j.clause.end, negationIx)
}

// tally: a count right after 等 sums up a list (农村公用厕所等6项省定民生实事).
func tally(rs []rune, j judged) bool {
	return prevNonSpace(rs, j.start) == '等'
}

// narratedSide: a level cue (稳定在, 控制在, 安排) in a paragraph that
// reports states a level reached, not one to reach (过去一年，…城镇调查失业率
// 控制在5.2%以内; 2023年，全市粮食总产量…连续五年稳定在150万吨以上).
func (e *env) narratedSide(j judged, c cueRow) int {
	if c.side == sideTarget && c.level && (e.reportPara || e.frameAt(j) == para.FramePast) {
		return sideFigure
	}
	if c.side == sideTarget && c.obtain && e.pastByContext(j) {
		return sideFigure // 一、过去一年工作回顾 > 争取上级转移支付31.8亿元: won, not sought
	}
	return c.side
}

// pastByContext: j's clause is dated in the past by its sentence, section
// or paragraph, not by its own words.
func (e *env) pastByContext(j judged) bool {
	if e.clauseAt == nil {
		return false
	}
	c := e.clauseAt(j.start)
	return c != nil && c.Frame == para.FramePast && c.FrameFrom != para.FromClause
}

// reportingParagraph: the paragraph compares with a base or narrates a past
// period (同比, 比上年, 过去一年), and sets no deadline and no goal with an
// intent cue (确保, 力争, 要): a statistics or review paragraph, whatever
// the item around it.
func reportingParagraph(p *para.Paragraph, cues []cueHit, times []timex.Expr) bool {
	for _, t := range times {
		if t.Role == timex.RoleDeadline {
			return false
		}
	}
	reports := false
	for _, h := range cues {
		switch {
		case h.row.side == sideTarget && !h.row.level:
			return false
		case h.row.compare:
			reports = true
		}
	}
	return reports || len(p.CuesIn(0, p.Len(), lexicon.Past)) > 0
}

// instructs reports whether j stands inside an instructing item, its
// paragraph is no report, and no reported period (1-8月份, 上半年) stands
// before it in its sentence.
func (e *env) instructs(j judged) bool {
	if e.instructing == nil || !e.instructing(j.start) || e.reportPara {
		return false
	}
	from, _ := bounds(e.rs, j.start, j.end, isPeriodPunct)
	for _, t := range e.times {
		if t.Role == timex.RolePeriod && t.Start >= from && t.End <= j.start {
			return false
		}
	}
	return true
}

// comparedSide decides a value whose nearest cue compares it with a base
// (同比, 比上年): a cue before that one in the clause or the sentence
// decides (确保规上工业增加值同比增长8%以上); inside an instruction a bound or
// a deadline makes it a goal (二要…7月中旬前开展…，事故起数同比下降10%以上);
// else it is a reported figure.
func (e *env) comparedSide(j judged, h cueHit) int {
	if c, ok := e.nearestCue(h.end-h.n, j.clause.start, false); ok && !c.compare {
		return e.narratedSide(j, c)
	}
	if j.dueInClause {
		return sideTarget // 到2024年底，累计改造城镇老旧小区300个以上
	}
	if c, ok := e.nearestCue(j.clause.start, j.sentence.start, true); ok {
		return c.side
	}
	if e.frameAt(j) == para.FrameAhead {
		return sideTarget // 到2025年，单位地区生产总值能耗比2020年下降13.5%
	}
	if e.dueAtHead(j) {
		return sideTarget // 到2025年，单位地区生产总值能耗比2020年下降13.5%
	}
	bounded := j.comparator != CmpEQ && j.comparator != CmpApprox
	if e.instructs(j) && (bounded || e.deadlineBetween(j.sentence.start, j.sentence.end)) {
		return sideTarget
	}
	return sideFigure
}

// planVerbLeads: inside an instruction, the clause before the number holds a
// verb that produces what is counted (新建污水管网45公里, 配备分类收集车辆20台),
// not a verb of state (有, 是) or of a list (抓好, 突出).
func (e *env) planVerbLeads(j judged) bool {
	for k := j.clause.start; k < j.start; k++ {
		if w, ok := planVerbIx.longestStarting(e.rs, k); ok && e.wordStart(k) && e.wordStart(k+w.n) {
			return true
		}
	}
	return false
}

// cueHit is one cue written in the paragraph, ending at end.
type cueHit struct {
	end int
	n   int
	row cueRow
}

// cueHits are the paragraph's stance cues of the lexicon (marked once by
// package para) that decide a side, in order of their ends.
func cueHits(p *para.Paragraph) []cueHit {
	var out []cueHit
	for _, h := range p.Cues {
		if row, ok := cueOf(h.Entry); ok {
			out = append(out, cueHit{int(h.End), h.Len(), row})
		}
	}
	return out
}

// nearestCue is the cue ending closest before i and starting at or after
// floor; outer limits it to cues that govern a whole sentence.
func (e *env) nearestCue(i, floor int, outer bool) (cueRow, bool) {
	h, ok := e.nearestHit(i, floor, outer)
	return h.row, ok
}

// clauseCue is the nearest cue of j's clause; an adjacent-only cue (安排)
// counts only right before the number (投资安排领域和…5大类31个 has none).
func (e *env) clauseCue(j judged) (cueHit, bool) {
	at := j.start
	for {
		h, ok := e.nearestHit(at, j.clause.start, false)
		if !ok || !h.row.adjacent || gapRunes(e.rs, h.end, j.start) <= maxGap {
			return h, ok
		}
		at = h.end - h.n
	}
}

// gapRunes counts the runes other than spaces in rs[from:to].
func gapRunes(rs []rune, from, to int) int {
	n := 0
	for k := from; k < to && k < len(rs); k++ {
		if !numeral.IsSpace(rs[k]) {
			n++
		}
	}
	return n
}

// nearestHit is nearestCue with the cue's place.
func (e *env) nearestHit(i, floor int, outer bool) (cueHit, bool) {
	hits := e.cues
	k := sort.Search(len(hits), func(k int) bool { return hits[k].end > i })
	for k--; k >= 0 && hits[k].end > floor; k-- {
		h := hits[k]
		if h.end-h.n < floor || (outer && !h.row.sentence) {
			continue
		}
		return h, true
	}
	return cueHit{}, false
}

// nearestListCue is the nearest list cue (目标是：) in [floor, i).
func (e *env) nearestListCue(i, floor int) (cueRow, bool) {
	hits := e.cues
	k := sort.Search(len(hits), func(k int) bool { return hits[k].end > i })
	for k--; k >= 0 && hits[k].end > floor; k-- {
		if h := hits[k]; h.row.list && h.end-h.n >= floor {
			return h.row, true
		}
	}
	return cueRow{}, false
}

// yaoAt reports the cue 要 of the lexicon at rune k (not the 要 of 主要,
// 重要, 要求: see its row's neighbours).
func (e *env) yaoAt(k int) bool {
	for _, h := range e.p.CuesIn(k, k+1, lexicon.Instruct) {
		if int(h.Start) == k && h.Word == "要" {
			return true
		}
	}
	return false
}

func containsAny(rs []rune, from, to int, words table[string]) bool {
	for k := from; k < to; k++ {
		if _, ok := words.longestStarting(rs, k); ok {
			return true
		}
	}
	return false
}

// metricStart finds where the measured noun phrase begins: after the last
// stop word, 、 or earlier mention of the clause, before the verb.
func metricStart(rs []rune, verbStart, floor int, wordStart func(int) bool) int {
	for e := verbStart; e > floor; e-- {
		if _, ok := wordEnding(metricStopIx, rs, e, wordStart); ok {
			return e
		}
	}
	return floor
}
