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
			lines = append(lines, newLine(b.text))
		}
	}
	lines = cutTruncated(lines, &p.Warnings)
	lines = dropBodyChrome(lines, ms)
	lines, heading := dropLeadingTitle(lines, p.Title)
	if heading != "" {
		p.Title = heading
	}
	for _, l := range lines {
		if !l.blank {
			p.Paragraphs = append(p.Paragraphs, l.text)
		}
	}
	p.Meta = ms.result()
	p.Warnings = append(p.Warnings, mojibakeWarnings(p.Paragraphs)...)
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
		if pairs, ok := parseMetaLine(t, false); ok {
			for _, pr := range pairs {
				ms.add(pr)
			}
			continue
		}
		if i+1 < len(blocks) && labelOnly.MatchString(view(t)) {
			name := strings.TrimRight(view(t), " :：")
			if _, isLabel := parseMetaLine(blocks[i+1].text, false); !isLabel {
				ms.add(pair{labels[name], cleanValue(blocks[i+1].text)})
				i++
			}
			continue
		}
		if d, src, ok := dateline(view(t)); ok {
			ms.add(pair{fPublished, d})
			_ = src // a short name after a date in a portal header is a column, not a source
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

// siteLike reports an og:title that is just the site name (a shorter
// segment than the <title>'s article segment, or contained in it).
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
	rs := []rune(collapseSpace(s))
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

// captionRE is a photo caption: 图为山西品牌丝路行（南美站）启动仪式。（刘通摄）
var captionRE = regexp.MustCompile(`^(图为|上图|下图|图片|图\s*[:：]|\(图|资料图)|[(（][^()（）]{0,16}摄[)）]$|^[(（]?(图片来源|图源)`)

// maxCaption bounds a caption's length.
const maxCaption = 100

// dropBodyChrome removes chrome, metadata and caption lines from the body.
func dropBodyChrome(lines []line, ms *metaSet) []line {
	out := lines[:0]
	for _, l := range lines {
		if l.blank {
			continue
		}
		if pairs, ok := parseMetaLine(l.text, true); ok {
			for _, pr := range pairs {
				ms.add(pr)
			}
			continue
		}
		if classify(l.view) != kindBody {
			continue
		}
		if utf8.RuneCountInString(l.view) <= maxCaption && captionRE.MatchString(l.view) {
			continue
		}
		out = append(out, l)
	}
	return out
}

// adoptionNoteRE is the note under a law's or resolution's heading:
// （2007年6月29日第十届全国人民代表大会常务委员会第二十八次会议通过）
var adoptionNoteRE = regexp.MustCompile(`^[(（][^()（）]*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日[^()（）]*(通过|发布|印发|公布|修订|修正)[^()（）]*[)）]$`)

// maxTitleLines bounds how many leading lines a heading may be split into.
const maxTitleLines = 5

// dropLeadingTitle removes the article heading repeated at the top of the
// body (gov.cn 公报 prints it in three <br> lines inside the container) and
// the adoption note under it. heading is the joined visible heading, when
// one was removed.
func dropLeadingTitle(lines []line, title string) ([]line, string) {
	want := squash(title)
	if want == "" || len(lines) == 0 {
		return lines, ""
	}
	var got, heading string
	n := 0
	for n < len(lines) && n < maxTitleLines {
		next := got + squash(lines[n].text)
		if !strings.HasPrefix(want, next) || next == got {
			break
		}
		got, heading = next, heading+lines[n].text
		n++
		if got == want {
			break
		}
	}
	if got != want {
		return lines, ""
	}
	if n < len(lines) && adoptionNoteRE.MatchString(lines[n].view) {
		n++
	}
	return lines[n:], tidyTitle(heading)
}
