// Package clean turns a saved government or news page — HTML in any charset,
// or plain text — into its title, metadata and body paragraphs, without the
// portal's chrome.
package clean

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/zhengling/zhengling/extract/hanzi"
)

// Meta is the metadata a government page shows (索引号, 发文字号, 发布机构, …).
type Meta struct {
	IndexNo     string `json:"index_no"`     // 索引号
	DocNo       string `json:"doc_no"`       // 发文字号
	Publisher   string `json:"publisher"`    // 发布机构
	Source      string `json:"source"`       // 信息来源 / 来源 / ContentSource
	Category    string `json:"category"`     // 主题分类 / 组配分类
	WrittenDate string `json:"written_date"` // 成文日期, YYYY-MM-DD
	PublishedAt string `json:"published_at"` // 发布日期: RFC 3339 +08:00 with a time, else YYYY-MM-DD
	SiteName    string `json:"site_name"`    // SiteName meta / og:site_name
	Column      string `json:"column"`       // ColumnName meta
	Keywords    string `json:"keywords"`
	Author      string `json:"author"`
}

// Page is a cleaned page.
type Page struct {
	Title      string
	Meta       Meta
	Paragraphs []string // body, source script, whitespace collapsed
	Encoding   string   // utf-8, gbk, gb18030, big5, …
	URL        string   // canonical URL the page names, if any
	Warnings   []string // truncated: …, mojibake: …
	TitleNote  *TitleNote
}

// HTML reads a saved page, decodes its charset (contentType, when not empty,
// is the HTTP Content-Type header and counts as a declaration) and cleans it.
// It reads all of r: bound r (io.LimitReader) to bound the page.
func HTML(r io.Reader, contentType string) (*Page, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("clean: read: %w", err)
	}
	return htmlBytes(b, contentType)
}

// HTMLBytes is HTML for a page already in memory.
func HTMLBytes(b []byte, contentType string) (*Page, error) { return htmlBytes(b, contentType) }

// Bytes cleans a page given as bytes: HTML when the content looks like HTML
// (LooksLikeHTML), else plain text, which may also be GBK or Big5 encoded.
func Bytes(b []byte, contentType string) (*Page, error) {
	if LooksLikeHTML(b) {
		return htmlBytes(b, contentType)
	}
	s, enc, err := Decode(b, contentType)
	if err != nil {
		return nil, err
	}
	p := Text(s)
	p.Encoding = enc
	return p, nil
}

// mojibakeWarnings reports a title that looks decoded twice and the
// mis-decoded runs of the title and the paragraphs.
func mojibakeWarnings(title string, paragraphs []string) []string {
	var out []string
	runs := func(s string) {
		for _, run := range hanzi.Mojibake(s) {
			out = append(out, "mojibake: "+run)
		}
	}
	if once, ok := doubleDecoded(title); ok {
		out = append(out, fmt.Sprintf("mojibake: title looks decoded twice: %s (once: %s)", title, once))
	} else {
		runs(title)
	}
	for _, p := range paragraphs {
		runs(p)
	}
	return out
}

// doubleDecoded reports a text that looks decoded twice: UTF-8 bytes read
// as GBK (or Big5), as when a GBK page carries a UTF-8 title (关于 shows as
// 鍏充簬). Encoded back to that charset, such a text is mostly valid UTF-8
// (the odd bytes of misaligned pairs were lost to U+FFFD) with more common
// Han characters; it returns that text.
func doubleDecoded(s string) (string, bool) {
	if hanCount(s) < 2 {
		return "", false
	}
	for _, name := range []string{EncGBK, EncBig5} {
		b := encodeBack(s, name)
		if validMultibyte(b)*5 < len(b)*4 {
			continue
		}
		if once := string(bytes.ToValidUTF8(b, []byte("\uFFFD"))); scoreText(once) > scoreText(s) {
			return once, true
		}
	}
	return "", false
}

// encodeBack gives the bytes s was decoded from as charset name, as far as
// it can: U+FFFD stands for bytes lost and gives none, and the WHATWG GBK
// decoder read 0x80 as €.
func encodeBack(s, name string) []byte {
	e, _ := decoderFor(name)
	enc := e.NewEncoder()
	var out []byte
	for _, r := range s {
		switch {
		case r == utf8.RuneError:
		case r == '€' && name == EncGBK:
			out = append(out, 0x80)
		default:
			b, err := enc.Bytes([]byte(string(r)))
			if err != nil {
				return nil
			}
			out = append(out, b...)
		}
	}
	return out
}

// validMultibyte counts the bytes of b in valid multi-byte UTF-8 sequences.
func validMultibyte(b []byte) int {
	n := 0
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r != utf8.RuneError && size > 1 {
			n += size
		}
		b = b[size:]
	}
	return n
}

// maxParagraph is the longest paragraph read as one, in bytes. No real
// paragraph comes near it (a long speech's run a few thousand characters);
// a longer one is a text dumped on one line, and its reading (runes,
// tokens, clauses: 30 bytes and more a byte of short tokens) must stay
// within the memory bound, which only parts of whole paragraphs allow.
const maxParagraph = 64 << 10

// splitLong cuts every paragraph over maxParagraph (see cutPoint).
func splitLong(ps []string) []string {
	if !slices.ContainsFunc(ps, func(p string) bool { return len(p) > maxParagraph }) {
		return ps
	}
	var out []string
	for _, p := range ps {
		for len(p) > maxParagraph {
			at := cutPoint(p)
			out = append(out, p[:at])
			p = p[at:]
		}
		out = append(out, p)
	}
	return out
}

// cutPoint is where a paragraph over maxParagraph is cut: after its last
// sentence end in the second half of its first maxParagraph bytes, else
// after a clause end or a space there, else between two runes.
func cutPoint(p string) int {
	head := p[:maxParagraph]
	for _, marks := range []string{"。！？!?", "；;，,、 "} {
		if i := strings.LastIndexAny(head, marks); i > maxParagraph/2 {
			_, n := utf8.DecodeRuneInString(head[i:])
			return i + n
		}
	}
	i := maxParagraph
	for i > maxParagraph/2 && !utf8.RuneStart(p[i]) {
		i--
	}
	return i
}
