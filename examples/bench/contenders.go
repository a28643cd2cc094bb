package main

import (
	"bytes"
	"fmt"
	"net/url"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/PuerkitoBio/goquery"
	trafilatura "github.com/markusmobius/go-trafilatura"

	"github.com/zhengling/zhengling/extract"
	"github.com/zhengling/zhengling/extract/clean"
	"github.com/zhengling/zhengling/segment"
)

// contender is one thing measured: setup builds its per-page function (a
// dictionary load counts as setup), workers is how many goroutines share it.
type contender struct {
	name    string
	what    string
	workers int
	setup   func() (func(page []byte) error, error)
}

// contenders, in the order the table prints them.
var contenders = []contender{
	{"goquery", "goquery parse alone (the floor: every HTML tool parses)", 1, setupGoquery},
	{"readeck", "codeberg.org/readeck/go-readability/v2 extraction", 1, setupReadeck},
	{"trafilatura", "github.com/markusmobius/go-trafilatura extraction", 1, setupTrafilatura},
	{"clean", "zhengling clean.Bytes: decode, main text, metadata", 1, setupClean},
	{"zhengling-1", "zhengling extract.Bytes, whole pipeline, 1 worker", 1, setupPipeline},
	{"zhengling-2", "zhengling extract.Bytes, whole pipeline, 2 workers sharing one segmenter", 2, setupPipeline},
}

func names() []string {
	out := make([]string, len(contenders))
	for i, c := range contenders {
		out[i] = c.name
	}
	return out
}

func contenderByName(name string) (contender, bool) {
	for _, c := range contenders {
		if c.name == name {
			return c, true
		}
	}
	return contender{}, false
}

func setupGoquery() (func([]byte) error, error) {
	return func(p []byte) error {
		_, err := goquery.NewDocumentFromReader(bytes.NewReader(p))
		return err
	}, nil
}

func setupReadeck() (func([]byte) error, error) {
	u, err := url.Parse("http://www.example.gov.cn/page.html")
	if err != nil {
		return nil, err
	}
	return func(p []byte) error {
		_, err := readability.FromReader(bytes.NewReader(p), u)
		return err
	}, nil
}

func setupTrafilatura() (func([]byte) error, error) {
	return func(p []byte) error {
		_, err := trafilatura.Extract(bytes.NewReader(p), trafilatura.Options{})
		return err
	}, nil
}

func setupClean() (func([]byte) error, error) {
	return func(p []byte) error {
		_, err := clean.Bytes(p, "")
		return err
	}, nil
}

func setupPipeline() (func([]byte) error, error) {
	seg, err := segment.Default()
	if err != nil {
		return nil, err
	}
	return func(p []byte) error {
		_, err := extract.Bytes(p, extract.Options{Segmenter: seg})
		return err
	}, nil
}

// measure runs c over the pages, round after round, until minTime has
// passed, after a cold first page that is timed apart.
func measure(c contender, pages [][]byte, minTime time.Duration) (result, error) {
	r := result{Name: c.name}
	t0 := time.Now()
	fn, err := c.setup()
	if err != nil {
		return r, fmt.Errorf("%s: setup: %w", c.name, err)
	}
	r.Setup = time.Since(t0)
	_ = fn(pages[0])
	r.First = time.Since(t0)

	var next, done, failed, nbytes atomic.Int64
	cpu0 := cpuTime()
	deadline := time.Now().Add(minTime)
	start := time.Now()
	var wg sync.WaitGroup
	for range c.workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for time.Now().Before(deadline) {
				p := pages[int(next.Add(1)-1)%len(pages)]
				if fn(p) != nil {
					failed.Add(1)
				}
				done.Add(1)
				nbytes.Add(int64(len(p)))
			}
		}()
	}
	wg.Wait()
	r.Elapsed = time.Since(start)
	r.CPU = cpuTime() - cpu0
	r.Pages, r.Bytes, r.Failed = int(done.Load()), nbytes.Load(), int(failed.Load())
	return r, nil
}

// cpuTime is the CPU time (user and system) the process has used so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
