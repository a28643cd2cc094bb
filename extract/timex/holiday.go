package timex

import (
	"sync"
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
	{name: "春节", date: lunar(1, 1), words: []string{"春节", "过年"}}, // 在過年期間要準備寒冬送暖事宜
	{name: "元宵节", date: lunar(1, 15), words: []string{"元宵节", "元宵"}},
	{name: "清明节", date: qingming, words: []string{"清明节", "清明"}},
	{name: "劳动节", date: solar(time.May, 1), words: []string{"五一劳动节", "五一国际劳动节", "劳动节", "五一"}},
	{name: "端午节", date: lunar(5, 5), words: []string{"端午节", "端午"}},
	{name: "七夕节", date: lunar(7, 7), words: []string{"七夕节", "七夕"}},
	{name: "中秋节", date: lunar(8, 15), words: []string{"中秋节", "中秋"}},
	{name: "国庆节", date: solar(time.October, 1), words: []string{"国庆节", "国庆", "十一"}},
	{name: "重阳节", date: lunar(9, 9), words: []string{"重阳节", "重阳"}},
	{name: "除夕", date: chuxi, words: []string{"除夕"}},
	// Fixed-date days that set deadlines in government work: 三八妇女节前,
	// 植树节前, 六一儿童节前, 七一建党节前, 八一建军节前, 教师节前.
	{name: "妇女节", date: solar(time.March, 8), words: []string{"三八国际妇女节", "三八妇女节", "国际妇女节", "妇女节"}},
	{name: "植树节", date: solar(time.March, 12), words: []string{"植树节"}},
	{name: "青年节", date: solar(time.May, 4), words: []string{"五四青年节", "青年节"}},
	{name: "儿童节", date: solar(time.June, 1), words: []string{"六一国际儿童节", "六一儿童节", "国际儿童节", "儿童节"}},
	{name: "建党节", date: solar(time.July, 1), words: []string{"七一建党节", "建党节"}},
	{name: "建军节", date: solar(time.August, 1), words: []string{"八一建军节", "建军节"}},
	{name: "教师节", date: solar(time.September, 10), words: []string{"教师节"}},
	{name: "平安夜", date: solar(time.December, 24), words: []string{"平安夜"}},
	{name: "圣诞节", date: solar(time.December, 25), words: []string{"圣诞节"}},
	{name: "情人节", date: solar(time.February, 14), words: []string{"情人节"}},
	{name: "愚人节", date: solar(time.April, 1), words: []string{"愚人节"}},
	{name: "万圣节", date: solar(time.October, 31), words: []string{"万圣节"}},
	{name: "双十一", date: solar(time.November, 11), words: []string{"双十一", "光棍节"}},
	{name: "母亲节", date: nthWeekday(time.May, time.Sunday, 2), words: []string{"母亲节"}},
	{name: "父亲节", date: nthWeekday(time.June, time.Sunday, 3), words: []string{"父亲节"}},
	{name: "感恩节", date: nthWeekday(time.November, time.Thursday, 4), words: []string{"感恩节"}},
}

// nthWeekday gives the n-th weekday wd of month m: 母亲节 is May's second Sunday.
func nthWeekday(m time.Month, wd time.Weekday, n int) func(int) Date {
	return func(y int) Date {
		first := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
		offset := (int(wd) - int(first.Weekday()) + 7) % 7
		return NewDate(y, m, 1+offset+7*(n-1))
	}
}

func solar(m time.Month, d int) func(int) Date {
	return func(y int) Date { return NewDate(y, m, d) }
}

// lunar gives the Gregorian date of lunar month m, day d of the lunar year
// that starts in Gregorian year y.
func lunar(m, d int) func(int) Date {
	return func(y int) (out Date) {
		defer guard(&out)
		s := calendar.NewLunarFromYmd(y, m, d).GetSolar()
		return NewDate(s.GetYear(), time.Month(s.GetMonth()), s.GetDay())
	}
}

// guard turns a panic of the calendar library (it panics on dates it
// cannot represent) into the unknown date: the library never panics on input.
func guard(out *Date) {
	if recover() != nil {
		*out = Date{}
	}
}

// chuxi is the eve of the Spring Festival that falls in Gregorian year y+1
// or, when that is still in y, of the one of y: the last night of lunar year y.
func chuxi(y int) (out Date) {
	defer guard(&out)
	s := calendar.NewLunarFromYmd(y+1, 1, 1).GetSolar().NextDay(-1)
	return NewDate(s.GetYear(), time.Month(s.GetMonth()), s.GetDay())
}

// qingming is the 清明 solar term of year y.
func qingming(y int) (out Date) {
	defer guard(&out)
	if s, ok := calendar.NewLunarFromYmd(y, 3, 1).GetJieQiTable()["清明"]; ok && s != nil {
		return NewDate(s.GetYear(), time.Month(s.GetMonth()), s.GetDay())
	}
	return NewDate(y, time.April, 5)
}

// holidayCache keeps computed dates: lunar-go's astronomy costs tens of
// microseconds a call, and a page names the same festivals again and again.
var holidayCache sync.Map // holidayYear → Date

type holidayYear struct {
	h    *holiday
	year int
}

// on returns h's date in year y, computed once.
func (h *holiday) on(y int) Date {
	k := holidayYear{h, y}
	if d, ok := holidayCache.Load(k); ok {
		return d.(Date)
	}
	d := h.date(y)
	holidayCache.Store(k, d)
	return d
}

// next returns the first date of h on or after ref, or of the given year.
func (h *holiday) next(ref Date, year int) Date {
	if year != 0 {
		return h.on(year)
	}
	if ref.IsZero() {
		return Date{}
	}
	for y := ref.Year - 1; y <= ref.Year+1; y++ {
		if d := h.on(y); !d.IsZero() && !d.Before(ref) {
			return d
		}
	}
	return Date{}
}

// holidaysByFirst lists the holidays by the first rune of their words, so
// that a position costs one lookup, not one test per holiday.
var holidaysByFirst = func() map[rune][]*holiday {
	m := make(map[rune][]*holiday)
	for _, h := range holidays {
		seen := map[rune]bool{}
		for _, w := range h.words {
			r := []rune(w)[0]
			if !seen[r] {
				seen[r] = true
				m[r] = append(m[r], h)
			}
		}
	}
	return m
}()

// shiYiAfter are what 十一 (National Day) is written before: 十一前, 十一期间,
// 十一黄金周; anywhere else 十一 is eleven.
var shiYiAfter = []string{"前", "之前", "以前", "期间", "假期", "长假", "小长假", "黄金周", "节前", "后"}

func shiYiIsHoliday(v view, i int) bool {
	p := v.at(i - 1)
	if isHanDigit(p) || isDigit(p) || p == '第' || p == '月' || p == '年' || p == '十' {
		return false
	}
	k := i + 2
	if isOpenQuote(p) && isCloseQuote(v.at(k)) {
		k++ // “十一”之前
	}
	return v.prefixAt(k, shiYiAfter) != ""
}

func isOpenQuote(r rune) bool  { return r == '“' || r == '"' || r == '\'' || r == '‘' }
func isCloseQuote(r rune) bool { return r == '”' || r == '"' || r == '\'' || r == '’' }

// parseHoliday reads a holiday name at i (after an optional year).
func parseHoliday(v view, i int, a *atom) (int, bool) {
	for _, h := range holidaysByFirst[v.at(i)] {
		if w := v.prefixAt(i, h.words); w != "" {
			if v.insideWord(i) {
				continue // 韩国庆熙大学: 国庆 across a word boundary
			}
			if w == "五一" && (isHanDigit(v.at(i-1)) || isHanDigit(v.at(i+2))) {
				continue // 第五一, 五一二: a number, not May Day
			}
			if w == "十一" && !shiYiIsHoliday(v, i) {
				continue // 十一月, 第十一, 十一五: numbers
			}
			j := i + len([]rune(w))
			if v.at(j) == '节' && v.at(j+1) != '日' {
				j++
			}
			if isOpenQuote(v.at(i-1)) && isCloseQuote(v.at(j)) {
				j++ // a quoted holiday: “十一”之前, “五一”期间 (SPEC v1.1)
			}
			a.holiday, a.grain = h, grainDay
			return j, true
		}
	}
	return i, false
}
