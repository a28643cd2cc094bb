package extract

import (
	"os"
	"runtime"
	"runtime/pprof"
	"testing"
)

func TestZZAlloc(t *testing.T) {
	f := os.Getenv("ZL_ALLOC")
	if f == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(f)
	runtime.MemProfileRate = 64 << 10
	if _, err := Bytes(b, Options{MaxBytes: 1 << 30}); err != nil {
		t.Fatal(err)
	}
	out, _ := os.Create("/tmp/alloc.prof")
	pprof.Lookup("allocs").WriteTo(out, 0)
	out.Close()
}
