// Command bench measures zhengling on a folder of real pages against the
// peers a user would otherwise pick, in one run on one machine:
//
//	go run . [-dir DIR] [-time 3s] [-repeat 3] [-run NAME,...]
//
// For each of goquery (parse alone, the floor), readeck's go-readability and
// go-trafilatura (main-content extraction), zhengling's cleaning stage alone
// (clean.Bytes) and the whole zhengling pipeline with 1 and 2 workers, it
// prints pages/s, MB/s and peak RSS. Each one runs in a subprocess of its
// own (bench -only NAME), so that its peak RSS (getrusage Maxrss) is its
// own; all read the same pages, loaded into memory before the clock starts.
// The contenders take turns, -repeat times, and the best run is printed:
// on a shared machine other load only ever slows a run down.
// The default folder is ../shared/pages when present, else fixtures/pages.
//
// This module is separate from zhengling's own (go.mod here, with a replace
// of the main module), so that users of the library never download the
// peers.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"
)

// result is what one subprocess measured.
type result struct {
	Name    string        `json:"name"`
	Pages   int           `json:"pages"`   // pages processed, all rounds
	Bytes   int64         `json:"bytes"`   // bytes processed, all rounds
	Elapsed time.Duration `json:"elapsed"` // wall time of the timed rounds
	CPU     time.Duration `json:"cpu"`     // CPU time (user+system) of the timed rounds
	Setup   time.Duration `json:"setup"`   // one-off start-up (dictionary load), not in Elapsed
	First   time.Duration `json:"first"`   // setup plus the first page: cold start
	Failed  int           `json:"failed"`  // pages the peer returned an error for (counted, still timed)
	MaxRSS  int64         `json:"max_rss"` // KiB, filled in by the parent
}

func (r result) pagesPerSec() float64 { return float64(r.Pages) / r.Elapsed.Seconds() }
func (r result) mbPerSec() float64    { return float64(r.Bytes) / 1e6 / r.Elapsed.Seconds() }

// pagesPerCPUSec is throughput per CPU-second: what a page costs, whatever
// else the machine runs meanwhile.
func (r result) pagesPerCPUSec() float64 { return float64(r.Pages) / r.CPU.Seconds() }

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	dir := fs.String("dir", defaultDir(), "folder of saved pages (*.html, *.htm, *.shtml, walked recursively)")
	minTime := fs.Duration("time", 3*time.Second, "time each run of a contender lasts at least")
	repeat := fs.Int("repeat", 3, "runs of each contender, taking turns; the best is printed")
	only := fs.String("only", "", "run one contender in this process and print its JSON result (used by the parent)")
	list := fs.String("run", strings.Join(names(), ","), "comma-separated contenders to run")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *dir == "" {
		return errors.New("no pages: pass -dir (neither ../shared/pages nor fixtures/pages exists)")
	}
	pages, err := loadPages(*dir)
	if err != nil {
		return err
	}
	if *only != "" {
		c, ok := contenderByName(*only)
		if !ok {
			return fmt.Errorf("unknown contender %q (have %s)", *only, strings.Join(names(), ", "))
		}
		r, err := measure(c, pages, *minTime)
		if err != nil {
			return err
		}
		return json.NewEncoder(stdout).Encode(r)
	}
	return compare(stdout, *dir, pages, strings.Split(*list, ","), *minTime, *repeat)
}

// defaultDir is ../shared/pages from the repository root, else
// fixtures/pages; bench runs from examples/bench, so both are looked up
// from there and from the root.
func defaultDir() string {
	for _, d := range []string{"../../../shared/pages", "../shared/pages", "../../fixtures/pages", "fixtures/pages"} {
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			return d
		}
	}
	return ""
}

// loadPages reads every saved page under dir, in lexical order.
func loadPages(dir string) ([][]byte, error) {
	var pages [][]byte
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		switch strings.ToLower(filepath.Ext(path)) {
		case ".html", ".htm", ".shtml":
		default:
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		pages = append(pages, b)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load pages: %w", err)
	}
	if len(pages) == 0 {
		return nil, fmt.Errorf("no .html pages under %s", dir)
	}
	return pages, nil
}

// compare runs each contender in a subprocess and prints the table.
func compare(w io.Writer, dir string, pages [][]byte, which []string, minTime time.Duration, repeat int) error {
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	var total int64
	for _, p := range pages {
		total += int64(len(p))
	}
	fmt.Fprintf(w, "%d pages from %s, %.1f MB (avg %.0f KB); %s, %d CPUs, GOMAXPROCS %d, load average %s\n",
		len(pages), dir, float64(total)/1e6, float64(total)/1e3/float64(len(pages)),
		runtime.Version(), runtime.NumCPU(), runtime.GOMAXPROCS(0), loadAverage())
	fmt.Fprintf(w, "best of %d runs of %v each, contenders taking turns\n\n", repeat, minTime)
	for i, name := range which {
		which[i] = strings.TrimSpace(name)
		if _, ok := contenderByName(which[i]); !ok {
			return fmt.Errorf("unknown contender %q (have %s)", which[i], strings.Join(names(), ", "))
		}
	}
	best := make([]summary, len(which))
	for range repeat {
		for i, name := range which {
			r, err := subprocess(exe, name, dir, minTime)
			if err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
			best[i] = best[i].add(r)
		}
	}
	printTable(w, best)
	printGoals(w, best)
	fmt.Fprintf(w, "\nload average at the end: %s\n", loadAverage())
	return nil
}

// summary is the best of a contender's runs: other load on the machine
// only ever slows a run down, so the fastest run is the truest. Peak RSS is
// the largest seen, to stay on the safe side.
type summary struct {
	name                  string
	pagesPerSec, mbPerSec float64
	pagesPerCPUSec        float64
	maxRSS                int64
	coldStart             time.Duration
	failed                int
}

func (s summary) add(r result) summary {
	if s.name == "" {
		s = summary{name: r.Name, coldStart: r.First}
	}
	if r.pagesPerSec() > s.pagesPerSec {
		s.pagesPerSec, s.mbPerSec = r.pagesPerSec(), r.mbPerSec()
	}
	s.pagesPerCPUSec = max(s.pagesPerCPUSec, r.pagesPerCPUSec())
	s.maxRSS = max(s.maxRSS, r.MaxRSS)
	s.coldStart = min(s.coldStart, r.First)
	s.failed = max(s.failed, r.Failed)
	return s
}

// subprocess runs bench -only name and reads its result and peak RSS.
func subprocess(exe, name, dir string, minTime time.Duration) (result, error) {
	cmd := exec.Command(exe, "-only", name, "-dir", dir, "-time", minTime.String())
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return result{}, err
	}
	var r result
	if err := json.Unmarshal(out, &r); err != nil {
		return result{}, fmt.Errorf("result: %w", err)
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.MaxRSS = ru.Maxrss // KiB on Linux
	}
	return r, nil
}

func printTable(w io.Writer, results []summary) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "contender\tpages/s\tMB/s\tpages/CPU-s\tpeak RSS MB\tcold start\terrors\t")
	for _, r := range results {
		fmt.Fprintf(tw, "%s\t%.1f\t%.2f\t%.1f\t%.1f\t%v\t%d\t\n", r.name, r.pagesPerSec, r.mbPerSec,
			r.pagesPerCPUSec, float64(r.maxRSS)/1024, r.coldStart.Round(time.Millisecond), r.failed)
	}
	tw.Flush()
}

// printGoals compares the pipeline with the goals of the batch issue, by
// wall-clock pages/s and, where one goroutine meets one, by pages per
// CPU-second, which other load on the machine does not skew.
func printGoals(w io.Writer, results []summary) {
	by := map[string]summary{}
	for _, r := range results {
		by[r.name] = r
	}
	fmt.Fprintln(w)
	for _, g := range []struct {
		a, b string
		want float64
		cpu  bool
		what string
	}{
		{"zhengling-1", "trafilatura", 1, true, "whole pipeline vs go-trafilatura"},
		{"zhengling-1", "readeck", 0.7, true, "whole pipeline vs readeck"},
		{"zhengling-2", "zhengling-1", 1.8, false, "2 workers vs 1"},
	} {
		ra, ok1 := by[g.a]
		rb, ok2 := by[g.b]
		if !ok1 || !ok2 {
			continue
		}
		x := ra.pagesPerSec / rb.pagesPerSec
		line := fmt.Sprintf("%-34s %.2fx pages/s", g.what+":", x)
		if g.cpu {
			line += fmt.Sprintf(", %.2fx pages/CPU-s", ra.pagesPerCPUSec/rb.pagesPerCPUSec)
		}
		verdict := "met"
		if x < g.want {
			verdict = "not met"
		}
		fmt.Fprintf(w, "%s (goal >= %.1fx): %s\n", line, g.want, verdict)
	}
}

// loadAverage is the machine's 1-minute load average, "" where unknown:
// on a shared machine it says how far to trust wall-clock figures.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return ""
	}
	f := strings.Fields(string(b))
	if len(f) == 0 {
		return ""
	}
	return f[0]
}
