package timex

import "time"

// yearOf returns the year an atom means, or 0 when it cannot be known.
// The next-year shift is for what is still to be done; a reported period
// (第一季度重点工作完成情况 in an August report) is the one just past.
// refMonth is the month the year rule compares with (SPEC.md: without a
// year, the reference year, except that a month more than one month before
// the reference month means next year: an 11月 document's 3月底前 is next March).
func (a *atom) yearOf(ref Date, refMonth int) int {
	switch {
	case a.year != 0:
		return a.year
	case ref.IsZero():
		return 0
	case a.relYear:
		return ref.Year + a.yearRel
	}
	y := ref.Year
	if refMonth > 0 && int(ref.Month)-refMonth > 1 && !a.reported {
		y++
	}
	return y
}

// lastMonth is the month an atom ends in (for the year rule), 0 for a year.
func (a *atom) lastMonth() int {
	switch {
	case a.month > 0:
		return a.month
	case a.quarter > 0:
		return a.quarter * 3
	case a.half > 0:
		return a.half * 6
	}
	return 0
}

// bounds returns the first and the last day an atom covers, resolved
// against ref; zero Dates when unknown.
func (a *atom) bounds(ref Date) (first, last Date) {
	if a.placeholder {
		return Date{}, Date{}
	}
	if a.holiday != nil {
		y := 0
		if a.year != 0 || a.relYear && !ref.IsZero() {
			y = a.yearOf(ref, 0)
		}
		d := a.holiday.next(ref, y)
		return d, d
	}
	if a.relDay {
		if ref.IsZero() {
			return Date{}, Date{}
		}
		d := NewDate(ref.Year, ref.Month, ref.Day+a.dayRel)
		return d, d
	}
	if a.relWeek || a.relQuarter {
		first, last = a.relBounds(ref)
		if a.relQuarter && a.part == partEnd {
			first = last
		}
		return first, last
	}
	if a.relMonth {
		if ref.IsZero() {
			return Date{}, Date{}
		}
		m := NewDate(ref.Year, ref.Month+time.Month(a.monthRel), 1)
		if a.bareDay && ref.Day > a.day {
			m = NewDate(ref.Year, ref.Month+1, 1) // 20日前 written on the 25th: next month's
		}
		return monthBounds(m.Year, int(m.Month), a.day, a.part)
	}
	y := a.yearOf(ref, a.lastMonth())
	if y == 0 {
		return Date{}, Date{}
	}
	switch {
	case a.month > 0:
		return monthBounds(y, a.month, a.day, a.part)
	case a.quarter > 0:
		start := 3*a.quarter - 2
		if a.firstQuarts {
			start = 1
		}
		return NewDate(y, time.Month(start), 1), NewDate(y, time.Month(3*a.quarter+1), 0)
	case a.half > 0:
		return NewDate(y, time.Month(6*a.half-5), 1), NewDate(y, time.Month(6*a.half+1), 0)
	}
	switch a.part {
	case partEarly: // 年初: the year's first two months, as 月初 is a month's first days
		return NewDate(y, time.January, 1), NewDate(y, time.March, 0)
	case partMidYear: // 年中: the turn of the half, read as its end
		return NewDate(y, time.June, 1), NewDate(y, time.June, 30)
	}
	return NewDate(y, time.January, 1), NewDate(y, time.December, 31)
}

// monthBounds resolves a day or a part of month m of year y.
func monthBounds(y, m, day int, p part) (Date, Date) {
	first := NewDate(y, time.Month(m), 1)
	end := first.EndOfMonth()
	if day > 0 {
		if day > end.Day {
			return Date{}, Date{} // 2月30日 is no date
		}
		d := NewDate(y, time.Month(m), day)
		return d, d
	}
	switch p {
	case partEarly:
		return first, NewDate(y, time.Month(m), 5)
	case partFirstXun:
		return first, NewDate(y, time.Month(m), 10)
	case partMidXun:
		return NewDate(y, time.Month(m), 11), NewDate(y, time.Month(m), 20)
	case partUpperMid:
		return first, NewDate(y, time.Month(m), 20)
	case partLowerMid:
		return NewDate(y, time.Month(m), 11), end
	case partLastXun:
		return NewDate(y, time.Month(m), 21), end
	case partFirstHalf:
		return first, NewDate(y, time.Month(m), 15)
	case partSecondHalf:
		return NewDate(y, time.Month(m), 16), end
	}
	return first, end
}

// precision names the grain of an atom as SPEC.md does.
func (a *atom) precision() string {
	if a.holiday != nil {
		return PrecisionDay
	}
	switch a.grain {
	case grainDay:
		return PrecisionDay
	case grainWeek, grainXun: // a week has no precision of its own in SPEC; 旬 is the nearest
		return PrecisionXun
	case grainQuarter:
		return PrecisionQuarter
	case grainHalf:
		return PrecisionHalf
	case grainYear:
		if a.part == partMidYear {
			return PrecisionHalf
		}
		return PrecisionYear
	}
	return PrecisionMonth
}
