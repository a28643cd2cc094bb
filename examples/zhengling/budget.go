package main

import (
	"os"
	"runtime/debug"
	"sync"
)

// The command's memory bound (issue 14) is a peak RSS of 50 MB plus 20
// times the bytes of the inputs in flight. Under the default GOGC the
// collector lets the heap grow to twice the live heap before it runs, so a
// lone 8 MB page of prose, whose live heap is about 17 times its size,
// peaked at 445 MB. The runtime's limit counts the memory Go maps, not the
// binary's pages (15 MB of the 40 MB a tiny page takes) nor what the kernel
// keeps for the heap beyond it (page tables, spans returned late: about 5 %
// of it at 30 MB), so the limit is the bound less those.
const (
	boundBase    = 50 << 20
	boundPerByte = 20
	binaryPages  = 15 << 20
	heapOverhead = 0.05
)

// budget sets the runtime's soft memory limit (debug.SetMemoryLimit) to the
// bound as inputs are read and written, so the collector runs before the
// heap passes it. A GOMEMLIMIT set by the user wins: budget then does
// nothing. When the live heap itself is over the bound (a page of one-letter
// lines, a million list markers) the runtime caps the collector at half the
// CPU rather than thrash.
type budget struct {
	mu       sync.Mutex
	inFlight int64
	off      bool
}

func newBudget() *budget {
	_, set := os.LookupEnv("GOMEMLIMIT")
	return &budget{off: set}
}

// add counts n more bytes in flight (n < 0: bytes written out).
func (b *budget) add(n int) {
	if b == nil || b.off || n == 0 {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.inFlight += int64(n)
	debug.SetMemoryLimit(b.limit())
}

func (b *budget) limit() int64 {
	bound := boundBase + boundPerByte*max(b.inFlight, 0)
	return int64(float64(bound)*(1-heapOverhead)) - binaryPages
}
