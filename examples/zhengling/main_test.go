package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	goical "github.com/emersion/go-ical"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// seeds are the five documents the project was created from, each with the
// reference date a reader of it would use.
var seeds = []struct{ file, date string }{
	{"000_89870a89919acc8f.txt", "2022-08-03"},
	{"001_8f0b99024fc2d402.txt", "2022-05-12"},
	{"002_1821f895a3fc65c9.txt", "2020-08-31"},
	{"003_dc844d99eb37f958.txt", "2023-10-23"},
	{"004_a9f72bc432a4d99b.txt", "2022-09-05"},
}

func seedPath(name string) string { return filepath.Join("..", "..", "fixtures", "seeds", name) }

// runCmd runs the command in-process and returns stdout, stderr and the status.
func runCmd(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errOut)
	return out.String(), errOut.String(), code
}

// TestSeedGolden checks the whole command output on each seed against
// testdata/<seed>.golden; run with -update to rewrite them.
func TestSeedGolden(t *testing.T) {
	for _, s := range seeds {
		t.Run(s.file, func(t *testing.T) {
			out, stderr, code := runCmd(t, "", "--date", s.date, seedPath(s.file))
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			golden := filepath.Join("testdata", strings.TrimSuffix(s.file, ".txt")+".golden")
			if *update {
				if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if out != string(want) {
				t.Errorf("output differs from %s (run go test -update after checking the change):\n%s", golden, firstDiff(out, string(want)))
			}
		})
	}
}

// firstDiff shows the first differing line of got and want.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return "line " + strconv.Itoa(i+1) + ":\n got  " + gl + "\n want " + wl
		}
	}
	return ""
}

// TestSingleDocumentHasEveryField checks that one input prints one indented
// Document with every field SPEC.md names.
func TestSingleDocumentHasEveryField(t *testing.T) {
	out, stderr, code := runCmd(t, "", seedPath(seeds[0].file))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("not one JSON object: %v", err)
	}
	for _, k := range []string{"file", "url", "title", "encoding", "script", "meta", "reference_date",
		"meeting", "paragraphs", "directives", "targets", "figures", "percentages", "deadlines", "warnings"} {
		if _, ok := doc[k]; !ok {
			t.Errorf("field %q missing", k)
		}
	}
	meta, _ := doc["meta"].(map[string]any)
	for _, k := range []string{"index_no", "doc_no", "publisher", "source", "category", "written_date", "published_at"} {
		if _, ok := meta[k]; !ok {
			t.Errorf("meta field %q missing", k)
		}
	}
	if !strings.HasPrefix(out, "{\n  ") {
		t.Errorf("single input should print indented JSON, got %.40q", out)
	}
}

// TestBatchKeepsGoingOnBadFile: five good files and one that cannot be read
// give five documents, one error line, in input order, and exit status 1.
func TestBatchKeepsGoingOnBadFile(t *testing.T) {
	dir := t.TempDir()
	var want []string
	for _, s := range seeds {
		data, err := os.ReadFile(seedPath(s.file))
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, s.file)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		want = append(want, p)
	}
	bad := filepath.Join(dir, "003_broken.html") // sorts between the seeds
	if err := os.Symlink(filepath.Join(dir, "missing"), bad); err != nil {
		t.Fatal(err)
	}
	want = append(want[:3], append([]string{bad}, want[3:]...)...)

	out, _, code := runCmd(t, "", "--workers", "2", dir)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 6 {
		t.Fatalf("got %d lines, want 6:\n%s", len(lines), out)
	}
	for i, line := range lines {
		var v struct {
			File       string `json:"file"`
			Error      string `json:"error"`
			Paragraphs []any  `json:"paragraphs"`
		}
		if err := json.Unmarshal([]byte(line), &v); err != nil {
			t.Fatalf("line %d is not JSON: %v", i+1, err)
		}
		if v.File != want[i] {
			t.Errorf("line %d is %s, want %s (input order)", i+1, v.File, want[i])
		}
		if (v.File == bad) != (v.Error != "") {
			t.Errorf("line %d: file %s error %q", i+1, v.File, v.Error)
		}
	}
}

func TestUsageErrorsExit2(t *testing.T) {
	for _, args := range [][]string{
		{},
		{"--format", "xml", "x.txt"},
		{"--date", "2022-13-01", "x.txt"},
		{"--workers", "0", "x.txt"},
		{"--no-such-flag", "x.txt"},
	} {
		_, stderr, code := runCmd(t, "", args...)
		if code != 2 {
			t.Errorf("%q: exit %d, want 2", args, code)
		}
		if !strings.Contains(stderr, "usage") {
			t.Errorf("%q: stderr has no usage text: %q", args, stderr)
		}
	}
}

func TestHelpDocumentsEveryFlag(t *testing.T) {
	_, stderr, code := runCmd(t, "", "--help")
	if code != 0 {
		t.Errorf("--help exit %d", code)
	}
	for _, f := range []string{"-date", "-url", "-format", "-workers", "-max-bytes", "-content-type"} {
		if !strings.Contains(stderr, f) {
			t.Errorf("--help does not mention %s", f)
		}
	}
}

func TestStdin(t *testing.T) {
	data, err := os.ReadFile(seedPath(seeds[0].file))
	if err != nil {
		t.Fatal(err)
	}
	out, stderr, code := runCmd(t, string(data), "--url", "http://example.gov.cn/a.html", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var doc struct{ File, URL string }
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.File != "-" || doc.URL != "http://example.gov.cn/a.html" {
		t.Errorf("file %q url %q", doc.File, doc.URL)
	}
}

func TestMaxBytes(t *testing.T) {
	out, _, code := runCmd(t, "", "--max-bytes", "100", seedPath(seeds[0].file))
	if code != 1 || !strings.Contains(out, "max-bytes") {
		t.Errorf("exit %d, output %s", code, out)
	}
}

func TestCSVLedger(t *testing.T) {
	out, stderr, code := runCmd(t, "", "--format", "csv", "--date", seeds[0].date, seedPath(seeds[0].file))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.HasPrefix(out, "\ufeffid,marker,heading,owners,deadline,target,file,deadline_text,deadline_kind,from,title,url,published,meeting_date\n") {
		t.Errorf("ledger must start with a BOM and the header, got %.60q", out)
	}
}

// TestICSParses checks the calendar with an independent iCalendar parser.
func TestICSParses(t *testing.T) {
	out, stderr, code := runCmd(t, "", "--format", "ics", "--date", seeds[0].date, seedPath(seeds[0].file))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	cal, err := goical.NewDecoder(strings.NewReader(out)).Decode()
	if err != nil {
		t.Fatalf("calendar does not parse: %v\n%s", err, out)
	}
	if cal.Props.Get(goical.PropProductID) == nil || cal.Props.Get(goical.PropVersion) == nil {
		t.Errorf("calendar lacks PRODID or VERSION")
	}
	for _, c := range cal.Children {
		if c.Name != goical.CompToDo {
			t.Errorf("unexpected component %s", c.Name)
			continue
		}
		for _, p := range []string{goical.PropUID, goical.PropDateTimeStamp, goical.PropDue, goical.PropSummary} {
			if c.Props.Get(p) == nil {
				t.Errorf("VTODO lacks %s", p)
			}
		}
	}
	// Seed 000 has 8月底前 inside 二要's 一是: at least that one VTODO.
	if len(cal.Children) == 0 {
		t.Errorf("no VTODO for a document with deadlines")
	}
}
