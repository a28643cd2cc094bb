package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/zhengling/zhengling/internal/warctest"
)

// testArchive is the crawl of the WARC tests (internal/warctest) with the
// saved pages of fixtures/pages after it.
func testArchive(t testing.TB) []warctest.Rec {
	var paths []string
	for _, s := range seeds {
		paths = append(paths, seedPath(s.file))
	}
	return append(warctest.Crawl(t, paths), realPages(t)...)
}

func realPages(t testing.TB) []warctest.Rec {
	return warctest.RealPages(filepath.Join("..", "..", "fixtures", "pages"))
}

// syntheticRecords is how many records of testArchive are made up.
const syntheticRecords = 10

// damagedRecord is the 1-based number of the record the tests corrupt.
const damagedRecord = 9

// writeWARC writes recs to path, one gzip member per record when gz is set,
// and returns each record's offset.
func writeWARC(t testing.TB, path string, gz bool, recs []warctest.Rec) ([]byte, []int64) {
	t.Helper()
	data, offsets := warctest.Write(t, gz, recs)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return data, offsets
}

// expectedLine is the JSON line the command prints for page served from
// uri with Content-Type ct, with "file" set to name: the same page read as
// a file with --url and --content-type, so WARC input must agree with file
// input field for field.
func expectedLine(t *testing.T, dir string, page []byte, uri, ct, name string) map[string]any {
	t.Helper()
	p := filepath.Join(dir, "page-"+strconv.Itoa(len(page))+".html")
	if err := os.WriteFile(p, page, 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{"--format", "jsonl", "--url", uri, p}
	if ct != "" {
		args = append([]string{"--content-type", ct}, args...)
	}
	out, stderr, code := runCmd(t, "", args...)
	if code != 0 {
		t.Fatalf("reference run on %s: exit %d: %s %s", uri, code, out, stderr)
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	doc["file"] = name
	return doc
}

func parseLines(t *testing.T, out string) []map[string]any {
	t.Helper()
	var docs []map[string]any
	for i, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var doc map[string]any
		if err := json.Unmarshal([]byte(line), &doc); err != nil {
			t.Fatalf("line %d is not JSON: %v: %.80q", i+1, err, line)
		}
		docs = append(docs, doc)
	}
	return docs
}

// checkWARCLines checks the command's output for an archive: the HTML
// responses of recs as the same pages read from files would give, in
// archive order, named name#record, and an error line starting "warc: "
// for each record of bad.
func checkWARCLines(t *testing.T, out, name string, recs []warctest.Rec, bad map[int]bool) {
	t.Helper()
	dir := t.TempDir()
	var want []map[string]any
	for i, r := range recs {
		label := fmt.Sprintf("%s#%d", name, i+1)
		switch {
		case bad[i+1]:
			want = append(want, map[string]any{"file": label, "error": "warc: …"})
		case r.Page != nil:
			want = append(want, expectedLine(t, dir, r.Page, r.URI, r.HTTPType, label))
		}
	}
	got := parseLines(t, out)
	if len(got) != len(want) {
		t.Fatalf("got %d lines, want %d:\n%s", len(got), len(want), out)
	}
	for i := range want {
		if _, isErr := want[i]["error"]; isErr {
			msg, _ := got[i]["error"].(string)
			if got[i]["file"] != want[i]["file"] || !strings.HasPrefix(msg, "warc: ") {
				t.Errorf("line %d = %v, want the error line of %s", i+1, got[i], want[i]["file"])
			}
			continue
		}
		g, _ := json.Marshal(got[i])
		w, _ := json.Marshal(want[i])
		if !bytes.Equal(g, w) {
			t.Errorf("line %d differs from the same page read as a file:\n got  %.300s\n want %.300s", i+1, g, w)
		}
	}
}

// TestWARC runs a plain and a gzip archive, each with one damaged record,
// through the command: every page as the same page read from a file gives,
// exactly one error line for the damaged record, exit status 1.
func TestWARC(t *testing.T) {
	for _, gz := range []bool{false, true} {
		name := "crawl.warc"
		if gz {
			name += ".gz"
		}
		t.Run(name, func(t *testing.T) {
			archive := filepath.Join(t.TempDir(), name)
			recs := testArchive(t)
			data, offsets := writeWARC(t, archive, gz, recs)
			warctest.Corrupt(data, offsets, damagedRecord, gz)
			if err := os.WriteFile(archive, data, 0o644); err != nil {
				t.Fatal(err)
			}
			out, stderr, code := runCmd(t, "", "--workers", "2", archive)
			if code != 1 {
				t.Errorf("exit %d, want 1 (one damaged record); stderr %s", code, stderr)
			}
			checkWARCLines(t, out, archive, recs, map[int]bool{damagedRecord: true})
		})
	}
}

// TestWARCStdin: an archive on standard input is read as one, its records
// named -#N.
func TestWARCStdin(t *testing.T) {
	recs := testArchive(t)[:syntheticRecords]
	data, _ := warctest.Write(t, true, recs)
	out, stderr, code := runCmd(t, string(data), "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	checkWARCLines(t, out, "-", recs, nil)
}

// TestWARCContentLength: the archives of extract/warc/testdata, each with
// a record whose Content-Length is negative, not a number or past the end
// of the file between good pages: one error line for that record, every
// other page, exit status 1.
func TestWARCContentLength(t *testing.T) {
	archives, err := filepath.Glob(filepath.Join("..", "..", "extract", "warc", "testdata", "*-length.warc"))
	if err != nil || len(archives) < 4 {
		t.Fatalf("test archives: %v %v", archives, err)
	}
	for _, archive := range archives {
		t.Run(filepath.Base(archive), func(t *testing.T) {
			out, _, code := runCmd(t, "", "--format", "jsonl", archive)
			if code != 1 {
				t.Errorf("exit %d, want 1", code)
			}
			var files, errs []string
			for _, doc := range parseLines(t, out) {
				files = append(files, doc["file"].(string))
				if msg, ok := doc["error"].(string); ok {
					errs = append(errs, msg)
				}
			}
			want := []string{archive + "#1", archive + "#2", archive + "#3", archive + "#4"}
			if strings.Join(files, " ") != strings.Join(want, " ") || len(errs) != 1 || !strings.Contains(errs[0], "Content-Length") {
				t.Errorf("lines for %v with errors %q, want 4 lines, one Content-Length error", files, errs)
			}
		})
	}
}

// TestWARCTruncated: an archive cut inside its last record gives the pages
// before it and one error line for the cut record.
func TestWARCTruncated(t *testing.T) {
	for _, gz := range []bool{false, true} {
		t.Run(fmt.Sprint("gzip=", gz), func(t *testing.T) {
			archive := filepath.Join(t.TempDir(), "cut.warc")
			recs := testArchive(t)[:syntheticRecords]
			_, offsets := writeWARC(t, archive, gz, recs)
			n := len(recs)
			cut := offsets[n-1] + (offsets[n]-offsets[n-1])*2/3
			if err := os.Truncate(archive, cut); err != nil {
				t.Fatal(err)
			}
			out, _, code := runCmd(t, "", "--format", "jsonl", archive)
			if code != 1 {
				t.Errorf("exit %d, want 1", code)
			}
			checkWARCLines(t, out, archive, recs, map[int]bool{n: true})
		})
	}
}

// TestWARCMaxBytes: --max-bytes applies to each record, not to the archive.
func TestWARCMaxBytes(t *testing.T) {
	archive := filepath.Join(t.TempDir(), "crawl.warc.gz")
	writeWARC(t, archive, true, testArchive(t)[:syntheticRecords])
	// seeds[2] is 64 KB of text; every other page is under 20 KB.
	out, _, code := runCmd(t, "", "--max-bytes", "40000", archive)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	got := parseLines(t, out)
	if len(got) != 5 {
		t.Fatalf("got %d lines, want 5:\n%s", len(got), out)
	}
	for _, doc := range got {
		isErr := doc["error"] != nil
		if want := doc["file"] == archive+"#8"; isErr != want {
			t.Errorf("%v: error %v, want %v", doc["file"], doc["error"], want)
		}
		if isErr && doc["error"] != "larger than --max-bytes 40000" {
			t.Errorf("error %q, want it to name --max-bytes", doc["error"])
		}
	}
}
