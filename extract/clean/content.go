package clean

import (
	"math"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// contentSelector is one known article container. cms marks a CMS's own
// body container: taken as it is, and when a page splits its body over
// several of them (one .TRS_Editor per section) all of them are taken.
// A generic container (.article-content, <article>) is narrowed to the
// element inside it that holds the prose.
type contentSelector struct {
	sel string
	cms bool
}

// contentSelectors, most specific first; per selector the match holding
// the most Han text wins.
var contentSelectors = []contentSelector{
	{".TRS_Editor", true},         // TRS WCM: cmse.gov.cn, shanxi.gov.cn
	{".trs_editor_view", true},    // TRS 海云: kaili.gov.cn
	{"#UCAP-CONTENT", true},       // 国务院公报 / 开普云: gov.cn
	{".TRS_UEDITOR", true},        // TRS UEditor bodies
	{"#zoom", true},               // 大汉版通: fgw.zj.gov.cn
	{"#Zoom", true},               //
	{"#ozoom", true},              // 人民网 (people.com.cn)
	{"#js_content", true},         // 微信公众号
	{".rich_media_content", true}, // 微信公众号
	{".article-content", false},   // many 集约化 templates, baijiahao, toutiao
	{".post_body", false},         // 网易 163
	{"#artibody", false},          // 新浪 sina
	{".article-body", false},      //
	{".content-article", false},   // 腾讯 qq
	{"#detail", false},            // 新华网 xinhuanet
	{".pages_content", false},     // gov.cn
	{".wp_articlecontent", true},  // 博达 university sites
	{".v_news_content", true},     // 博达
	{".article_content", false},   //
	{".news_content", false},      //
	{"#mainText", false},          //
	{".zw", false},                // 正文
	{"#zw", false},                //
	{"article", false},            // HTML5 pages
}

// refine narrows a generic container (.article-content, article) to the
// element inside it that directly holds the prose, when that element holds
// most of the container's text.
func refine(n *html.Node) *html.Node {
	d := densest(n)
	if d == n {
		return n
	}
	all, inner := flatHan(n), flatHan(d)
	if inner*10 >= all*6 {
		return d
	}
	return n
}

// outermost returns the nodes of found, other than best, that are neither
// inside another one nor contain one.
func outermost(found []*html.Node, best *html.Node) []*html.Node {
	var out []*html.Node
	for _, n := range found {
		if n == best {
			continue
		}
		nested := false
		for _, m := range found {
			if m != n && (contains(m, n) || contains(n, m)) {
				nested = true
				break
			}
		}
		if !nested {
			out = append(out, n)
		}
	}
	return out
}

// matchSelectors finds, in one walk of the tree, the elements each of
// contentSelectors matches, in document order, as CSS (and goquery's
// Find) does: a class is one of the class attribute's space-separated
// words, an id the whole id attribute, case-sensitive.
func matchSelectors(root *html.Node) [][]*html.Node {
	out := make([][]*html.Node, len(contentSelectors))
	var stack []*html.Node
	for ch := root.LastChild; ch != nil; ch = ch.PrevSibling {
		stack = append(stack, ch)
	}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Type == html.ElementNode {
			for i, cs := range contentSelectors {
				if selectorMatches(cs.sel, n) {
					out[i] = append(out[i], n)
				}
			}
		}
		for ch := n.LastChild; ch != nil; ch = ch.PrevSibling {
			stack = append(stack, ch)
		}
	}
	return out
}

// cssSpace separates the words of a class attribute.
const cssSpace = " \t\r\n\f"

// selectorMatches matches one simple selector (.class, #id or a tag name).
func selectorMatches(sel string, n *html.Node) bool {
	switch sel[0] {
	case '.':
		for _, a := range n.Attr {
			if a.Key == "class" && hasWord(a.Val, sel[1:]) {
				return true
			}
		}
		return false
	case '#':
		for _, a := range n.Attr {
			if a.Key == "id" && a.Val == sel[1:] {
				return true
			}
		}
		return false
	}
	return n.Data == sel
}

func hasWord(list, word string) bool {
	if !strings.Contains(list, word) {
		return false
	}
	for _, w := range strings.FieldsFunc(list, func(r rune) bool { return strings.ContainsRune(cssSpace, r) }) {
		if w == word {
			return true
		}
	}
	return false
}

// flatHan is hanCount(flatText(n)) without building the text.
func flatHan(n *html.Node) int {
	han := 0
	stack := []*html.Node{n}
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if x.Type == html.TextNode {
			han += hanCount(x.Data)
			continue
		}
		if x.Type == html.ElementNode && skipTags[x.DataAtom] {
			continue
		}
		for ch := x.LastChild; ch != nil; ch = ch.PrevSibling {
			stack = append(stack, ch)
		}
	}
	return han
}

// contains reports whether n is an ancestor of m.
func contains(n, m *html.Node) bool {
	for x := m.Parent; x != nil; x = x.Parent {
		if x == n {
			return true
		}
	}
	return false
}

// minContentHan is the least Han text a container needs to be taken.
const minContentHan = 30

// findContent finds the article: CMS markers, then known containers,
// then the densest block of Chinese prose.
func findContent(doc *goquery.Document, root *html.Node) (content, []block) {
	if hasMarkers(root) {
		c := content{markers: true}
		blocks := walkBlocks(root, c)
		if contentHan(blocks) >= minContentHan {
			return c, blocks
		}
	}
	matches := matchSelectors(root)
	for i, cs := range contentSelectors {
		var found []*html.Node
		best, bestHan := (*html.Node)(nil), 0
		for _, n := range matches[i] {
			h := flatHan(n)
			if h > bestHan {
				best, bestHan = n, h
			}
			if h >= minContentHan {
				found = append(found, n)
			}
		}
		if best == nil || bestHan < minContentHan {
			continue
		}
		c := content{root: best}
		if cs.cms {
			c.extra = outermost(found, best)
		} else {
			c.root = refine(best)
		}
		if d := densest(root); outweighs(d, c) {
			c = content{root: d} // the known class marks a summary box, not the body
		}
		return c, walkBlocks(root, c)
	}
	if headless(root) {
		// a fragment (a rich-text editor's <p class="ql-block">…</p> saved
		// with the text): all of it is the article
		c := content{root: bodyOf(root)}
		return c, walkBlocks(root, c)
	}
	c := content{root: densest(root)}
	return c, walkBlocks(root, c)
}

// headless reports a document whose <head> holds no element: no title, no
// meta, no style — a fragment of HTML, not a saved page.
func headless(root *html.Node) bool {
	for n := range root.Descendants() {
		if n.Type == html.ElementNode && n.DataAtom == atom.Head {
			for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
				if ch.Type == html.ElementNode {
					return false
				}
			}
			return true
		}
	}
	return true
}

// outweighs reports whether the densest prose d lies apart from the
// chosen containers and holds several times their text: a template that
// uses .article-content for a 摘要 box and another element for the body.
func outweighs(d *html.Node, c content) bool {
	roots := append([]*html.Node{c.root}, c.extra...)
	chosen := 0
	for _, r := range roots {
		if r == d || contains(r, d) || contains(d, r) {
			return false
		}
		chosen += flatHan(r)
	}
	return flatHan(d) >= 3*chosen
}

func contentHan(blocks []block) int {
	n := 0
	for _, b := range blocks {
		if b.inContent {
			n += hanCount(b.text)
		}
	}
	return n
}

// hasMarkers reports both a begin and an end content marker.
func hasMarkers(root *html.Node) bool {
	begin, end := false, false
	stack := []*html.Node{root}
	for len(stack) > 0 && !(begin && end) {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		switch {
		case n.Type == html.CommentNode:
			begin = begin || isBeginMarker(n.Data)
			end = end || isEndMarker(n.Data)
		case n.Type == html.ElementNode && n.DataAtom == atom.Meta:
			name := strings.ToLower(attr(n, "name"))
			begin = begin || name == "contentstart"
			end = end || name == "contentend"
		}
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			stack = append(stack, ch)
		}
	}
	return begin && end
}

// nodeStats are the text statistics of one element's subtree.
type nodeStats struct {
	runes, linkRunes int
	score            float64 // paragraph scores credited to this element
}

// densest returns the element of the subtree under top that holds the
// most Chinese prose (readability/GNE style): every paragraph-like element
// scores by its punctuation and length and credits itself, its parent and
// half to its grandparent, so the element that directly holds the
// paragraphs wins over the page wrapper that also holds comments and
// lists; the score is discounted by link density, so link lists, menus
// and footers lose even when they hold more characters.
func densest(top *html.Node) *html.Node {
	sc := collectors.Get().(*statsCollector)
	defer sc.release()
	sc.collect(top, 0)
	var best *html.Node
	bestScore := 0.0
	for i := range sc.entries {
		n, st := sc.entries[i].node, &sc.entries[i].stats
		if st.runes == 0 || n.DataAtom == atom.Html || n.DataAtom == atom.Body && n != top {
			continue
		}
		ld := float64(st.linkRunes) / float64(st.runes)
		s := st.score * (1 - ld) * (1 - ld)
		if s*maxClassWeight < bestScore {
			continue
		}
		s *= classWeight(n)
		if s > bestScore || s == bestScore && best != nil && n == best.Parent {
			best, bestScore = n, s
		}
	}
	if best == nil {
		return bodyOf(top) // text straight under <body>
	}
	return best
}

// bodyOf returns the <body> element under n, or n.
func bodyOf(n *html.Node) *html.Node {
	stack := []*html.Node{n}
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if x.Type == html.ElementNode && x.DataAtom == atom.Body {
			return x
		}
		for ch := x.FirstChild; ch != nil; ch = ch.NextSibling {
			if ch.Type == html.ElementNode {
				stack = append(stack, ch)
			}
		}
	}
	return n
}

// negativeClass and positiveClass are readability's hints in class and id
// names: comment boxes and sidebars are never the article (guancha.cn's
// comments outweigh a short report), 正文 containers usually are.
var (
	negativeClass = regexp.MustCompile(`(?i)comment|cmt|reply|recommend|related|sidebar|side_|footer|foot|copyright|copy|share|menu|nav|rank|banner|advert|login|tuijian|xgxw|hot`)
	positiveClass = regexp.MustCompile(`(?i)article|content|text|body|post|zoom|detail|entry|zw|txt|main`)
)

// maxClassWeight is the largest classWeight.
const maxClassWeight = 1.3

func classWeight(n *html.Node) float64 {
	cls := attr(n, "class") + " " + attr(n, "id")
	if cls == " " {
		return 1
	}
	switch {
	case hasClassHint(cls, negativeWords, negativeClass):
		return 0.3
	case hasClassHint(cls, positiveWords, positiveClass):
		return 1.3
	}
	return 1
}

// negativeWords and positiveWords are the alternatives of negativeClass
// and positiveClass, for the substring test of ASCII class names.
var (
	negativeWords = alternatives(negativeClass)
	positiveWords = alternatives(positiveClass)
)

func alternatives(re *regexp.Regexp) []string {
	return strings.Split(strings.TrimPrefix(re.String(), "(?i)"), "|")
}

// hasClassHint is re.MatchString(cls); an ASCII name (nearly all) is
// lowered and searched for the words, since (?i) folds ASCII letters only
// to ASCII letters; others go to the regexp (its folding also knows K, ſ).
func hasClassHint(cls string, words []string, re *regexp.Regexp) bool {
	for i := 0; i < len(cls); i++ {
		if cls[i] >= utf8.RuneSelf {
			return re.MatchString(cls)
		}
	}
	low := strings.ToLower(cls)
	for _, w := range words {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}

// statsCollector gathers the nodeStats of every element of a subtree, in
// document order (a slice, not a map: one allocation, a fixed order).
type statsCollector struct {
	entries []statsEntry
	path    []int // entries of the elements open above the current node
}

// collectors recycles the entry slices: a page has thousands of elements,
// and densest runs once to three times per page.
var collectors = sync.Pool{New: func() any { return new(statsCollector) }}

// release clears the entries (they point into a page's tree) and pools sc.
func (sc *statsCollector) release() {
	clear(sc.entries)
	sc.entries, sc.path = sc.entries[:0], sc.path[:0]
	collectors.Put(sc)
}

type statsEntry struct {
	node  *html.Node
	stats nodeStats
}

// collect fills the entries bottom-up and returns the subtree's numbers.
func (sc *statsCollector) collect(n *html.Node, depth int) nodeStats {
	var st nodeStats
	if n.Type == html.TextNode {
		st.runes = utf8.RuneCountInString(strings.TrimSpace(n.Data))
		return st
	}
	if n.Type != html.ElementNode && n.Type != html.DocumentNode {
		return st
	}
	if n.Type == html.ElementNode && (skipTags[n.DataAtom] || hidden(n)) {
		return st
	}
	if depth > maxDepth {
		st.runes = utf8.RuneCountInString(flatText(n))
		return st
	}
	if n.Type == html.ElementNode {
		sc.path = append(sc.path, len(sc.entries))
		sc.entries = append(sc.entries, statsEntry{node: n})
		defer func() { sc.path = sc.path[:len(sc.path)-1] }()
	}
	own := 0 // inline text directly in n
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		c := sc.collect(ch, depth+1)
		st.runes += c.runes
		st.linkRunes += c.linkRunes
		if ch.Type == html.TextNode || (ch.Type == html.ElementNode && !blockTags[ch.DataAtom]) {
			own += c.runes - c.linkRunes
		}
	}
	if n.DataAtom == atom.A {
		st.linkRunes = st.runes
	}
	if n.Type == html.ElementNode {
		self := &sc.entries[sc.path[len(sc.path)-1]].stats
		self.runes, self.linkRunes = st.runes, st.linkRunes
		if own >= 10 {
			sc.credit(paragraphScore(n, own))
		}
	}
	return st
}

// creditWeights are the shares of a paragraph's score its element, its
// parent and its grandparent get.
var creditWeights = [...]float64{1, 1, 0.5}

// credit gives a paragraph's score to the current element, its parent and
// half to its grandparent. Ancestors above the subtree's top get none:
// they hold no counted text, so they could never win.
func (sc *statsCollector) credit(score float64) {
	if score == 0 {
		return
	}
	for i := 0; i < len(creditWeights) && i < len(sc.path); i++ {
		sc.entries[sc.path[len(sc.path)-1-i]].stats.score += score * creditWeights[i]
	}
}

// paragraphScore: 1 + Chinese punctuation + length, for text a reader
// reads as prose (新闻正文 has many ，。; a menu has none).
func paragraphScore(n *html.Node, own int) float64 {
	punct := 0
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		if ch.Type == html.TextNode {
			punct += strings.Count(ch.Data, "，") + strings.Count(ch.Data, "。") + strings.Count(ch.Data, "、") +
				strings.Count(ch.Data, "；") + strings.Count(ch.Data, "：") + strings.Count(ch.Data, "！") + strings.Count(ch.Data, "？")
		} else if ch.Type == html.ElementNode && !blockTags[ch.DataAtom] && ch.DataAtom != atom.A {
			t := flatText(ch)
			punct += strings.Count(t, "，") + strings.Count(t, "。")
		}
	}
	if punct == 0 {
		return 0
	}
	return 1 + float64(punct) + math.Min(float64(own)/100, 3)
}
