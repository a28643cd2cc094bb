// Package clean turns a saved government or news page — HTML in any charset,
// or plain text — into its title, metadata and body paragraphs, without the
// portal's chrome.
package clean

import (
	"fmt"
	"io"
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

// Text cleans plain text: a page saved as text or a copied speech.
func Text(s string) *Page {
	return &Page{Encoding: "utf-8"}
}

// HTML reads a saved page, decodes its charset (contentType, when not empty,
// is the HTTP Content-Type header and counts as a declaration) and cleans it.
func HTML(r io.Reader, contentType string) (*Page, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("clean: read: %w", err)
	}
	return Text(string(b)), nil
}
