package clean

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// headerWindow is how many blocks before the article are searched for the
// visible metadata (发布日期, 信息来源 …) and the heading.
const headerWindow = 60

// cleanBlocks turns the page's blocks into Title, Meta and Paragraphs.
func cleanBlocks(p *Page, ms *metaSet, heads headInfo, blocks []block) {
	cs, ce := contentSpan(blocks)
	readHeaderBlocks(blocks[max(0, cs-headerWindow):cs], ms)
	p.Title = chooseTitle(heads, blocks, cs)
	var lines []line
	for _, b := range blocks[cs:ce] {
		if b.inContent {
			l := newLine(stripLeakedTag(b.text))
			l.links = b.linkRunes
			l.pic = b.afterImg
			lines = append(lines, l)
		}
	}
	lines = cutTruncated(lines, &p.Warnings)
	lines = cutAtPreviewEnd(lines, latterHalf(lines), &p.Warnings)
	lines = cutAfterEditor(lines)
	lines = dropBodyChrome(lines, ms)
	lines = splitTitleNotes(lines, titleSearch)
	lines, heading := dropLeadingTitle(lines, p.Title, ms)
	if heading != "" {
		p.Title = heading
	}
	lines = cutAtEnd(lines)
	lines = trimEdges(lines)
	echo := siteEchoes(lines, 0, compact(view(p.Title)), lastProse(lines, 0), nil)
	for i, l := range lines {
		if !l.blank && !echo[i] {
			p.Paragraphs = append(p.Paragraphs, l.text)
		}
	}
	p.Meta, p.TitleNote = ms.result(), ms.note
	p.Warnings = append(p.Warnings, mojibakeWarnings(p.Title, p.Paragraphs)...)
}

// leakedTagRE is the remains of a tag a broken save wrote out as text at
// the start of a block: a few characters of the element before it, an
// escaped attribute and the tag's end (v-021news:
// 日k线图pcms-style=\\"font-L\\">意外总是猝不及防,).
var leakedTagRE = regexp.MustCompile(`^[^。，,！？!?]{0,20}?[A-Za-z][\w-]*=\\*"[^"<>]{0,40}\\*"\s*>\s*`)

// stripLeakedTag removes a leaked tag and what precedes it from the start
// of a block's text.
func stripLeakedTag(t string) string {
	if !strings.Contains(t, `">`) {
		return t
	}
	if loc := leakedTagRE.FindStringIndex(t); loc != nil && loc[1] < len(t) {
		return t[loc[1]:]
	}
	return t
}

// contentSpan returns the first content block and one past the last.
func contentSpan(blocks []block) (int, int) {
	cs, ce := -1, -1
	for i, b := range blocks {
		if b.inContent {
			if cs < 0 {
				cs = i
			}
			ce = i + 1
		}
	}
	if cs < 0 {
		return len(blocks), len(blocks)
	}
	return cs, ce
}

// readHeaderBlocks reads the metadata lines shown above the article, also
// as label and value in two cells (<td>索引号</td><td>…</td>).
func readHeaderBlocks(blocks []block, ms *metaSet) {
	for i := 0; i < len(blocks); i++ {
		t := collapseSpace(blocks[i].text)
		v := view(t)
		if labelOnly.MatchString(v) {
			name := strings.TrimRight(v, " :：")
			if i+1 < len(blocks) && !labelOnly.MatchString(view(blocks[i+1].text)) {
				ms.add(pair{labels[name], cleanValue(blocks[i+1].text)})
				i++
			}
			continue
		}
		if pairs, ok := parseMetaView(t, v, false); ok {
			for _, pr := range pairs {
				ms.add(pr)
			}
			continue
		}
		// a short name after a date in a portal header is a column, not a source
		if d, _, ok := dateline(v); ok {
			ms.add(pair{fPublished, d})
		}
	}
}

// chooseTitle: the ArticleTitle / og:title tag; else the visible heading
// that the <title> names; else the <title>'s article segment; else the
// first heading before the article.
func chooseTitle(h headInfo, blocks []block, cs int) string {
	if h.articleTitle != "" && !siteLike(h.articleTitle, h.title) {
		return tidyTitle(h.articleTitle)
	}
	from := max(0, cs-headerWindow)
	var first string
	for _, b := range blocks[from:min(len(blocks), cs+1)] {
		if !b.heading || b.runes < 4 || b.runes > 120 {
			continue
		}
		if h.title != "" && (strings.Contains(squash(h.title), squash(b.text)) && b.runes*2 >= utf8.RuneCountInString(h.title) ||
			strings.Contains(squash(b.text), squash(h.title))) {
			return tidyTitle(b.text)
		}
		if first == "" {
			first = b.text
		}
	}
	if h.title != "" {
		return tidyTitle(h.title)
	}
	return tidyTitle(first)
}

// siteLike reports an og:title too short to be an article's title (a
// site name such as 新浪网), when the <title> offers another.
func siteLike(tag, title string) bool {
	return title != "" && utf8.RuneCountInString(tag) < 6
}

// squash removes white space and punctuation for comparing titles.
func squash(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsPunct(r) || r == '\u3000' {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// tidyTitle collapses white space and drops spaces next to Chinese
// characters (the <title> of gov.cn has "2007　年末"); spaces between two
// Latin words or numbers stay.
func tidyTitle(s string) string {
	rs := []rune(collapseSpace(stripPinyin(s)))
	var b strings.Builder
	for i, r := range rs {
		if r == ' ' && i > 0 && i+1 < len(rs) && !(latin(rs[i-1]) && latin(rs[i+1])) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func latin(r rune) bool { return r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) }

// captionRE is a photo caption: 图为山西品牌丝路行（南美站）启动仪式。（刘通摄）,
// ▲區域發展布局示意圖 (a news mirror marks its captions with a triangle).
var captionRE = regexp.MustCompile(`^(图为|上图|下图|图片|图\s*[:：]|\(图|资料图|[▲△▼])|[(（][^()（）]{0,16}摄[)）]$|^[(（]?(图片来源|图源)`)

// maxCaption bounds a caption's length.
const maxCaption = 100

// isCaption reports a photo caption line (图为…, …（刘通摄）).
func isCaption(l line) bool {
	return utf8.RuneCountInString(l.view) <= maxCaption && captionRE.MatchString(l.view)
}

// dropBodyChrome removes chrome, metadata and caption lines from the body.
func dropBodyChrome(lines []line, ms *metaSet) []line {
	out := lines[:0]
	prose := false
	for i, l := range lines {
		if l.blank {
			continue
		}
		// above the first paragraph the container may hold the page's
		// info line ("来源：区政府办 发布时间：…", "2019-08-13 14:07来源：澎湃新闻")
		strict := prose || i >= titleSearch
		prose = prose || looksBody(l.view)
		if pairs, ok := parseMetaView(l.text, l.view, strict); ok {
			for _, pr := range pairs {
				ms.add(pr)
			}
			continue
		}
		if l.kind != kindBody {
			continue
		}
		if isCaption(l) {
			continue
		}
		out = append(out, l)
	}
	return out
}

// maxTitleLines bounds how many leading lines a heading may be split into.
const maxTitleLines = 5

// titleSearch is how many leading body lines may precede the repeated
// heading (an account name, a breadcrumb: "澎湃号 > 中国广州发布").
const titleSearch = 8

// dropLeadingTitle removes the article heading repeated at the top of the
// body (gov.cn 公报 prints it in three <br> lines inside the container),
// the lines above it and the note under it, which goes to ms. heading is
// the joined visible heading, when one was removed.
func dropLeadingTitle(lines []line, title string, ms *metaSet) ([]line, string) {
	want := strings.TrimRight(squash(title), ".…")
	if want == "" {
		return lines, ""
	}
	wants := []string{want}
	if i := strings.LastIndexAny(title, titleSeparators); i > 0 {
		wants = append(wants, squash(title[:i])) // "中华人民共和国监察法-纪检"
	}
	for at := 0; at < len(lines) && at < titleSearch; at++ {
		if at > 0 && looksBody(lines[at-1].view) {
			break // the heading comes before the first paragraph, not after
		}
		n, heading := 0, ""
		for _, w := range wants {
			if n, heading = matchTitle(lines[at:], w); n > 0 {
				break
			}
		}
		if n > 0 {
			n = titleBlockEnd(lines, n+at, ms)
			return lines[n:], tidyTitle(heading)
		}
	}
	return lines, ""
}

// maxTitleBlock bounds the note and speaker lines under a heading.
const maxTitleBlock = 3

// titleBlockEnd returns the index after the lines under a heading that
// belong to the title block — its note, which goes to ms, and the speaker
// of a speech — starting at n.
func titleBlockEnd(lines []line, n int, ms *metaSet) int {
	for k := 0; k < maxTitleBlock && n < len(lines); k++ {
		switch l := lines[n]; {
		case isTitleNote(l):
			note, _ := parseTitleNote(l.text, l.view)
			ms.addNote(note)
		case speakerLine(l.view):
		default:
			return n
		}
		n++
	}
	return n
}

// titleSeparators may follow the heading inside a <title> that names the
// column after it ("中华人民共和国监察法-纪检").
const titleSeparators = "-_|—–"

// matchTitle reports how many leading lines spell the title (n = 0: none)
// and their joined text.
func matchTitle(lines []line, want string) (int, string) {
	var got, heading string
	for n := 0; n < len(lines) && n < maxTitleLines; n++ {
		next := got + squash(lines[n].text)
		if next == got || !strings.HasPrefix(want, next) && !strings.HasPrefix(next, want) {
			return 0, ""
		}
		got, heading = next, heading+lines[n].text
		if strings.HasPrefix(got, want) && utf8.RuneCountInString(got) <= utf8.RuneCountInString(want)+3 {
			return n + 1, heading
		}
	}
	return 0, ""
}

// strongEnd starts a comment box: the article has ended wherever it comes.
var strongEnd = regexp.MustCompile(`^(\d+条评论|网友评论|最热评论|最新评论|我要评论|发表评论|我要跟帖|评论\s*\(\d*\)|查看全部\d*条?评论)`)

// endMarkers start what follows an article inside its container: comment
// boxes, related-article lists (sina: "6条评论|106人参与", thepaper: "评论（0）").
var endMarkers = regexp.MustCompile(`^(\d+条评论|网友评论|最热评论|最新评论|我要评论|发表评论|评论\s*\(\d*\)|(?:本文)?相关新闻|相关阅读|相关文章|相关推荐|推荐阅读|推荐内容|热门推荐|猜你喜欢|为你推荐|大家都在看|阅读排行|热点推荐|更多精彩|分享到|分享至)`)

// cutAtEnd drops everything from an end marker on, when the marker comes
// after most of the text (a 相关链接 box in the middle of a notice stays).
func cutAtEnd(lines []line) []line {
	late := latterHalf(lines)
	for i, l := range lines {
		short := utf8.RuneCountInString(l.view) <= 40
		if i > 0 && short && strongEnd.MatchString(l.view) {
			return lines[:i]
		}
		if late[i] && short && endMarkers.MatchString(l.view) {
			return lines[:i]
		}
	}
	return lines
}

// latterHalf reports, for each line, whether at least half of the lines'
// Chinese text comes before it: only there do end markers and credits
// close the article.
func latterHalf(lines []line) []bool {
	total := 0
	for _, l := range lines {
		total += hanCount(l.view)
	}
	return latterHalfFrom(lines, 0, total)
}

// latterHalfFrom is latterHalf for lines that are a part of a text of total
// Han characters, before of them in the parts before.
func latterHalfFrom(lines []line, before, total int) []bool {
	late := make([]bool, len(lines))
	seen := before
	for i, l := range lines {
		late[i] = seen*2 >= total
		seen += hanCount(l.view)
	}
	return late
}

// editorRE is the editor's credit that closes a news article; what follows
// it in the container is the site's (sohu templates: "责任编辑：" then an
// injected quote of another story and ",南方都市报").
var editorRE = regexp.MustCompile(`^[(（\[【]?(责任编辑|责编)\s*[:：]`)

// cutAfterEditor drops the lines after the editor's credit, when the
// credit comes after most of the text.
func cutAfterEditor(lines []line) []line {
	late := latterHalf(lines)
	for i, l := range lines {
		if late[i] && utf8.RuneCountInString(l.view) <= 40 && editorRE.MatchString(l.view) {
			return lines[:i+1]
		}
	}
	return lines
}

// edgeLead is how many lines at the top of the body may be edge chrome.
const edgeLead = 5

// trimEdges drops the bits a container holds around the article: counters
// and dates without Han ("4", "9 23"), and short labels without punctuation
// or all-link lines above the first paragraph ("去驴行", "关注"), but never an item heading
// (一、总体要求) or a salutation (各乡镇人民政府：).
func trimEdges(lines []line) []line {
	for i := 0; len(lines) > 1 && i < edgeLead; i++ {
		v := lines[0].view
		// a leading all-link line is a related-article title above the
		// article (sina: 直播2019年苹果发布会(英文原声+中文字幕))
		if chrome, _ := edgeKind(v); chrome {
			lines = lines[1:] // ad9_210*60 above the article
			continue
		}
		if hanCount(v) > 0 && !((shortLabel(v) || linkLine(lines[0])) && hasProseAfter(lines[1:])) {
			break
		}
		lines = lines[1:]
	}
	for len(lines) > 1 {
		last := lines[len(lines)-1]
		chrome, _ := edgeKind(last.view)
		if hanCount(last.view) > 0 && !chrome && !linkLine(last) && !trailingCaption(last, lines[len(lines)-2]) {
			break
		}
		lines = lines[:len(lines)-1]
	}
	if n := len(lines); n > 0 {
		if loc := tailChrome.FindStringIndex(lines[n-1].view); loc != nil && loc[0] > 0 {
			kept := strings.TrimSpace(sourceSlice(lines[n-1].text, lines[n-1].view, 0, loc[0]))
			lines[n-1] = makeLine(kept)
		}
	}
	return lines
}

// maxImageLabel bounds a product or photo label under an image.
const maxImageLabel = 30

// trailingCaption: the last line is a short label without punctuation
// right under an image, after a finished paragraph — the picture's
// caption, not the article's last paragraph (baijiahao:
// "…这款休闲裤抗静电而且不易黏灰尘。" <img> "17冬新款休闲裤明星同款运动长裤").
// A signature under a notice is not preceded by an image.
func trailingCaption(last, prev line) bool {
	v := last.view
	return last.pic && utf8.RuneCountInString(v) <= maxImageLabel && !strings.ContainsAny(v, sentencePunct+":：") &&
		!startsItem(v) && endsSentence(prev.view) && !signatureRE.MatchString(v)
}

// signatureRE is a notice's signature, which may sit under the seal's
// image: 凯里市人民政府办公室, 2024年7月1日.
var signatureRE = regexp.MustCompile(`(政府|办公室|办公厅|委员会|领导小组|指挥部|局|厅|委|中心|院|所|处|部|会|站|街道|镇|乡|公司|集团|学校|医院|\d{4}\s*年.{0,6}日?)$`)

// tailChrome is a widget glued to the end of the last paragraph:
// "…整顿仍将持续。返回腾讯网首页>>".
var tailChrome = regexp.MustCompile(`返回.{0,8}首页\s*>*$|\[?责任编辑\s*[:：][^，。]{1,20}\]?$`)

// attachmentRE is an attachment link, which belongs to a notice's body
// (附件4：减免报名费申请.doc).
var attachmentRE = regexp.MustCompile(`(?i)^附件|\.(docx?|xlsx?|pdf|zip|rar|wps|ofd|et)$`)

// linkLine: a line that is all link (a related-article title under the
// article), unless it is an attachment.
func linkLine(l line) bool {
	n := utf8.RuneCountInString(l.text)
	return n > 0 && l.links*10 >= n*8 && !attachmentRE.MatchString(l.view)
}

func shortLabel(v string) bool {
	if _, _, ok := dateline(v); ok {
		return true
	}
	return utf8.RuneCountInString(v) <= 8 && !strings.ContainsAny(v, sentencePunct+":：") && !startsItem(v)
}

func hasProseAfter(lines []line) bool {
	for i := 0; i < len(lines) && i < edgeLead; i++ {
		if looksBody(lines[i].view) {
			return true
		}
	}
	return false
}
