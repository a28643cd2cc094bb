package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// The load benchmark of "zhengling serve": the command built as users get
// it, serving on 127.0.0.1 with 2 workers, loaded by 1, 8 and 64 clients
// posting the saved pages of fixtures/pages, each phase bounded in
// requests and time; and the command itself with --workers 2 on the same
// pages, run in turn with the API so that both see the same machine. It
// reports throughput, p50/p99 latency, the server's peak RSS, the share of
// 429s, and the RSS after 1 000 and 10 000 requests. It runs with
// ZHENGLING_LOAD=1 (CI sets it):
//
//	ZHENGLING_LOAD=1 go test -run TestLoad -v ./examples/zhengling/
//
// It checks every answer (each page's JSON is the same every time; a 429
// has Retry-After) and that RSS stays flat; speed is reported, not asserted.

// loadRounds is how many times the command and the API at 8 clients are
// run in turn; the median of their ratios is reported.
const loadRounds = 3

// loadCopies is how many times each page is posted per phase (36 pages:
// 720 requests), and the command given the folder as many times.
const loadCopies = 20

// phaseLimit bounds each phase in time, whatever its request count.
const phaseLimit = 90 * time.Second

func TestLoad(t *testing.T) {
	if os.Getenv("ZHENGLING_LOAD") != "1" {
		t.Skip("set ZHENGLING_LOAD=1 to run the load benchmark (about 2 minutes)")
	}
	if raceEnabled {
		t.Skip("the race detector would be measured, not the server")
	}
	bin := buildCommand(t)
	dir := filepath.Join("..", "..", "fixtures", "pages")
	pages := loadPages(t, dir)
	t.Logf("machine: %d CPUs, load average %s", runtime.NumCPU(), loadAverage())

	// The API against the command, in turn.
	// Wall-clock rates swing with the other processes of a shared
	// machine; CPU time per page much less, so both are reported.
	var ratios, cmdRates, apiRates, cmdCPU, apiCPU []float64
	for round := range loadRounds {
		cmd, cpu := runCommandBatch(t, bin, dir, len(pages)*loadCopies)
		srv := startServe(t, bin, "--workers", "2")
		api := srv.phase(t, pages, 8, len(pages)*loadCopies)
		srv.stop(t)
		t.Logf("round %d: command %.0f pages/s (%.2f ms CPU a page), API (8 clients) %.0f pages/s (server %.2f + clients %.2f ms CPU a page): %.2f",
			round+1, cmd, cpu, api.rate(), api.serverCPU, api.clientCPU, api.rate()/cmd)
		ratios = append(ratios, api.rate()/cmd)
		cmdRates, apiRates = append(cmdRates, cmd), append(apiRates, api.rate())
		cmdCPU, apiCPU = append(cmdCPU, cpu), append(apiCPU, api.serverCPU+api.clientCPU)
	}
	t.Logf("command --workers 2: %.0f pages/s, %.2f ms CPU a page; API, 8 clients: %.0f pages/s, %.2f ms CPU a page (server and clients); API/command %.2f (medians of %d rounds)",
		median(cmdRates), median(cmdCPU), median(apiRates), median(apiCPU), median(ratios), loadRounds)
	// What the CPU time gives on cores the processes have to themselves.
	cores := float64(runtime.NumCPU())
	t.Logf("CPU-bound on %.0f idle cores: command %.0f pages/s, API %.0f pages/s (%.0f %%)",
		cores, 1000*cores/median(cmdCPU), 1000*cores/median(apiCPU), 100*median(cmdCPU)/median(apiCPU))

	// 1, 8 and 64 clients, each on a fresh server (its own peak RSS).
	t.Logf("%-8s %10s %8s %8s %10s %8s %12s %12s", "clients", "pages/s", "p50", "p99", "peak RSS", "429s", "server CPU", "client CPU")
	for _, clients := range []int{1, 8, 64} {
		srv := startServe(t, bin, "--workers", "2")
		p := srv.phase(t, pages, clients, len(pages)*loadCopies)
		peak := srv.rss("VmHWM")
		srv.stop(t)
		t.Logf("%-8d %10.0f %8s %8s %9.0fM %7.1f%% %9.2f ms %9.2f ms", clients, p.rate(), p.percentile(50), p.percentile(99), peak, p.share429(), p.serverCPU, p.clientCPU)
	}

	// RSS from 1 000 to 10 000 requests.
	srv := startServe(t, bin, "--workers", "2")
	srv.phase(t, pages, 8, 1000)
	rss1k, peak1k := srv.rss("VmRSS"), srv.rss("VmHWM")
	srv.phase(t, pages, 8, 9000)
	rss10k, peak10k := srv.rss("VmRSS"), srv.rss("VmHWM")
	srv.stop(t)
	t.Logf("RSS after 1 000 requests %.0f MB (peak %.0f MB), after 10 000 %.0f MB (peak %.0f MB)", rss1k, peak1k, rss10k, peak10k)
	if peak1k > 0 && peak10k > 1.2*peak1k {
		t.Errorf("peak RSS grew by more than 20 %% from 1 000 to 10 000 requests: %.0f MB → %.0f MB", peak1k, peak10k)
	}
}

// buildCommand builds the command into a temporary folder.
func buildCommand(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "zhengling")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// loadPages reads the saved pages of dir, in lexical order.
func loadPages(t *testing.T, dir string) [][]byte {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join(dir, "*", "*.html"))
	if len(paths) == 0 {
		t.Fatalf("no pages in %s", dir)
	}
	var pages [][]byte
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, b)
	}
	return pages
}

// runCommandBatch runs the command with --workers 2 on dir, given
// loadCopies times, and returns its pages/s, start-up included, and its
// CPU milliseconds a page.
func runCommandBatch(t *testing.T, bin, dir string, want int) (float64, float64) {
	t.Helper()
	args := []string{"--workers", "2", "--format", "jsonl"}
	for range loadCopies {
		args = append(args, dir)
	}
	cmd := exec.Command(bin, args...)
	var lines countingWriter
	cmd.Stdout = &lines
	start := time.Now()
	if err := cmd.Run(); err != nil {
		t.Fatalf("command: %v", err)
	}
	elapsed := time.Since(start)
	if int(lines.lines.Load()) != want {
		t.Fatalf("command printed %d lines, want %d", lines.lines.Load(), want)
	}
	cpu := cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	return float64(want) / elapsed.Seconds(), cpuPerPage(cpu, want)
}

func cpuPerPage(d time.Duration, pages int) float64 {
	return float64(d.Microseconds()) / 1000 / float64(pages)
}

// processCPU is the CPU time a process has used so far, from /proc; 0
// where there is no /proc.
func processCPU(pid int) time.Duration {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	// After the command name in parentheses: state is field 3, utime 14, stime 15.
	f := strings.Fields(string(b[bytes.LastIndexByte(b, ')')+1:]))
	utime, _ := strconv.Atoi(f[11])
	stime, _ := strconv.Atoi(f[12])
	return time.Duration(utime+stime) * time.Second / clockTicks
}

// clockTicks is Linux's USER_HZ, the unit of /proc/PID/stat's times.
const clockTicks = 100

type countingWriter struct{ lines atomic.Int64 }

func (c *countingWriter) Write(p []byte) (int, error) {
	c.lines.Add(int64(bytes.Count(p, []byte("\n"))))
	return len(p), nil
}

// served is a "zhengling serve" process.
type served struct {
	cmd    *exec.Cmd
	base   string
	client *http.Client
	want   sync.Map // page index → its JSON, the first time it was served
}

// startServe starts "zhengling serve" on a free port of 127.0.0.1.
func startServe(t *testing.T, bin string, flags ...string) *served {
	t.Helper()
	cmd := exec.Command(bin, append([]string{"serve", "--addr", "127.0.0.1:0"}, flags...)...)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	addr := regexp.MustCompile(`addr=(http://127\.0\.0\.1:\d+)`)
	sc := bufio.NewScanner(stderr)
	s := &served{cmd: cmd, client: &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 128, DisableCompression: true}}}
	for s.base == "" && sc.Scan() {
		if m := addr.FindStringSubmatch(sc.Text()); m != nil {
			s.base = m[1]
		}
	}
	if s.base == "" {
		t.Fatal("zhengling serve logged no address")
	}
	go io.Copy(io.Discard, stderr)
	return s
}

// stop sends SIGINT and waits for the graceful exit.
func (s *served) stop(t *testing.T) {
	t.Helper()
	if err := s.cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	if err := s.cmd.Wait(); err != nil {
		t.Errorf("zhengling serve: %v", err)
	}
}

// rss is a memory figure of the server's /proc status, in MB; 0 where
// there is no /proc.
func (s *served) rss(field string) float64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", s.cmd.Process.Pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, field+":"); ok {
			kb, _ := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 64)
			return kb / 1024
		}
	}
	return 0
}

// phaseResult is what one phase measured.
type phaseResult struct {
	ok, overloaded       int
	latencies            []time.Duration
	elapsed              time.Duration
	serverCPU, clientCPU float64 // milliseconds a page
}

func (p phaseResult) rate() float64 { return float64(p.ok) / p.elapsed.Seconds() }

func (p phaseResult) share429() float64 {
	return 100 * float64(p.overloaded) / float64(p.ok+p.overloaded)
}

func (p phaseResult) percentile(q int) string {
	if len(p.latencies) == 0 {
		return "-"
	}
	return p.latencies[(len(p.latencies)-1)*q/100].Round(100 * time.Microsecond).String()
}

// phase posts n pages with the given number of clients, in turn from the
// page list (client i starts at page i), and returns what it measured. A
// 429 is counted and retried after its Retry-After.
func (s *served) phase(t *testing.T, pages [][]byte, clients, n int) phaseResult {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), phaseLimit)
	defer cancel()
	var next atomic.Int64
	var mu sync.Mutex
	var res phaseResult
	var wg sync.WaitGroup
	start, serverStart, clientStart := time.Now(), processCPU(s.cmd.Process.Pid), processCPU(os.Getpid())
	for range clients {
		wg.Go(func() {
			for ctx.Err() == nil {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				for {
					lat, status, err := s.post(ctx, pages, i%len(pages))
					if err != nil {
						if ctx.Err() == nil {
							t.Error(err)
						}
						return
					}
					mu.Lock()
					if status == http.StatusOK {
						res.ok++
						res.latencies = append(res.latencies, lat)
					} else {
						res.overloaded++
					}
					mu.Unlock()
					if status == http.StatusOK {
						break
					}
				}
			}
		})
	}
	wg.Wait()
	res.elapsed = time.Since(start)
	res.serverCPU = cpuPerPage(processCPU(s.cmd.Process.Pid)-serverStart, res.ok)
	res.clientCPU = cpuPerPage(processCPU(os.Getpid())-clientStart, res.ok)
	if ctx.Err() != nil {
		t.Logf("phase of %d clients stopped at its time limit after %d pages", clients, res.ok)
	}
	slices.Sort(res.latencies)
	return res
}

// post sends one page and checks the answer: 200 with the page's JSON,
// the same each time, or 429 with Retry-After, which it then waits.
func (s *served) post(ctx context.Context, pages [][]byte, i int) (time.Duration, int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.base+"/v1/extract?file=p"+strconv.Itoa(i), bytes.NewReader(pages[i]))
	if err != nil {
		return 0, 0, err
	}
	start := time.Now()
	resp, err := s.client.Do(req)
	if err != nil {
		return 0, 0, err
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	lat := time.Since(start)
	if err != nil {
		return 0, 0, err
	}
	switch resp.StatusCode {
	case http.StatusOK:
		if first, loaded := s.want.LoadOrStore(i, body); loaded && !bytes.Equal(first.([]byte), body) {
			return 0, 0, fmt.Errorf("page %d: a different JSON from the first time", i)
		}
	case http.StatusTooManyRequests:
		secs, err := strconv.Atoi(resp.Header.Get("Retry-After"))
		if err != nil || secs < 1 {
			return 0, 0, fmt.Errorf("429 with Retry-After %q", resp.Header.Get("Retry-After"))
		}
		select {
		case <-time.After(time.Duration(secs) * time.Second):
		case <-ctx.Done():
		}
	default:
		return 0, 0, fmt.Errorf("page %d: %d %.200s", i, resp.StatusCode, body)
	}
	return lat, resp.StatusCode, nil
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}

func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	return strings.Join(strings.Fields(string(b))[:3], " ")
}
