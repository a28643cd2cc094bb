package timex

import "time"

// Expressions relative to the reference date that government notices use
// besides 本月/下月: weeks (本周五前, 下周), quarters (季末, 本季度末), the
// parts of a year (年初, 年中), half months (下半月) and a bare day of the
// current month (20日前).

// relativeWeeks: 本周五前报送 (a notice), 下周召开, 上周.
var relativeWeeks = []struct {
	word string
	rel  int
}{
	{"这个星期", 0}, {"本星期", 0}, {"这星期", 0}, {"本周", 0}, {"这周", 0},
	{"下个星期", 1}, {"下星期", 1}, {"下一周", 1}, {"下周", 1},
	{"上个星期", -1}, {"上星期", -1}, {"上周", -1},
}

// weekdayNumbers after 周/星期: 周一 … 周日 (周天), 周末 = Sunday.
var weekdayNumbers = map[rune]int{'一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '日': 7, '天': 7, '末': 7}

// notWeekAfter: 下周期, 上周年, 本周岁 are no weeks.
var notWeekAfter = []rune("期年岁刊报")

// parseWeek reads 本周, 下周三, 本周末 into a.
func parseWeek(v view, i int, a *atom) (int, bool) {
	for _, w := range relativeWeeks {
		if !v.has(i, w.word) {
			continue
		}
		j := i + len([]rune(w.word))
		if containsRune(notWeekAfter, v.at(j)) {
			return i, false
		}
		a.relYear, a.relWeek, a.weekRel, a.grain = true, true, w.rel, grainWeek
		if d, ok := weekdayNumbers[v.at(j)]; ok && !isHanDigit(v.at(j+1)) {
			a.weekday, a.grain = d, grainDay
			j++
		}
		return j, true
	}
	return i, false
}

// relativeQuarters: 本季度末前, 下季度, 当季.
var relativeQuarters = []struct {
	word string
	rel  int
}{
	{"本季度", 0}, {"本季", 0}, {"当季", 0}, {"下一季度", 1}, {"下个季度", 1}, {"下季度", 1}, {"上季度", -1},
}

// notQuarterBefore: the 季末 of 每季末, 一季末, 第三季末 is not the current one.
var notQuarterBefore = []rune("每个第本当下上度")

// parseRelQuarter reads 本季度, 下季度末, and 季末 / 季度末 alone (the current quarter's end).
func parseRelQuarter(v view, i int, a *atom) (int, bool) {
	j := i
	for _, q := range relativeQuarters {
		if v.has(i, q.word) && v.at(i-1) != '每' { // 每当季末 is a recurrence
			j = i + len([]rune(q.word))
			a.quarterRel = q.rel
			break
		}
	}
	if j == i {
		if v.at(i) != '季' || isDigit(v.at(i-1)) || isHanDigit(v.at(i-1)) || containsRune(notQuarterBefore, v.at(i-1)) {
			return i, false
		}
		switch {
		case v.has(i, "季度末"), v.has(i, "季度底"):
			j = i + 2
		case v.has(i, "季末"), v.has(i, "季底"):
			j = i + 1
		default:
			return i, false
		}
	}
	a.relYear, a.relQuarter, a.grain = true, true, grainQuarter
	if v.at(j) == '末' || v.at(j) == '底' {
		a.part = partEnd
		j++
	}
	return j, true
}

// yearPart reads 初 (年初) or 中 (年中) after a year's 年, at k. A single
// 年中 (strict) only before a break, 前, 后 or 时: 2024年中国 is a country;
// 今年年中实现 is clear. 年中期, 年中央 are no parts; 年初一 is the lunar new
// year's day.
func yearPart(v view, k int, strict bool) (part, bool) {
	switch v.at(k) {
	case '初':
		if isHanDigit(v.at(k + 1)) {
			return partWhole, false
		}
		return partEarly, true
	case '中':
		next := v.at(k + 1)
		if next == '期' || next == '央' || next == '国' || next == '小' || next == '心' || next == '层' {
			return partWhole, false
		}
		if strict && next >= 0x4E00 && next < 0xA000 && next != '前' && next != '后' && next != '时' {
			return partWhole, false
		}
		return partMidYear, true
	}
	return partWhole, false
}

// halfMonths: 9月下半月, 本月上半月, 下半月 alone (the current month).
var halfMonths = []struct {
	word string
	part part
}{{"上半月", partFirstHalf}, {"下半月", partSecondHalf}}

// parseBareDay reads a day of the month written alone before 前: 20日前报送
// means the 20th of the reference month, or of the next one when that day
// has passed. Only with 前: 3日 alone is too often a count or a past day.
func parseBareDay(v view, i int) (atom, bool) {
	if containsRune(notBareDayAfter, v.at(i-1)) || isDigit(v.at(i-1)) {
		return atom{}, false
	}
	return parseDayOf(v, i)
}

// parseDayOf reads N日前 at i whatever precedes it (每月5日前).
func parseDayOf(v view, i int) (atom, bool) {
	n, j := digits(v, i, 2)
	if j == i || n < 1 || n > 31 {
		return atom{}, false
	}
	k := v.spaces(j)
	if c := v.at(k); c != '日' && c != '号' {
		return atom{}, false
	}
	end := clock(v, k+1)
	p := v.spaces(end)
	w := v.prefixAt(p, []string{"之前", "以前", "前"})
	if w == "" || containsRune(notDateBefore, v.at(p+len([]rune(w)))) && !v.has(p, "前后") {
		return atom{}, false
	}
	return atom{start: i, end: end, day: n, grain: grainDay, relYear: true, relMonth: true, bareDay: true}, true
}

// notBareDayAfter: a day after these belongs to a longer expression or a count.
var notBareDayAfter = []rune("月年日号个第.-至到、/:第每近")

// relBounds resolves the relative week and quarter atoms.
func (a *atom) relBounds(ref Date) (first, last Date) {
	if ref.IsZero() {
		return Date{}, Date{}
	}
	if a.relWeek {
		t := ref.Time(time.UTC)
		monday := t.AddDate(0, 0, -((int(t.Weekday())+6)%7)+7*a.weekRel)
		if a.weekday > 0 {
			d := monday.AddDate(0, 0, a.weekday-1)
			return dateOf(d), dateOf(d)
		}
		return dateOf(monday), dateOf(monday.AddDate(0, 0, 6))
	}
	q := (int(ref.Month)-1)/3 + a.quarterRel // 0-based, may leave the year
	start := NewDate(ref.Year, time.Month(3*q+1), 1)
	return start, NewDate(start.Year, start.Month+3, 0)
}

func dateOf(t time.Time) Date { return NewDate(t.Year(), t.Month(), t.Day()) }
