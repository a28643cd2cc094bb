package main

import (
	"bytes"
	"encoding/json"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zhengling/zhengling/extract"
)

// writeFiles writes name → content into a new folder and returns it.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func seedText(t *testing.T, i int) string {
	t.Helper()
	data, err := os.ReadFile(seedPath(seeds[i].file))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// lineFields is the file and error of each output line.
func lineFields(t *testing.T, out string) (files, errs []string, docs []map[string]any) {
	t.Helper()
	for _, doc := range parseLines(t, out) {
		f, _ := doc["file"].(string)
		e, _ := doc["error"].(string)
		files, errs, docs = append(files, filepath.Base(f)), append(errs, e), append(docs, doc)
	}
	return files, errs, docs
}

// TestOverflowKeepsTheBatch is the reproducer, a number near the
// top of float64 (百分之17977…亿亿亿, 1.7977e306 %, once +Inf), and one
// beyond it between two pages. Every document is written: the first with
// its value, the second with none and an overflow warning.
func TestOverflowKeepsTheBatch(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.txt": seedText(t, 0),
		"x.txt": "百分之17977" + strings.Repeat("0", 278) + "亿亿亿\n",
		"y.txt": "百分之17977" + strings.Repeat("0", 300) + "亿亿亿\n",
		"z.txt": seedText(t, 1),
	})
	out, stderr, code := runCmd(t, "", dir)
	if code != 0 {
		t.Errorf("exit %d, want 0: %s", code, stderr)
	}
	files, errs, docs := lineFields(t, out)
	if strings.Join(files, " ") != "a.txt x.txt y.txt z.txt" || strings.Join(errs, "") != "" {
		t.Fatalf("lines %v errors %q, want four documents", files, errs)
	}
	if p := docs[1]["percentages"].([]any); len(p) != 1 || p[0].(map[string]any)["value"] != 1.7977e306 {
		t.Errorf("x.txt: percentages %v, want 1.7977e306", p)
	}
	warnings, _ := json.Marshal(docs[2]["warnings"])
	if !strings.Contains(string(warnings), "overflow: ") || len(docs[2]["percentages"].([]any)) != 0 {
		t.Errorf("y.txt: warnings %s, percentages %v; want an overflow warning and no value", warnings, docs[2]["percentages"])
	}
}

// TestEncodeErrorIsTheDocumentsLine: a document the JSON encoder refuses
// (here a NaN put in by hand: the library never makes one) gets its own
// error line, and the documents after it are written.
func TestEncodeErrorIsTheDocumentsLine(t *testing.T) {
	cfg := &config{format: "jsonl"}
	bad := &extract.Document{File: "x.txt", Figures: []extract.Figure{{Value: math.NaN()}}}
	var out bytes.Buffer
	sink := newSink(cfg, &out)
	for _, r := range []result{
		encodeResult(cfg, result{in: &input{name: "x.txt"}, doc: bad}),
		encodeResult(cfg, result{in: &input{name: "z.txt"}, doc: &extract.Document{File: "z.txt"}}),
	} {
		if err := sink.write(r); err != nil {
			t.Fatal(err)
		}
	}
	files, errs, _ := lineFields(t, out.String())
	if strings.Join(files, " ") != "x.txt z.txt" || !strings.HasPrefix(errs[0], "encode: json: unsupported value: NaN") || errs[1] != "" {
		t.Errorf("lines %v errors %q, want x.txt's encode error then z.txt's document", files, errs)
	}
}

// TestErrorMessages: each message says once what failed.
func TestErrorMessages(t *testing.T) {
	dir := t.TempDir()
	if err := os.Symlink(filepath.Join(dir, "gone"), filepath.Join(dir, "dangling.html")); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "sub"), filepath.Join(dir, "linked-dir")); err != nil {
		t.Fatal(err)
	}
	out, _, _ := runCmd(t, "", "--format", "jsonl", filepath.Join(dir, "missing.html"), dir)
	_, errs, _ := lineFields(t, out)
	want := []string{
		"open: no such file or directory", // missing.html
		"open: no such file or directory", // dangling.html
		"not a regular file: a directory", // linked-dir
	}
	if strings.Join(errs, "|") != strings.Join(want, "|") {
		t.Errorf("errors %q, want %q", errs, want)
	}
}

// TestMaxBytesReadsNoMore: a file over --max-bytes is refused before it is
// read (a sparse 100 MB file costs nothing), and a stream is read up to the
// limit and one byte, never further.
func TestMaxBytesReadsNoMore(t *testing.T) {
	big := filepath.Join(t.TempDir(), "big.txt")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(100 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	out, _, code := runCmd(t, "", "--format", "jsonl", "--max-bytes", "1000", big)
	if _, errs, _ := lineFields(t, out); code != 1 || len(errs) != 1 || errs[0] != "larger than --max-bytes 1000" {
		t.Errorf("exit %d, errors %q; want the --max-bytes error", code, errs)
	}
	const plenty = 1 << 40
	r := &io.LimitedReader{R: endless{}, N: plenty} // counts down what is read
	if _, err := readLimited(r, 1000); err == nil || plenty-r.N != 1001 {
		t.Errorf("read %d bytes (%v), want 1001 and an error", plenty-r.N, err)
	}
}

// TestMaxBytesIsTheOnlyLimit: above the library's default limit, the
// command's --max-bytes is the one that counts (no second, hidden cap).
func TestMaxBytesIsTheOnlyLimit(t *testing.T) {
	page := []byte(strings.Repeat("会议强调，要统筹兼顾。\n", 8))
	cfg := &config{maxBytes: int64(len(page))}
	opts := cfg.options(&input{})
	if _, err := extract.Bytes(page, opts); err != nil {
		t.Errorf("a page of exactly --max-bytes: %v", err)
	}
	cfg.maxBytes--
	if _, err := extract.Bytes(page, cfg.options(&input{})); err == nil {
		t.Error("a page over --max-bytes was accepted by the library")
	}
	cfg.maxBytes = extract.DefaultMaxBytes + 1
	if got := cfg.options(&input{}).MaxBytes; got != extract.DefaultMaxBytes+1 {
		t.Errorf("options carry MaxBytes %d, want --max-bytes", got)
	}
}

type endless struct{}

func (endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	return len(p), nil
}
