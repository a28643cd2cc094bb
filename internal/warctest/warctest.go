// Package warctest builds the WARC archives of zhengling's tests: a crawl
// of real pages with every kind of record a real crawl holds, written by
// gowarc (a writer independent of the reader under test), plain or gzipped
// record by record, and the pieces to assemble damaged ones by hand.
package warctest

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"html"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nlnwa/gowarc"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// Rec is one record of a test archive. For an HTML response, Page is the
// body a reader should give and HTTPType the response's Content-Type.
type Rec struct {
	Type        gowarc.RecordType
	URI         string
	ContentType string // WARC Content-Type of the block
	Block       []byte
	Page        []byte // nil: not a page
	HTTPType    string
}

// ResponseType is the WARC Content-Type of an HTTP response block.
const ResponseType = "application/http;msgtype=response"

// Date is the WARC-Date of every test record.
const Date = "2022-08-03T08:42:00Z"

// SeedHTML wraps the text file at path in a minimal page: the first line is
// the title, every other non-blank line a paragraph. charset, when not
// empty, is declared in a meta tag.
func SeedHTML(t testing.TB, path, charset string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html><head>")
	if charset != "" {
		fmt.Fprintf(&b, `<meta charset="%s">`, charset)
	}
	fmt.Fprintf(&b, "<title>%s</title></head>\n<body>\n", html.EscapeString(lines[0]))
	for _, l := range lines[1:] {
		if l = strings.TrimSpace(l); l != "" {
			fmt.Fprintf(&b, "<p>%s</p>\n", html.EscapeString(l))
		}
	}
	b.WriteString("</body></html>\n")
	return []byte(b.String())
}

// HTTPResponse is a stored HTTP response: status line, Content-Type (none
// when empty), the extra header lines, Content-Length unless the body is
// chunked, and the body.
func HTTPResponse(status, contentType string, extra []string, body []byte) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "HTTP/1.1 %s\r\n", status)
	if contentType != "" {
		fmt.Fprintf(&b, "Content-Type: %s\r\n", contentType)
	}
	chunkedBody := false
	for _, h := range extra {
		b.WriteString(h + "\r\n")
		chunkedBody = chunkedBody || strings.EqualFold(h, "Transfer-Encoding: chunked")
	}
	if !chunkedBody {
		fmt.Fprintf(&b, "Content-Length: %d\r\n", len(body))
	}
	b.WriteString("\r\n")
	b.Write(body)
	return b.Bytes()
}

// Chunked is body in HTTP/1.1 chunked transfer coding.
func Chunked(body []byte) []byte {
	var b bytes.Buffer
	for len(body) > 0 {
		n := min(len(body), 1000)
		fmt.Fprintf(&b, "%x\r\n", n)
		b.Write(body[:n])
		b.WriteString("\r\n")
		body = body[n:]
	}
	b.WriteString("0\r\n\r\n")
	return b.Bytes()
}

// Gzip is body as one gzip member.
func Gzip(t testing.TB, body []byte) []byte {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	if _, err := zw.Write(body); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// Crawl is the test crawl: ten records, five of them HTML pages made from
// the five text files of seeds (fixtures/seeds), record 9 the one tests
// damage and record 8 the largest page (64 KB; the others are under 20).
func Crawl(t testing.TB, seeds []string) []Rec {
	t.Helper()
	page := func(i int) []byte { return SeedHTML(t, seeds[i], "") }
	gbk, err := simplifiedchinese.GB18030.NewEncoder().Bytes(page(1))
	if err != nil {
		t.Fatal(err)
	}
	return []Rec{
		{Type: gowarc.Warcinfo, ContentType: "application/warc-fields", Block: []byte("software: zhengling test\r\nformat: WARC File Format 1.1\r\n")},
		{Type: gowarc.Request, URI: "http://www.laishan.gov.cn/a.html", ContentType: "application/http;msgtype=request",
			Block: []byte("GET /a.html HTTP/1.1\r\nHost: www.laishan.gov.cn\r\n\r\n")},
		{Type: gowarc.Response, URI: "http://www.laishan.gov.cn/a.html", ContentType: ResponseType, HTTPType: "text/html; charset=utf-8",
			Block: HTTPResponse("200 OK", "text/html; charset=utf-8", nil, page(0)), Page: page(0)},
		{Type: gowarc.Response, URI: "http://www.laishan.gov.cn/logo.png", ContentType: ResponseType,
			Block: HTTPResponse("200 OK", "image/png", nil, []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))},
		// A GB18030 page that says so only in its HTTP header.
		{Type: gowarc.Response, URI: "http://www.example.gov.cn/b.html", ContentType: ResponseType, HTTPType: "text/html; charset=GB18030",
			Block: HTTPResponse("200 OK", "text/html; charset=GB18030", nil, gbk), Page: gbk},
		{Type: gowarc.Response, URI: "http://www.example.gov.cn/old", ContentType: ResponseType,
			Block: HTTPResponse("301 Moved Permanently", "text/html", []string{"Location: /b.html"}, []byte("<html>moved</html>"))},
		{Type: gowarc.Metadata, URI: "http://www.example.gov.cn/b.html", ContentType: "application/warc-fields", Block: []byte("outlink: /c.html\r\n")},
		// Stored as sent on the wire: gzip content coding inside chunked transfer coding.
		{Type: gowarc.Response, URI: "http://www.example.gov.cn/c.html", ContentType: ResponseType, HTTPType: "text/html",
			Block: HTTPResponse("200 OK", "text/html", []string{"Content-Encoding: gzip", "Transfer-Encoding: chunked"}, Chunked(Gzip(t, page(2)))),
			Page:  page(2)},
		{Type: gowarc.Response, URI: "http://www.example.gov.cn/d.html", ContentType: ResponseType, HTTPType: "text/html",
			Block: HTTPResponse("200 OK", "text/html", nil, page(3)), Page: page(3)},
		// No Content-Type at all: sniffed as HTML.
		{Type: gowarc.Response, URI: "http://www.example.gov.cn/e.html", ContentType: ResponseType,
			Block: HTTPResponse("200 OK", "", nil, page(4)), Page: page(4)},
	}
}

// RealPages are saved pages of the folder pages (fixtures/pages) served as
// a portal would, the charset in the HTTP header (GB2312 and Big5 pages
// among them); none when the folder is not there.
func RealPages(pages string) []Rec {
	var recs []Rec
	for _, p := range []struct{ file, ct string }{
		{"variants/shanxi-gbk.html", "text/html; charset=gb2312"},
		{"variants/trad-big5.html", "text/html; charset=big5"},
		{"news/people-1.html", "text/html; charset=GB2312"},
		{"gov/kaili-gov-cn.html", "text/html; charset=utf-8"},
	} {
		body, err := os.ReadFile(filepath.Join(pages, p.file))
		if err != nil {
			continue
		}
		recs = append(recs, Rec{Type: gowarc.Response, URI: "http://www.example.gov.cn/" + p.file,
			ContentType: ResponseType, HTTPType: p.ct,
			Block: HTTPResponse("200 OK", p.ct, nil, body), Page: body})
	}
	return recs
}

// Write writes recs with gowarc's marshaler, one gzip member per record
// when gz is set (as crawlers do), and returns the archive and each
// record's offset in it, the archive's length last.
func Write(t testing.TB, gz bool, recs []Rec) ([]byte, []int64) {
	t.Helper()
	var file bytes.Buffer
	m := gowarc.NewMarshaler()
	offsets := make([]int64, 0, len(recs)+1)
	for i, r := range recs {
		b := gowarc.NewRecordBuilder(r.Type, gowarc.WithRecordIdFunc(func() (string, error) {
			return fmt.Sprintf("urn:uuid:00000000-0000-4000-8000-%012d", i), nil
		}))
		if _, err := b.Write(r.Block); err != nil {
			t.Fatal(err)
		}
		b.AddWarcHeader(gowarc.WarcDate, Date)
		b.AddWarcHeader(gowarc.ContentType, r.ContentType)
		if r.URI != "" {
			b.AddWarcHeader(gowarc.WarcTargetURI, r.URI)
		}
		rec, _, err := b.Build()
		if err != nil {
			t.Fatalf("record %d: %v", i+1, err)
		}
		offsets = append(offsets, int64(file.Len()))
		var w io.Writer = &file
		var zw *gzip.Writer
		if gz {
			zw = gzip.NewWriter(&file)
			w = zw
		}
		if _, _, err := m.Marshal(w, rec, 0); err != nil {
			t.Fatal(err)
		}
		if zw != nil {
			if err := zw.Close(); err != nil {
				t.Fatal(err)
			}
		}
		_ = rec.Close()
	}
	return file.Bytes(), append(offsets, int64(file.Len()))
}

// Corrupt damages record n (1-based) of an archive in place: in a gzip
// archive it overwrites the middle of the record's member, in a plain one
// its "WARC/1.1" version line, so that neither a parse nor a resync reads
// that record.
func Corrupt(data []byte, offsets []int64, n int, gz bool) {
	start, end := offsets[n-1], offsets[n]
	if gz {
		copy(data[start+(end-start)/2:], bytes.Repeat([]byte{0xa5}, 64))
	} else {
		copy(data[start:], "WXRC/")
	}
}

// Raw assembles a response record by hand with the given Content-Length,
// so that it can lie.
func Raw(n int, uri, length string, block []byte) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-%012d>\r\n", n)
	fmt.Fprintf(&b, "WARC-Date: %s\r\nWARC-Target-URI: %s\r\nContent-Type: %s\r\nContent-Length: %s\r\n\r\n", Date, uri, ResponseType, length)
	b.Write(block)
	b.WriteString("\r\n\r\n")
	return b.Bytes()
}
