package directive

import (
	"strconv"
	"strings"

	"github.com/zhengling/zhengling/extract/para"
)

// Parse finds the directives of the paragraphs and returns the outline's
// top-level items. Deadlines and Targets are left empty: the pipeline
// attaches them with At.
//
// The steps: scan every paragraph for candidate markers (markerRules),
// keep those that form a real series (validate), add the bare 要 items,
// drop a repeated table of contents, nest the items by position and by the
// style order the document shows (learnPrecedence), then give each item its
// extent, heading, text, owners and id. An item's Text joins the source
// text of the paragraphs it spans with "\n".
func Parse(paras []*para.Paragraph) []*Directive {
	if len(paras) == 0 {
		return nil
	}
	d := newDoc(paras)
	ms := d.candidates()
	if len(ms) == 0 {
		return nil
	}
	heads := make([]string, len(ms))
	only := make([]bool, len(ms))
	for i, m := range ms {
		h, ho := d.headingOf(m, nextInPara(ms, i))
		heads[i], only[i] = headKey(h), ho
	}
	ms, _ = dropOutline(ms, heads, only)
	d.index(ms)
	b := &builder{pr: learnPrecedence(ms, d.breaks)}
	d.nest(b, ms)
	d.extend(b.roots, pos{len(paras) - 1, paras[len(paras)-1].Len()})
	return d.finish(b.roots, "")
}

// pos is a rune position in the document.
type pos struct{ para, off int }

func (a pos) before(b pos) bool {
	return a.para < b.para || (a.para == b.para && a.off < b.off)
}

func minPos(a, b pos) pos {
	if b.before(a) {
		return b
	}
	return a
}

// doc is the paragraphs of one document, prepared for parsing.
type doc struct {
	paras  []*para.Paragraph
	views  []*view
	breaks map[int]bool
	// wrapEnd[i] is the last paragraph paragraph i's text runs on into;
	// beforeBreak[i] the last paragraph before the next break.
	wrapEnd, beforeBreak []int
}

func newDoc(paras []*para.Paragraph) *doc {
	d := &doc{paras: paras, views: make([]*view, len(paras)), breaks: map[int]bool{}}
	for i, p := range paras {
		d.views[i] = newView(p)
		if isBreak(p) {
			d.breaks[i] = true
		}
	}
	return d
}

// candidates returns the validated numbered markers and the bare items, in
// document order. mark.para is the paragraph's position in d.paras.
func (d *doc) candidates() []mark {
	var ms []mark
	for i, v := range d.views {
		if d.breaks[i] {
			continue
		}
		for _, m := range scanMarks(v) {
			m.para = i
			ms = append(ms, m)
		}
	}
	ms = validate(ms)
	return d.withBare(ms)
}

// withBare inserts the bare 要 items of the paragraphs that open with no
// numbered marker.
func (d *doc) withBare(ms []mark) []mark {
	var out []mark
	k := 0
	seriesOpen := false // the previous paragraph was a cue or a bare 要 paragraph
	for i, v := range d.views {
		first := k
		for k < len(ms) && ms[k].para == i {
			k++
		}
		numbered := first < k && ms[first].paraStart
		var bm mark
		ok := false
		if !numbered && !d.breaks[i] {
			if seriesOpen {
				bm, ok = bareAfterCue(v)
			}
			if !ok {
				bm, ok = bareWithCue(v)
			}
		}
		rest := ms[first:k]
		if ok {
			bm.para = i
			for len(rest) > 0 && rest[0].start < bm.start {
				out, rest = append(out, rest[0]), rest[1:]
			}
			out = append(out, bm)
		}
		// the series runs on while paragraphs open with 要 (seed001)
		seriesOpen = endsWithCue(v.p) || ok
		out = append(out, rest...)
	}
	return out
}

// nextInPara returns the start of the next candidate in the same paragraph
// as ms[i], or -1.
func nextInPara(ms []mark, i int) int {
	if i+1 < len(ms) && ms[i+1].para == ms[i].para {
		return ms[i+1].start
	}
	return -1
}

// nest builds the outline paragraph by paragraph.
func (d *doc) nest(b *builder, ms []mark) {
	k := 0
	for i := range d.views {
		if d.breaks[i] {
			b.reset()
		} else if i > 0 && len(b.stack) > 0 && b.stack[0].m.style == StyleBare && !wrapped(d.views[i-1]) {
			b.reset() // a bare item ends with its paragraph
		}
		for ; k < len(ms) && ms[k].para == i; k++ {
			m := ms[k]
			if m.style != StyleBare {
				b.add(m)
			} else if !b.inBlock() {
				b.addBare(m)
			}
		}
	}
}

// wrapped reports whether the paragraph stops mid-sentence (a line cut by
// the page's layout or a truncation mark), so its text runs on in the next.
func wrapped(v *view) bool {
	for k := len(v.r) - 1; k >= 0; k-- {
		r := v.r[k]
		if isSpace(r) {
			continue
		}
		switch r {
		case '。', '！', '？', '!', '?', '；', ';', '…', ':', '：', '”', '"', ')', '）', '】', '》':
			return false
		}
		return true
	}
	return false
}

// paraEnd is the end of paragraph i, carried over the wrapped paragraphs
// that follow it up to (not into) a break or a paragraph that opens with
// an item.
func (d *doc) paraEnd(i int) pos {
	j := d.wrapEnd[i]
	return pos{j, d.paras[j].Len()}
}

// breakLimit is the end of the last paragraph before the first break after
// paragraph i.
func (d *doc) breakLimit(i int) pos {
	j := d.beforeBreak[i]
	return pos{j, d.paras[j].Len()}
}

// index precomputes paraEnd and breakLimit for every paragraph, once the
// paragraphs that open with an item are known.
func (d *doc) index(ms []mark) {
	n := len(d.paras)
	opens := make([]bool, n)
	for _, m := range ms {
		if m.paraStart {
			opens[m.para] = true
		}
	}
	d.wrapEnd = make([]int, n)
	d.beforeBreak = make([]int, n)
	for i := n - 1; i >= 0; i-- {
		d.wrapEnd[i], d.beforeBreak[i] = i, n-1
		if i+1 < n {
			if wrapped(d.views[i]) && !d.breaks[i+1] && !opens[i+1] {
				d.wrapEnd[i] = d.wrapEnd[i+1]
			}
			d.beforeBreak[i] = d.beforeBreak[i+1]
			if d.breaks[i+1] {
				d.beforeBreak[i] = i
			}
		}
	}
}

// endBefore is where an item ends when the next item at its level or above
// starts at m: just before m, or at the end of the previous paragraph when
// m opens its paragraph.
func (d *doc) endBefore(m mark) pos {
	if m.paraStart && m.para > 0 {
		return pos{m.para - 1, d.paras[m.para-1].Len()}
	}
	return pos{m.para, m.start}
}

// extend sets the extent of every item of the level, within limit.
func (d *doc) extend(level []*node, limit pos) {
	for i, n := range level {
		end := minPos(limit, d.breakLimit(n.m.para))
		if i+1 < len(level) {
			end = minPos(end, d.endBefore(level[i+1].m))
		}
		end = minPos(end, d.ownLimit(level, i))
		// an item holds its descendants even past its own sentence or paragraph
		if last := lastMarkEnd(n); end.before(last) {
			end = last
		}
		n.endPara, n.end = end.para, end.off
		d.extend(n.children, end)
	}
}

// lastMarkEnd is the end of the last marker of n's subtree.
func lastMarkEnd(n *node) pos {
	for len(n.children) > 0 {
		n = n.children[len(n.children)-1]
	}
	return pos{n.m.para, n.m.end}
}

// ownLimit bounds an item by its own kind: a bare item and a run-in item
// end with their paragraph (carried over wrapped lines); a run-in ① or （1）
// ends with its sentence; the last item of a run whose items are each one
// paragraph ends with its paragraph too.
func (d *doc) ownLimit(level []*node, i int) pos {
	n := level[i]
	far := pos{len(d.paras), 0}
	switch {
	case n.m.style == StyleBare || !n.m.paraStart:
		end := d.paraEnd(n.m.para)
		if !n.m.paraStart && (n.m.style == StyleCircled || n.m.style == StyleParenArabic) {
			end = minPos(end, d.sentenceEnd(n.m))
		}
		return end
	case i == len(level)-1 || level[i+1].run != n.run:
		if d.singleParagraphRun(level, i) {
			return d.paraEnd(n.m.para)
		}
	}
	return far
}

// sentenceEnd is the position after the first 。 after the marker.
func (d *doc) sentenceEnd(m mark) pos {
	r := d.views[m.para].r
	for k := m.body; k < len(r); k++ {
		if r[k] == '。' {
			return pos{m.para, k + 1}
		}
	}
	return pos{m.para, len(r)}
}

// singleParagraphRun reports whether the earlier items of level[i]'s run
// each open a paragraph and end where the next one opens the next paragraph
// (1、…5、 under 会议认为： in seed002).
func (d *doc) singleParagraphRun(level []*node, i int) bool {
	n := level[i]
	count := 0
	for j := i - 1; j >= 0 && level[j].run == n.run; j-- {
		if !level[j].m.paraStart || level[j+1].m.para != level[j].m.para+1 {
			return false
		}
		count++
	}
	return count > 0 && !wrapped(d.views[n.m.para])
}

// finish turns the nodes of one level into directives with ids under prefix.
func (d *doc) finish(level []*node, prefix string) []*Directive {
	var out []*Directive
	for i, n := range level {
		id := strconv.Itoa(i + 1)
		if prefix != "" {
			id = prefix + "." + id
		}
		out = append(out, d.directive(n, id))
	}
	return out
}

func (d *doc) directive(n *node, id string) *Directive {
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
	childStart := -1
	if len(n.children) > 0 && n.children[0].m.para == n.m.para {
		childStart = n.children[0].m.start
	}
	hs, _ := d.headingSpan(n.m, childStart)
	if hs.para == n.endPara && n.end < hs.end {
		hs = trimHeading(d.views[hs.para].r, hs.para, hs.start, max(n.end, hs.start))
	}
	dir.Heading = d.paras[hs.para].Text(hs.start, hs.end)
	dir.Text = d.text(pos{n.m.para, n.m.start}, pos{n.endPara, n.end})
	own := d.ownSegments(n)
	dir.Instructs = d.instructs(own)
	dir.Owners = d.owners(n, own, hs)
	dir.Children = d.finish(n.children, id)
	return dir
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
	for k < end && !isHeadingEnd(v.r[k]) {
		k++
	}
	h := trimHeading(v.r, m.para, m.body, k)
	residue := 0
	for ; k < end; k++ {
		if r := v.r[k]; !isSpace(r) && !isClausePunct(r) && !isHeadingEnd(r) {
			residue++
		}
	}
	return h, residue <= maxResidue
}

// markerOnly reports whether m's paragraph holds only the marker and the
// next paragraph is plain text that can be its heading.
func (d *doc) markerOnly(m mark) bool {
	i := m.para + 1
	if !m.paraStart || i >= len(d.views) || d.breaks[i] {
		return false
	}
	next := d.views[i]
	return len(scanMarks(next)) == 0 || scanMarks(next)[0].start != next.lead
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
