package timex

import (
	"time"

	"github.com/6tail/lunar-go/calendar"
)

// holiday is a festival a deadline can be tied to; lunar ones are computed
// with github.com/6tail/lunar-go, never from a hand table of dates.
type holiday struct {
	name  string // the event value, simplified: 国庆节
	date  func(year int) Date
	words []string // how it is written, longest first
}

// holidays: 国庆节前 (seed004), 春节后 (cmse page), 中秋、国庆假期 (seed002).
var holidays = []*holiday{
	{name: "元旦", date: solar(time.January, 1), words: []string{"元旦节", "元旦"}},
	{name: "春节", date: lunar(1, 1), words: []string{"春节"}},
	{name: "元宵节", date: lunar(1, 15), words: []string{"元宵节", "元宵"}},
	{name: "清明节", date: qingming, words: []string{"清明节", "清明"}},
	{name: "劳动节", date: solar(time.May, 1), words: []string{"五一劳动节", "五一国际劳动节", "劳动节", "五一"}},
	{name: "端午节", date: lunar(5, 5), words: []string{"端午节", "端午"}},
	{name: "七夕节", date: lunar(7, 7), words: []string{"七夕节", "七夕"}},
	{name: "中秋节", date: lunar(8, 15), words: []string{"中秋节", "中秋"}},
	{name: "国庆节", date: solar(time.October, 1), words: []string{"国庆节", "国庆"}},
	{name: "重阳节", date: lunar(9, 9), words: []string{"重阳节", "重阳"}},
	{name: "除夕", date: chuxi, words: []string{"除夕"}},
}

func solar(m time.Month, d int) func(int) Date {
	return func(y int) Date { return NewDate(y, m, d) }
}

// lunar gives the Gregorian date of lunar month m, day d of the lunar year
// that starts in Gregorian year y.
func lunar(m, d int) func(int) Date {
	return func(y int) Date {
		s := calendar.NewLunarFromYmd(y, m, d).GetSolar()
		return NewDate(s.GetYear(), time.Month(s.GetMonth()), s.GetDay())
	}
}

// chuxi is the eve of the Spring Festival that falls in Gregorian year y+1
// or, when that is still in y, of the one of y: the last night of lunar year y.
func chuxi(y int) Date {
	s := calendar.NewLunarFromYmd(y+1, 1, 1).GetSolar().NextDay(-1)
	return NewDate(s.GetYear(), time.Month(s.GetMonth()), s.GetDay())
}

// qingming is the 清明 solar term of year y.
func qingming(y int) Date {
	if s, ok := calendar.NewLunarFromYmd(y, 3, 1).GetJieQiTable()["清明"]; ok && s != nil {
		return NewDate(s.GetYear(), time.Month(s.GetMonth()), s.GetDay())
	}
	return NewDate(y, time.April, 5)
}

// next returns the first date of h on or after ref, or of the given year.
func (h *holiday) next(ref Date, year int) Date {
	if year != 0 {
		return h.date(year)
	}
	if ref.IsZero() {
		return Date{}
	}
	for y := ref.Year - 1; y <= ref.Year+1; y++ {
		if d := h.date(y); !d.Before(ref) {
			return d
		}
	}
	return Date{}
}

// parseHoliday reads a holiday name at i (after an optional year).
func parseHoliday(v view, i int, a *atom) (int, bool) {
	for _, h := range holidays {
		if w := v.prefixAt(i, h.words); w != "" {
			if v.insideWord(i) {
				continue // 韩国庆熙大学: 国庆 across a word boundary
			}
			if w == "五一" && (isHanDigit(v.at(i-1)) || isHanDigit(v.at(i+2))) {
				continue // 第五一, 五一二: a number, not May Day
			}
			j := i + len([]rune(w))
			if v.at(j) == '节' && v.at(j+1) != '日' {
				j++
			}
			a.holiday, a.grain = h, grainDay
			return j, true
		}
	}
	return i, false
}
