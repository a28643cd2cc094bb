package clean

import (
	"strings"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// block is one paragraph-level piece of text of the page, in document order.
type block struct {
	text      string
	inContent bool
	heading   bool // inside h1–h3 or an element whose class names a title
	linkRunes int  // runes inside <a>
	runes     int
	afterImg  bool // an image comes right before the text: the block may be its caption
}

// content tells the walker which part of the page is the article: a
// subtree, or the nodes between a begin and an end marker.
type content struct {
	root    *html.Node
	extra   []*html.Node // further roots: a body split over several CMS containers
	markers bool
}

func (c content) isRoot(n *html.Node) bool {
	if n == c.root {
		return n != nil
	}
	for _, x := range c.extra {
		if x == n {
			return true
		}
	}
	return false
}

// maxDepth bounds the recursion; deeper elements are read as inline text,
// so a page nested a million levels deep costs linear time and no stack.
const maxDepth = 256

// maxBlocks bounds the blocks read from one page.
const maxBlocks = 200000

type walker struct {
	c         content
	inside    bool   // inside the content subtree or between markers
	buf       []byte // the open block's text, reused from block to block
	bufLinks  int
	inLink    int
	inPre     int // inside <pre>, a line break ends a paragraph
	heading   int
	out       []block
	bufInside bool
	afterImg  bool // an <img> since the last block, before any text
}

// walkBlocks splits the page into blocks, marking those of the content.
func walkBlocks(root *html.Node, c content) []block {
	w := &walker{c: c}
	w.walk(root, 0)
	w.flush()
	return w.out
}

func (w *walker) flush() {
	if len(w.buf) == 0 {
		return
	}
	t := collapseBytes(w.buf)
	w.buf = w.buf[:0]
	links := w.bufLinks
	w.bufLinks = 0
	if t == "" || len(w.out) >= maxBlocks {
		return
	}
	w.out = append(w.out, block{text: t, inContent: w.bufInside, heading: w.heading > 0,
		linkRunes: links, runes: utf8.RuneCountInString(t), afterImg: w.afterImg})
	w.afterImg = false
}

func (w *walker) text(s string) {
	if len(w.buf) == 0 {
		w.bufInside = w.inside
	}
	w.buf = append(w.buf, s...)
	if w.inLink > 0 {
		w.bufLinks += utf8.RuneCountInString(strings.TrimSpace(s))
	}
}

// collapseBytes is collapseSpace of b as a new string, which b's later
// reuse leaves alone.
func collapseBytes(b []byte) string {
	s := unsafe.String(unsafe.SliceData(b), len(b))
	if collapsed(s) {
		return string(b)
	}
	return collapseSpace(s) // builds a new string
}

// preText splits preformatted text at its line breaks.
func (w *walker) preText(s string) {
	for i, part := range strings.Split(s, "\n") {
		if i > 0 {
			w.flush()
		}
		w.text(part)
	}
}

func (w *walker) walk(n *html.Node, depth int) {
	switch n.Type {
	case html.TextNode:
		if w.inPre > 0 {
			w.preText(n.Data)
		} else {
			w.text(n.Data)
		}
		return
	case html.CommentNode:
		w.marker(isBeginMarker(n.Data), isEndMarker(n.Data))
		return
	case html.ElementNode:
		if w.element(n, depth) {
			return
		}
	}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		w.walk(ch, depth+1)
	}
}

// element handles an element; it reports whether its children are done.
func (w *walker) element(n *html.Node, depth int) bool {
	if n.DataAtom == atom.Meta && w.c.markers {
		name := strings.ToLower(attr(n, "name"))
		w.marker(name == "contentstart", name == "contentend")
		return true
	}
	if skipTags[n.DataAtom] || hidden(n) {
		return true
	}
	if n.DataAtom == atom.Br {
		w.flush()
		return true
	}
	if n.DataAtom == atom.Img {
		w.afterImg = w.afterImg || len(w.buf) == 0
		return true
	}
	if depth > maxDepth {
		w.text(flatText(n))
		return true
	}
	enter := w.c.isRoot(n)
	if enter {
		w.flush()
		w.inside = true
	}
	isBlock := blockTags[n.DataAtom]
	head := isHeading(n)
	if isBlock || head {
		w.flush()
	}
	if n.DataAtom == atom.A {
		w.inLink++
	}
	if n.DataAtom == atom.Pre {
		w.inPre++
		defer func() { w.inPre-- }()
	}
	if head {
		w.heading++
	}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		w.walk(ch, depth+1)
	}
	if isBlock || head {
		w.flush()
	}
	if head {
		w.heading--
	}
	if n.DataAtom == atom.A {
		w.inLink--
	}
	if enter {
		w.flush()
		w.inside = false
	}
	return true
}

func (w *walker) marker(begin, end bool) {
	if !w.c.markers || (!begin && !end) {
		return
	}
	w.flush()
	w.inside = begin
}

// isHeading: h1–h3, or an element whose class or id says title
// (p.con-title, div.article-title) and is not a list of titles.
func isHeading(n *html.Node) bool {
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3:
		return true
	case atom.Ul, atom.Ol, atom.Li, atom.A, atom.Body, atom.Html:
		return false
	}
	cls := strings.ToLower(attr(n, "class") + " " + attr(n, "id"))
	return strings.Contains(cls, "title") && !strings.Contains(cls, "list") && !strings.Contains(cls, "sub")
}

// flatText gathers the text under n without recursion.
func flatText(n *html.Node) string {
	var b strings.Builder
	stack := []*html.Node{n}
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if x.Type == html.TextNode {
			b.WriteString(x.Data)
			continue
		}
		if x.Type == html.ElementNode && skipTags[x.DataAtom] {
			continue
		}
		for ch := x.LastChild; ch != nil; ch = ch.PrevSibling {
			stack = append(stack, ch)
		}
	}
	return b.String()
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// Content markers of the CMSs: 浙江政务服务网 (ZJEG_RSS) comments and the
// 大汉/集约化 <meta name="ContentStart">…<meta name="ContentEnd"> pair.
func isBeginMarker(s string) bool {
	s = strings.TrimSpace(s)
	return strings.HasSuffix(s, "content.begin") || s == "ContentStart" || s == "正文开始" || s == "content start"
}

func isEndMarker(s string) bool {
	s = strings.TrimSpace(s)
	return strings.HasSuffix(s, "content.end") || s == "ContentEnd" || s == "正文结束" || s == "content end"
}
