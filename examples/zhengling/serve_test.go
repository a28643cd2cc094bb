package main

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zhengling/zhengling/examples/zhengling/internal/serve"
	"github.com/zhengling/zhengling/internal/warctest"
)

// apiServer is "zhengling serve"'s handler behind a test server.
func apiServer(t *testing.T) *httptest.Server {
	t.Helper()
	s, err := serve.New(serve.Config{})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	return ts
}

func postAPI(t *testing.T, target string, body []byte, contentType string) []byte {
	t.Helper()
	resp, err := http.Post(target, contentType, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var b bytes.Buffer
	if _, err := b.ReadFrom(resp.Body); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestServeSameJSONAsCommand: every saved page of fixtures/pages and every
// seed gives, through POST /v1/extract, byte for byte the line the command
// prints for it with --format jsonl, the same options given as flags and
// as query parameters.
func TestServeSameJSONAsCommand(t *testing.T) {
	ts := apiServer(t)
	pages, _ := filepath.Glob(filepath.Join("..", "..", "fixtures", "pages", "*", "*.html"))
	if len(pages) == 0 {
		t.Fatal("no pages in fixtures/pages")
	}
	runs := []struct {
		desc  string
		flags []string
		query url.Values
		paths []string
	}{
		{"the saved pages, no option", nil, url.Values{}, pages},
		{"the seeds, with a reference date and a URL", []string{"--date", "2022-08-03", "--url", "http://www.laishan.gov.cn/a.html"},
			url.Values{"date": {"2022-08-03"}, "url": {"http://www.laishan.gov.cn/a.html"}}, nil},
	}
	for _, s := range seeds {
		runs[1].paths = append(runs[1].paths, seedPath(s.file))
	}
	for _, r := range runs {
		t.Run(r.desc, func(t *testing.T) {
			var lines [][]byte
			for _, p := range r.paths { // one file a run: --url takes one input only
				out, stderr, code := runCmd(t, "", append(append([]string{"--format", "jsonl"}, r.flags...), p)...)
				if code != 0 {
					t.Fatalf("%s: exit %d: %s", p, code, stderr)
				}
				lines = append(lines, []byte(out))
			}
			for i, p := range r.paths {
				q := url.Values{"file": {p}}
				for k, v := range r.query {
					q[k] = v
				}
				data, err := os.ReadFile(p)
				if err != nil {
					t.Fatal(err)
				}
				got := postAPI(t, ts.URL+"/v1/extract?"+q.Encode(), data, "")
				if !bytes.Equal(got, lines[i]) {
					t.Errorf("%s: the API's JSON differs from the command's:\n%s", p, firstDiff(string(got), string(lines[i])))
				}
			}
		})
	}
}

// TestServeBatchSameAsCommand: a WARC archive, damaged record included,
// gives through POST /v1/batch the command's JSON Lines byte for byte.
func TestServeBatchSameAsCommand(t *testing.T) {
	ts := apiServer(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "crawl.warc.gz")
	data, offsets := writeWARC(t, path, true, testArchive(t))
	for _, damaged := range []bool{false, true} {
		if damaged {
			warctest.Corrupt(data, offsets, damagedRecord, true)
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, _, _ := runCmd(t, "", "--format", "jsonl", "--date", "2022-08-03", path)
		body, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		got := postAPI(t, ts.URL+"/v1/batch?date=2022-08-03&file="+url.QueryEscape(path), body, "application/warc")
		if string(got) != want || strings.Count(want, "\n") < syntheticRecords/2 {
			t.Errorf("damaged %v: the API's lines differ from the command's:\n%s", damaged, firstDiff(string(got), want))
		}
	}
}
