package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"
	"golang.org/x/term"
)

// progress draws a bar on stderr while a batch runs: pages done (of how
// many, once known), pages/s, errors and the time left. It exists only when
// stderr is a terminal, so that logs, pipes and CI stay clean; a nil
// *progress does nothing.
type progress struct {
	p      *mpb.Progress
	bar    *mpb.Bar
	start  time.Time
	done   atomic.Int64
	errors atomic.Int64
	total  atomic.Int64 // pages expected; unknownTotal until counted or when archives are met
}

const unknownTotal = -1

// showProgress reports whether a batch draws the bar: stderr must be a
// terminal, and stdout not one (the bar's redraws would cut through the
// documents printed there), and there must be more than one input.
func showProgress(cfg *config, stdout, stderr io.Writer) bool {
	return isTerminal(stderr) && !isTerminal(stdout) && !cfg.single
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// startProgress returns the progress bar of a batch over paths on w, or nil
// when tty is false. The total is counted in the background.
func startProgress(ctx context.Context, w io.Writer, tty bool, paths []string) *progress {
	if !tty {
		return nil
	}
	pr := &progress{start: time.Now()}
	pr.total.Store(unknownTotal)
	pr.p = mpb.NewWithContext(ctx, mpb.WithOutput(w), mpb.WithAutoRefresh(), mpb.WithWidth(100),
		mpb.WithRefreshRate(250*time.Millisecond))
	pr.bar = pr.p.AddBar(0,
		mpb.PrependDecorators(decor.Any(pr.counts, decor.WCSyncWidth)),
		mpb.AppendDecorators(decor.Any(pr.rates)),
	)
	go func() {
		if n, ok := countPages(ctx, paths); ok {
			pr.total.Store(n)
			pr.bar.SetTotal(n, false)
		}
	}()
	return pr
}

// finished counts one page, failed or not.
func (pr *progress) finished(failed bool) {
	if pr == nil {
		return
	}
	pr.done.Add(1)
	if failed {
		pr.errors.Add(1)
	}
	pr.bar.Increment()
}

// stop draws the final state and waits for the bar to be written.
func (pr *progress) stop() {
	if pr == nil {
		return
	}
	pr.bar.SetTotal(-1, true)
	pr.p.Wait()
}

// knownTotal is the total when it is known and not yet overtaken (a WARC
// file with an unusual name counts as one page).
func (pr *progress) knownTotal() (int64, bool) {
	t := pr.total.Load()
	return t, t >= 0 && pr.done.Load() <= t
}

func (pr *progress) counts(decor.Statistics) string {
	done := pr.done.Load()
	if t, ok := pr.knownTotal(); ok {
		return fmt.Sprintf("zhengling %d/%d pages", done, t)
	}
	return fmt.Sprintf("zhengling %d pages", done)
}

func (pr *progress) rates(s decor.Statistics) string {
	done, errs := pr.done.Load(), pr.errors.Load()
	elapsed := time.Since(pr.start)
	rate := float64(done) / max(elapsed.Seconds(), 1e-3)
	out := fmt.Sprintf("%.1f pages/s  %d errors", rate, errs)
	if t, ok := pr.knownTotal(); ok && !s.Completed && done > 0 {
		left := time.Duration(float64(t-done) / rate * float64(time.Second))
		out += "  ETA " + left.Round(time.Second).String()
	} else if s.Completed {
		out += "  in " + elapsed.Round(time.Millisecond).String()
	}
	return out
}

// countPages counts the files the paths name, each a page (or an error
// line for what cannot be read); ok is false when a WARC archive (whose
// records are not counted ahead) or standard input is among them.
func countPages(ctx context.Context, paths []string) (n int64, ok bool) {
	for _, p := range paths {
		if p == "-" {
			return 0, false
		}
		st, err := os.Stat(p)
		switch {
		case err != nil:
			n++ // an error line
		case !st.IsDir():
			if looksLikeArchive(p) {
				return 0, false
			}
			n++
		default:
			c, ok := countDir(ctx, p)
			if !ok {
				return 0, false
			}
			n += c
		}
	}
	return n, true
}

// countChunk is how many entries countDir reads at a time: unlike the walk
// itself, counting needs no order, so a folder of a million files is never
// held in memory a second time.
const countChunk = 1024

// countDir counts the files under dir, as countPages does.
func countDir(ctx context.Context, dir string) (int64, bool) {
	f, err := os.Open(dir)
	if err != nil {
		return 1, true // an error line
	}
	defer f.Close()
	var n int64
	for {
		if ctx.Err() != nil {
			return 0, false
		}
		entries, err := f.ReadDir(countChunk)
		for _, e := range entries {
			path := filepath.Join(dir, e.Name())
			switch {
			case e.IsDir():
				c, ok := countDir(ctx, path)
				if !ok {
					return 0, false
				}
				n += c
			case looksLikeArchive(path):
				return 0, false
			default:
				n++
			}
		}
		if err != nil {
			return n, true // io.EOF, or an error line the walk will print
		}
	}
}

// looksLikeArchive tells WARC files by name: counting is only an estimate
// and must not open every file of a crawl a second time.
func looksLikeArchive(path string) bool {
	return strings.HasSuffix(path, ".warc") || strings.HasSuffix(path, ".warc.gz")
}
