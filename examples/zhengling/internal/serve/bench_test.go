package serve

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
)

// benchPages are the saved pages of fixtures/pages.
func benchPages(b *testing.B) [][]byte {
	paths, err := filepath.Glob(filepath.Join(root, "fixtures", "pages", "*", "*.html"))
	if err != nil || len(paths) == 0 {
		b.Fatalf("no pages: %v", err)
	}
	var pages [][]byte
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, data)
	}
	return pages
}

// BenchmarkExtract is the handler of POST /v1/extract on every page of
// fixtures/pages in turn, without the network: the cost the server adds
// to the library is the difference with extract's BenchmarkDocument.
func BenchmarkExtract(b *testing.B) {
	pages := benchPages(b)
	s, err := New(Config{Workers: 1})
	if err != nil {
		b.Fatal(err)
	}
	total := 0
	for _, p := range pages {
		total += len(p)
	}
	b.SetBytes(int64(total / len(pages)))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		rec := httptest.NewRecorder()
		s.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/v1/extract", bytes.NewReader(pages[i%len(pages)])))
		if rec.Code != http.StatusOK || rec.Body.Len() == 0 {
			b.Fatalf("page %d: %d %.200s", i%len(pages), rec.Code, rec.Body)
		}
		i++
	}
}

// BenchmarkBatch is POST /v1/batch of the pages as JSON Lines, all
// workers, without the network.
func BenchmarkBatch(b *testing.B) {
	pages := benchPages(b)
	s, err := New(Config{})
	if err != nil {
		b.Fatal(err)
	}
	var body bytes.Buffer
	for _, p := range pages {
		line, _ := json.Marshal(map[string][]byte{"body_base64": p})
		body.Write(append(line, '\n'))
	}
	b.SetBytes(int64(body.Len()))
	b.ReportAllocs()
	for b.Loop() {
		rec := httptest.NewRecorder()
		s.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/v1/batch", bytes.NewReader(body.Bytes())))
		if n := bytes.Count(rec.Body.Bytes(), []byte("\n")); rec.Code != http.StatusOK || n != len(pages) {
			b.Fatalf("%d, %d lines, want %d", rec.Code, n, len(pages))
		}
	}
	b.ReportMetric(float64(len(pages)*b.N)/b.Elapsed().Seconds(), "pages/s")
}
