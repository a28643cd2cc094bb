package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/core/metrics"
	beamlog "github.com/apache/beam/sdks/v2/go/pkg/beam/log"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
)

// fixturePages are the main module's saved pages.
const fixturePages = "../../fixtures/pages"

// commandBin is the zhengling command, built once by TestMain.
var commandBin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "zhengling-beam-test")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	commandBin = filepath.Join(dir, "zhengling")
	os.Setenv("TMPDIR", dir)  // the SDK leaves an empty beamloopbackworker-* file per run there
	beamlog.LogLevel = "warn" // Prism's job progress would bury the test's output
	code := ptest.MainRet(m)
	os.RemoveAll(dir)
	os.Exit(code)
}

// command runs `zhengling args…` and returns its standard output. It
// builds the command on first use, from the main module's own go.mod.
func command(t testing.TB, args ...string) string {
	t.Helper()
	if _, err := os.Stat(commandBin); err != nil {
		build := exec.Command("go", "build", "-o", commandBin, "./examples/zhengling")
		build.Dir = "../.."
		if out, err := build.CombinedOutput(); err != nil {
			t.Fatalf("build the command: %v\n%s", err, out)
		}
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(commandBin, args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil && cmd.ProcessState.ExitCode() != 1 { // 1: some input failed
		t.Fatalf("zhengling %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return stdout.String()
}

// run runs the whole pipeline on Prism and returns its metrics.
func run(t testing.TB, opts options) metrics.QueryResults {
	t.Helper()
	p, s := beam.NewPipelineWithRoot()
	write(s, opts, extractAll(s, opts))
	pr, err := ptest.RunWithMetrics(p)
	if err != nil {
		t.Fatalf("pipeline: %v", err)
	}
	return pr.Metrics().AllMetrics()
}

// shardLines reads the lines of every shard of one kind, sorted.
func shardLines(t testing.TB, dir, kind string) []string {
	t.Helper()
	var lines []string
	for _, data := range readShards(t, dir, kind+"-*.jsonl") {
		lines = slices.AppendSeq(lines, strings.Lines(data))
	}
	slices.Sort(lines)
	return lines
}

// readShards reads the files of dir matching pattern.
func readShards(t testing.TB, dir, pattern string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, pattern))
	if err != nil || len(files) == 0 {
		t.Fatalf("no %s in %s (%v)", pattern, dir, err)
	}
	var out []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(data))
	}
	return out
}

// batch is a batch's output split into documents and error lines.
type batch struct {
	docs, errors []string
}

// splitBatch splits the command's JSON Lines into documents and error lines,
// each sorted.
func splitBatch(t testing.TB, out string) batch {
	t.Helper()
	var b batch
	for line := range strings.Lines(out) {
		var fields map[string]json.RawMessage
		if err := json.Unmarshal([]byte(line), &fields); err != nil {
			t.Fatalf("command printed %q: %v", line, err)
		}
		if _, ok := fields["paragraphs"]; ok {
			b.docs = append(b.docs, line)
		} else {
			b.errors = append(b.errors, line)
		}
	}
	slices.Sort(b.docs)
	slices.Sort(b.errors)
	return b
}

// mixedInputs makes a folder of inputs beside the fixture pages: a text
// report, inputs that must fail (empty, binary, over --max-bytes), and a
// crawl archived as WARC, plain and gzipped, with a damaged record. It
// returns the folder and the bytes of the pages its archives hold.
func mixedInputs(t testing.TB) (string, int64) {
	t.Helper()
	dir := t.TempDir()
	archived := writeCrawl(t, dir)
	seed, err := os.ReadFile("../../fixtures/seeds/000_89870a89919acc8f.txt")
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{
		"report.txt": seed,
		"empty.txt":  []byte(" \n\t\n"),
		"image.png":  {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R'},
		"huge.txt":   bytes.Repeat([]byte(hugeLine), testMaxBytes/len(hugeLine)+1),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir, archived
}

// testMaxBytes is over every fixture page and under huge.txt.
const (
	testMaxBytes = 1 << 20
	hugeLine     = "各地区要在2025年底前完成。\n"
)

// TestPipelineMatchesCommand runs the pipeline on Prism and the command on
// the same inputs: the same Documents, byte for byte, the same ledger rows,
// the same error lines, and counters that add up to what the command printed.
func TestPipelineMatchesCommand(t *testing.T) {
	mixed, archived := mixedInputs(t)
	missing := filepath.Join(mixed, "missing.html")
	maxBytes := fmt.Sprint("--max-bytes=", testMaxBytes)
	want := splitBatch(t, command(t, "--format=jsonl", maxBytes, fixturePages, mixed, missing))
	// 36 fixture pages, the text report, 3 pages in each archive; empty,
	// binary, too large, the damaged record of each archive, missing.
	if len(want.docs) != 43 || len(want.errors) != 6 {
		t.Fatalf("the command gave %d documents and %d errors; the inputs are meant to give 43 and 6: %q", len(want.docs), len(want.errors), want.errors)
	}
	wantHeader, wantRows := ledgerRows(t, command(t, "--format=csv", maxBytes, fixturePages, mixed, missing))
	wantCounts := countBatch(t, want)
	wantCounts["bytes"] = inputBytes(t, fixturePages, mixed) - warcBytes(t, mixed) + archived

	// As on a cluster (records reshuffled), and as on Prism by default.
	for _, spread := range []bool{true, false} {
		t.Run(fmt.Sprint("spread records ", spread), func(t *testing.T) {
			out := t.TempDir()
			got := run(t, options{
				Inputs: []string{fixturePages + "/**", mixed, missing}, Output: out, Shards: 3,
				MaxBytes: testMaxBytes, SpreadRecords: spread,
			})
			t.Run("files", func(t *testing.T) {
				entries, err := os.ReadDir(out)
				if err != nil {
					t.Fatal(err)
				}
				for _, e := range entries {
					if ok, _ := filepath.Match("*-0000[0-2]-of-00003.*", e.Name()); !ok {
						t.Errorf("%s in the output: want only committed shards", e.Name())
					}
				}
			})
			t.Run("documents", func(t *testing.T) {
				compareLines(t, shardLines(t, out, "documents"), want.docs)
			})
			t.Run("dead letters", func(t *testing.T) {
				compareLines(t, shardLines(t, out, "errors"), want.errors)
			})
			t.Run("ledger", func(t *testing.T) {
				var gotRows [][]string
				for _, shard := range readShards(t, out, "ledger-*.csv") {
					h, r := ledgerRows(t, shard)
					if !slices.Equal(h, wantHeader) {
						t.Errorf("shard header %q, want %q", h, wantHeader)
					}
					gotRows = append(gotRows, r...)
				}
				compareLines(t, joinRows(gotRows), joinRows(wantRows))
			})
			t.Run("counters", func(t *testing.T) {
				for name, n := range wantCounts {
					if c := counter(got, name); c != n {
						t.Errorf("counter %s = %d, want %d", name, c, n)
					}
				}
				// Every page tried is timed: those that gave a Document and the two the library refused.
				if d, ok := distribution(got, "page_micros"); !ok || d.Count != wantCounts["pages"]+2 || d.Min < 0 || d.Max < d.Min {
					t.Errorf("page_micros = %+v (%v), want %d pages timed", d, ok, wantCounts["pages"]+2)
				}
			})
		})
	}
}

// compareLines reports the lines only one side has.
func compareLines(t *testing.T, got, want []string) {
	t.Helper()
	if slices.Equal(got, want) {
		return
	}
	t.Errorf("got %d lines, want %d", len(got), len(want))
	for _, l := range got {
		if !slices.Contains(want, l) {
			t.Errorf("only the pipeline wrote %.300s", l)
		}
	}
	for _, l := range want {
		if !slices.Contains(got, l) {
			t.Errorf("only the command wrote %.300s", l)
		}
	}
}

// ledgerRows parses a CSV ledger: it must start with the BOM and hold one
// header, then rows.
func ledgerRows(t testing.TB, data string) (header []string, rows [][]string) {
	t.Helper()
	body, ok := strings.CutPrefix(data, "\ufeff")
	if !ok {
		t.Errorf("ledger does not start with the UTF-8 BOM: %.40q", data)
	}
	records, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if err != nil || len(records) == 0 {
		t.Fatalf("ledger %.80q: %v", data, err)
	}
	for _, r := range records[1:] {
		if slices.Equal(r, records[0]) {
			t.Errorf("a second header in one ledger")
		}
	}
	return records[0], records[1:]
}

// joinRows turns rows into sorted comparable lines.
func joinRows(rows [][]string) []string {
	lines := make([]string, len(rows))
	for i, r := range rows {
		lines[i] = strings.Join(r, "\x1f")
	}
	slices.Sort(lines)
	return lines
}

// countBatch counts what the command printed, from its JSON: documents,
// error lines, directives at every level, deadlines.
func countBatch(t testing.TB, b batch) map[string]int64 {
	t.Helper()
	type item struct {
		Children []json.RawMessage `json:"children"`
	}
	var countItems func([]json.RawMessage) int64
	countItems = func(items []json.RawMessage) int64 {
		n := int64(len(items))
		for _, raw := range items {
			var it item
			if err := json.Unmarshal(raw, &it); err != nil {
				t.Fatal(err)
			}
			n += countItems(it.Children)
		}
		return n
	}
	counts := map[string]int64{"pages": int64(len(b.docs)), "errors": int64(len(b.errors))}
	for _, line := range b.docs {
		var doc struct {
			Directives []json.RawMessage `json:"directives"`
			Deadlines  []json.RawMessage `json:"deadlines"`
		}
		if err := json.Unmarshal([]byte(line), &doc); err != nil {
			t.Fatal(err)
		}
		counts["directives"] += countItems(doc.Directives)
		counts["deadlines"] += int64(len(doc.Deadlines))
	}
	if counts["directives"] == 0 || counts["deadlines"] == 0 {
		t.Fatalf("the inputs give no directive or no deadline: the counters would not be tested")
	}
	return counts
}

// warcBytes is the size of the archives in dir: their pages are counted, not them.
func warcBytes(t testing.TB, dir string) int64 {
	t.Helper()
	var n int64
	for _, name := range []string{"crawl.warc", "crawl.warc.gz"} {
		st, err := os.Stat(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		n += st.Size()
	}
	return n
}

// inputBytes is the size of every file under the folders that is at most
// testMaxBytes (larger ones are refused before they are read whole).
func inputBytes(t testing.TB, dirs ...string) int64 {
	t.Helper()
	var n int64
	for _, dir := range dirs {
		walk(dir, func(path string) {
			if st, err := os.Stat(path); err == nil && st.Size() <= testMaxBytes {
				n += st.Size()
			}
		}, func(name string, err error) { t.Fatalf("%s: %v", name, err) })
	}
	return n
}

// counter sums a counter over the steps that update it.
func counter(res metrics.QueryResults, name string) int64 {
	var n int64
	for _, c := range res.Counters() {
		if c.Key.Namespace == "zhengling" && c.Key.Name == name {
			n += c.Result()
		}
	}
	return n
}

// distribution merges a distribution over the steps that update it.
func distribution(res metrics.QueryResults, name string) (metrics.DistributionValue, bool) {
	var all metrics.DistributionValue
	found := false
	for _, d := range res.Distributions() {
		if d.Key.Namespace != "zhengling" || d.Key.Name != name {
			continue
		}
		v := d.Result()
		if !found || v.Min < all.Min {
			all.Min = v.Min
		}
		all.Max = max(all.Max, v.Max)
		all.Count += v.Count
		all.Sum += v.Sum
		found = true
	}
	return all, found
}

// BenchmarkPipeline runs the whole job on Prism over the fixture pages:
// its pages/s include Prism's start, both shuffles and the writes, as a
// user's run on one machine does.
func BenchmarkPipeline(b *testing.B) {
	inputs := []string{fixturePages + "/**"}
	var pages int64
	for b.Loop() {
		got := run(b, options{Inputs: inputs, Output: b.TempDir(), Shards: 2, MaxBytes: 32 << 20})
		if pages = counter(got, "pages"); pages < 30 || counter(got, "errors") != 0 {
			b.Fatalf("%d pages, %d errors", pages, counter(got, "errors"))
		}
	}
	b.ReportMetric(float64(pages)*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}
