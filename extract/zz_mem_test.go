package extract

import (
	"os"
	"runtime"
	"runtime/pprof"
	"testing"

	"github.com/zhengling/zhengling/extract/para"
)

func TestZZMem(t *testing.T) {
	f := os.Getenv("ZL_MEM")
	if f == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(f)
	inspectReading = func([]*para.Paragraph) {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		t.Logf("mid heap %d MB for %d KB", m.HeapAlloc>>20, len(b)>>10)
		out, _ := os.Create("/tmp/mem.prof")
		pprof.WriteHeapProfile(out)
		out.Close()
	}
	doc, err := Bytes(b, Options{MaxBytes: 1 << 30})
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	t.Logf("end heap %d MB, %d directives", m.HeapAlloc>>20, len(doc.Directives))
}
