package serve

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus/testutil"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/zhengling/zhengling/extract"
)

// TestExtractFormats posts a real government page and asks for each
// format by Accept.
func TestExtractFormats(t *testing.T) {
	ts := start(t, Config{})
	page := fixture(t, "pages", govPage)
	cases := []struct {
		desc, accept, contentType string
		check                     func([]byte) bool
	}{
		{"no Accept: JSON", "", "application/json", func(b []byte) bool {
			return bytes.Equal(b, wantLine(t, page, extract.Options{}, ""))
		}},
		{"the ledger", "text/csv", "text/csv; charset=utf-8; header=present", func(b []byte) bool {
			return bytes.HasPrefix(b, []byte("\ufeffid,marker,heading,owners,deadline,target,file"))
		}},
		{"the calendar", "text/calendar", "text/calendar; charset=utf-8", func(b []byte) bool {
			return bytes.HasPrefix(b, []byte("BEGIN:VCALENDAR\r\n")) && bytes.Contains(b, []byte("BEGIN:VTODO\r\n"))
		}},
		{"the report, as a browser asks", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html; charset=utf-8", func(b []byte) bool {
			return bytes.HasPrefix(b, []byte("<!DOCTYPE html>")) && bytes.Contains(b, []byte("</html>"))
		}},
	}
	for _, c := range cases {
		t.Run(c.desc, func(t *testing.T) {
			r := ts.post(t, "/v1/extract", page, "Accept: "+c.accept)
			if r.StatusCode != http.StatusOK || r.Header.Get("Content-Type") != c.contentType {
				t.Fatalf("got %d %q, want 200 %q: %.300s", r.StatusCode, r.Header.Get("Content-Type"), c.contentType, r.body)
			}
			if !c.check(r.body) {
				t.Errorf("body is not the %s: %.300s", c.desc, r.body)
			}
		})
	}
	if n := testutil.ToFloat64(ts.metrics.pages.WithLabelValues("extract")); n != float64(len(cases)) {
		t.Errorf("zhengling_pages_total{endpoint=extract} = %v, want %d", n, len(cases))
	}
}

// TestExtractOptions: ?url=, ?date=, ?file= and the request's
// Content-Type (its charset) reach the library as the command's flags do.
func TestExtractOptions(t *testing.T) {
	ts := start(t, Config{})
	seed := fixture(t, "seeds", seedText)
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes(seed)
	if err != nil {
		t.Fatal(err)
	}
	ref, _ := extract.ParseDate("2030-01-02")
	q := url.Values{"url": {"http://www.laishan.gov.cn/a.html"}, "date": {"2030-01-02"}, "file": {"laishan.txt"}}
	cases := []struct {
		desc, contentType string
		body              []byte
	}{
		{"UTF-8 text", "text/plain; charset=utf-8", seed},
		{"GBK text, said by the header", "text/plain; charset=gbk", gbk},
		{"GBK text, no header", "", gbk},
	}
	for _, c := range cases {
		t.Run(c.desc, func(t *testing.T) {
			var headers []string
			if c.contentType != "" {
				headers = append(headers, "Content-Type: "+c.contentType)
			}
			r := ts.post(t, "/v1/extract?"+q.Encode(), c.body, headers...)
			want := wantLine(t, c.body, extract.Options{URL: q.Get("url"), ReferenceDate: ref, ContentType: c.contentType}, "laishan.txt")
			if r.StatusCode != http.StatusOK || !bytes.Equal(r.body, want) {
				t.Fatalf("got %d %.300s\nwant %.300s", r.StatusCode, r.body, want)
			}
			var doc extract.Document
			if err := json.Unmarshal(r.body, &doc); err != nil {
				t.Fatal(err)
			}
			if doc.URL != q.Get("url") || doc.ReferenceDate != ref || doc.File != "laishan.txt" || !strings.HasPrefix(doc.Title, "莱山区政府") {
				t.Errorf("got url %q, reference date %v, file %q, title %q", doc.URL, doc.ReferenceDate, doc.File, doc.Title)
			}
		})
	}
}

// TestExtractBadRequests: every refusal is a 4xx with the command's error
// line, and is counted by kind.
func TestExtractBadRequests(t *testing.T) {
	ts := start(t, Config{})
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10")
	cases := []struct {
		desc, path string
		body       []byte
		headers    []string
		status     int
		kind, msg  string
	}{
		{"empty body", "/v1/extract?file=a.html", nil, nil, 422, kindBadInput, "extract: empty input"},
		{"white space only", "/v1/extract", []byte(" \r\n\t "), nil, 422, kindBadInput, "extract: empty input"},
		{"an image", "/v1/extract?file=logo.png", png, nil, 422, kindBadInput, "extract: binary content, not a page or text"},
		{"a date that is no date", "/v1/extract?date=2022-13-45", []byte("会议强调"), nil, 400, kindBadRequest, `date "2022-13-45" is not YYYY-MM-DD`},
		{"a date in another form", "/v1/extract?date=2022年8月3日", []byte("会议强调"), nil, 400, kindBadRequest, "is not YYYY-MM-DD"},
		{"a format not offered", "/v1/extract", []byte("会议强调"), []string{"Accept: application/xml"}, 406, kindNotAccept, "not acceptable"},
	}
	for _, c := range cases {
		t.Run(c.desc, func(t *testing.T) {
			before := ts.errorsOf(c.kind)
			r := ts.post(t, c.path, c.body, c.headers...)
			e := errorLine(t, r)
			if r.StatusCode != c.status || !strings.Contains(e.Error, c.msg) {
				t.Errorf("got %d %q, want %d %q", r.StatusCode, e.Error, c.status, c.msg)
			}
			if got := ts.errorsOf(c.kind) - before; got != 1 {
				t.Errorf("zhengling_errors_total{kind=%q} grew by %d, want 1", c.kind, got)
			}
		})
	}
	t.Run("GET is not allowed", func(t *testing.T) {
		resp, err := http.Get(ts.url + "/v1/extract")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusMethodNotAllowed || resp.Header.Get("Allow") != "POST" {
			t.Errorf("got %d, Allow %q; want 405, POST", resp.StatusCode, resp.Header.Get("Allow"))
		}
	})
}

// TestTooLarge: a page over --max-bytes is refused with 413, whether its
// length is announced (refused unread) or not (chunked), and counted.
func TestTooLarge(t *testing.T) {
	page := fixture(t, "pages", govPage)
	ts := start(t, Config{MaxBytes: int64(len(page)) - 1})
	r := ts.post(t, "/v1/extract?file=kaili.html", page)
	if e := errorLine(t, r); r.StatusCode != http.StatusRequestEntityTooLarge || e.Error != "larger than --max-bytes "+strconv.Itoa(len(page)-1) || e.File != "kaili.html" {
		t.Errorf("announced length: got %d %+v", r.StatusCode, e)
	}
	req, _ := http.NewRequest(http.MethodPost, ts.url+"/v1/extract", struct{ *bytes.Reader }{bytes.NewReader(page)}) // no length: chunked
	r = ts.do(t, req, page)
	if r.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("chunked: got %d, want 413", r.StatusCode)
	}
	if n := ts.errorsOf(kindTooLarge); n != 2 {
		t.Errorf("zhengling_errors_total{kind=too_large} = %d, want 2", n)
	}
	r = ts.post(t, "/v1/extract", page[:len(page)-1]) // one byte less: the limit itself passes
	if r.StatusCode != http.StatusOK && r.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("a page at the limit: got %d", r.StatusCode)
	}
}
