package timex

import (
	"strings"

	"github.com/zhengling/zhengling/extract/numeral"
)

// grain is the coarsest calendar unit an atom names.
type grain int

const (
	grainNone grain = iota
	grainDay
	grainWeek
	grainXun
	grainMonth
	grainQuarter
	grainHalf
	grainYear
)

// part is the part of a month (or, for a year atom, of the year) an atom names.
type part int

const (
	partWhole      part = iota
	partEarly           // 初: 9月初 → 09-05
	partFirstXun        // 上旬 → 10
	partMidXun          // 中旬 → 20
	partUpperMid        // 上中旬 → 01..20
	partLowerMid        // 中下旬 → 11..end
	partLastXun         // 下旬 → 21..end
	partEnd             // 底, 末: 8月底 → 08-31
	partWithin          // 内: 年内
	partMidYear         // 年中 → 06-30
	partFirstHalf       // 上半月 → 01..15
	partSecondHalf      // 下半月 → 16..end
)

// atom is one calendar point or period as written: 2024年7月8日09:00,
// 8月底, 第四季度, 明年上半年, 年内, 本月底.
type atom struct {
	start, end  int
	year        int  // explicit year, 0 when none
	yearRel     int  // 今年 0, 明年 1, 去年 -1, when relYear
	relYear     bool // the year is relative to the reference date
	month       int  // 1..12, 0 when none
	monthRel    int  // 本月 0, 下月 1, when relMonth
	relMonth    bool // the month is relative to the reference date
	day         int
	part        part
	quarter     int  // 1..4
	firstQuarts bool // 前三季度: January to the quarter's end
	half        int  // 1 上半年, 2 下半年
	wholeYear   bool // 全年
	grain       grain
	placeholder bool // 9月*日, xx月底
	holiday     *holiday
	iso         bool // written 2024-07-08
	reported    bool // a reported period or past date: no next-year shift
	relWeek     bool // 本周, 下周三: weekRel weeks from the reference week
	weekRel     int
	weekday     int  // 1 Monday … 7 Sunday, 0 the whole week
	relQuarter  bool // 本季度, 季末: quarterRel quarters from the reference one
	quarterRel  int
	bareDay     bool // 20日前: a day of the reference month or the next
	relDay      bool // 明天, 次日: dayRel days from the reference date
	dayRel      int
}

// monthParts maps the words after X月 to the part they name; longer words
// first. 9 月中下旬 (seed002), 8月底前, 12月初.
var monthParts = []struct {
	word string
	part part
}{
	{"中下旬", partLowerMid}, {"上中旬", partUpperMid}, {"上旬", partFirstXun},
	{"中旬", partMidXun}, {"下旬", partLastXun}, {"上半月", partFirstHalf}, {"下半月", partSecondHalf},
	{"底", partEnd}, {"末", partEnd}, {"初", partEarly},
}

// relativeYears are year words resolved against the reference date:
// 今年7月份 (seed002), 明年重点项目 (seed000).
var relativeYears = []struct {
	word string
	rel  int
}{
	{"今年", 0}, {"本年", 0}, {"当年", 0}, {"明年", 1}, {"来年", 1}, {"次年", 1},
	{"翌年", 1}, {"去年", -1}, {"上年", -1}, {"前年", -2},
}

// relativeMonths: 本月底经费落实到位 (seed002), 下月底前.
var relativeMonths = []struct {
	word string
	rel  int
}{
	{"本月", 0}, {"当月", 0}, {"下个月", 1}, {"下月", 1}, {"次月", 1},
}

// clockWords may follow a day: 8月2日下午, 2024年7月27日上午.
var clockWords = []string{"上午", "下午", "中午", "晚上", "凌晨", "早上", "傍晚", "晚", "早"}

// parseAtom reads the calendar expression that starts at i, if any.
func parseAtom(v view, i int) (atom, bool) {
	a := atom{start: i}
	if j, ok := parseISO(v, i, &a); ok {
		a.end = j
		return a, true
	}
	if j, ok := parseYear(v, i, &a); ok {
		a.end = afterYear(v, j, &a)
		return a, true
	}
	if j, ok := parseBelowYear(v, i, &a); ok {
		a.end = j
		return a, true
	}
	return a, false
}

// afterYear reads what follows a year: a month, a quarter, a half, or a
// part of the year (2024年底, 年内), else the year stands alone.
func afterYear(v view, j int, a *atom) int {
	if k, ok := parseBelowYear(v, v.spaces(j), a); ok {
		return k
	}
	k := j
	if v.at(k) == '年' && (v.at(k+1) == '底' || v.at(k+1) == '末' || v.at(k+1) == '内' || v.at(k+1) == '初' || v.at(k+1) == '中') {
		k++ // 今年年底前, 2024年年底, 今年年初
	}
	if p, ok := yearPart(v, k, k == j); ok && (k > j || v.at(k-1) == '年') {
		a.part, a.grain = p, grainYear // 2024年初, 明年初, 今年年中
		return k + 1
	}
	if k > j && (v.at(k) == '初' || v.at(k) == '中') {
		k = j // 今年年初一 is no part
	}
	switch v.at(k) {
	case '底', '末':
		a.part, a.grain = partEnd, grainYear
		return k + 1
	case '内':
		a.part, a.grain = partWithin, grainYear
		return k + 1
	}
	a.grain = grainYear
	return j
}

// parseBelowYear reads a month (with day or part), a quarter, a half, a
// relative month, or a standalone part of the year.
func parseBelowYear(v view, i int, a *atom) (int, bool) {
	if j, ok := parseMonth(v, i, a); ok {
		return j, true
	}
	if j, ok := parseQuarter(v, i, a); ok {
		return j, true
	}
	if v.has(i, "上半年") || v.has(i, "下半年") {
		a.half, a.grain = 1, grainHalf
		if v.at(i) == '下' {
			a.half = 2
		}
		return i + 3, true
	}
	if a.year == 0 && !a.relYear {
		return parseYearless(v, i, a)
	}
	return i, false
}

// relativeDays are the days named from the reference date (SPEC v1.1:
// 明天/次日 → the next day). 今天 is left to the meeting reader: a report's
// 今天 tells when it met.
var relativeDays = []struct {
	word string
	rel  int
}{{"明天", 1}, {"明日", 1}, {"次日", 1}, {"后天", 2}}

// parseRelDay reads a day named from the reference date (明天, 次日) or a day
// of its month in brackets (今(27)日下班前).
func parseRelDay(v view, i int, a *atom) (int, bool) {
	for _, d := range relativeDays {
		if v.has(i, d.word) && !v.insideWord(i) {
			a.relDay, a.dayRel, a.grain = true, d.rel, grainDay
			return i + 2, true
		}
	}
	if (v.at(i) == '今' || v.at(i) == '本') && isOpenBracket(v.at(i+1)) {
		n, j := digits(v, i+2, 2)
		if j > i+2 && isCloseBracket(v.at(j)) && (v.at(j+1) == '日' || v.at(j+1) == '号') && n >= 1 && n <= 31 {
			a.relYear, a.relMonth, a.day, a.grain = true, true, n, grainDay
			return j + 2, true
		}
	}
	return i, false
}

// parseYearless reads expressions without a year of their own: 年底前,
// 年内, 本月底, 月底前, 全年.
func parseYearless(v view, i int, a *atom) (int, bool) {
	if v.at(i) == '年' && (v.at(i+1) == '底' || v.at(i+1) == '末' || v.at(i+1) == '内') && !yearWordBefore(v, i) {
		a.relYear, a.grain, a.part = true, grainYear, partEnd
		if v.at(i+1) == '内' {
			a.part = partWithin
		}
		return i + 2, true
	}
	if v.at(i) == '年' && !yearWordBefore(v, i) {
		if p, ok := yearPart(v, i+1, true); ok {
			a.relYear, a.grain, a.part = true, grainYear, p // 年初, 年中前
			return i + 2, true
		}
	}
	if j, ok := parseRelDay(v, i, a); ok {
		return j, true
	}
	if j, ok := parseWeek(v, i, a); ok {
		return j, true
	}
	if j, ok := parseRelQuarter(v, i, a); ok {
		return j, true
	}
	for _, h := range halfMonths {
		if v.has(i, h.word) && !monthWordBefore(v, i) && v.at(i-1) != '月' {
			a.relYear, a.relMonth, a.part, a.grain = true, true, h.part, grainXun
			return i + 3, true
		}
	}
	// 2012年全年, 今年全年: the year before it is the whole year meant
	if v.has(i, "全年") && !v.has(i-1, "完全年") && v.at(i-1) != '年' {
		a.relYear, a.grain, a.wholeYear = true, grainYear, true
		return i + 2, true
	}
	for _, m := range relativeMonths {
		if v.has(i, m.word) {
			a.relYear, a.relMonth, a.monthRel = true, true, m.rel
			return monthTail(v, i+len([]rune(m.word)), a), true
		}
	}
	if v.has(i, "月底前") && !monthWordBefore(v, i) {
		a.relYear, a.relMonth, a.part, a.grain = true, true, partEnd, grainMonth
		return i + 2, true
	}
	return i, false
}

// yearWordBefore reports whether the 年 at i belongs to a longer word
// (青年, 多年, 每年, 一年内), so that 年底/年内 there is not the current year.
func yearWordBefore(v view, i int) bool {
	c := v.at(i - 1)
	if isDigit(c) || isHanDigit(c) || isPlaceholder(c) {
		return true
	}
	switch c {
	case '今', '明', '本', '当', '去', '上', '来', '次', '翌', '每', '多', '近', '周', '全', '半',
		'青', '少', '老', '中', '成', '往', '历', '逐', '常', '长', '晚', '早', '同', '新', '整', '隔', '几', '数':
		return true
	}
	return false
}

// monthWordBefore: the 月 of 月底前 is the reference month only when it
// stands alone, not in 个月底, 每月底, 9月底.
func monthWordBefore(v view, i int) bool {
	c := v.at(i - 1)
	if isDigit(c) || isHanDigit(c) || isPlaceholder(c) || c == ' ' {
		return true
	}
	switch c {
	case '本', '当', '下', '次', '个', '每', '上', '满', '整', '岁', '年', '该', '逐', '按', '半', '同':
		return true
	}
	return false
}

// parseMonth reads X月[份][X日|part]: 8月份, 9 月15日, 10月底, 9月*日.
func parseMonth(v view, i int, a *atom) (int, bool) {
	if isDigit(v.at(i-1)) || isHanDigit(v.at(i-1)) {
		return i, false
	}
	n, j, ph, han, ok := parseNum(v, i, 12)
	if !ok {
		return i, false
	}
	j = v.spaces(j)
	if v.at(j) != '月' {
		return i, false
	}
	end := monthTail(v, j+1, a)
	if a.day > maxDay[n] {
		return i, false // 2月30日 is no date
	}
	if han && a.year == 0 && !a.relYear && end == j+1 {
		// 一月 alone is too often not a date (一月一次); 三月底, 十月份 are.
		return i, false
	}
	a.month, a.placeholder = n, a.placeholder || ph
	return end, true
}

// monthTail reads what follows 月: 份, a day with its clock, or a part.
func monthTail(v view, j int, a *atom) int {
	if a.grain == grainNone {
		a.grain = grainMonth
	}
	if v.at(j) == '份' {
		j++
	}
	k := v.spaces(j)
	if d, e, ph, _, ok := parseNum(v, k, 31); ok {
		e = v.spaces(e)
		if c := v.at(e); c == '日' || c == '号' {
			a.day, a.grain = d, grainDay
			a.placeholder = a.placeholder || ph
			return clock(v, e+1)
		}
	}
	for _, mp := range monthParts {
		if v.has(j, mp.word) {
			a.part = mp.part
			if mp.part != partEnd {
				a.grain = grainXun
			}
			return j + len([]rune(mp.word))
		}
	}
	return j
}

// maxDay is the longest each month can be (February in a leap year).
var maxDay = [13]int{31, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

// clock skips a time of day after a day: 下午, 09:00, 9时30分, 17:00,
// after a weekday in brackets: 2024年7月10日（星期三）17:00.
func clock(v view, j int) int {
	j = weekday(v, j)
	k := v.spaces(j)
	if w := v.prefixAt(k, clockWords); w != "" {
		j = k + len([]rune(w))
		k = v.spaces(j)
	}
	h, e := digits(v, k, 2)
	if h == 0 && e == k {
		return j
	}
	if v.at(e) == ':' {
		if _, e2 := digits(v, e+1, 2); e2 == e+3 {
			return e2
		}
		return j
	}
	if v.at(e) == '时' || v.at(e) == '点' {
		e++
		if _, e2 := digits(v, e, 2); e2 > e && v.at(e2) == '分' {
			return e2 + 1
		}
		if v.at(e) == '半' {
			return e + 1
		}
		return e
	}
	return j
}

// weekday skips (星期三), （周五）, (周日) right after a day.
func weekday(v view, j int) int {
	k := v.spaces(j)
	if c := v.at(k); c != '(' && c != '（' {
		return j
	}
	k++
	switch {
	case v.has(k, "星期"), v.has(k, "礼拜"):
		k += 2
	case v.at(k) == '周':
		k++
	default:
		return j
	}
	if c := v.at(k); !strings.ContainsRune("一二三四五六日天", c) {
		return j
	}
	if c := v.at(k + 1); c == ')' || c == '）' {
		return k + 2
	}
	return j
}

// digits reads up to max ASCII digits at i and returns their value and end.
func digits(v view, i, max int) (int, int) {
	n, j := 0, i
	for j < len(v.r) && j-i < max && isDigit(v.r[j]) {
		n = n*10 + int(v.r[j]-'0')
		j++
	}
	if isDigit(v.at(j)) {
		return 0, i
	}
	return n, j
}

// parseQuarter reads 第四季度, 三季度, 1季度, 前三季度.
func parseQuarter(v view, i int, a *atom) (int, bool) {
	if v.has(i, "首季") { // 确保首季“开门红” (SPEC v1.1: the first quarter)
		a.quarter, a.grain = 1, grainQuarter
		if v.has(i, "首季度") {
			return i + 3, true
		}
		return i + 2, true
	}
	j := i
	first := false
	switch {
	case v.at(j) == '第':
		j++
	case v.at(j) == '前' && !isDigit(v.at(j-1)):
		first = true
		j++
	}
	q := quarterNumber(v.at(j))
	if q == 0 || (!first && j == i && (isHanDigit(v.at(i-1)) || isDigit(v.at(i-1)))) {
		return i, false
	}
	j++
	if first && v.at(j) == '个' {
		j++
	}
	if !v.has(j, "季度") {
		return i, false
	}
	a.quarter, a.firstQuarts, a.grain = q, first, grainQuarter
	j += 2
	if v.at(j) == '末' || v.at(j) == '底' {
		a.part = partEnd
		j++
	}
	return j, true
}

func quarterNumber(c rune) int {
	switch c {
	case '一', '1':
		return 1
	case '二', '两', '2':
		return 2
	case '三', '3':
		return 3
	case '四', '4':
		return 4
	}
	return 0
}

// parseYear reads 2024年, 二〇二四年 or a relative year word (今年, 明年).
func parseYear(v view, i int, a *atom) (int, bool) {
	if isDigit(v.at(i - 1)) {
		return i, false
	}
	if y, j := digits(v, i, 4); j == i+4 && y >= minYear && y <= maxYear {
		if k := v.spaces(j); v.at(k) == '年' {
			a.year = y
			return k + 1, true
		}
		return i, false
	}
	if j, ok := placeholderYear(v, i); ok {
		a.placeholder = true // 20xx年12月底前: a template, not a year
		return j, true
	}
	if y, start, j, ok := rocYear(v, i); ok {
		a.year, a.start = y, start
		return j, true
	}
	if y, j, ok := hanYear(v, i); ok {
		a.year = y
		return j, true
	}
	for _, ry := range relativeYears {
		if v.has(i, ry.word) {
			a.relYear, a.yearRel = true, ry.rel
			return i + len([]rune(ry.word)), true
		}
	}
	return i, false
}

// rocEpoch is the year before the Republic of China's first: 民國114年 is 2025.
const rocEpoch = 1911

// rocYear reads a Republic-of-China era year (SPEC v1.1): 民國114年, 明(105)年,
// and in a traditional-script text a bare three-digit year (114年底): a
// three-digit year is never a Gregorian one.
func rocYear(v view, i int) (year, start, end int, ok bool) {
	k, start := i, i
	era := v.has(i, "民国")
	if era {
		k = v.spaces(i + 2)
	}
	bracketed := isOpenBracket(v.at(k-1)) && strings.ContainsRune("今明去本", v.at(k-2))
	if bracketed {
		start = k - 2 // 明(105)年: the relative word and its bracket
	}
	n, j := digits(v, k, 3)
	if j-k < 2 || j-k > 3 || isDigit(v.at(j)) || (!era && !bracketed && (j-k != 3 || !traditional(v))) {
		return 0, i, i, false
	}
	if bracketed {
		if !isCloseBracket(v.at(j)) {
			return 0, i, i, false
		}
		j++
	}
	if k := v.spaces(j); v.at(k) == '年' && n >= 1 && n <= 150 {
		return rocEpoch + n, start, k + 1, true
	}
	return 0, i, i, false
}

// traditional reports a paragraph written in traditional script (its view
// differs from its source).
func traditional(v view) bool { return v.p.Source != v.p.Simple }

// placeholderYear reads a four-character year with template blanks: 20xx年, ××××年.
func placeholderYear(v view, i int) (int, bool) {
	blanks := 0
	for k := i; k < i+4; k++ {
		switch c := v.at(k); {
		case isPlaceholder(c):
			blanks++
		case !isDigit(c):
			return i, false
		}
	}
	if blanks == 0 || v.at(i+4) != '年' {
		return i, false
	}
	return i + 5, true
}

// hanYear reads a year in Chinese digits: 二〇二四年, 二零一一年.
func hanYear(v view, i int) (int, int, bool) {
	y := 0
	for k := 0; k < 4; k++ {
		d := hanDigit(v.at(i + k))
		if d < 0 {
			return 0, i, false
		}
		y = y*10 + d
	}
	if v.at(i+4) != '年' || y < minYear || y > maxYear {
		return 0, i, false
	}
	return y, i + 5, true
}

// Years written with four digits: 1357年6月10日 is a date, 1357 no count.
const (
	minYear = 1000
	maxYear = 2999
)

// parseISO reads 2024-07-08, 2024/07/08 and 2010.01.29.
func parseISO(v view, i int, a *atom) (int, bool) {
	if isDigit(v.at(i - 1)) {
		return i, false
	}
	y, j := digits(v, i, 4)
	if j != i+4 || y < minYear || y > maxYear {
		return i, false
	}
	sep := v.at(j)
	if sep != '-' && sep != '/' && sep != '.' {
		return i, false
	}
	m, k := digits(v, j+1, 2)
	if k == j+1 || m < 1 || m > 12 || v.at(k) != sep {
		return i, false
	}
	d, e := digits(v, k+1, 2)
	if e == k+1 || d < 1 || d > 31 {
		return i, false
	}
	a.year, a.month, a.day, a.grain, a.iso = y, m, d, grainDay, true
	return e, true
}

// parseNum reads a month or day number: 1-2 ASCII digits, Chinese numerals
// up to 三十一, or a template placeholder (*, xx, ×, 某). han reports
// Chinese numerals.
func parseNum(v view, i, max int) (n, end int, placeholder, han, ok bool) {
	if isPlaceholder(v.at(i)) {
		j := i
		for j < len(v.r) && j-i < 3 && isPlaceholder(v.r[j]) {
			j++
		}
		return 0, j, true, false, true
	}
	if isDigit(v.at(i)) {
		n, j := digits(v, i, 2)
		if j == i || n < 1 || n > max {
			return 0, i, false, false, false
		}
		return n, j, false, false, true
	}
	n, j := hanNumber(v, i)
	if j == i || n < 1 || n > max {
		return 0, i, false, false, false
	}
	return n, j, false, true, true
}

// hanNumber reads 一 … 九十九 written with 十: 十二, 二十一, 三十 (numeral.Tens).
func hanNumber(v view, i int) (int, int) {
	n, j, ok := numeral.Tens(v.r, i)
	if !ok {
		return 0, i
	}
	return n, j
}

// hanDigit returns the value of a plain Chinese digit of a written date
// (二〇二二年, 二O二二年 with a Latin O, 十二月二十日), -1 for other runes:
// financial forms and 两 write amounts, not dates.
func hanDigit(c rune) int {
	if c == 'O' {
		return 0
	}
	if !strings.ContainsRune("〇零○一二三四五六七八九", c) {
		return -1
	}
	v, _ := numeral.Digit(c)
	return v
}

func isHanDigit(c rune) bool { return hanDigit(c) >= 0 || c == '十' || c == '两' }
