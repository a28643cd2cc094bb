package clean

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// htmlBytes decodes and cleans one HTML page.
func htmlBytes(b []byte, contentType string) (*Page, error) {
	s, enc, err := decodeBytes(b, contentType)
	if err != nil {
		return nil, err
	}
	if n, dense := tooDenseForTree(s); dense {
		return readAsText(s, enc, fmt.Sprintf("%d tags and texts in %d bytes, too many for a tree", n, len(s))), nil
	}
	root, err := html.Parse(bytes.NewReader(s)) // the parser copies what it keeps
	if err != nil {
		// the parser refuses pathological nesting (more than 512 open
		// elements); read such a page as a stream of text lines instead.
		return readAsText(s, enc, err.Error()), nil
	}
	p := &Page{Encoding: enc}
	doc := goquery.NewDocumentFromNode(root)
	var ms metaSet
	heads := readHead(doc, &ms, p)
	_, blocks := findContent(doc, root)
	cleanBlocks(p, &ms, heads, blocks)
	if captions, ok := galleryParagraphs(s, p.Paragraphs); ok {
		p.Paragraphs = captions
	}
	p.Paragraphs = splitLong(p.Paragraphs)
	return p, nil
}

// headInfo is what the <head> says about the title.
type headInfo struct {
	articleTitle string // ArticleTitle / og:title meta
	title        string // best segment of <title>
	url          string // og:url / url meta
}

// readHead reads the <meta> tags, <title> and canonical link.
func readHead(doc *goquery.Document, ms *metaSet, p *Page) headInfo {
	var h headInfo
	doc.Find("meta").Each(func(_ int, s *goquery.Selection) {
		name := strings.ToLower(firstAttr(s, "name", "property", "itemprop"))
		content := collapseSpace(s.AttrOr("content", ""))
		if name == "" || content == "" {
			return
		}
		readMetaTag(name, content, ms, &h)
	})
	if t := doc.Find("title").First(); t.Length() > 0 {
		h.title = bestTitleSegment(collapseSpace(t.Text()))
	}
	p.URL = pageURL(doc, h.url)
	return h
}

// savedFromRE is the comment browsers and crawlers put first in a saved
// page: <!-- saved from url=(0061)http://www.laishan.gov.cn/… --> or
// <!--http://www.cmse.gov.cn/xwzx/zhxw/202101/t20210106_47506.html-->.
var savedFromRE = regexp.MustCompile(`^\s*(?:saved from url=\(\d+\))?\s*(https?://\S+?)\s*$`)

// pageURL is the canonical link, else the url meta, else the address a
// saved page names in its first comment; only absolute http(s) URLs count.
func pageURL(doc *goquery.Document, metaURL string) string {
	if href, ok := doc.Find(`link[rel="canonical"]`).First().Attr("href"); ok && isAbsURL(href) {
		return strings.TrimSpace(href)
	}
	if isAbsURL(metaURL) {
		return metaURL
	}
	for n := doc.Get(0).FirstChild; n != nil; n = n.NextSibling {
		if n.Type == html.CommentNode {
			if m := savedFromRE.FindStringSubmatch(n.Data); m != nil {
				return m[1]
			}
		}
	}
	return ""
}

func isAbsURL(s string) bool {
	s = strings.TrimSpace(s)
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

func firstAttr(s *goquery.Selection, names ...string) string {
	for _, n := range names {
		if v, ok := s.Attr(n); ok && v != "" {
			return v
		}
	}
	return ""
}

// readMetaTag fills tag metadata: the 政府网站 meta set (ArticleTitle,
// PubDate, ContentSource, SiteName, ColumnName, Keywords, Author) and Open Graph.
func readMetaTag(name, content string, ms *metaSet, h *headInfo) {
	t := &ms.tags
	switch name {
	case "articletitle", "og:title", "title":
		setOnce(&h.articleTitle, content)
	case "pubdate", "publishdate", "article:published_time", "og:release_date", "publishtime":
		if ms.tagPub == "" {
			ms.tagPub, _ = normDate(content)
		}
	case "contentsource", "source", "og:source", "article:source":
		setOnce(&t.Source, content)
	case "sitename", "og:site_name":
		setOnce(&t.SiteName, content)
	case "columnname", "column":
		setOnce(&t.Column, content)
	case "keywords":
		setOnce(&t.Keywords, content)
	case "og:url", "url":
		setOnce(&h.url, content)
	case "author", "article:author":
		setOnce(&t.Author, content)
	}
}

// bestTitleSegment cuts the site and column names off a <title>:
// "载人航天工程…建造任务_中国载人航天官方网站", "凯里市人民政府- 凯里市教育系统…方案";
// the longest segment is the article's.
func bestTitleSegment(t string) string {
	segs := strings.FieldsFunc(t, func(r rune) bool { return r == '_' || r == '|' || r == '｜' })
	var parts []string
	for _, s := range segs {
		parts = append(parts, splitDash(s)...)
	}
	best := ""
	for _, s := range parts {
		s = strings.TrimSpace(s)
		if len([]rune(s)) > len([]rune(best)) {
			best = s
		}
	}
	return best
}

// splitDash splits on a dash with white space on one side ("站名 - 标题",
// "凯里市人民政府- 凯里…"), never inside "1-10月".
func splitDash(s string) []string {
	for _, d := range []string{" - ", "- ", " -", " — ", "—", " – "} {
		if strings.Contains(s, d) {
			return strings.Split(s, d)
		}
	}
	return []string{s}
}

// skipTags are never text.
var skipTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Iframe: true, atom.Svg: true, atom.Math: true, atom.Canvas: true, atom.Object: true,
	atom.Embed: true, atom.Select: true, atom.Option: true, atom.Button: true, atom.Input: true,
	atom.Textarea: true, atom.Head: true, atom.Audio: true, atom.Video: true, atom.Map: true,
}

// blockTags end a paragraph before and after them.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Dl: true,
	atom.Dt: true, atom.Dd: true, atom.Table: true, atom.Tr: true, atom.Td: true, atom.Th: true,
	atom.Tbody: true, atom.Thead: true, atom.Tfoot: true, atom.Caption: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Section: true, atom.Article: true, atom.Header: true, atom.Footer: true, atom.Nav: true,
	atom.Aside: true, atom.Main: true, atom.Blockquote: true, atom.Pre: true, atom.Figure: true,
	atom.Figcaption: true, atom.Form: true, atom.Fieldset: true, atom.Address: true, atom.Hr: true,
	atom.Center: true, atom.Body: true, atom.Html: true, atom.Details: true, atom.Summary: true,
}

// hidden reports an element the browser does not show.
func hidden(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "style":
			st := strings.ToLower(strings.ReplaceAll(a.Val, " ", ""))
			if strings.Contains(st, "display:none") || strings.Contains(st, "visibility:hidden") {
				return true
			}
		}
	}
	return false
}

// readAsText cleans the text of a page that cannot be read as a tree, with
// a warning that says why.
func readAsText(s []byte, enc, why string) *Page {
	p := Text(tokenText(string(s)))
	p.Encoding = enc
	p.Warnings = append(p.Warnings, "html: "+why+"; read as text")
	return p
}

// A page's tree costs about 112 bytes a node (html.Node) before goquery and
// the cleaner add theirs: a page of one-letter paragraphs (<p>y</p>, y<br>)
// costs 30 to 50 times its size as a tree. A page over treeMinBytes with a
// node, tag or text, for fewer than treeBytesPerNode bytes is read as text:
// the densest real page seen has one for 26 bytes (shanxi-gov-cn.html, 3 479
// nodes in 94 KB); small pages fit the memory bound whatever their shape.
const (
	treeMinBytes     = 256 << 10
	treeBytesPerNode = 12
)

// tooDenseForTree counts the nodes a page's tree would have, with the
// tokenizer, which keeps none; it reports the count and whether the page is
// too dense for a tree.
func tooDenseForTree(s []byte) (int, bool) {
	if len(s) <= treeMinBytes {
		return 0, false
	}
	z := html.NewTokenizer(bytes.NewReader(s))
	n := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return n, n*treeBytesPerNode > len(s)
		case html.StartTagToken, html.SelfClosingTagToken, html.TextToken, html.CommentToken:
			n++
		}
	}
}

// tokenText turns HTML into plain text with the tokenizer, which keeps no
// tree: block tags and <br> become line breaks, scripts and styles go.
func tokenText(s string) string {
	z := html.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	skip := 0
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return b.String()
		case html.TextToken:
			if skip == 0 {
				b.Write(z.Text())
			}
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if a == atom.Script || a == atom.Style {
				if tt == html.StartTagToken {
					skip++
				} else if tt == html.EndTagToken && skip > 0 {
					skip--
				}
				continue
			}
			if blockTags[a] || a == atom.Br {
				b.WriteByte('\n')
			}
		}
	}
}
