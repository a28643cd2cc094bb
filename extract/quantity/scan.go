package quantity

import (
	"math"
	"sort"
	"strings"
	"unicode"

	"github.com/zhengling/zhengling/extract/numeral"
)

// pct is one percent expression to list in Percentages.
type pct struct {
	start, end int
	value      float64
	unit       string
}

// mention is one quantity found in the folded view, before it is judged a
// target, a figure or neither.
type mention struct {
	start, end int // the number (sign included) through its unit and suffix comparator
	unitStart  int // first rune of the unit (-1 for none written)
	unitEnd    int // after the unit, before the suffix comparator
	value      float64
	max        *float64
	unit       string
	kind       unitKind
	percent    bool  // a share: %, 个百分点, 百分之…, 成, 一半, 三分之一
	listed     []pct // the percent expressions it holds (none for 三分之一)
	approx     bool
	suffixCmp  string
	chinese    bool // written in Chinese numerals only
	multiplied bool // 万/亿 scaled it
	ranged     bool // X至Y
	// scale turned the written number into the value (10 for 九成, 0.1
	// for ‰); 0 means 1. The bare lower end of a range takes it: 五到六成.
	scale float64
}

// span is a half-open rune range.
type span struct{ start, end int }

func inSpans(spans []span, i int) (span, bool) {
	// spans are sorted and apart (urlSpans, titleSpans): only the last
	// one that starts at or before i may hold it.
	k := sort.Search(len(spans), func(k int) bool { return spans[k].start > i })
	if k > 0 && i < spans[k-1].end {
		return spans[k-1], true
	}
	return span{}, false
}

// scanner walks the folded view of one paragraph.
type scanner struct {
	rs           []rune
	urls, titles []span
	mentions     []mention
	placeholders []span
	measureWord  func(int) bool
	overflows    []span // numbers beyond float64: no quantity, a warning
}

// newScanner reads rs; measureWord, when not nil, tells a measure word (量词)
// of the segmenter standing alone at an offset.
func newScanner(rs []rune, measureWord func(int) bool) *scanner {
	return &scanner{rs: rs, urls: urlSpans(rs), titles: titleSpans(rs), measureWord: measureWord}
}

// run finds every mention and placeholder, left to right.
func (s *scanner) run() {
	for i := 0; i < len(s.rs); {
		if u, ok := inSpans(s.urls, i); ok {
			i = u.end
			continue
		}
		i = s.step(i)
	}
}

// step reads whatever starts at i and returns where to continue.
func (s *scanner) step(i int) int {
	if end, ok := placeholderAt(s.rs, i); ok {
		s.placeholders = append(s.placeholders, span{i, end})
		return end
	}
	if m, ok := perCentWordAt(s.rs, i); ok {
		s.suffixComparator(&m)
		return s.add(m)
	}
	if m, ok := halfAt(s.rs, i); ok {
		s.suffixComparator(&m)
		return s.add(m)
	}
	if !numberStartsAt(s.rs, i) {
		return i + 1
	}
	m, end, ok := s.numberAt(i)
	if ok {
		return s.add(m)
	}
	return max(end, i+1)
}

// add keeps m, unless arithmetic on its number (百分之…, 9成, a range)
// went beyond float64: then it is an overflow.
func (s *scanner) add(m mention) int {
	if !m.finite() {
		s.overflow(span{m.start, m.end})
		return m.end
	}
	s.mentions = append(s.mentions, m)
	return m.end
}

// overflow notes a number beyond float64, once (a range reads its second
// number before the scan reaches it).
func (s *scanner) overflow(sp span) {
	if n := len(s.overflows); n > 0 && s.overflows[n-1] == sp {
		return
	}
	s.overflows = append(s.overflows, sp)
}

func (m *mention) finite() bool {
	ok := isFinite(m.value) && (m.max == nil || isFinite(*m.max))
	for _, p := range m.listed {
		ok = ok && isFinite(p.value)
	}
	return ok
}

func isFinite(v float64) bool { return !math.IsInf(v, 0) && !math.IsNaN(v) }

// numberStartsAt reports whether a number (or its sign) begins at i and not
// in the middle of a word: 2019 is one number, G20 and V2.0 none.
func numberStartsAt(rs []rune, i int) bool {
	r := rs[i]
	if isSign(r) && i+1 < len(rs) && (numeral.IsDigit(rs[i+1]) || (r == '负' && numeral.IsChineseDigit(rs[i+1]))) {
		return signAllowed(rs, i)
	}
	if !numeral.IsDigit(r) && !numeral.IsChineseDigit(r) && r != '十' && r != '拾' && !numeral.IsMultiplier(r) {
		return false
	}
	if i == 0 {
		return true
	}
	p := rs[i-1]
	if numeral.IsDigit(r) {
		return !numeral.IsDigit(p) && p != '.' && !isASCIILetter(p)
	}
	return !numeral.IsChineseDigit(p) && !numeral.IsMultiplier(p) && !numeral.IsDigit(p)
}

func isSign(r rune) bool { return r == '-' || r == '负' }

// signAllowed: a minus is a sign after a name or punctuation (示范区-7.9%),
// not between two numbers (1-8月份, 5%-10%).
func signAllowed(rs []rune, i int) bool {
	p := prevNonSpace(rs, i)
	if p == 0 {
		return true
	}
	if numeral.IsDigit(p) || p == '%' || p == '-' || isASCIILetter(p) || numeral.IsChineseDigit(p) {
		return false // 1-8月份, 5%-10%, 破折号——5%
	}
	if rs[i] == '负' {
		return true
	}
	_, isUnitEnd := unitEndingAt(rs, i)
	return !isUnitEnd
}

// unitEndingAt reports a unit that ends right before i (34家-…).
func unitEndingAt(rs []rune, i int) (unitRow, bool) {
	e := i
	for e > 0 && numeral.IsSpace(rs[e-1]) {
		e--
	}
	u, ok := unitEndIx.longestEnding(rs, e)
	return u.row, ok
}

func isASCIILetter(r rune) bool { return r < unicode.MaxASCII && unicode.IsLetter(r) }

func prevNonSpace(rs []rune, i int) rune {
	for i--; i >= 0; i-- {
		if !numeral.IsSpace(rs[i]) {
			return rs[i]
		}
	}
	return 0
}

func nextNonSpace(rs []rune, i int) (int, rune) {
	for ; i < len(rs); i++ {
		if !numeral.IsSpace(rs[i]) {
			return i, rs[i]
		}
	}
	return i, 0
}

// numberAt reads a number at i with what follows it. It returns the
// mention, where scanning should resume, and whether it is a quantity or a
// percent expression at all.
func (s *scanner) numberAt(i int) (mention, int, bool) {
	rs := s.rs
	neg, j := false, i
	if isSign(rs[i]) {
		neg, j = true, i+1
	}
	n, ok := numeral.Scan(rs, j)
	if n.Overflow {
		s.overflow(span{i, n.End})
		return mention{}, n.End, false
	}
	if !ok {
		return mention{}, j + 1, false
	}
	if n.Vague || notANumberHere(rs, i, n) {
		return mention{}, n.End, false
	}
	if neg {
		n.Value = -n.Value
	}
	m := mention{start: i, end: n.End, unitStart: -1, unitEnd: n.End, value: n.Value, approx: n.Approx,
		chinese: !n.Arabic, multiplied: n.Multiplied}
	if n.Fraction {
		return s.fraction(m)
	}
	if !s.suffix(&m) {
		if r, ok := s.rangeAt(m); ok {
			return r, r.end, true
		}
		if s.sharedUnit(&m, 0) {
			return m, m.end, true
		}
		return mention{}, n.End, false
	}
	if r, ok := s.rangeAt(m); ok {
		return r, r.end, true
	}
	return m, m.end, true
}

// maxShared bounds a list whose unit is written once.
const maxShared = 8

// sharedUnit gives a number of a 、-list the unit written once at the list's
// end (SPEC v1.1: 增速分别高于全省平均水平0.3、0.5个百分点; 分别增长12.2、0.3、
// 13.2%): the unit of the next member, read the same way. The unit is not
// the number's own text: its mention ends at the number.
func (s *scanner) sharedUnit(m *mention, depth int) bool {
	rs := s.rs
	k, r := nextNonSpace(rs, m.end)
	if r != '、' || depth >= maxShared {
		return false
	}
	j, _ := nextNonSpace(rs, k+1)
	n, ok := numeral.Scan(rs, j)
	if !ok || n.Overflow || n.Vague || n.Fraction || n.Arabic != !m.chinese {
		return false
	}
	next := mention{start: j, end: n.End, unitStart: -1, unitEnd: n.End, value: n.Value, chinese: !n.Arabic, multiplied: n.Multiplied}
	if !s.suffix(&next) && !s.sharedUnit(&next, depth+1) {
		return false
	}
	if next.scale != 0 {
		m.value *= next.scale // 三、四成: tens of percent each
	}
	m.unit, m.kind, m.percent, m.scale = next.unit, next.kind, next.percent, next.scale
	if m.percent {
		m.listed = []pct{{m.start, m.end, m.value, m.unit}}
	}
	return true
}

// notANumberHere rejects ordinals (第七次), dates (8月2日, 2022年), and
// codes glued to letters (5G, 4S店, 1210模式 has no unit anyway).
func notANumberHere(rs []rune, i int, n numeral.Number) bool {
	p := prevNonSpace(rs, i)
	if p == '第' {
		return true // 第七次
	}
	if !n.Arabic && strings.ContainsRune(vagueBefore, p) {
		return true // 几十万元, 数百家: no value
	}
	k, next := nextNonSpace(rs, n.End)
	if p == '前' && next != '%' {
		return true // 前8个月, 排名前10名: periods and ranks (but 前5%的企业)
	}
	if n.Arabic && isASCIILetter(next) && k == n.End && !asciiUnitAt(rs, k) {
		return true
	}
	if p == '月' && (next == '日' || next == '号' || dayRangeAt(rs, k)) {
		return true // 8月2日, 5月10-12日
	}
	return next == '年' && n.Arabic && n.Value >= 1000 && n.Value < 3000 && n.Value == math.Trunc(n.Value) && n.End-n.Start == 4
}

// dayRangeAt: the rest of a day range follows at k (-12日 of 5月10-12日).
func dayRangeAt(rs []rune, k int) bool {
	if k >= len(rs) || !strings.ContainsRune(rangeSeps, rs[k]) {
		return false
	}
	j := k + 1
	for j < len(rs) && numeral.IsDigit(rs[j]) {
		j++
	}
	return j > k+1 && j < len(rs) && (rs[j] == '日' || rs[j] == '号')
}

// vagueBefore make a Chinese numeral vague: 几十万元到100多万元, 数百家.
const vagueBefore = "几数"

func asciiUnitAt(rs []rune, k int) bool {
	return hasPrefixAt(rs, k, "KB") || hasPrefixAt(rs, k, "MB")
}

// suffix reads what follows the number — a percent sign, 个百分点, 成, 折,
// 分之 or a unit — and the suffix comparator. It reports false when the
// number has no unit.
func (s *scanner) suffix(m *mention) bool {
	rs := s.rs
	k, r := nextNonSpace(rs, m.end)
	switch {
	case r == '%':
		return s.percentSign(m, k+1, 1)
	case r == '‰':
		return s.percentSign(m, k+1, 0.1)
	case r == '成':
		if !s.chengAt(m, k) {
			return false
		}
	case r == '折':
		if !s.zheAt(m, k) {
			return false
		}
	default:
		if end, ok := percentPoints(rs, k); ok {
			m.unit, m.kind, m.percent = "个百分点", unitPoints, true
			m.unitEnd = end
			m.listed = []pct{{m.start, end, m.value, "个百分点"}}
			break
		}
		if !s.unitAt(m, k) {
			return false
		}
	}
	s.suffixComparator(m)
	return true
}

func (s *scanner) percentSign(m *mention, end int, scale float64) bool {
	m.value, m.scale = scaleBy(m.value, scale), scale
	m.unit, m.percent, m.unitEnd = "%", true, end
	m.listed = []pct{{m.start, end, m.value, "%"}}
	s.suffixComparator(m)
	return true
}

// chengBlacklist are words 成 begins after a numeral that is no share:
// 一成不变, 两成员, 三成本.
const chengBlacklist = "不员本果绩立功效为熟交长就型品分套批片群都年像才材色语败文形事全家新亲"

// chengAt reads 九成, 七成六 (76%), 三成半 (35%), 9.5成.
func (s *scanner) chengAt(m *mention, k int) bool {
	rs := s.rs
	if m.value <= 0 || m.value > 10 || (k+1 < len(rs) && strings.ContainsRune(chengBlacklist, rs[k+1])) {
		return false
	}
	v, end := numeral.Shift(m.value, 1), k+1
	if j, r := nextNonSpace(rs, end); r == '半' {
		v, end = v+5, j+1
	} else if d, ok := singleDigitAt(rs, j); ok && m.value == math.Trunc(m.value) {
		v, end = v+d, j+1
	}
	m.value, m.unit, m.percent, m.unitEnd, m.scale = v, "%", true, end, 10
	m.listed = []pct{{m.start, end, m.value, "%"}}
	return true
}

// singleDigitAt reads one digit that is not the start of a longer number.
func singleDigitAt(rs []rune, j int) (float64, bool) {
	if j >= len(rs) {
		return 0, false
	}
	if j+1 < len(rs) && (numeral.IsDigit(rs[j+1]) || numeral.IsChineseDigit(rs[j+1]) || numeral.IsMultiplier(rs[j+1])) {
		return 0, false
	}
	n, ok := numeral.Scan(rs, j)
	if !ok || n.End != j+1 || n.Value >= 10 {
		return 0, false
	}
	return n.Value, true
}

// zheBlacklist: 折合, 折算, 折扣, 折旧 are no discounts.
const zheBlacklist = "合算扣旧叠返腾射线服中价现损寿断磨痕"

// zheAt reads discounts: 九折 (90%), 75折, 9.9折 (99%), 三点一折 (31%).
func (s *scanner) zheAt(m *mention, k int) bool {
	rs := s.rs
	if k+1 < len(rs) && (strings.ContainsRune(zheBlacklist, rs[k+1]) || numeral.IsChineseDigit(rs[k+1])) {
		return false // 折合; 七折八扣 is an idiom
	}
	v := m.value
	m.scale = 1
	switch {
	case v > 0 && v < 10:
		v, m.scale = numeral.Shift(v, 1), 10
	case v > 10 && v < 100:
	default:
		return false // 十折 is no discount
	}
	m.value, m.unit, m.percent, m.unitEnd = v, "%", true, k+1
	m.listed = []pct{{m.start, k + 1, m.value, "%"}}
	return true
}

// fraction reads 三分之一 (33.33%): a share, but not a percent expression;
// a ratio above one (五百分之2333) is none.
func (s *scanner) fraction(m mention) (mention, int, bool) {
	if m.value <= 0 || m.value > 1 {
		return mention{}, m.end, false
	}
	m.value = numeral.Shift(m.value, 2)
	m.unit, m.percent = "%", true
	s.suffixComparator(&m)
	return m, m.end, true
}

// unitAt reads a unit from the table at k, or the unit a multiplied number
// implies from the noun it counts (1.56万剩余贫困人口 counts 人).
func (s *scanner) unitAt(m *mention, k int) bool {
	rs := s.rs
	if u, ok := unitIx.longestStarting(rs, k); ok {
		m.unit, m.kind, m.unitStart, m.unitEnd = u.row.base, u.row.kind, k, k+u.n
		return true
	}
	if s.measureWord != nil && s.measureWord(k) {
		m.unit, m.kind, m.unitStart, m.unitEnd = string(rs[k]), unitCount, k, k+1
		return true // a measure word the table lacks, by its part of speech
	}
	if m.multiplied && (impliedPeople(rs, k) || peopleBefore(rs, m.start)) {
		m.unit, m.kind, m.unitStart = "人", unitCount, -1
		return true
	}
	return false
}

// impliedPeople: a 万-count followed within its clause by 人口 counts people.
func impliedPeople(rs []rune, k int) bool {
	for j := k; j < len(rs) && j < k+8; j++ {
		if isClausePunct(rs[j]) {
			return false
		}
		if hasPrefixAt(rs, j, "人口") {
			return true
		}
	}
	return false
}

// peopleBefore: a 万-count right after 人口 (with 为/达/约 between) counts
// people: 全市户籍人口531.59万.
func peopleBefore(rs []rune, i int) bool {
	e := i
	for e > 0 && numeral.IsSpace(rs[e-1]) {
		e--
	}
	if e > 0 && strings.ContainsRune("为达约有近", rs[e-1]) {
		e--
	}
	return hasSuffixAt(rs, e, "人口")
}

// suffixComparator reads 以上, 以内, 左右 … after the unit.
func (s *scanner) suffixComparator(m *mention) {
	k, _ := nextNonSpace(s.rs, m.unitEnd)
	m.end = m.unitEnd
	c, ok := suffixCmpIx.longestStarting(s.rs, k)
	if !ok {
		return
	}
	if c.word == "内" && k+1 < len(s.rs) && !isClausePunct(s.rs[k+1]) && !isVerbStart(s.rs[k+1]) {
		return // 区内 of a name, not 70日内
	}
	m.suffixCmp = c.row.cmp
	m.approx = m.approx || c.row.approx
	m.end = k + c.n
}

// isVerbStart: 内 is "within" when a verb follows (70日内完成).
func isVerbStart(r rune) bool { return strings.ContainsRune("完办审拒达实建到解提报开", r) }

// rangeSeps join the two ends of a range: 50 至100 个工作日, 5-20%.
const rangeSeps = "至到-~"

// rangeAt extends m with a following "至Y" (same unit, or m has none).
func (s *scanner) rangeAt(m mention) (mention, bool) {
	rs := s.rs
	k, r := nextNonSpace(rs, m.end)
	if !strings.ContainsRune(rangeSeps, r) || (m.suffixCmp != "" && m.unit != "") {
		return mention{}, false
	}
	j, _ := nextNonSpace(rs, k+1)
	if !numberStartsAtAfterSep(rs, j) {
		return mention{}, false
	}
	second, _, ok := s.numberAt(j)
	if !ok || second.unit == "" || (m.unit != "" && m.unit != second.unit) {
		return mention{}, false
	}
	lo, hi := m.value, second.value
	if m.unit == "" && second.scale != 0 {
		lo = scaleBy(lo, second.scale) // 五到六成: 50 to 60 %
	}
	if m.unit == "" && !m.multiplied && second.multiplied {
		lo = scaleBy(lo, bigMultiplier(rs[j:second.unitEndOrEnd()])) // 罚款8-10万元: 80 000 to 100 000
	}
	if hi < lo {
		return mention{}, false
	}
	out := second
	out.start, out.value, out.max, out.ranged = m.start, lo, &hi, true
	first := m.listed
	if len(first) == 0 && len(second.listed) > 0 {
		// 5-20%: the lower end is a percent too
		first = []pct{{m.start, m.unitEnd, lo, second.listed[0].unit}}
	}
	out.listed = append(append([]pct(nil), first...), second.listed...)
	out.chinese = m.chinese && second.chinese
	out.approx = m.approx || second.approx
	return out, true
}

// unitEndOrEnd is where the number and its unit end.
func (m mention) unitEndOrEnd() int {
	if m.unitEnd > m.start {
		return m.unitEnd
	}
	return m.end
}

// bigMultiplier is the product of the 万/亿 written in a number's runes: the
// lower end of 8-10万元 shares the upper end's 万.
func bigMultiplier(rs []rune) float64 {
	f := 1.0
	for _, r := range rs {
		switch r {
		case '万', '萬':
			f *= 1e4
		case '亿', '億':
			f *= 1e8
		}
	}
	return f
}

func numberStartsAtAfterSep(rs []rune, j int) bool {
	return j < len(rs) && (numeral.IsDigit(rs[j]) || numeral.IsChineseDigit(rs[j]) || rs[j] == '十')
}

// percentPoints matches 个百分点, also spaced (个 百 分点) or without 个
// (提高2百分点).
func percentPoints(rs []rune, k int) (int, bool) {
	if end, ok := spacedWord(rs, k, "个百分点"); ok {
		return end, true
	}
	return spacedWord(rs, k, "百分点")
}

// spacedWord matches w at k allowing spaces between its runes (个 百 分点).
func spacedWord(rs []rune, k int, w string) (int, bool) {
	for _, r := range w {
		k, _ = nextNonSpace(rs, k)
		if k >= len(rs) || rs[k] != r {
			return 0, false
		}
		k++
	}
	return k, true
}

// perCentWordAt reads 百分之九十, 千分之一 (0.1%), 万分之三, 百万分之五,
// with the spaces some pages put between every character.
func perCentWordAt(rs []rune, i int) (mention, bool) {
	if !isPowerOfTen(rs[i]) {
		return mention{}, false
	}
	if i > 0 && (numeral.IsChineseDigit(rs[i-1]) || numeral.IsDigit(rs[i-1]) || numeral.IsMultiplier(rs[i-1])) {
		return mention{}, false // 五百分之2.2 is a fraction of 500
	}
	denom, k := 1.0, i
	for k < len(rs) {
		j, r := nextNonSpace(rs, k)
		if !isPowerOfTen(r) {
			break
		}
		denom *= multiplierOf(r)
		k = j + 1
	}
	if denom < 100 {
		return mention{}, false
	}
	k, ok := spacedWord(rs, k, "分之")
	if !ok {
		return mention{}, false
	}
	j, r := nextNonSpace(rs, k)
	var v float64
	end := j + 1
	chinese := true
	if r == '百' || r == '佰' {
		if n, ok := numeral.Scan(rs, j); !ok || n.End == j+1 {
			v = 100 // 百分之百
		}
	}
	if v == 0 {
		n, ok := numeral.Scan(rs, j)
		if !ok || n.Vague {
			return mention{}, false
		}
		v, end, chinese = n.Value, n.End, !n.Arabic
	}
	v = scaleBy(v, 100/denom)
	m := mention{start: i, end: end, unitEnd: end, value: v, unit: "%", percent: true, chinese: chinese}
	m.listed = []pct{{i, end, v, "%"}}
	return m, true
}

func isPowerOfTen(r rune) bool {
	switch r {
	case '百', '佰', '千', '仟', '万', '萬', '亿', '億':
		return true
	}
	return false
}

func multiplierOf(r rune) float64 {
	switch r {
	case '百', '佰':
		return 100
	case '千', '仟':
		return 1000
	case '万', '萬':
		return 1e4
	}
	return 1e8
}

// halfAt reads 一半 (50%, but 另一半 is a noun), 半成 (5%), 半折 and 打对折
// (50%), 百分百 (100%).
func halfAt(rs []rune, i int) (mention, bool) {
	var v float64
	end := i + 2
	switch {
	case hasPrefixAt(rs, i, "一半") && (i == 0 || !numeral.IsChineseDigit(rs[i-1]) && !numeral.IsMultiplier(rs[i-1]) && rs[i-1] != '另'):
		v = 50
	case hasPrefixAt(rs, i, "百分百") && (i == 0 || !numeral.IsChineseDigit(rs[i-1])):
		v, end = 100, i+3
	case hasPrefixAt(rs, i, "半成") && (i == 0 || !numeral.IsChineseDigit(rs[i-1])):
		v = 5
	case hasPrefixAt(rs, i, "半折"):
		v = 50
	case hasPrefixAt(rs, i, "对折") && i > 0 && rs[i-1] == '打':
		v = 50
	default:
		return mention{}, false
	}
	m := mention{start: i, end: end, unitEnd: end, value: v, unit: "%", percent: true, chinese: true}
	m.listed = []pct{{i, end, v, "%"}}
	return m, true
}

// placeholderAt finds template blanks that stand for a value: xxx人, xxx%,
// ××个单位, **天, *个项目, X%. It returns where the blank's unit ends.
func placeholderAt(rs []rune, i int) (int, bool) {
	if !isBlank(rs[i]) || (i > 0 && (isBlank(rs[i-1]) || isASCIILetter(rs[i-1]) || numeral.IsDigit(rs[i-1]))) {
		return 0, false
	}
	j := i
	for j < len(rs) && isBlank(rs[j]) {
		j++
	}
	if j < len(rs) && isASCIILetter(rs[j]) {
		return 0, false
	}
	k, r := nextNonSpace(rs, j)
	if r == '万' || r == '亿' {
		k, r = nextNonSpace(rs, k+1)
	}
	if r == '%' || r == '‰' {
		return k + 1, true
	}
	if prevNonSpace(rs, i) == '月' {
		return 0, false // 9月*日 is a date: the time recogniser warns
	}
	if _, ok := notUnitIx.longestStarting(rs, k); ok {
		return 0, false // ****项目 blanks a name, not a count
	}
	u, ok := unitIx.longestStarting(rs, k)
	if !ok || u.word == "年" || u.word == "日" {
		return 0, false
	}
	return k + u.n, true
}

func isBlank(r rune) bool { return r == 'x' || r == 'X' || r == '×' || r == '*' }

// urlSpans finds web addresses, whose %25 and digits are no quantities.
func urlSpans(rs []rune) []span {
	var out []span
	for i := 0; i < len(rs); i++ {
		if !hasPrefixAt(rs, i, "http") && !hasPrefixAt(rs, i, "www.") {
			continue
		}
		j := i
		for j < len(rs) && rs[j] < unicode.MaxASCII && !unicode.IsSpace(rs[j]) {
			j++
		}
		out = append(out, span{i, j})
		i = j
	}
	return out
}

// titleSpans finds 《…》 names, whose numbers name documents, not amounts.
func titleSpans(rs []rune) []span {
	var out []span
	open := -1
	for i, r := range rs {
		switch r {
		case '《':
			open = i
		case '》':
			if open >= 0 {
				out = append(out, span{open, i + 1})
				open = -1
			}
		}
	}
	return out
}

// scaleBy multiplies v by scale; by a power of ten (‰, 成, 万, 百分之)
// it moves the decimal point (numeral.Shift) rather than multiply, so
// that 3‰ is 0.3 %, not 0.30000000000000004.
func scaleBy(v, scale float64) float64 {
	if k := math.Round(math.Log10(scale)); math.Pow10(int(k)) == scale {
		return numeral.Shift(v, int(k))
	}
	return v * scale
}
