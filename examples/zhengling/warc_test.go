package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/nlnwa/gowarc"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// seedHTML wraps a seed text in a minimal page: the first line is the
// title, every other non-blank line a paragraph. charset, when not empty,
// is declared in a meta tag.
func seedHTML(t testing.TB, name, charset string) []byte {
	t.Helper()
	data, err := os.ReadFile(seedPath(name))
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

// warcRec is one record of a test archive. For a response, page is the
// body as the pipeline should see it and http the message as stored.
type warcRec struct {
	typ         gowarc.RecordType
	uri         string
	contentType string // WARC Content-Type of the block
	block       []byte
	page        []byte // decoded body of an HTML response (nil: not expected in the output)
	httpCT      string // the response's HTTP Content-Type
}

func httpResponse(status, contentType string, extra []string, body []byte) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "HTTP/1.1 %s\r\nContent-Type: %s\r\n", status, contentType)
	for _, h := range extra {
		b.WriteString(h + "\r\n")
	}
	if !hasToken(extra, "Transfer-Encoding: chunked") {
		fmt.Fprintf(&b, "Content-Length: %d\r\n", len(body))
	}
	b.WriteString("\r\n")
	b.Write(body)
	return b.Bytes()
}

func chunked(body []byte) []byte {
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

func gzipped(t testing.TB, body []byte) []byte {
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

// testArchive is the crawl of the WARC tests: every kind of record a real
// crawl holds, five HTML pages among them (seeds[3]'s record is the one the
// tests damage).
func testArchive(t testing.TB) []warcRec {
	const respCT = "application/http;msgtype=response"
	page := func(i int) []byte { return seedHTML(t, seeds[i].file, "") }
	gbk, err := simplifiedchinese.GB18030.NewEncoder().Bytes(page(1))
	if err != nil {
		t.Fatal(err)
	}
	recs := []warcRec{
		{typ: gowarc.Warcinfo, contentType: "application/warc-fields", block: []byte("software: zhengling test\r\nformat: WARC File Format 1.1\r\n")},
		{typ: gowarc.Request, uri: "http://www.laishan.gov.cn/a.html", contentType: "application/http;msgtype=request",
			block: []byte("GET /a.html HTTP/1.1\r\nHost: www.laishan.gov.cn\r\n\r\n")},
		{typ: gowarc.Response, uri: "http://www.laishan.gov.cn/a.html", contentType: respCT, httpCT: "text/html; charset=utf-8",
			block: httpResponse("200 OK", "text/html; charset=utf-8", nil, page(0)), page: page(0)},
		{typ: gowarc.Response, uri: "http://www.laishan.gov.cn/logo.png", contentType: respCT,
			block: httpResponse("200 OK", "image/png", nil, []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))},
		// A GB18030 page that says so only in its HTTP header.
		{typ: gowarc.Response, uri: "http://www.example.gov.cn/b.html", contentType: respCT, httpCT: "text/html; charset=GB18030",
			block: httpResponse("200 OK", "text/html; charset=GB18030", nil, gbk), page: gbk},
		{typ: gowarc.Response, uri: "http://www.example.gov.cn/old", contentType: respCT,
			block: httpResponse("301 Moved Permanently", "text/html", []string{"Location: /b.html"}, []byte("<html>moved</html>"))},
		{typ: gowarc.Metadata, uri: "http://www.example.gov.cn/b.html", contentType: "application/warc-fields", block: []byte("outlink: /c.html\r\n")},
		// Stored as sent on the wire: gzip content coding inside chunked transfer coding.
		{typ: gowarc.Response, uri: "http://www.example.gov.cn/c.html", contentType: respCT, httpCT: "text/html",
			block: httpResponse("200 OK", "text/html", []string{"Content-Encoding: gzip", "Transfer-Encoding: chunked"}, chunked(gzipped(t, page(2)))),
			page:  page(2)},
		{typ: gowarc.Response, uri: "http://www.example.gov.cn/d.html", contentType: respCT, httpCT: "text/html",
			block: httpResponse("200 OK", "text/html", nil, page(3)), page: page(3)},
		// No Content-Type at all: sniffed as HTML.
		{typ: gowarc.Response, uri: "http://www.example.gov.cn/e.html", contentType: respCT,
			block: httpResponse("200 OK", "", nil, page(4)), page: page(4)},
	}
	// An empty HTTP Content-Type header is no header.
	last := &recs[len(recs)-1]
	last.block = bytes.Replace(last.block, []byte("Content-Type: \r\n"), nil, 1)
	return append(recs, realPages(t)...)
}

// syntheticRecords is how many records of testArchive are made up; saved
// pages of fixtures/pages follow them when that folder is there.
const syntheticRecords = 10

// realPages are saved pages of fixtures/pages served as a portal would,
// the charset in the HTTP header (GB2312 and Big5 pages among them).
func realPages(t testing.TB) []warcRec {
	var recs []warcRec
	for _, p := range []struct{ file, ct string }{
		{"variants/shanxi-gbk.html", "text/html; charset=gb2312"},
		{"variants/trad-big5.html", "text/html; charset=big5"},
		{"news/people-1.html", "text/html; charset=GB2312"},
		{"gov/kaili-gov-cn.html", "text/html; charset=utf-8"},
	} {
		body, err := os.ReadFile(filepath.Join("..", "..", "fixtures", "pages", p.file))
		if err != nil {
			continue // fixtures/pages is not there
		}
		recs = append(recs, warcRec{typ: gowarc.Response, uri: "http://www.example.gov.cn/" + p.file,
			contentType: "application/http;msgtype=response", httpCT: p.ct,
			block: httpResponse("200 OK", p.ct, nil, body), page: body})
	}
	return recs
}

// damagedRecord is the 1-based number of the record the tests corrupt.
const damagedRecord = 9

// writeWARC writes recs with gowarc's marshaler, one gzip member per record
// when gz is set (as crawlers do), and returns each record's file offset.
func writeWARC(t testing.TB, path string, gz bool, recs []warcRec) []int64 {
	t.Helper()
	var file bytes.Buffer
	m := gowarc.NewMarshaler()
	offsets := make([]int64, 0, len(recs)+1)
	for i, r := range recs {
		b := gowarc.NewRecordBuilder(r.typ, gowarc.WithRecordIdFunc(func() (string, error) {
			return fmt.Sprintf("urn:uuid:00000000-0000-4000-8000-%012d", i), nil
		}))
		if _, err := b.Write(r.block); err != nil {
			t.Fatal(err)
		}
		b.AddWarcHeader(gowarc.WarcDate, "2022-08-03T08:42:00Z")
		b.AddWarcHeader(gowarc.ContentType, r.contentType)
		if r.uri != "" {
			b.AddWarcHeader(gowarc.WarcTargetURI, r.uri)
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
	offsets = append(offsets, int64(file.Len()))
	if err := os.WriteFile(path, file.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return offsets
}

// corrupt damages record n (1-based) in place: in a gzip archive it
// overwrites the middle of the record's member, in a plain one its
// "WARC/1.1" version line, so that neither the library nor a resync can
// read that record.
func corrupt(t testing.TB, path string, offsets []int64, n int, gz bool) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	start, end := offsets[n-1], offsets[n]
	if gz {
		mid := start + (end-start)/2
		copy(data[mid:], bytes.Repeat([]byte{0xa5}, 64))
	} else {
		copy(data[start:], "WXRC/")
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// expectedLine is the JSON line the command prints for page served from
// uri with Content-Type ct, with "file" set to name: the same page read as
// a file with --url and --content-type, so WARC input must agree with file
// input field for field.
func expectedLine(t *testing.T, dir string, page []byte, uri, ct, name string) map[string]any {
	t.Helper()
	p := filepath.Join(dir, "page-"+strconv.Itoa(len(page))+".html")
	if err := os.WriteFile(p, page, 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{"--format", "jsonl", "--url", uri, p}
	if ct != "" {
		args = append([]string{"--content-type", ct}, args...)
	}
	out, stderr, code := runCmd(t, "", args...)
	if code != 0 {
		t.Fatalf("reference run on %s: exit %d: %s %s", uri, code, out, stderr)
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	doc["file"] = name
	return doc
}

func parseLines(t *testing.T, out string) []map[string]any {
	t.Helper()
	var docs []map[string]any
	for i, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var doc map[string]any
		if err := json.Unmarshal([]byte(line), &doc); err != nil {
			t.Fatalf("line %d is not JSON: %v: %.80q", i+1, err, line)
		}
		docs = append(docs, doc)
	}
	return docs
}

// TestWARC runs a plain and a gzip archive, each with one damaged record,
// through the command and checks every line: the HTML responses as the same
// pages read from files would give, in archive order, named
// archive#record, and exactly one error line for the damaged record.
func TestWARC(t *testing.T) {
	for _, gz := range []bool{false, true} {
		name := "crawl.warc"
		if gz {
			name += ".gz"
		}
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			recs := testArchive(t)
			archive := filepath.Join(dir, name)
			offsets := writeWARC(t, archive, gz, recs)
			corrupt(t, archive, offsets, damagedRecord, gz)

			var want []map[string]any
			for i, r := range recs {
				label := fmt.Sprintf("%s#%d", archive, i+1)
				switch {
				case i+1 == damagedRecord:
					want = append(want, map[string]any{"file": label, "error": "warc: …"})
				case r.page != nil:
					want = append(want, expectedLine(t, dir, r.page, r.uri, r.httpCT, label))
				}
			}
			out, stderr, code := runCmd(t, "", "--workers", "2", archive)
			if code != 1 {
				t.Errorf("exit %d, want 1 (one damaged record); stderr %s", code, stderr)
			}
			got := parseLines(t, out)
			if len(got) != len(want) {
				t.Fatalf("got %d lines, want %d:\n%s", len(got), len(want), out)
			}
			for i := range want {
				if _, isErr := want[i]["error"]; isErr {
					msg, _ := got[i]["error"].(string)
					if got[i]["file"] != want[i]["file"] || !strings.HasPrefix(msg, "warc: ") {
						t.Errorf("line %d = %v, want the error line of %s", i+1, got[i], want[i]["file"])
					}
					continue
				}
				g, _ := json.Marshal(got[i])
				w, _ := json.Marshal(want[i])
				if !bytes.Equal(g, w) {
					t.Errorf("line %d differs from the same page read as a file:\n got  %.300s\n want %.300s", i+1, g, w)
				}
			}
		})
	}
}

// TestWARCInputs checks what the reader hands the pipeline for each HTML
// response: the decoded body, the target URI and the HTTP Content-Type, in
// a plain archive, one gzipped record by record and one gzipped whole.
func TestWARCInputs(t *testing.T) {
	for _, mode := range []string{"plain", "gzip per record", "gzip whole"} {
		t.Run(mode, func(t *testing.T) {
			archive := filepath.Join(t.TempDir(), "crawl.warc")
			recs := testArchive(t)
			writeWARC(t, archive, mode == "gzip per record", recs)
			if mode == "gzip whole" {
				data, err := os.ReadFile(archive)
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(archive, gzipped(t, data), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if got, want := gzippedWhole(archive), mode == "gzip whole"; got != want {
				t.Errorf("gzippedWhole = %v, want %v", got, want)
			}
			var got []*input
			if !enumerateWARC(archive, 1<<20, func(in *input) bool { got = append(got, in); return true }) {
				t.Fatal("enumerateWARC stopped")
			}
			i := 0
			for n, r := range recs {
				if r.page == nil {
					continue
				}
				if i >= len(got) {
					t.Fatalf("only %d inputs", len(got))
				}
				in := got[i]
				i++
				if want := fmt.Sprintf("%s#%d", archive, n+1); in.name != want || in.err != nil {
					t.Errorf("input %d: %s %v, want %s", i, in.name, in.err, want)
				}
				if !bytes.Equal(in.data, r.page) {
					t.Errorf("%s: body of %d bytes, want the %d-byte page (%.60q)", in.name, len(in.data), len(r.page), in.data)
				}
				if in.url != r.uri || in.contentType != r.httpCT {
					t.Errorf("%s: url %q content type %q, want %q %q", in.name, in.url, in.contentType, r.uri, r.httpCT)
				}
			}
			if i != len(got) {
				t.Errorf("%d inputs, want %d", len(got), i)
			}
		})
	}
}

// TestWARCTruncated: an archive cut inside its last record gives the pages
// before it and one error line for the cut record.
func TestWARCTruncated(t *testing.T) {
	for _, gz := range []bool{false, true} {
		t.Run(fmt.Sprint("gzip=", gz), func(t *testing.T) {
			dir := t.TempDir()
			archive := filepath.Join(dir, "cut.warc")
			recs := testArchive(t)[:syntheticRecords]
			offsets := writeWARC(t, archive, gz, recs)
			n := len(recs)
			cut := offsets[n-1] + (offsets[n]-offsets[n-1])*2/3
			if err := os.Truncate(archive, cut); err != nil {
				t.Fatal(err)
			}
			out, _, code := runCmd(t, "", "--format", "jsonl", archive)
			if code != 1 {
				t.Errorf("exit %d, want 1", code)
			}
			got := parseLines(t, out)
			last := got[len(got)-1]
			if last["file"] != fmt.Sprintf("%s#%d", archive, n) || last["error"] == nil {
				t.Errorf("last line %v, want the error of record %d", last, n)
			}
			errs := 0
			for _, doc := range got {
				if doc["error"] != nil {
					errs++
				}
			}
			if errs != 1 || len(got) != 5 {
				t.Errorf("%d lines with %d errors, want 4 pages and 1 error:\n%s", len(got), errs, out)
			}
		})
	}
}

// TestWARCMaxBytes: --max-bytes applies to each record, not to the archive.
func TestWARCMaxBytes(t *testing.T) {
	dir := t.TempDir()
	archive := filepath.Join(dir, "crawl.warc.gz")
	writeWARC(t, archive, true, testArchive(t)[:syntheticRecords])
	// seeds[2] is 64 KB of text; every other page is under 20 KB.
	out, _, code := runCmd(t, "", "--max-bytes", "40000", archive)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	got := parseLines(t, out)
	if len(got) != 5 {
		t.Fatalf("got %d lines, want 5:\n%s", len(got), out)
	}
	for _, doc := range got {
		isErr := doc["error"] != nil
		if want := doc["file"] == archive+"#8"; isErr != want {
			t.Errorf("%v: error %v, want %v", doc["file"], doc["error"], want)
		}
		if isErr && !strings.Contains(doc["error"].(string), "max-bytes") {
			t.Errorf("error %q does not name --max-bytes", doc["error"])
		}
	}
}

func TestIsHTMLType(t *testing.T) {
	for ct, want := range map[string]bool{
		"text/html":                          true,
		"text/html; charset=utf-8":           true,
		"TEXT/HTML;charset=GBK":              true,
		"application/xhtml+xml":              true,
		"text/html;;charset=gb2312":          true, // malformed, still HTML
		"text/plain; charset=utf-8":          false,
		"image/png":                          false,
		"application/json":                   false,
		"text/html-sandboxed":                false,
		"application/vnd.ms-excel;name=a.xl": false,
	} {
		if got := isHTMLType(ct); got != want {
			t.Errorf("isHTMLType(%q) = %v, want %v", ct, got, want)
		}
	}
}

func TestDecodeContent(t *testing.T) {
	body := []byte("<html><p>会议强调，要统筹兼顾。</p></html>")
	for _, tc := range []struct {
		name, coding string
		in           []byte
		want         []byte
		wantErr      string
	}{
		{"identity", "", body, body, ""},
		{"gzip", "gzip", gzipped(t, body), body, ""},
		{"x-gzip upper case", " X-GZIP ", gzipped(t, body), body, ""},
		{"gzip header but stored decoded", "gzip", body, body, ""},
		{"gzip bomb over max", "gzip", gzipped(t, bytes.Repeat([]byte("a"), 100000)), nil, "max-bytes"},
		{"truncated gzip", "gzip", gzipped(t, body)[:20], nil, "Content-Encoding gzip"},
		{"brotli", "br", body, nil, "unsupported Content-Encoding"},
	} {
		got, err := decodeContent(tc.in, tc.coding, 50000)
		if tc.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("%s: err %v, want %q", tc.name, err, tc.wantErr)
			}
			continue
		}
		if err != nil || !bytes.Equal(got, tc.want) {
			t.Errorf("%s: %q, %v", tc.name, got, err)
		}
	}
}

var recordName = regexp.MustCompile(`#([0-9]+)$`)

// FuzzWARC feeds arbitrary archives to the reader: it must end, never
// panic, and name records with increasing numbers.
func FuzzWARC(f *testing.F) {
	dir := f.TempDir()
	for _, gz := range []bool{false, true} {
		p := filepath.Join(dir, fmt.Sprint("seed", gz))
		writeWARC(f, p, gz, testArchive(f)[:4])
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
		f.Add(data[:len(data)/2])
	}
	f.Add([]byte("WARC/1.1\r\n\r\n"))
	f.Add([]byte("WARC/1.1\r\nContent-Length: 99999999999\r\nWARC-Type: response\r\n\r\nHTTP/1.1 200 OK\r\n\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		w := newWARCReader("a.warc", bytes.NewReader(data), 1<<16)
		last := 0
		w.each(func(in *input) bool {
			m := recordName.FindStringSubmatch(in.name)
			if m == nil {
				t.Fatalf("name %q is not archive#n", in.name)
			}
			n, _ := strconv.Atoi(m[1])
			if n <= last {
				t.Fatalf("record %d after %d", n, last)
			}
			last = n
			if in.err == nil && int64(len(in.data)) > 1<<16 {
				t.Fatalf("%d bytes past --max-bytes", len(in.data))
			}
			return true
		})
	})
}

// BenchmarkWARC is the WARC stage alone: parsing an archive into the
// inputs the pipeline gets (gzip members inflated, bodies decoded), MB/s of
// archive bytes.
func BenchmarkWARC(b *testing.B) {
	for _, gz := range []bool{false, true} {
		b.Run(fmt.Sprint("gzip=", gz), func(b *testing.B) {
			path := filepath.Join(b.TempDir(), "crawl.warc")
			writeWARC(b, path, gz, testArchive(b))
			data, err := os.ReadFile(path)
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				n := 0
				newWARCReader(path, bytes.NewReader(data), 32<<20).each(func(in *input) bool {
					if in.err != nil {
						b.Fatal(in.err)
					}
					n++
					return true
				})
				if n == 0 {
					b.Fatal("no inputs")
				}
			}
		})
	}
}
