package directive

import (
	"strconv"
	"strings"
	"unicode"
)

// finish turns the nodes of one level into directives with ids under prefix.
func (d *doc) finish(level []*node, prefix string) []*Directive {
	return d.finishUnder(level, prefix, false)
}

// finishUnder is finish for the items of a parent; underGoals says the
// parent's heading names goals (一、主要预期目标 > （一）地区生产总值增长7%以上):
// its items are the goals set, so they instruct.
func (d *doc) finishUnder(level []*node, prefix string, underGoals bool) []*Directive {
	var out []*Directive
	vs := make([]verdict, len(level))
	for i, n := range level {
		id := strconv.Itoa(i + 1)
		if prefix != "" {
			id = prefix + "." + id
		}
		var dir *Directive
		dir, vs[i] = d.directive(n, id)
		if underGoals && vs[i] != gives {
			dir.Instructs, vs[i] = true, gives
		}
		out = append(out, dir)
	}
	settleRun(level, out, vs)
	return out
}

// directive builds the item of n and its children, and returns the item's
// instructs verdict (undecided ones are settled by finish).
func (d *doc) directive(n *node, id string) (*Directive, verdict) {
	p := d.paras[n.m.para]
	dir := &Directive{
		ID:      id,
		Marker:  p.Text(n.m.start, n.m.end),
		Style:   n.m.style,
		Ordinal: n.m.ordinal,
		Level:   strings.Count(id, ".") + 1,
		Para:    p.Index,
		Start:   n.m.start,
		End:     n.end,
	}
	if n.endPara != n.m.para {
		e := d.paras[n.endPara].Index
		dir.EndPara = &e
	}
	stop := -1
	if len(n.children) > 0 && n.children[0].m.para == n.m.para {
		stop = n.children[0].m.start
	} else if n.endPara == n.m.para && n.end < len(d.views[n.m.para].r) {
		// The heading is cut at the item's end below anyway: looking no
		// further keeps the run-in ①②③… of one long line linear.
		stop = n.end
	}
	hs, _ := d.headingSpan(n.m, stop)
	if hs.para == n.endPara && n.end < hs.end {
		hs = trimHeading(d.views[hs.para].r, hs.para, hs.start, max(n.end, hs.start))
	}
	dir.Heading = d.paras[hs.para].Text(hs.start, hs.end)
	dir.Text = d.text(pos{n.m.para, n.m.start}, pos{n.endPara, n.end})
	own := d.ownSegments(n)
	v := d.instructs(n.m, own, hs)
	dir.Instructs = v == gives
	dir.Owners = d.owners(n, afterMarker(own, n.m))
	dir.Children = d.finishUnder(n.children, id, namesGoals(d.paras[hs.para].SimpleText(hs.start, hs.end)))
	return dir, v
}

// headingOf returns the first sentence of the item without its marker, and
// whether the item holds nothing but that heading before the next marker
// (stop, or the paragraph end when stop < 0).
func (d *doc) headingOf(m mark, stop int) (string, bool) {
	h, ok := d.headingSpan(m, stop)
	return d.paras[h.para].Text(h.start, h.end), ok
}

// headingSpan locates the heading: from the body to the first 。；：！？ (or
// stop, or the paragraph end), without spaces and the commas before the
// next marker. A marker alone on its line (<p>一、</p><p>总体要求</p>) takes
// its heading from the next paragraph.
func (d *doc) headingSpan(m mark, stop int) (span, bool) {
	v := d.views[m.para]
	end := len(v.r)
	if stop >= 0 && stop < end {
		end = stop
	}
	if m.body >= end && stop < 0 && d.markerOnly(m) {
		next := d.views[m.para+1]
		h, _ := d.headingSpan(mark{para: m.para + 1, body: next.lead}, -1)
		return h, false
	}
	k := m.body
	for k < end && !headingEndAt(v.r, k) {
		k++
	}
	h := trimHeading(v.r, m.para, m.body, k)
	residue := 0
	for ; k < end && residue <= maxResidue; k++ {
		if r := v.r[k]; !isSpace(r) && !isClausePunct(r) && !isHeadingEnd(r) {
			residue++
		}
	}
	return h, residue <= maxResidue
}

// headingEndAt reports whether the rune at k ends a heading: 。；：！？, but
// not a colon between digits, which is part of a time or a ratio
// (请于2024年7月8日09：00至…, 比例达到1：3).
func headingEndAt(r []rune, k int) bool {
	if !isHeadingEnd(r[k]) {
		return false
	}
	if r[k] == ':' || r[k] == '：' {
		return !(k > 0 && k+1 < len(r) && unicode.IsDigit(r[k-1]) && unicode.IsDigit(r[k+1]))
	}
	return true
}

// markerOnly reports whether m's paragraph holds only the marker and the
// next paragraph is plain text that can be its heading.
func (d *doc) markerOnly(m mark) bool {
	i := m.para + 1
	if !m.paraStart || i >= len(d.views) || d.breaks[i] {
		return false
	}
	next := d.views[i]
	ms := scanMarks(next)
	return len(ms) == 0 || ms[0].start != next.lead
}

// trimHeading drops the spaces around a heading and the commas that end it
// before a run-in marker (一是坚持和巩固，二是…).
func trimHeading(r []rune, pi, start, end int) span {
	for start < end && isSpace(r[start]) {
		start++
	}
	for end > start && (isSpace(r[end-1]) || isListComma(r[end-1])) {
		end--
	}
	return span{para: pi, start: start, end: end}
}

// maxResidue is the stray text a heading-only line may carry after its
// heading (seed002's outline line ends '…增速较低的短板。1').
const maxResidue = 2

// text joins the source text between a and b, paragraphs separated by "\n".
func (d *doc) text(a, b pos) string {
	if a.para == b.para {
		return d.paras[a.para].Text(a.off, b.off)
	}
	var sb strings.Builder
	sb.WriteString(d.paras[a.para].Text(a.off, d.paras[a.para].Len()))
	for i := a.para + 1; i <= b.para && i < len(d.paras); i++ {
		sb.WriteByte('\n')
		end := d.paras[i].Len()
		if i == b.para {
			end = b.off
		}
		sb.WriteString(d.paras[i].Text(0, end))
	}
	return sb.String()
}

// span is a stretch of one paragraph: [start, end) runes. beforeChild is
// set when a child item follows it directly.
type span struct {
	para, start, end int
	beforeChild      bool
}

// afterMarker clips the item's own segments to start at its body, so that
// the marker is not read as part of an owner (2．区住建局负责督导).
func afterMarker(own []span, m mark) []span {
	if len(own) == 0 || own[0].para != m.para || own[0].start > m.body {
		return own
	}
	out := append([]span(nil), own...)
	out[0].start = min(m.body, out[0].end)
	return out
}

// ownSegments returns the item's own text: its extent without its children.
func (d *doc) ownSegments(n *node) []span {
	var out []span
	from := pos{n.m.para, n.m.start}
	for _, c := range n.children {
		out = d.appendSpan(out, from, pos{c.m.para, c.m.start})
		if len(out) > 0 && out[len(out)-1].para == c.m.para && out[len(out)-1].end == c.m.start {
			out[len(out)-1].beforeChild = true
		}
		from = pos{c.endPara, c.end}
	}
	return d.appendSpan(out, from, pos{n.endPara, n.end})
}

func (d *doc) appendSpan(out []span, a, b pos) []span {
	for i := a.para; i <= b.para && i < len(d.paras); i++ {
		s, e := 0, d.paras[i].Len()
		if i == a.para {
			s = a.off
		}
		if i == b.para {
			e = b.off
		}
		if s < e {
			out = append(out, span{para: i, start: s, end: e})
		}
	}
	return out
}
