// Package clean turns a saved government or news page — HTML in any charset,
// or plain text — into its title, metadata and body paragraphs, without the
// portal's chrome.
package clean

import (
	"fmt"
	"io"

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

// mojibakeWarnings reports the mis-decoded runs of the paragraphs.
func mojibakeWarnings(paragraphs []string) []string {
	var out []string
	for _, p := range paragraphs {
		for _, run := range hanzi.Mojibake(p) {
			out = append(out, "mojibake: "+run)
		}
	}
	return out
}
