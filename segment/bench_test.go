package segment

import (
	"runtime"
	"strings"
	"testing"

	"github.com/go-ego/gse"
)

// BenchmarkNew is the cold start: decoding the compiled dictionary.
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		s, err := New()
		if err != nil || s.dict.len() < 300000 {
			b.Fatalf("New: %v, %v", s, err)
		}
	}
	reportHeap(b, func() any { s, _ := New(); return s })
}

// BenchmarkGSELoad is what New replaces: gse loading its embedded
// simplified dictionary.
func BenchmarkGSELoad(b *testing.B) {
	if testing.Short() {
		b.Skip("slow")
	}
	b.ReportAllocs()
	for b.Loop() {
		var g gse.Segmenter
		g.SkipLog = true
		if err := g.LoadDictEmbed("zh_s"); err != nil {
			b.Fatal(err)
		}
	}
	reportHeap(b, func() any {
		g := &gse.Segmenter{SkipLog: true}
		g.LoadDictEmbed("zh_s")
		return g
	})
}

// reportHeap reports the live heap that one value built by mk holds.
func reportHeap(b *testing.B, mk func() any) {
	b.StopTimer()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	v := mk()
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(v)
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "live-MB")
}

// BenchmarkTokens is the warm throughput on the seed reports, line by line
// as the pipeline cuts paragraphs.
func BenchmarkTokens(b *testing.B) {
	s := mustDefault(b)
	for _, name := range corpusFiles {
		lines := strings.Split(readTestdata(b, name), "\n")
		size := 0
		for _, l := range lines {
			size += len(l)
		}
		b.Run(strings.TrimSuffix(name, ".txt"), func(b *testing.B) {
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for b.Loop() {
				n := 0
				for _, l := range lines {
					n += len(s.Tokens(l))
				}
				if n == 0 {
					b.Fatal("no tokens")
				}
			}
		})
	}
}

// BenchmarkGSETokens is gse's own Pos on the same text, for comparison.
func BenchmarkGSETokens(b *testing.B) {
	g := oracle(b)
	text := readTestdata(b, "002_1821f895a3fc65c9.txt")
	lines := strings.Split(text, "\n")
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		for _, l := range lines {
			g.Pos(l, false)
		}
	}
}
