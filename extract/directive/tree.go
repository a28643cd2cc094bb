package directive

// maxDepth is the deepest level an item may have (SPEC: no item deeper than 5).
const maxDepth = 5

// node is an item while the outline is built.
type node struct {
	m        mark
	parent   *node
	children []*node
	run      int   // restart group among its siblings: a new 一 opens a new run
	first    *node // the first item of its run
	endPara  int   // where the item ends: paragraph position and rune offset
	end      int
}

// defaultRank orders the styles when the document gives no evidence: a
// lower rank contains a higher one (一、 > （一） > 第一 > 首先 > 1. > 一要 > 一是 > （1） > ①).
var defaultRank = map[string]int{
	StyleBare: -1, StyleChapter: 0, StyleParen: 1, StyleDi: 2, StyleSequence: 3,
	StyleArabic: 4, StyleYao: 5, StyleShi: 6, StyleParenArabic: 7, StyleCircled: 8,
}

// precedence is the style order learned from one document: contains[a][b]
// counts the times a series of style b starts (ordinal 1) right after an
// item of style a, that is inside it.
type precedence struct {
	contains map[string]map[string]int
}

// learnPrecedence reads the evidence of the candidates: seed000 puts 一是 in
// 二要 (二要谋划好…。一是加快…), a speech may put （一） under 一是 instead.
func learnPrecedence(ms []mark, breaks map[int]bool) precedence {
	pr := precedence{contains: map[string]map[string]int{}}
	for i := 1; i < len(ms); i++ {
		a, b := ms[i-1], ms[i]
		if a.style == b.style || b.ordinal != 1 || a.style == StyleBare || crossesBreak(a.para, b.para, breaks) {
			continue
		}
		if pr.contains[a.style] == nil {
			pr.contains[a.style] = map[string]int{}
		}
		pr.contains[a.style][b.style]++
	}
	return pr
}

func crossesBreak(from, to int, breaks map[int]bool) bool {
	for p := from + 1; p <= to; p++ {
		if breaks[p] {
			return true
		}
	}
	return false
}

// above reports whether style s ranks above (contains) style t.
func (pr precedence) above(s, t string) bool {
	st, ts := pr.contains[s][t], pr.contains[t][s]
	if st != ts {
		return st > ts
	}
	return defaultRank[s] < defaultRank[t]
}

// builder nests the validated markers into an outline.
type builder struct {
	pr    precedence
	stack []*node
	roots []*node
}

// top returns the innermost open item, nil when none is open.
func (b *builder) top() *node {
	if len(b.stack) == 0 {
		return nil
	}
	return b.stack[len(b.stack)-1]
}

// reset closes every open item (a part break, or the end of a bare item).
func (b *builder) reset() { b.stack = b.stack[:0] }

// inBlock reports whether an open numbered item is a heading over the
// paragraphs that follow it (its paragraph is a heading line, or ends with
// a colon): then a 会议指出，要… paragraph is part of it, not a bare item
// (seed000 一、会议传达学习了…精神).
func (b *builder) inBlock(d *doc) bool {
	for _, n := range b.stack {
		if n.m.style != StyleBare && n.m.paraStart && opensBlock(d.views[n.m.para]) {
			return true
		}
	}
	return false
}

// opensBlock reports whether a paragraph announces more text: a heading
// line without final punctuation, or a sentence ending with a colon.
func opensBlock(v *view) bool {
	if wrapped(v) {
		return true
	}
	for k := len(v.r) - 1; k >= 0; k-- {
		if !isSpace(v.r[k]) {
			return v.r[k] == ':' || v.r[k] == '：'
		}
	}
	return false
}

// addBare places a bare item at the top level.
func (b *builder) addBare(m mark) *node {
	b.reset()
	n := &node{m: m}
	b.attach(n, nil)
	return n
}

// add places a numbered item: after an open item of its style it is that
// item's sibling (a restart at 1 opens a new run); otherwise it is the
// child of the innermost open item whose style ranks above it.
func (b *builder) add(m mark) *node {
	n := &node{m: m}
	for i := len(b.stack) - 1; i >= 0; i-- {
		s := b.stack[i]
		if s.m.style != m.style {
			continue
		}
		n.run = s.run
		if m.ordinal == 1 || m.ordinal != s.m.ordinal+1 {
			n.run++
		}
		b.stack = b.stack[:i]
		b.attach(n, s.parent)
		return n
	}
	for len(b.stack) > 0 && (b.top().m.style != StyleBare && b.pr.above(m.style, b.top().m.style)) {
		b.stack = b.stack[:len(b.stack)-1]
	}
	parent := b.top()
	if len(b.stack) >= maxDepth {
		parent = parent.parent
		b.stack = b.stack[:len(b.stack)-1]
	}
	if parent != nil && len(parent.children) > 0 {
		n.run = parent.children[len(parent.children)-1].run + 1
	} else if parent == nil && len(b.roots) > 0 {
		n.run = b.roots[len(b.roots)-1].run + 1
	}
	b.attach(n, parent)
	return n
}

func (b *builder) attach(n, parent *node) {
	n.parent = parent
	siblings := &b.roots
	if parent != nil {
		siblings = &parent.children
	}
	n.first = n
	if k := len(*siblings); k > 0 && (*siblings)[k-1].run == n.run {
		n.first = (*siblings)[k-1].first
	}
	*siblings = append(*siblings, n)
	b.stack = append(b.stack, n)
}
