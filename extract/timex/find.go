package timex

import (
	"sort"
	"strings"

	"github.com/zhengling/zhengling/extract/para"
	"github.com/zhengling/zhengling/segment/lexicon"
)

// bounds returns the first and last day of the whole candidate. In a span
// without a year, the end takes the year rule and the start follows it
// (12月至3月 crosses the new year).
func (c *cand) bounds(ref Date) (first, last Date) {
	end := c.last()
	_, last = end.bounds(ref)
	start := &c.atoms[0]
	if c.from != nil {
		start = c.from
	}
	if start == end {
		first, _ = end.bounds(ref)
		return first, last
	}
	s := *start
	if s.year == 0 && !s.relYear && !last.IsZero() && s.holiday == nil && !s.relMonth {
		s.year = last.Year
		if s.month > end.month && end.month > 0 {
			s.year--
		}
	}
	first, _ = s.bounds(ref)
	return first, last
}

// Find returns every time expression of the paragraphs, resolved against
// ref (which may be zero: dates then stay null unless the text is absolute),
// in text order, and warnings for placeholders (9月*日, xx月底).
func Find(paras []*para.Paragraph, ref Date) (exprs []Expr, warnings []string) {
	for _, p := range paras {
		if p == nil {
			continue
		}
		v := newView(p)
		for _, c := range scan(v) {
			e, w := toExprs(v, &c, ref)
			exprs = append(exprs, e...)
			warnings = append(warnings, w...)
		}
	}
	return exprs, warnings
}

// scan finds the candidates of one paragraph in text order.
func scan(v view) []cand {
	var out []cand
	for i := 0; i < len(v.r); {
		if isTrigger(v.r[i]) {
			if c, ok := parseCand(v, i); ok && c.end > i {
				out = append(out, c)
				i = c.end
				continue
			}
		}
		i++
	}
	out = append(out, anchors(v, out)...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].start < out[j].start })
	return out
}

func isTrigger(r rune) bool {
	return r < 0x10000 && triggerSet[r>>6]&(1<<(r&63)) != 0
}

// triggerSet holds the runes an expression can start with.
var triggerSet = func() (set [0x10000 >> 6]uint64) {
	for r := range triggers() {
		if r < 0x10000 {
			set[r>>6] |= 1 << (r & 63)
		}
	}
	return set
}()

func triggers() map[rune]bool {
	t := map[rune]bool{'*': true, 'x': true, 'X': true, '×': true, '╳': true, '※': true, '某': true, '每': true, '前': true, '近': true, '后': true,
		'第': true, '上': true, '下': true, '年': true, '月': true, '全': true, '两': true, '十': true,
		'这': true, '本': true, '当': true, '季': true, '首': true, '民': true, '明': true, '次': true, '今': true, '节': true, '双': true}
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	for _, c := range "〇零一二三四五六七八九" {
		t[c] = true
	}
	add := func(w string) { t[[]rune(w)[0]] = true }
	for _, h := range holidays {
		for _, w := range h.words {
			add(w)
		}
	}
	for _, y := range relativeYears {
		add(y.word)
	}
	for _, m := range relativeMonths {
		add(m.word)
	}
	for _, w := range recurrenceWords {
		add(w)
	}
	for _, s := range seasons {
		add(s.word)
	}
	return t
}

// toExprs turns a candidate into its expressions: one, or one per month of
// a non-consecutive enumeration (9月和12月 gives 09-30 and 12-31, both
// with the text 9月和12月).
func toExprs(v view, c *cand, ref Date) ([]Expr, []string) {
	text := v.p.Text(c.start, c.end)
	base := Expr{Deadline: Deadline{Text: text, Para: v.p.Index, Start: c.start, End: c.end, Approx: c.approx}}
	base.Role = roleOf(v, c, ref)
	if base.Role == RolePeriod || base.Role == RoleEventDate {
		c.markReported()
	}
	var warns []string
	if c.hasPlaceholder() {
		warns = append(warns, "placeholder: "+text)
	}
	if c.duration && base.Role == RoleDeadline {
		base.Kind, base.Precision = KindBy, PrecisionEvent
		if d, prec, ok := c.length.after(ref); ok && !ref.IsZero() {
			base.Date, base.Precision = d, prec
		}
		return []Expr{base}, warns
	}
	if c.recurrence || c.duration || c.cumulative && len(c.atoms) == 0 {
		base.Kind, base.Precision = KindDuring, ""
		return []Expr{base}, warns
	}
	if pair, ok := festivalPair(c.event, ref); ok && c.festival && len(c.atoms) == 0 {
		c.atoms = pair // “双节”期间: the two holidays of the season, a span
		c.from = &c.atoms[0]
	}
	if len(c.atoms) == 0 {
		base.Kind, base.Precision, base.Event = KindBy, PrecisionEvent, c.event
		if c.festival {
			base.Kind = KindDuring // 节日期间: the season, dated by no day
		}
		return []Expr{base}, warns
	}
	if c.seasonOnly {
		base.Kind, base.Precision, base.Event = KindBy, PrecisionEvent, c.event
		return []Expr{base}, warns
	}
	base.Precision = c.last().precision()
	base.Event = c.eventName()
	if base.Event == "" {
		base.Event = c.event
	}
	// 元旦、春节前: before each of them.
	if len(c.atoms) > 1 && !c.consecutive && (c.atoms[0].holiday == nil || c.by) {
		var out []Expr
		for i := range c.atoms {
			e := base
			e.Kind = c.kind(v, false)
			if !c.hasPlaceholder() {
				e.First, e.Date = c.atoms[i].bounds(ref)
			}
			out = append(out, e)
		}
		return out, warns
	}
	span := c.from != nil || len(c.atoms) > 1
	base.Kind = c.kind(v, span)
	if !c.hasPlaceholder() {
		first, last := c.bounds(ref)
		if last.Before(first) {
			first, last = last, first // 国庆中秋长假: the holidays in any order
		}
		base.Date, base.First = last, first
		if base.Kind == KindDuring {
			base.From = first
		}
	}
	return []Expr{base}, warns
}

// markReported turns off the next-year shift in every atom of c.
func (c *cand) markReported() {
	for i := range c.atoms {
		c.atoms[i].reported = true
	}
	if c.from != nil {
		c.from.reported = true
	}
}

// limited reports the lexicon's limit words around a date, which make it a
// completion limit even without 前: 完成时限是2022年, 把握好9月和12月这两个
// 时间节点 (seed002).
func limited(v view, c *cand) bool {
	return v.cueBefore(c.start, 8, lexicon.Limit) || v.cueAfter(c.end, 8, lexicon.LimitAfter)
}

func (c *cand) kind(v view, span bool) string {
	switch {
	case span:
		return KindDuring
	case c.by, c.prefix != "", limited(v, c):
		return KindBy
	}
	return KindOn
}

func (c *cand) hasPlaceholder() bool {
	for _, a := range c.atoms {
		if a.placeholder {
			return true
		}
	}
	return c.from != nil && c.from.placeholder
}

// eventName is the holiday (or holidays: 中秋节、国庆节) the candidate names.
func (c *cand) eventName() string {
	var names []string
	for _, a := range c.atoms {
		if a.holiday != nil {
			names = append(names, a.holiday.name)
		}
	}
	return strings.Join(names, "、")
}
