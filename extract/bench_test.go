package extract_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/zhengling/zhengling/extract"
	"github.com/zhengling/zhengling/segment"
)

// BenchmarkDocument is the whole pipeline on whole documents — bytes in,
// Document out — for the seed texts and the saved pages of fixtures/pages,
// one goroutine, the dictionary loaded beforehand. MB/s is of input bytes.
//
//	go test ./extract -run '^$' -bench Document -benchtime 20x
func BenchmarkDocument(b *testing.B) {
	seg, err := segment.Default()
	if err != nil {
		b.Fatal(err)
	}
	for _, set := range []struct{ name, glob string }{
		{"seeds", filepath.Join("..", "fixtures", "seeds", "*.txt")},
		{"pages", filepath.Join("..", "fixtures", "pages", "*", "*.html")},
	} {
		b.Run(set.name, func(b *testing.B) {
			docs, size := readAll(b, set.glob)
			opts := extract.Options{Segmenter: seg}
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				for _, d := range docs {
					if _, err := extract.Bytes(d, opts); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(b.N*len(docs))/b.Elapsed().Seconds(), "pages/s")
		})
	}
}

// readAll reads the files of glob and their total size.
func readAll(b *testing.B, glob string) ([][]byte, int64) {
	b.Helper()
	files, err := filepath.Glob(glob)
	if err != nil {
		b.Fatal(err)
	}
	if len(files) == 0 {
		b.Skipf("no files match %s", glob)
	}
	var docs [][]byte
	var size int64
	for _, f := range files {
		d, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
		size += int64(len(d))
	}
	return docs, size
}
