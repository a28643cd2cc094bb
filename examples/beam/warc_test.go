package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/zhengling/zhengling/extract/export"
)

// A test archive is written here, record by record, as crawlers write
// them: the reading is extract/warc's, tested there; what is tested here is
// that the pipeline gives the same pages and dead letters as the command.

// warcRecord is one record of a test archive.
type warcRecord struct {
	kind, uri string
	block     []byte
	length    string // Content-Length; "" for the block's own
}

func (r warcRecord) bytes(n int) []byte {
	length := r.length
	if length == "" {
		length = fmt.Sprint(len(r.block))
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-%012d>\r\n", r.kind, n)
	fmt.Fprintf(&b, "WARC-Date: 2025-03-01T08:00:00Z\r\n")
	if r.uri != "" {
		fmt.Fprintf(&b, "WARC-Target-URI: %s\r\n", r.uri)
	}
	switch r.kind {
	case "response":
		b.WriteString("Content-Type: application/http;msgtype=response\r\n")
	case "request":
		b.WriteString("Content-Type: application/http;msgtype=request\r\n")
	default:
		b.WriteString("Content-Type: application/warc-fields\r\n")
	}
	fmt.Fprintf(&b, "Content-Length: %s\r\n\r\n", length)
	b.Write(r.block)
	b.WriteString("\r\n\r\n")
	return b.Bytes()
}

// httpResponse is a response block: status line, header, body.
func httpResponse(status, contentType string, body []byte) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "HTTP/1.1 %s\r\n", status)
	if contentType != "" {
		fmt.Fprintf(&b, "Content-Type: %s\r\n", contentType)
	}
	fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n", len(body))
	b.Write(body)
	return b.Bytes()
}

// crawlRecords are the records of a small crawl of fixture pages: two HTML
// pages (one without a Content-Type, one a GBK page that only its HTTP
// header declares), a record with a negative Content-Length, a request, a
// redirect and an image, which the reader skips but counts.
func crawlRecords(t testing.TB) (recs []warcRecord, pageBytes int64) {
	t.Helper()
	page := func(name string) []byte {
		data, err := os.ReadFile(filepath.Join(fixturePages, name))
		if err != nil {
			t.Fatal(err)
		}
		pageBytes += int64(len(data))
		return data
	}
	const kaili = "http://www.kaili.gov.cn/xxgk/zfxxgkzl/fdzdgknr/ghjh/202406/t20240607_84913311.html"
	recs = []warcRecord{
		{kind: "warcinfo", block: []byte("software: zhengling-beam test\r\nformat: WARC File Format 1.1\r\n")},
		{kind: "request", uri: kaili, block: []byte("GET /xxgk/ HTTP/1.1\r\nHost: www.kaili.gov.cn\r\n\r\n")},
		{kind: "response", uri: kaili, block: httpResponse("200 OK", "text/html; charset=utf-8", page("gov/kaili-gov-cn.html"))},
		{kind: "response", uri: "http://www.shanxi.gov.cn/broken", length: "-5", block: httpResponse("200 OK", "text/html", []byte("<html>cut</html>"))},
		{kind: "response", uri: "http://www.shanxi.gov.cn/", block: httpResponse("301 Moved Permanently", "text/html", []byte("<a href=/zw/>moved</a>"))},
		{kind: "response", uri: "http://www.shanxi.gov.cn/zw/", block: httpResponse("200 OK", "text/html; charset=gbk", page("variants/shanxi-undeclared-gbk.html"))},
		{kind: "response", uri: "http://www.shanxi.gov.cn/logo.png", block: httpResponse("200 OK", "image/png", []byte("\x89PNG\r\n\x1a\n"))},
		{kind: "response", uri: "http://fgw.zj.gov.cn/", block: httpResponse("200 OK", "", page("gov/fgw-zj-gov-cn.html"))},
	}
	return recs, pageBytes
}

// writeCrawl writes the crawl as dir/crawl.warc and, gzipped record by
// record, as dir/crawl.warc.gz, and returns the bytes of the pages they
// hold, the two archives together.
func writeCrawl(t testing.TB, dir string) int64 {
	t.Helper()
	recs, pageBytes := crawlRecords(t)
	var plain, gz bytes.Buffer
	for i, r := range recs {
		rec := r.bytes(i)
		plain.Write(rec)
		zw := gzip.NewWriter(&gz)
		zw.Write(rec)
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
	}
	for name, data := range map[string][]byte{"crawl.warc": plain.Bytes(), "crawl.warc.gz": gz.Bytes()} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return 2 * pageBytes
}

// TestReadWARC: an archive's HTML responses leave the read step as
// records (to be reshuffled), named ARCHIVE#N with their URL, its damage as
// dead letters, and nothing as a page.
func TestReadWARC(t *testing.T) {
	dir := t.TempDir()
	writeCrawl(t, dir)
	type rec struct{ name, url, contentType string }
	for _, archive := range []string{"crawl.warc", "crawl.warc.gz"} {
		t.Run(archive, func(t *testing.T) {
			path := filepath.Join(dir, archive)
			var got []rec
			var dead []string
			fn := &readFn{MaxBytes: 1 << 20}
			fn.Setup()
			fn.ProcessElement(t.Context(), path,
				func(p Page) { t.Errorf("page %s from an archive: want records", p.Name) },
				func(p Page) {
					if len(p.Data) == 0 {
						t.Errorf("record %s has no body", p.Name)
					}
					got = append(got, rec{p.Name, p.URL, p.ContentType})
				},
				func(e export.ErrorLine) { dead = append(dead, e.File+": "+e.Error) })
			if err := fn.Teardown(); err != nil {
				t.Fatal(err)
			}
			want := []rec{
				{path + "#3", "http://www.kaili.gov.cn/xxgk/zfxxgkzl/fdzdgknr/ghjh/202406/t20240607_84913311.html", "text/html; charset=utf-8"},
				{path + "#6", "http://www.shanxi.gov.cn/zw/", "text/html; charset=gbk"},
				{path + "#8", "http://fgw.zj.gov.cn/", ""},
			}
			if !slices.Equal(got, want) {
				t.Errorf("records %q, want %q", got, want)
			}
			if wantDead := []string{path + `#4: warc: Content-Length "-5" is not a length`}; !slices.Equal(dead, wantDead) {
				t.Errorf("dead letters %q, want %q", dead, wantDead)
			}
		})
	}
}
