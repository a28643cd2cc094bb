package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/zhengling/zhengling/extract/export"
)

// scaleFixtures are the pages a scale batch replicates: the seeds, and the
// small saved pages of fixtures/pages when that folder is there.
func scaleFixtures(t *testing.T) []string {
	t.Helper()
	var out []string
	for _, s := range seeds {
		out = append(out, seedPath(s.file))
	}
	pages, _ := filepath.Glob(filepath.Join("..", "..", "fixtures", "pages", "*", "*.html"))
	for _, p := range pages {
		if st, err := os.Stat(p); err == nil && st.Size() < 40<<10 {
			out = append(out, p)
		}
	}
	for i, p := range out {
		abs, err := filepath.Abs(p)
		if err != nil {
			t.Fatal(err)
		}
		out[i] = abs
	}
	return out
}

// replicate makes a folder of n pages, symbolic links to the fixtures in
// turn, named so that lexical order is creation order.
func replicate(t *testing.T, fixtures []string, n int) string {
	t.Helper()
	dir := t.TempDir()
	for i := range n {
		f := fixtures[i%len(fixtures)]
		if err := os.Symlink(f, filepath.Join(dir, fmt.Sprintf("%05d-%s", i, filepath.Base(f)))); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// documentTail is the JSON line of one page without its leading
// {"file":"…", so that it can be compared whatever the file is named.
func documentTail(t *testing.T, path string) string {
	t.Helper()
	out, stderr, code := runCmd(t, "", "--format", "jsonl", "--date", "2022-08-03", path)
	if code != 0 {
		t.Fatalf("%s: exit %d: %s", path, code, stderr)
	}
	head := fileHead(path)
	if !strings.HasPrefix(out, head) {
		t.Fatalf("%s: line does not start with %s: %.80s", path, head, out)
	}
	return out[len(head):]
}

func fileHead(path string) string {
	q, _ := json.Marshal(path)
	return `{"file":` + string(q) + ","
}

// lineChecker is the stdout of a scale run: it checks each line as it
// arrives, so that the test holds no more than one line, whatever the
// batch size.
type lineChecker struct {
	t       *testing.T
	dir     string
	names   []string // fixture base names, in turn
	tails   []string
	partial []byte
	n       int
	bad     int
}

func (c *lineChecker) Write(p []byte) (int, error) {
	c.partial = append(c.partial, p...)
	for {
		i := bytes.IndexByte(c.partial, '\n')
		if i < 0 {
			return len(p), nil
		}
		c.check(string(c.partial[:i+1]))
		c.partial = c.partial[i+1:]
	}
}

func (c *lineChecker) check(line string) {
	k := c.n % len(c.tails)
	want := fileHead(filepath.Join(c.dir, fmt.Sprintf("%05d-%s", c.n, c.names[k]))) + c.tails[k]
	if line != want && c.bad < 3 {
		c.t.Errorf("line %d is not the document of %s (input order):\n got  %.200s\n want %.200s", c.n+1, c.names[k], line, want)
	}
	if line != want {
		c.bad++
	}
	c.n++
}

// heapSampler records the peak heap in use while a batch runs, and the
// peak over its first part.
type heapSampler struct {
	stop        chan struct{}
	wg          sync.WaitGroup
	peak, early atomic.Uint64
}

func sampleHeap(earlyUntil func() bool) *heapSampler {
	s := &heapSampler{stop: make(chan struct{})}
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		tick := time.NewTicker(50 * time.Millisecond)
		defer tick.Stop()
		var m runtime.MemStats
		for {
			select {
			case <-s.stop:
				return
			case <-tick.C:
			}
			runtime.ReadMemStats(&m)
			if m.HeapInuse > s.peak.Load() {
				s.peak.Store(m.HeapInuse)
			}
			if earlyUntil() && m.HeapInuse > s.early.Load() {
				s.early.Store(m.HeapInuse)
			}
		}
	}()
	return s
}

func (s *heapSampler) done() { close(s.stop); s.wg.Wait() }

// runScale runs a folder of n replicated pages through the command with two
// workers and checks every line against the page's own document, in input
// order. It returns the heap peaks of the run.
func runScale(t *testing.T, n int) (early, peak uint64) {
	fixtures := scaleFixtures(t)
	c := &lineChecker{t: t}
	for _, f := range fixtures {
		c.names = append(c.names, filepath.Base(f))
		c.tails = append(c.tails, documentTail(t, f))
	}
	c.dir = replicate(t, fixtures, n)
	var stderr bytes.Buffer
	var lines atomic.Int64
	heap := sampleHeap(func() bool { return lines.Load() < int64(n/10) })
	counting := writerFunc(func(p []byte) (int, error) {
		lines.Add(int64(bytes.Count(p, []byte("\n"))))
		return c.Write(p)
	})
	start := time.Now()
	code := run([]string{"--workers", "2", "--date", "2022-08-03", c.dir}, strings.NewReader(""), counting, &stderr)
	elapsed := time.Since(start)
	heap.done()
	if code != 0 {
		t.Errorf("exit %d: %s", code, stderr.String())
	}
	if c.n != n || c.bad > 0 || len(c.partial) > 0 {
		t.Errorf("%d lines (%d wrong, %d bytes unterminated), want %d", c.n, c.bad, len(c.partial), n)
	}
	if stderr.Len() > 0 {
		t.Errorf("stderr is not a terminal, yet the command wrote to it: %.200q", stderr.String())
	}
	t.Logf("%d pages in %v (%.0f pages/s), heap in use: peak %d MB over the first tenth, %d MB overall",
		n, elapsed.Round(time.Millisecond), float64(n)/elapsed.Seconds(), heap.early.Load()>>20, heap.peak.Load()>>20)
	return heap.early.Load(), heap.peak.Load()
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

// TestBatch1000 runs a 1 000-page folder; it runs always, and under -race
// (which slows the pipeline 5-10×) with 200 pages: as many goroutines and
// hand-overs for the detector to watch, a fifth of the time.
func TestBatch1000(t *testing.T) {
	n := 1000
	if raceEnabled {
		n = 200
	}
	runScale(t, n)
}

// TestBatch10000 runs the 10 000-page folder of the issue and checks that
// memory does not grow with the batch. It takes a minute and more (several
// under -race), so it runs with ZHENGLING_SCALE=1 only, as .ci/run sets.
func TestBatch10000(t *testing.T) {
	if os.Getenv("ZHENGLING_SCALE") != "1" {
		t.Skip("set ZHENGLING_SCALE=1 to run the 10 000-page batch")
	}
	early, peak := runScale(t, 10000)
	// The pool keeps a bounded number of pages in flight: the heap after
	// 10 000 pages is the heap after 1 000, give or take a GC cycle.
	if limit := 2*early + 64<<20; peak > limit {
		t.Errorf("heap grew with the batch: peak %d MB, %d MB over the first tenth", peak>>20, early>>20)
	}
}

// TestOutputMatchesSchema validates every document line of a batch — a
// folder of pages and a WARC archive — against docs/document.schema.json.
func TestOutputMatchesSchema(t *testing.T) {
	sch := compileSchema(t, export.SchemaID)
	archive := filepath.Join(t.TempDir(), "crawl.warc.gz")
	writeWARC(t, archive, true, testArchive(t))
	paths := append(scaleFixtures(t), archive)
	out, stderr, code := runCmd(t, "", append([]string{"--format", "jsonl"}, paths...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	n := 0
	for i, line := range strings.Split(strings.TrimSpace(out), "\n") {
		v, err := jsonschema.UnmarshalJSON(strings.NewReader(line))
		if err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		if err := sch.Validate(v); err != nil {
			t.Errorf("line %d does not match the Document schema: %v", i+1, err)
		}
		n++
	}
	if want := len(paths) - 1 + 5 + len(realPages(t)); n != want {
		t.Errorf("%d documents, want %d", n, want)
	}
}

// TestProgressSilentWhenNotTerminal: a batch whose stderr is a pipe or a
// buffer gets no progress bar.
func TestProgressSilentWhenNotTerminal(t *testing.T) {
	if isTerminal(&bytes.Buffer{}) {
		t.Error("a buffer is not a terminal")
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	if isTerminal(w) {
		t.Error("a pipe is not a terminal")
	}
	if pr := startProgress(context.Background(), w, false, nil); pr != nil {
		t.Error("progress without a terminal")
	}
	var nilBar *progress
	nilBar.finished(true) // a nil bar does nothing
	nilBar.stop()
}

// TestProgressDraws renders the bar into a buffer as if it were a terminal
// and checks what a person would read on it.
func TestProgressDraws(t *testing.T) {
	dir := t.TempDir()
	for i := range 4 {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprint(i)), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var buf safeBuffer
	pr := startProgress(context.Background(), &buf, true, []string{dir})
	deadline := time.Now().Add(5 * time.Second)
	for pr.total.Load() != 4 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	pr.finished(false)
	pr.finished(true)
	pr.finished(false)
	time.Sleep(400 * time.Millisecond) // one refresh at least
	mid := buf.String()
	pr.finished(false)
	pr.stop()
	final := buf.String()
	for _, want := range []string{"3/4 pages", "1 errors", "pages/s", "ETA"} {
		if !strings.Contains(mid, want) {
			t.Errorf("running bar lacks %q: %q", want, mid)
		}
	}
	for _, want := range []string{"4/4 pages", "1 errors", " in "} {
		if !strings.Contains(final, want) {
			t.Errorf("final bar lacks %q: %q", want, final)
		}
	}
}

// safeBuffer is a bytes.Buffer the bar's goroutine may write while the test reads.
type safeBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *safeBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *safeBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestCountPages(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a.html", "b.txt", "sub/c.html", "sub/deeper/d.shtml"} {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	big := t.TempDir() // more entries than one ReadDir chunk
	for i := range countChunk + 476 {
		if err := os.WriteFile(filepath.Join(big, fmt.Sprint(i)), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	archiveDir := t.TempDir()
	if err := os.WriteFile(filepath.Join(archiveDir, "crawl.warc.gz"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		paths []string
		n     int64
		ok    bool
	}{
		{[]string{dir}, 4, true},
		{[]string{dir, filepath.Join(dir, "a.html")}, 5, true},
		{[]string{filepath.Join(dir, "sub")}, 2, true},
		{[]string{big, dir}, countChunk + 476 + 4, true},
		{[]string{dir, "-"}, 0, false},
		{[]string{dir, archiveDir}, 0, false},
		{[]string{filepath.Join(dir, "missing")}, 1, true}, // one error line
	} {
		n, ok := countPages(context.Background(), tc.paths)
		if n != tc.n || ok != tc.ok {
			t.Errorf("countPages(%v) = %d, %v; want %d, %v", tc.paths, n, ok, tc.n, tc.ok)
		}
	}
}
