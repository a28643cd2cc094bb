package export

import (
	"slices"
	"strconv"

	"github.com/zhengling/zhengling/extract"
	"github.com/zhengling/zhengling/extract/directive"
	"github.com/zhengling/zhengling/extract/hanzi"
)

// paraView is one paragraph of the report's text, cut into segments.
type paraView struct {
	ID   string
	Segs []segment
}

// segment is plain text or one highlight holding segments of its own.
type segment struct {
	Text string
	Mark *span
}

// span is one highlighted stretch of a paragraph, in rune offsets.
type span struct {
	start, end int
	Class      string // highlight classes: see spanClasses
	ID, Title  string
	Href       string // set for an item's marker, which links to the outline
	Segs       []segment
	children   []*span
}

// spanClasses are the kinds of highlight, outer first when two cover the
// same text: deadline, target, figure, percentage, owner, item marker.
var spanClasses = []string{"dl", "tg", "fg", "pc", "ow", "mk"}

// paragraphs highlights each paragraph of doc. A span whose offsets do not
// hold its text is left out, as is one that crosses another (the HTML
// elements must nest).
func paragraphs(doc *extract.Document, a *anchors) []paraView {
	runes := make([][]rune, len(doc.Paragraphs))
	for i, p := range doc.Paragraphs {
		runes[i] = []rune(p)
	}
	byPara := map[int][]*span{}
	add := func(para, start, end int, text string, s *span) {
		if para < 0 || para >= len(runes) || start < 0 || end > len(runes[para]) || start >= end ||
			(text != "" && string(runes[para][start:end]) != text) {
			return
		}
		s.start, s.end = start, end
		byPara[para] = append(byPara[para], s)
	}
	for i, dl := range doc.Deadlines {
		add(dl.Para, dl.Start, dl.End, dl.Text, &span{Class: "dl", ID: a.id("dl", i), Title: deadlineTitle(dl)})
	}
	for i, t := range doc.Targets {
		add(t.Para, t.Start, t.End, t.Text, &span{Class: "tg", ID: a.id("tg", i), Title: quantityTitle("目标", t)})
	}
	for i, f := range doc.Figures {
		add(f.Para, f.Start, f.End, f.Text, &span{Class: "fg", ID: a.id("fg", i), Title: quantityTitle("数据", f)})
	}
	for i, p := range doc.Percentages {
		title := "百分比：" + strconv.FormatFloat(p.Value, 'f', -1, 64) + " " + p.Unit
		add(p.Para, p.Start, p.End, p.Text, &span{Class: "pc", ID: a.id("pc", i), Title: title})
	}
	owners := ownerFinder{doc: doc, runes: runes}
	directive.Walk(doc.Directives, func(d *extract.Directive) {
		add(d.Para, d.Start, d.Start+len([]rune(d.Marker)), d.Marker,
			&span{Class: "mk", ID: a.item("m", d.ID), Href: "#" + a.item("o", d.ID), Title: "第 " + d.ID + " 项"})
		for _, o := range d.Owners {
			if p, start, ok := owners.find(d, o); ok {
				add(p, start, start+len([]rune(o)), "", &span{Class: "ow", Title: "责任：" + o})
			}
		}
	})
	out := make([]paraView, len(runes))
	for i, rs := range runes {
		out[i] = paraView{ID: "d" + strconv.Itoa(a.n) + "p" + strconv.Itoa(i), Segs: segments(rs, 0, len(rs), nest(byPara[i]))}
	}
	return out
}

// nest turns a paragraph's spans into a forest: a span inside another
// becomes its child (two readings of one text, 9月和12月 as two deadlines,
// nest too). Of two spans that cross, the one of the higher class
// (spanClasses) stays when the other holds nothing yet — an owner's name
// crossing a deadline's start (区发改局|完成…支出) gives way to the
// deadline; otherwise the later one is dropped.
func nest(spans []*span) []*span {
	rank := func(s *span) int { return slices.Index(spanClasses, s.Class) }
	slices.SortStableFunc(spans, func(x, y *span) int {
		if x.start != y.start {
			return x.start - y.start
		}
		if x.end != y.end {
			return y.end - x.end
		}
		return rank(x) - rank(y)
	})
	var roots, stack []*span
	// under is the list the span at stack[n] joins: its parent's children.
	under := func(n int) *[]*span {
		if n == 0 {
			return &roots
		}
		return &stack[n-1].children
	}
	for _, s := range spans {
		for len(stack) > 0 && stack[len(stack)-1].end <= s.start {
			stack = stack[:len(stack)-1]
		}
		// a crossed leaf of a lower class gives way (it is the last of its list)
		for n := len(stack); n > 0 && s.end > stack[n-1].end; n = len(stack) {
			top := stack[n-1]
			if len(top.children) > 0 || rank(s) >= rank(top) {
				break
			}
			list := under(n - 1)
			*list, stack = (*list)[:len(*list)-1], stack[:n-1]
		}
		if n := len(stack); n > 0 && s.end > stack[n-1].end {
			continue
		}
		list := under(len(stack))
		*list, stack = append(*list, s), append(stack, s)
	}
	return roots
}

// segments renders rs[from:to] with the spans in it.
func segments(rs []rune, from, to int, spans []*span) []segment {
	var out []segment
	for _, s := range spans {
		if s.start > from {
			out = append(out, segment{Text: string(rs[from:s.start])})
		}
		s.Segs = segments(rs, s.start, s.end, s.children)
		out = append(out, segment{Mark: s})
		from = s.end
	}
	if from < to {
		out = append(out, segment{Text: string(rs[from:to])})
	}
	return out
}

// ownerFinder finds an owner, which is in simplified script, in the text of
// its item. It searches the simplified view, which has as many runes as the
// source, so an offset in the view is one in the source.
type ownerFinder struct {
	doc   *extract.Document
	runes [][]rune
	views map[int][]rune
}

// find returns the first place of owner inside d's own text; else in the
// lead-in before it in its paragraph (各行业主管部门要…：①…②…, where the
// items inherit the owner); else in the paragraph after it (a 责任单位 line
// after an item belongs to it).
func (f *ownerFinder) find(d *extract.Directive, owner string) (para, start int, ok bool) {
	o := []rune(owner)
	last := d.LastPara()
	type stretch struct{ p, from, to int }
	var where []stretch
	for p := d.Para; p <= last && p < len(f.runes); p++ {
		s := stretch{p, 0, len(f.runes[p])}
		if p == d.Para {
			s.from = d.Start
		}
		if p == last {
			s.to = d.End
		}
		where = append(where, s)
	}
	where = append(where, stretch{d.Para, 0, d.Start})
	if last+1 < len(f.runes) {
		where = append(where, stretch{last + 1, 0, len(f.runes[last+1])})
	}
	for _, s := range where {
		if s.p < 0 || s.p >= len(f.runes) {
			continue
		}
		if i := index(f.view(s.p), o, s.from, s.to); i >= 0 {
			return s.p, i, true
		}
	}
	return 0, 0, false
}

func (f *ownerFinder) view(p int) []rune {
	if f.views == nil {
		f.views = map[int][]rune{}
	}
	v, ok := f.views[p]
	if !ok {
		v = []rune(hanzi.View(f.doc.Paragraphs[p]))
		if len(v) != len(f.runes[p]) { // never, by View's contract; no highlight then
			v = nil
		}
		f.views[p] = v
	}
	return v
}

// index is the first offset of o in s[from:to], or -1.
func index(s, o []rune, from, to int) int {
	to = min(to, len(s))
	for i := max(from, 0); i+len(o) <= to; i++ {
		if slices.Equal(s[i:i+len(o)], o) {
			return i
		}
	}
	return -1
}
