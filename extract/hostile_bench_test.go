package extract_test

import (
	"fmt"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/zhengling/zhengling/extract"
	"github.com/zhengling/zhengling/internal/hostile"
	"github.com/zhengling/zhengling/segment"
)

// processCPU is the CPU time of the process so far.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// hostileSizes are the three sizes every shape is run at: a linear stage
// takes four times as long from one to the next.
var hostileSizes = []int{32 << 10, 128 << 10, 512 << 10}

// BenchmarkHostile is the whole pipeline on the shapes of internal/hostile
// (marker runs of every style, number lists, long unpunctuated lines, deep
// outlines, one-letter lines, prose) at three sizes; ns/op and B/op grow
// linearly with the size.
//
//	go test ./extract -run '^$' -bench Hostile -benchtime 3x
func BenchmarkHostile(b *testing.B) {
	seg, err := segment.Default()
	if err != nil {
		b.Fatal(err)
	}
	opts := extract.Options{Segmenter: seg}
	type input struct {
		name string
		make func(int) ([]byte, error)
	}
	var inputs []input
	for _, k := range hostile.Kinds {
		inputs = append(inputs, input{k.Name, func(n int) ([]byte, error) { return k.Make(n), nil }})
	}
	inputs = append(inputs, input{"prose", func(n int) ([]byte, error) { return hostile.Prose(filepath.Join(".."), n) }})
	for _, in := range inputs {
		for _, size := range hostileSizes {
			b.Run(fmt.Sprintf("%s/%dKB", in.name, size>>10), func(b *testing.B) {
				data, err := in.make(size)
				if err != nil {
					b.Skip(err)
				}
				b.SetBytes(int64(len(data)))
				b.ReportAllocs()
				cpu := processCPU()
				for b.Loop() {
					if _, err := extract.Bytes(data, opts); err != nil {
						b.Fatal(err)
					}
				}
				// CPU time holds on a loaded machine, where ns/op (wall) does not.
				b.ReportMetric(float64((processCPU()-cpu).Milliseconds())/float64(b.N), "cpu-ms/op")
			})
		}
	}
}
