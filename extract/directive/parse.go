package directive

import "github.com/zhengling/zhengling/extract/para"

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
	ms = dropOutline(ms, heads, only)
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
		} else if d.bareEnds(b, i, ms, k) {
			b.reset()
		}
		d.closeRunIns(b, i)
		for ; k < len(ms) && ms[k].para == i; k++ {
			m := ms[k]
			if m.style != StyleBare {
				b.add(m)
			} else if !b.inBlock(d) {
				b.addBare(m)
			}
		}
	}
}

// closeRunIns closes the open run-in items (markers inside a paragraph)
// whose paragraph ended before paragraph i: such an item ends with its
// paragraph (ownLimit), so the items that open later paragraphs are not its
// children — 2.加大金融支持力度。第一，…第二，…。 then a paragraph of （1）（2）
// puts them under 2., not under 第二. A run-in item whose paragraph ends with
// a colon (…重点抓好以下工作：) announces them and stays open.
func (d *doc) closeRunIns(b *builder, i int) {
	for len(b.stack) > 0 {
		n := b.top()
		if n.m.paraStart || n.m.style == StyleBare || d.wrapEnd[n.m.para] >= i || opensBlock(d.views[d.wrapEnd[n.m.para]]) {
			return
		}
		b.stack = b.stack[:len(b.stack)-1]
	}
}

// bareEnds reports whether the open bare item ends before paragraph i
// (whose first candidate is ms[k]): a bare item ends with its paragraph,
// unless that paragraph announces a list (会议强调，要抓好以下工作：); then it
// holds the paragraphs that open with items of its list's style.
func (d *doc) bareEnds(b *builder, i int, ms []mark, k int) bool {
	if len(b.stack) == 0 || b.stack[0].m.style != StyleBare {
		return false
	}
	bare := b.stack[0]
	if i <= bare.m.para || !opensBlock(d.views[bare.m.para]) {
		return i > d.wrapEnd[bare.m.para]
	}
	opens := k < len(ms) && ms[k].para == i && ms[k].paraStart
	return opens && len(bare.children) > 0 && ms[k].style != bare.children[0].m.style
}
