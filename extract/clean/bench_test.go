package clean

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fixturePages reads the saved pages of fixtures/pages and their total size.
func fixturePages(b *testing.B) ([][]byte, int64) {
	files, _ := filepath.Glob("../../fixtures/pages/*/*.html")
	if len(files) == 0 {
		b.Skip("no fixture pages")
	}
	var pages [][]byte
	var size int64
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, raw)
		size += int64(len(raw))
	}
	return pages, size
}

// BenchmarkDecode is the charset stage on every fixture page (mostly
// UTF-8, a few GBK and Big5 ones, declared, undeclared and mis-declared).
func BenchmarkDecode(b *testing.B) {
	pages, size := fixturePages(b)
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, raw := range pages {
			if _, _, err := Decode(raw, ""); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkClassify is the chrome rules on every line of the fixture
// pages' text, as the cleaner sees them (collapsed, simplified view).
func BenchmarkClassify(b *testing.B) {
	pages, _ := fixturePages(b)
	var views []string
	var size int64
	for _, raw := range pages {
		s, _, err := Decode(raw, "")
		if err != nil {
			b.Fatal(err)
		}
		for _, l := range strings.Split(tokenText(s), "\n") {
			if v := view(collapseSpace(l)); v != "" {
				views = append(views, v)
				size += int64(len(v))
			}
		}
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, v := range views {
			classify(v)
		}
	}
	b.ReportMetric(float64(len(views)*b.N)/b.Elapsed().Seconds(), "lines/s")
}
