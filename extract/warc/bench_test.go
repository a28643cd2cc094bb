package warc

import (
	"bytes"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/zhengling/zhengling/internal/warctest"
)

// BenchmarkRecords is the WARC stage alone: an archive parsed into pages
// (gzip members inflated, bodies decoded), MB/s of archive bytes.
func BenchmarkRecords(b *testing.B) {
	recs := append(crawl(b), warctest.RealPages(filepath.Join("..", "..", "fixtures", "pages"))...)
	for _, gz := range []bool{false, true} {
		b.Run(fmt.Sprint("gzip=", gz), func(b *testing.B) {
			data, _ := warctest.Write(b, gz, recs)
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				n := 0
				for _, err := range Records(bytes.NewReader(data), "a.warc", Options{}) {
					if err != nil {
						b.Fatal(err)
					}
					n++
				}
				if n != 9 {
					b.Fatalf("%d pages, want 9", n)
				}
			}
		})
	}
}
