package serve

import (
	"bufio"
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/zhengling/zhengling/extract"
	"github.com/zhengling/zhengling/internal/warctest"
)

// crawl is the test crawl of the warc package's tests and four real pages
// served with their charsets in the HTTP header.
func crawl(t testing.TB) []warctest.Rec {
	var seeds []string
	for _, s := range []string{"000_89870a89919acc8f.txt", "001_8f0b99024fc2d402.txt", "002_1821f895a3fc65c9.txt", "003_dc844d99eb37f958.txt", "004_a9f72bc432a4d99b.txt"} {
		seeds = append(seeds, filepath.Join(root, "fixtures", "seeds", s))
	}
	return append(warctest.Crawl(t, seeds), warctest.RealPages(filepath.Join(root, "fixtures", "pages"))...)
}

// TestBatchWARC posts the crawl, plain, gzipped, and damaged: one line
// per HTML page in archive order, named FILE#N, each the page's own
// Document; a damaged record is its error line and the rest still come.
func TestBatchWARC(t *testing.T) {
	ts := start(t, Config{})
	recs := crawl(t)
	ref, _ := extract.ParseDate(seedDate)
	for _, c := range []struct {
		desc     string
		gz       bool
		damaged  int // 1-based record, 0 for none
		wantLine func(n int, rec warctest.Rec) []byte
	}{
		{"plain", false, 0, nil},
		{"gzipped record by record", true, 0, nil},
		{"gzipped, record 9 damaged", true, 9, nil},
	} {
		t.Run(c.desc, func(t *testing.T) {
			data, offsets := warctest.Write(t, c.gz, recs)
			if c.damaged > 0 {
				warctest.Corrupt(data, offsets, c.damaged, c.gz)
			}
			r := ts.post(t, "/v1/batch?file=crawl.warc&date="+seedDate, data, "Content-Type: application/warc")
			if r.StatusCode != http.StatusOK || r.Header.Get("Content-Type") != "application/jsonl; charset=utf-8" {
				t.Fatalf("got %d %q", r.StatusCode, r.Header.Get("Content-Type"))
			}
			var want [][]byte
			for i, rec := range recs {
				name := "crawl.warc#" + strconv.Itoa(i+1)
				switch {
				case i+1 == c.damaged:
					want = append(want, nil) // an error line
				case rec.Page != nil:
					want = append(want, wantLine(t, rec.Page, extract.Options{URL: rec.URI, ContentType: rec.HTTPType, ReferenceDate: ref}, name))
				}
			}
			got := bytes.SplitAfter(r.body, []byte("\n"))
			got = got[:len(got)-1]
			if len(got) != len(want) {
				t.Fatalf("%d lines, want %d:\n%s", len(got), len(want), r.body)
			}
			for i := range want {
				if want[i] == nil {
					if e := errorLine(t, response{r.Response, got[i]}); !strings.HasPrefix(e.Error, "warc: ") || e.File != "crawl.warc#"+strconv.Itoa(c.damaged) {
						t.Errorf("line %d: %s, want the damaged record's error", i+1, got[i])
					}
				} else if !bytes.Equal(got[i], want[i]) {
					t.Errorf("line %d: %.200s\nwant %.200s", i+1, got[i], want[i])
				}
			}
		})
	}
}

// TestBatchJSONL is a corpus of JSON Lines records, each with the line it
// must give (a Document's title, or an error).
func TestBatchJSONL(t *testing.T) {
	seed := fixture(t, "seeds", seedText)
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes(seed)
	if err != nil {
		t.Fatal(err)
	}
	ts := start(t, Config{MaxBytes: 64 << 10})
	str := func(b []byte) string { s, _ := json.Marshal(string(b)); return string(s) }
	b64 := base64.StdEncoding.EncodeToString
	const title = "莱山区政府第八次常务会议"
	rows := []struct {
		desc, line string
		file, want string // want: the title, or "error: " and a part of the error
	}{
		{"text body", `{"body": ` + str(seed) + `}`, "batch#1", title},
		{"base64 GBK body, named", `{"file": "ls.txt", "body_base64": "` + b64(gbk) + `", "content_type": "text/plain; charset=gbk"}`, "ls.txt", title},
		{"url and date", `{"url": "http://www.laishan.gov.cn/a", "date": "2022-08-03", "body": ` + str(seed) + `}`, "batch#3", title},
		{"blank line skipped", ``, "", ""},
		{"not JSON", `{"body": "unterminated`, "batch#5", "error: record: "},
		{"an unknown field", `{"bodi": "会议强调"}`, "batch#6", `error: record: json: unknown field "bodi"`},
		{"no body", `{"url": "http://a"}`, "batch#7", "error: record: no body nor body_base64"},
		{"both bodies", `{"body": "a", "body_base64": "YQ=="}`, "batch#8", "error: record: both body and body_base64"},
		{"bad base64", `{"body_base64": "%%%"}`, "batch#9", "error: record: body_base64: illegal base64"},
		{"bad date", `{"date": "8月3日", "body": "会议强调"}`, "batch#10", `error: date "8月3日" is not YYYY-MM-DD`},
		{"empty page", `{"body": "  "}`, "batch#11", "error: extract: empty input"},
		{"a page over --max-bytes", `{"body": "` + strings.Repeat("政", 64<<10/3+1) + `"}`, "batch#12", "error: extract: input larger than the limit"},
		{"a line over its limit", `{"body": "` + strings.Repeat("x", 64<<10/3*4+64<<10) + `"}`, "batch#13", "error: larger than --max-bytes 65536"},
		{"last line without newline", `{"body": ` + str(seed) + `}`, "batch#14", title},
	}
	var body strings.Builder
	for i, row := range rows {
		body.WriteString(row.line)
		if i < len(rows)-1 {
			body.WriteString("\n")
		}
	}
	r := ts.post(t, "/v1/batch", []byte(body.String()), "Content-Type: application/jsonl")
	lines := jsonLines(t, r.body)
	i := 0
	for _, row := range rows {
		if row.file == "" {
			continue
		}
		if i >= len(lines) {
			t.Fatalf("%d lines, want a line for %q", len(lines), row.desc)
		}
		got := lines[i].(map[string]any)
		i++
		if got["file"] != row.file {
			t.Errorf("%s: file %q, want %q", row.desc, got["file"], row.file)
		}
		if msg, ok := strings.CutPrefix(row.want, "error: "); ok {
			if e, _ := got["error"].(string); !strings.Contains(e, msg) {
				t.Errorf("%s: got %.200v, want the error %q", row.desc, got, msg)
			}
		} else if got["title"] != row.want {
			t.Errorf("%s: got %.200v, want the title %q", row.desc, got, row.want)
		}
	}
	if i != len(lines) {
		t.Errorf("%d lines, want %d", len(lines), i)
	}
	if got, want := lines[2].(map[string]any)["url"], "http://www.laishan.gov.cn/a"; got != want {
		t.Errorf("url %v, want %v", got, want)
	}
}

// TestBatchStreams: lines come as the pages are done, while the upload
// still goes on: the first line is read before the second record is sent.
func TestBatchStreams(t *testing.T) {
	ts := start(t, Config{})
	pr, pw := io.Pipe()
	req, _ := http.NewRequest(http.MethodPost, ts.url+"/v1/batch", pr)
	resp := make(chan *http.Response, 1)
	go func() {
		r, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Error(err)
			pr.CloseWithError(err)
		}
		resp <- r
	}()
	seed, _ := json.Marshal(string(fixture(t, "seeds", seedText)))
	fmt.Fprintf(pw, "{\"body\": %s}\n", seed)
	r := <-resp
	if r == nil {
		return
	}
	defer r.Body.Close()
	br := bufio.NewReader(r.Body)
	first, err := br.ReadBytes('\n')
	if err != nil || !bytes.Contains(first, []byte(`"file":"batch#1"`)) {
		t.Fatalf("first line: %v %.200s", err, first)
	}
	fmt.Fprintf(pw, "{\"body\": %s}\n", seed) // sent only after the first line came
	pw.Close()
	second, err := br.ReadBytes('\n')
	if err != nil || !bytes.Contains(second, []byte(`"file":"batch#2"`)) {
		t.Fatalf("second line: %v %.200s", err, second)
	}
}

// TestBatchBoundedMemory: while the workers are held, the server reads no
// more than workers+2 records of an upload however long it is, so memory
// does not grow with the upload.
func TestBatchBoundedMemory(t *testing.T) {
	g := newGate()
	ts := start(t, Config{Workers: 2}, g.then(fakeExtract))
	record := []byte(`{"body": "` + strings.Repeat("会议强调，一要抓好安全生产。", 2000) + "\"}\n") // 84 KB
	pr, pw := io.Pipe()
	go func() {
		for range 200 { // 17 MB in all
			if _, err := pw.Write(record); err != nil {
				return
			}
		}
		pw.Close()
	}()
	req, _ := http.NewRequest(http.MethodPost, ts.url+"/v1/batch", pr)
	done := make(chan error, 1)
	go func() {
		resp, err := http.DefaultClient.Do(req)
		if err == nil {
			_, err = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
		}
		done <- err
	}()
	g.waitStarted(t, 2)
	received := func() int {
		return int(testutil.ToFloat64(ts.metrics.bytes)) / (len(record) - len(`{"body": ""}`+"\n"))
	}
	waitFor(t, "the reader to fill the pipeline", func() bool { return received() >= 3 })
	time.Sleep(200 * time.Millisecond) // time to read further, were it unbounded
	if n := received(); n > 2+2 {
		t.Errorf("%d records read while 2 workers are held, want at most 4", n)
	}
	close(g.release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if n := testutil.ToFloat64(ts.metrics.pages.WithLabelValues("batch")); n != 200 {
		t.Errorf("%v pages, want 200", n)
	}
}

// TestBatchLimits: each record has its own --timeout; an upload that
// stops is cut off after --read-timeout with an error line, the lines
// before it kept.
func TestBatchLimits(t *testing.T) {
	ts := start(t, Config{Timeout: 100 * time.Millisecond, ReadTimeout: 300 * time.Millisecond}, func(s *Server) {
		real := s.extract
		s.extract = func(ctx context.Context, b []byte, o extract.Options) (*extract.Document, error) {
			if strings.Contains(string(b), "SLOW") {
				<-ctx.Done()
				return nil, ctx.Err()
			}
			return real(ctx, b, o)
		}
	})
	c := dial(t, ts.addr)
	records := "{\"body\": \"会议强调 SLOW\"}\n{\"body\": \"会议强调，一要抓好安全生产。\"}\n"
	fmt.Fprintf(c, "POST /v1/batch HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n%s", records) // and no more
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	lines := jsonLines(t, body)
	want := []string{"deadline exceeded: not done within --timeout 100ms", "", "read body: "}
	if len(lines) != len(want) {
		t.Fatalf("%d lines, want %d: %s", len(lines), len(want), body)
	}
	for i, w := range want {
		e, _ := lines[i].(map[string]any)["error"].(string)
		if !strings.HasPrefix(e, w) || (w == "") != (e == "") {
			t.Errorf("line %d: error %q, want %q", i+1, e, w)
		}
	}
}

// fakeExtract is a quick stand-in for the library, for the tests of the
// server's own limits.
func fakeExtract(_ context.Context, b []byte, _ extract.Options) (*extract.Document, error) {
	return &extract.Document{Paragraphs: []string{fmt.Sprint(len(b))}}, nil
}
