package timex

import (
	"strings"
	"time"
)

// cand is one time expression found in a paragraph, before its role is
// decided: a single atom, a span (A至B), an enumeration (5月、6月), a
// recurrence (每周), a duration (一周内) or an event anchor (…回头看前).
type cand struct {
	start, end  int    // text span, prefix and suffix included
	atoms       []atom // one, or the members of an enumeration
	from        *atom  // first atom of a span
	consecutive bool   // an enumeration of consecutive months: one span
	by          bool   // a completion limit: …前, 限期至…, 年内
	until       bool   // by only from 到/至 before it (到2025年), no 前 after
	prefix      string // 限期至, 截至, 截止, … when written before the atom
	cumulative  bool   // 1-8月份, 前8个月: a reported period from January
	recurrence  bool
	duration    bool
	length      length // a duration's count and unit: 15日内, 三年内
	seasonOnly  bool   // a year's season or event (明年暑期前): dated by no calendar day
	plan        bool   // a five-year plan's period: “十四五”时期
	festival    bool   // a holiday season without a calendar day: 节日期间
	event       string // the anchoring event of 省环保督察回头看前
	approx      bool   // 春节前后, 25日左右
}

// approxSuffixes make a date approximate: 春节前后, 25日前后, 10月20日左右.
var approxSuffixes = []string{"前后", "左右"}

// limited: a 限期 prefix sets a limit even when it is already past.
func (c *cand) limited() bool { return strings.HasPrefix(c.prefix, "限期") }

// last is the atom the expression ends with.
func (c *cand) last() *atom { return &c.atoms[len(c.atoms)-1] }

// limitPrefixes are written before a deadline and belong to its text:
// 限期至2011年10月底前 (seed002), 截止2024年7月7日前 (kaili page).
var limitPrefixes = []string{"限期至", "限期到", "限期于", "限期", "截止到", "截止至", "截止于", "截至到", "截至", "截止"}

// untilWords before a date make it a limit: 到2025年, 延迟至2024年12月31日.
var untilWords = []string{"到", "至"}

// notUntilWords end in 到, 至 or 于 without meaning "until" or "at": 达到,
// 做到, 甚至, 关于2023年度…计划 (a page of 大观区).
var notUntilWords = []string{"达到", "做到", "受到", "得到", "收到", "来到", "提到", "说到", "看到", "遇到", "报到",
	"甚至", "以至", "乃至", "关于", "对于", "由于", "属于", "基于", "鉴于", "至于", "处于", "等于", "终于", "在于",
	"位于", "归于", "出于", "便于", "易于", "利于", "用于", "善于", "敢于", "勇于", "乐于", "忙于", "急于", "限于", "过于",
	// past events and likenesses: 类似于1994年英国…所发挥的作用 (huanqiu), 始建于1958年, 成立于2007年
	"类似于", "相当于", "始于", "源于", "建于", "生于", "成立于", "毕业于", "发表于", "创办于", "诞生于"}

// bySuffixes make an atom a completion limit: 9月1日前, 10月底前,
// 2024年7月10日及以前, 2024年12月31日之前.
var bySuffixes = []string{"下班前", "下班之前", "及以前", "及之前", "以前", "之前", "前", "为止", "止", "以内", "之内", "内"}

// rangeSeps join the two ends of a span: 2024年7月8日09:00至2024年7月10日
// 17:00, 9-10月份, 9月*日至10月*日.
var rangeSeps = []string{"起至", "至", "到", "-"}

// enumSeps join months of an enumeration: 5月、6月 (seed001), 9月和12月 (seed002).
var enumSeps = []string{"、", "和", "及", "与"}

// notBefore: 前 followed by these is not a limit (前列, 前期, 前夕 …).
var notBefore = []rune("列茅沿面期提景进行端头身台方线辈任者述款瞻往途程后门厅排锋卫奏兆置夕移")

// notDateBefore: after a date, 前 is a limit (12月31日前提交, kaili page)
// except in 前夕 and 前后.
var notDateBefore = []rune("夕后移")

func isNotBeforeWord(r rune) bool {
	for _, c := range notBefore {
		if c == r {
			return true
		}
	}
	return false
}

// afterHanNumber are the runes that can follow a number written in Chinese
// digits inside a time expression: 三月, 二〇二四年, 第四季度, 一周内, 九、十月份.
var afterHanNumber = []rune("月年季个周天日小星工、至到-号")

// hanNumberLeadsNowhere: a run of Chinese digits followed by anything else
// (一是, 三个双向) starts no expression, which saves the parsers the test.
func hanNumberLeadsNowhere(v view, i int) bool {
	if !isHanDigit(v.at(i)) {
		return false
	}
	j := i
	for j < len(v.r) && j-i < 5 && isHanDigit(v.r[j]) {
		j++
	}
	j = v.spaces(j)
	return !containsRune(afterHanNumber, v.at(j)) && holidaysByFirst[v.at(i)] == nil
}

// parseCand reads the expression starting at i.
func parseCand(v view, i int) (cand, bool) {
	if hanNumberLeadsNowhere(v, i) {
		return cand{}, false
	}
	if c, ok := parseRecurrence(v, i); ok {
		return c, true
	}
	if c, ok := parseNumberSpan(v, i); ok {
		return finishCand(v, c), true
	}
	if c, ok := parseFiveYear(v, i); ok {
		return finishCand(v, c), true
	}
	if c, ok := parseQuarterPair(v, i); ok {
		return finishCand(v, c), true
	}
	if list, ok := parseNumberList(v, i); ok {
		c := cand{start: i, end: list[len(list)-1].end, atoms: list, consecutive: consecutiveMonths(list)}
		return finishCand(v, c), true
	}
	if c, ok := parseDuration(v, i); ok {
		return c, true
	}
	if c, ok := parseSeason(v, i); ok {
		return c, true
	}
	if c, ok := parseFestival(v, i); ok {
		return c, true
	}
	var a atom
	a.start = i
	end, ok := parseHoliday(v, i, &a)
	if ok {
		a.end = end
		return holidayCand(v, a), true
	}
	if a, ok = parseAtom(v, i); !ok {
		if a, ok = parseBareDay(v, i); !ok {
			return cand{}, false
		}
	}
	c := cand{start: a.start, end: a.end, atoms: []atom{a}}
	// The span starts are copied inside their branches so that only a span
	// costs a heap atom, not every attempt.
	if from, to, ok := parseDayRange(v, a); ok {
		f := from
		c.from, c.atoms[0], c.end = &f, to, to.end
	} else if b, ok := parseSpanEnd(v, a); ok {
		f := a
		c.from, c.atoms[0] = &f, b
		c.end = b.end
	} else if list, ok := parseEnumeration(v, a); ok {
		c.atoms = list
		c.end = list[len(list)-1].end
		c.consecutive = consecutiveMonths(list)
	}
	return finishCand(v, c), true
}

// finishCand adds the limit prefix and the completion suffix.
func finishCand(v view, c cand) cand {
	s := v.spacesBack(c.start)
	if p := v.suffixBefore(s, limitPrefixes); p != "" {
		c.prefix = p
		c.start = s - len([]rune(p))
	} else if v.suffixBefore(s, untilWords) != "" && v.suffixBefore(s, notUntilWords) == "" {
		c.by, c.until = true, true // 到2025年,全市… sets a limit
	}
	k := v.spaces(c.end)
	if s, ok := parseSeason(v, k); ok && c.from == nil {
		c.by, c.end, c.event = true, s.end, s.event // 9月开学前: before the event, in that month
		c.seasonOnly = c.last().grain == grainYear  // 明年暑期前: no calendar date (SPEC v1.1)
		return c
	}
	if w := v.prefixAt(k, approxSuffixes); w != "" && c.from == nil {
		c.approx, c.end = true, k+2
		return c
	}
	if isCloseBracket(v.at(k)) && isOpenBracket(v.at(v.spacesBack(c.start)-1)) {
		if w := v.prefixAt(k+1, bySuffixes); w != "" {
			k++ // 截止日＜2024年7月10日＞及以前: the limit is written after the bracket
		}
	}
	if w := v.prefixAt(k, bySuffixes); w != "" {
		n := k + len([]rune(w))
		if !(w == "前" || w == "之前" || w == "以前") || !containsRune(notDateBefore, v.at(n)) {
			c.by, c.until, c.end = true, false, n
		}
	}
	l := c.last()
	if l.part == partWithin && !c.by {
		c.by, c.until = true, true // 年内 is a limit, though a soft one: 年内已出台19条开放措施
	}
	if c.limited() {
		c.by = true
	}
	if c.from != nil && c.from.month == 1 && c.from.day == 0 && c.from.year == 0 && !c.from.relYear &&
		c.atoms[0].month > 1 && c.atoms[0].day == 0 {
		c.cumulative = true // 1-8月份 同比增长: year-to-date statistics
	}
	return c
}

// parseSpanEnd reads the end of a span after atom a: a full atom, or a day
// (7月8日至10日) or month that takes a's year.
func parseSpanEnd(v view, a atom) (atom, bool) {
	k := v.spaces(a.end)
	sep := v.prefixAt(k, rangeSeps)
	if sep == "" || a.holiday != nil {
		return atom{}, false
	}
	k = v.spaces(k + len([]rune(sep)))
	b, ok := parseAtom(v, k)
	if !ok {
		if list, okl := parseNumberList(v, k); okl {
			b, ok = list[len(list)-1], true
		}
	}
	if !ok && a.month > 0 && a.day > 0 {
		b = atom{start: k, month: a.month}
		d, e, ph, _, okd := parseNum(v, k, 31)
		if !okd {
			return atom{}, false
		}
		e = v.spaces(e)
		if c := v.at(e); c != '日' && c != '号' {
			return atom{}, false
		}
		b.day, b.placeholder, b.grain, b.end = d, ph, grainDay, clock(v, e+1)
		ok = true
	}
	if !ok || b.holiday != nil || b.wholeYear {
		return atom{}, false
	}
	if b.year == 0 && !b.relYear {
		b.year, b.relYear, b.yearRel = a.year, a.relYear, a.yearRel
	}
	return b, true
}

// parseDayRange reads days sharing one month: 5月10-12日, 7月8至10日.
func parseDayRange(v view, a atom) (from, to atom, ok bool) {
	if !bareMonth(a) {
		return from, to, false
	}
	d1, e, ph1, _, ok1 := parseNum(v, v.spaces(a.end), 31)
	k := v.spaces(e)
	sep := v.prefixAt(k, rangeSeps)
	if !ok1 || sep == "" {
		return from, to, false
	}
	d2, e2, ph2, _, ok2 := parseNum(v, v.spaces(k+len([]rune(sep))), 31)
	e2 = v.spaces(e2)
	if !ok2 || (v.at(e2) != '日' && v.at(e2) != '号') || d2 > maxDay[a.month] || !ph1 && !ph2 && d2 <= d1 {
		return from, to, false
	}
	from, to = a, a
	from.day, from.grain, from.placeholder = d1, grainDay, ph1
	to.day, to.grain, to.placeholder, to.end = d2, grainDay, ph2, clock(v, e2+1)
	return from, to, true
}

// parseEnumeration reads further months after a month: 5月、6月; 9月和12月.
func parseEnumeration(v view, a atom) ([]atom, bool) {
	if !bareMonth(a) {
		return nil, false
	}
	list := []atom{a}
	for {
		k := v.spaces(list[len(list)-1].end)
		sep := v.prefixAt(k, enumSeps)
		if sep == "" {
			break
		}
		k = v.spaces(k + len([]rune(sep)))
		b, ok := parseAtom(v, k)
		if !ok || !bareMonth(b) || b.year != 0 || b.relYear {
			break
		}
		b.year, b.relYear, b.yearRel = a.year, a.relYear, a.yearRel
		list = append(list, b)
	}
	return list, len(list) > 1
}

func bareMonth(a atom) bool {
	return a.month > 0 && a.day == 0 && a.part == partWhole && !a.relMonth && !a.placeholder
}

func consecutiveMonths(list []atom) bool {
	for i := 1; i < len(list); i++ {
		if list[i].month != list[i-1].month+1 {
			return false
		}
	}
	return true
}

// parseNumberSpan reads a span whose first end is a bare number taking the
// unit of the second: 9-10月份 (seed004), 1-8月份 (seed002), 2021-2025年.
func parseNumberSpan(v view, i int) (cand, bool) {
	if isDigit(v.at(i-1)) || v.at(i-1) == '.' {
		return cand{}, false
	}
	n, j := digits(v, i, 4)
	if j == i {
		return cand{}, false
	}
	k := v.spaces(j)
	sep := v.prefixAt(k, rangeSeps)
	if sep == "" {
		return cand{}, false
	}
	k = v.spaces(k + len([]rune(sep)))
	b, ok := parseAtom(v, k)
	if !ok {
		return cand{}, false
	}
	a := atom{start: i, end: j, year: b.year, relYear: b.relYear, yearRel: b.yearRel, grain: b.grain}
	switch {
	case j-i <= 2 && b.month > n && n >= 1 && b.day == 0 && b.part == partWhole:
		a.month = n
	case j-i == 4 && b.year > n && n >= 1900 && b.month == 0 && b.quarter == 0 && b.half == 0:
		a.year = n
	default:
		return cand{}, false
	}
	return cand{start: i, end: b.end, atoms: []atom{b}, from: &a}, true
}

// recurrenceUnits follow 每: 每周分析、每周通报 (seed000), 每个月定期调度 (seed002).
var recurrenceUnits = []string{"个工作日", "个季度", "个星期", "个月", "半年", "季度", "星期", "工作日", "周", "月", "季", "年", "天", "日", "旬"}

// recurrenceWords are recurrences without 每: 按月按季督查调度 (seed002).
var recurrenceWords = []string{"按月", "按季", "按周", "按年", "按旬", "逐月", "逐季", "月度", "季度性"}

func parseRecurrence(v view, i int) (cand, bool) {
	if c := v.at(i); c != '每' && c != '按' && c != '逐' && c != '月' && c != '季' {
		return cand{}, false
	}
	if w := v.prefixAt(i, recurrenceWords); w != "" {
		return cand{start: i, end: i + len([]rune(w)), recurrence: true}, true
	}
	if v.at(i) != '每' {
		return cand{}, false
	}
	j := i + 1
	if n, e, _, _, ok := parseNum(v, j, 99); ok && n > 0 {
		j = e
	}
	if w := v.prefixAt(j, recurrenceUnits); w != "" {
		end := j + len([]rune(w))
		// 每年12月底前: the date belongs to the recurrence.
		if a, ok := parseAtom(v, end); ok && a.year == 0 && !a.relYear {
			end = a.end
		} else if d, ok := parseDayOf(v, skipSubPeriod(v, end)); ok {
			end = d.end // 每月5日前报送; 每个季度第1个月的20日前
		}
		return cand{start: i, end: end, recurrence: true}, true
	}
	return cand{}, false
}

// subPeriodUnits name a part of a recurring period: 每个季度第1个月的20日前.
var subPeriodUnits = []string{"个月", "个星期", "周", "旬", "天"}

// skipSubPeriod skips 第N个月的, 最后一个月的 (or 第N周) after a recurrence unit, so that
// the day after it belongs to the recurrence too.
func skipSubPeriod(v view, i int) int {
	var e int
	switch {
	case v.at(i) == '第':
		_, end, _, _, ok := parseNum(v, i+1, 12)
		if !ok {
			return i
		}
		e = end
	case v.has(i, "最后一"):
		e = i + 3 // 每季度最后一个月的30日前
	case v.has(i, "最后"):
		e = i + 2
	default:
		return i
	}
	w := v.prefixAt(e, subPeriodUnits)
	if w == "" {
		return i
	}
	e += len([]rune(w))
	if v.at(e) == '的' {
		e++
	}
	return e
}

// durationUnits: 一周内, 100 天, 24小时内, 15日内, 2年以上, 前8个月.
var durationUnits = []string{"个工作日", "个季度", "个星期", "个小时", "个月", "个周", "工作日", "小时", "星期", "天", "日", "周", "月", "年"}

func parseDuration(v view, i int) (cand, bool) {
	start, lead := i, v.at(i)
	if lead == '前' || lead == '近' || lead == '后' {
		if lead == '前' && containsRune(notFirstBefore, v.at(i-1)) {
			return cand{}, false
		}
		i++
	} else {
		lead = 0
	}
	if isDigit(v.at(i-1)) || lead == 0 && isHanDigit(v.at(i-1)) || containsRune(notDurationBefore, v.at(start-1)) {
		return cand{}, false
	}
	if _, _, _, ok := rocYear(v, i); ok {
		return cand{}, false // 114年底: a year of the Republic, not 114 years
	}
	n, j := countAt(v, i)
	if n == 0 {
		return cand{}, false
	}
	k := v.spaces(j)
	w := v.prefixAt(k, durationUnits)
	end := k + len([]rune(w))
	if w == "" || !durationUnitFits(v, w, j-i, end) {
		return cand{}, false
	}
	if s := v.prefixAt(end, withinWords); s != "" {
		end += len([]rune(s))
	}
	// 前8个月 (seed002) is the year-to-date period of a figure.
	cumulative := lead == '前' && (w == "个月" || w == "个季度")
	within := end > k+len([]rune(w))
	return cand{start: start, end: end, duration: !cumulative, cumulative: cumulative,
		length: length{n: n, unit: w, within: within && lead == 0}}, true
}

var withinWords = []string{"以内", "之内", "内"}

// length is the extent of a duration: 15日内 is 15 天, within.
type length struct {
	n      int
	unit   string
	within bool // 内, 以内, 之内: a limit from a start
}

// after returns the day the duration ends when it starts on d: 15日内 from
// 2024-03-10 is 2024-03-25; months and years keep the day of the month.
func (l length) after(d Date) (Date, string, bool) {
	switch l.unit {
	case "天", "日", "个工作日", "工作日":
		return NewDate(d.Year, d.Month, d.Day+l.n), PrecisionDay, true
	case "周", "个周", "星期", "个星期":
		return NewDate(d.Year, d.Month, d.Day+7*l.n), PrecisionDay, true
	case "个月", "月":
		return NewDate(d.Year, d.Month+time.Month(l.n), d.Day), PrecisionDay, true
	case "个季度":
		return NewDate(d.Year, d.Month+time.Month(3*l.n), d.Day), PrecisionDay, true
	case "年":
		return NewDate(d.Year+l.n, d.Month, d.Day), PrecisionDay, true
	}
	return Date{}, "", false // 小时: finer than a day
}

// countAt reads a count in ASCII or Chinese digits (两 = 2) and its end.
func countAt(v view, i int) (int, int) {
	if n, j := digits(v, i, 5); j > i {
		return n, j
	}
	if v.at(i) == '两' {
		return 2, i + 1
	}
	return hanNumber(v, i)
}

// durationUnitFits rules out what only looks like a duration: 9月 is a
// month, 15日 a day (15日内 is a duration), 2024年 a year, 18周岁 an age,
// 70周年 an anniversary.
func durationUnitFits(v view, unit string, numLen, end int) bool {
	switch unit {
	case "月":
		return false
	case "日":
		return v.prefixAt(end, withinWords) != ""
	case "年":
		return numLen != 4
	case "周", "个周":
		return v.at(end) != '岁' && v.at(end) != '年'
	}
	return true
}

// notDurationBefore: 第一年 is an ordinal, 最后一天 no duration.
// 周三 is a weekday, 1.5小时 a decimal.
var notDurationBefore = []rune("第最之以然周期.")

// notFirstBefore: the 前 of 目前6个月, 当前, 提前 opens no "first N months".
var notFirstBefore = []rune("目当提此以之日空跟面眼")

// holidayCand reads what follows a holiday: 国庆节前 (by), 春节后, 中秋、国庆假期.
func holidayCand(v view, a atom) cand {
	c := cand{start: a.start, end: a.end, atoms: []atom{a}, event: a.holiday.name}
	k := v.spaces(a.end)
	for {
		var b atom
		if v.prefixAt(k, enumSeps) != "" {
			b.start = v.spaces(k + 1)
		} else {
			b.start = k // 国庆中秋长假: two holidays written together
		}
		e, ok := parseHoliday(v, b.start, &b)
		if !ok {
			break
		}
		b.end = e
		c.atoms = append(c.atoms, b)
		c.end = e
		c.event = ""
		k = v.spaces(e)
	}
	if v.at(c.end) == '节' && v.at(c.end+1) == '前' {
		c.end++
	}
	if f, ok := parseFestival(v, c.end); ok && len(c.atoms) > 1 {
		c.end = f.end // 元旦春节“两节”期间: the pair named again, then its span
		c.from, c.festival = &c.atoms[0], true
		return c
	}
	if v.has(c.end, "前后") {
		c.end += 2
		c.approx = true
		return c
	}
	if w := v.prefixAt(c.end, []string{"小长假", "长假", "假期", "期间"}); w != "" {
		c.end += len([]rune(w))
		c.from = &c.atoms[0]
		return c
	}
	if w := v.prefixAt(c.end, []string{"之前", "以前", "前"}); w != "" && !containsRune(notDateBefore, v.at(c.end+len([]rune(w)))) {
		c.end += len([]rune(w))
		c.by = true
	} else if w := v.prefixAt(c.end, []string{"之后", "以后", "后"}); w != "" {
		c.end += len([]rune(w)) // 计划于春节后完成总装测试 (cmse page)
	}
	return c
}

// parseNumberList reads months written as a list of numbers sharing one 月:
// 4、5 月份 (seed002), 九、十月份 (seed004).
// parseQuarterPair reads two quarters written with one 季度 (三、四季度,
// 第三、四季度, 三至四季度): the span from the first to the end of the second.
func parseQuarterPair(v view, i int) (cand, bool) {
	j := i
	if v.at(j) == '第' {
		j++
	}
	q1 := quarterNumber(v.at(j))
	if q1 == 0 || isDigit(v.at(i-1)) || isHanDigit(v.at(i-1)) {
		return cand{}, false
	}
	k := j + 1
	if sep := v.at(k); sep != '、' && sep != '至' && sep != '-' && sep != '和' {
		return cand{}, false
	}
	var b atom
	e, ok := parseQuarter(v, k+1, &b)
	if !ok || b.quarter <= q1 || b.firstQuarts {
		return cand{}, false
	}
	b.start, b.end = k+1, e
	from := atom{start: i, end: j + 1, quarter: q1, grain: grainQuarter, year: b.year, relYear: b.relYear, yearRel: b.yearRel}
	return cand{start: i, end: e, atoms: []atom{b}, from: &from}, true
}

func parseNumberList(v view, i int) ([]atom, bool) {
	if isDigit(v.at(i-1)) || isHanDigit(v.at(i-1)) {
		return nil, false
	}
	var numsBuf, startsBuf [12]int // no allocation for the calls that find no list
	nums, starts := numsBuf[:0], startsBuf[:0]
	j := i
	// A year has 12 months: a longer list is none, and stopping there keeps
	// a run of 一、一、一、… from being read again from every 一.
	for len(nums) < 12 {
		n, e, ph, _, ok := parseNum(v, j, 12)
		if !ok || ph || v.at(e) != '、' {
			break
		}
		nums, starts = append(nums, n), append(starts, j)
		j = v.spaces(e + 1)
	}
	if len(nums) == 0 {
		return nil, false
	}
	last, ok := parseAtom(v, j)
	if !ok || !bareMonth(last) || last.month <= nums[len(nums)-1] {
		return nil, false
	}
	list := make([]atom, 0, len(nums)+1)
	for k, n := range nums {
		list = append(list, atom{start: starts[k], end: starts[k] + 1, month: n, grain: grainMonth,
			year: last.year, relYear: last.relYear, yearRel: last.yearRel})
	}
	return append(list, last), true
}
