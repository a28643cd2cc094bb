package extract_test

import (
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/zhengling/zhengling/extract"
	"github.com/zhengling/zhengling/internal/hostile"
	"github.com/zhengling/zhengling/segment"
)

// hostileInputs are the shapes of internal/hostile and prose, by name.
func hostileInputs() map[string]func(int) ([]byte, error) {
	in := map[string]func(int) ([]byte, error){
		"prose": func(n int) ([]byte, error) { return hostile.Prose(filepath.Join(".."), n) },
	}
	for _, k := range hostile.Kinds {
		in[k.Name] = func(n int) ([]byte, error) { return k.Make(n), nil }
	}
	return in
}

// cost runs the pipeline on data three times and returns the median bytes
// allocated and CPU time spent by the process (all goroutines; the test
// runs alone): a collection running meanwhile shifts a single reading.
func cost(t *testing.T, data []byte, opts extract.Options) (uint64, time.Duration) {
	t.Helper()
	var allocs [3]uint64
	var cpus [3]time.Duration
	for i := range allocs {
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		cpu := processCPU()
		if _, err := extract.Bytes(data, opts); err != nil {
			t.Fatal(err)
		}
		cpus[i] = processCPU() - cpu
		runtime.ReadMemStats(&after)
		allocs[i] = after.TotalAlloc - before.TotalAlloc
	}
	slices.Sort(allocs[:])
	slices.Sort(cpus[:])
	return allocs[1], cpus[1]
}

// TestHostileAllocLinear: on every shape of issue 14, four times the input
// allocates at most six times the bytes (a quadratic step: sixteen). Bytes
// allocated, unlike time, do not depend on the machine or its load.
func TestHostileAllocLinear(t *testing.T) {
	if raceEnabled {
		t.Skip("-race allocates as much and runs 10 times slower: the plain run checks this")
	}
	seg, err := segment.Default()
	if err != nil {
		t.Fatal(err)
	}
	opts := extract.Options{Segmenter: seg}
	for name, make := range hostileInputs() {
		small, err := make(16 << 10)
		if err != nil {
			t.Skip(err)
		}
		large, _ := make(64 << 10)
		a, _ := cost(t, small, opts)
		b, _ := cost(t, large, opts)
		if b > 6*a+1<<20 {
			t.Errorf("%s: %d bytes allocated for 16 KB, %d for 64 KB", name, a, b)
		}
	}
}

// TestHostileScale: the same at 512 KB and 2 MB, and CPU time as well (at
// most 8 times for 4 times the input: a quadratic stage takes 16). Both
// sizes are past 256 KB, where a page too dense for a tree is read as text,
// a route of another cost. CPU time of the process, not wall time, so that
// other processes do not count; still, it is a measure of this machine, so
// the test runs only with ZHENGLING_SCALE=1, as .ci/run sets.
func TestHostileScale(t *testing.T) {
	if os.Getenv("ZHENGLING_SCALE") != "1" {
		t.Skip("set ZHENGLING_SCALE=1 to run the hostile shapes at 512 KB and 2 MB")
	}
	seg, err := segment.Default()
	if err != nil {
		t.Fatal(err)
	}
	opts := extract.Options{Segmenter: seg}
	for name, make := range hostileInputs() {
		small, err := make(512 << 10)
		if err != nil {
			t.Skip(err)
		}
		large, _ := make(2 << 20)
		a, ta := cost(t, small, opts)
		b, tb := cost(t, large, opts)
		t.Logf("%-15s 512 KB: %6d ms %5d MB allocated; 2 MB: %6d ms %5d MB", name, ta.Milliseconds(), a>>20, tb.Milliseconds(), b>>20)
		// The small input may run on buffers pooled by the previous shape's
		// large one (the shapes come in map order), so its count can be low:
		// a quadratic step is sixteen times, ten still tells it.
		if b > 10*a+1<<20 {
			t.Errorf("%s: %d bytes allocated for 512 KB, %d for 2 MB", name, a, b)
		}
		if tb > 8*ta+100*time.Millisecond {
			t.Errorf("%s: %v of CPU for 512 KB, %v for 2 MB", name, ta, tb)
		}
	}
}
