package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/zhengling/zhengling/extract/export"
)

// compileSchema compiles the committed docs/document.schema.json at ref.
func compileSchema(t *testing.T, ref string) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "..", "docs", "document.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(export.SchemaID, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(ref)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestStreamLinesMatchSchema runs a real batch with bad files in it (a
// dangling link, a binary file, an empty one) and validates every line of
// its JSON Lines against the schema's Line definition.
func TestStreamLinesMatchSchema(t *testing.T) {
	dir := t.TempDir()
	for _, s := range seeds {
		copyFile(t, seedPath(s.file), filepath.Join(dir, s.file))
	}
	gov, _ := filepath.Glob(filepath.Join("..", "..", "fixtures", "pages", "gov", "*.html"))
	for _, p := range gov {
		copyFile(t, p, filepath.Join(dir, filepath.Base(p)))
	}
	if err := os.Symlink(filepath.Join(dir, "missing"), filepath.Join(dir, "broken.html")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "image.html"), []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "empty.txt"), []byte(" \n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, code := runCmd(t, "", "--format", "jsonl", "--workers", "2", dir)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	line := compileSchema(t, export.LineSchemaID)
	document := compileSchema(t, export.SchemaID)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if want := len(seeds) + len(gov) + 3; len(lines) != want {
		t.Fatalf("%d lines, want %d", len(lines), want)
	}
	errorLines := 0
	for i, l := range lines {
		v, err := jsonschema.UnmarshalJSON(strings.NewReader(l))
		if err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		if err := line.Validate(v); err != nil {
			t.Errorf("line %d does not match #/$defs/Line: %v\n%.200s", i+1, err, l)
		}
		if document.Validate(v) != nil {
			errorLines++
		}
	}
	if errorLines != 3 {
		t.Errorf("%d lines are not Documents, want the 3 bad files", errorLines)
	}
}

// TestLineSchemaRejects: the Line definition is as strict as the Document one.
func TestLineSchemaRejects(t *testing.T) {
	line := compileSchema(t, export.LineSchemaID)
	for _, bad := range []string{
		`{"file": "a.html"}`,
		`{"error": "read: no such file"}`,
		`{"file": "a.html", "error": ""}`,
		`{"file": "a.html", "error": "x", "title": ""}`,
		`{"file": 1, "error": "x"}`,
		`{}`,
	} {
		v, err := jsonschema.UnmarshalJSON(strings.NewReader(bad))
		if err != nil {
			t.Fatal(err)
		}
		if line.Validate(v) == nil {
			t.Errorf("%s: accepted", bad)
		}
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestHTMLReport: --format html on a folder with a bad file gives one page
// with a section per input, the failed one included, and exit status 1.
func TestHTMLReport(t *testing.T) {
	dir := t.TempDir()
	for _, s := range seeds[:2] {
		copyFile(t, seedPath(s.file), filepath.Join(dir, s.file))
	}
	if err := os.Symlink(filepath.Join(dir, "missing"), filepath.Join(dir, "broken.html")); err != nil {
		t.Fatal(err)
	}
	out, stderr, code := runCmd(t, "", "--format", "html", dir)
	if code != 1 || !strings.Contains(stderr, "broken.html") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if !strings.HasPrefix(out, "<!DOCTYPE html>") || !strings.HasSuffix(out, "</html>\n") {
		t.Fatalf("not one HTML page: %.60q … %.20q", out, out[max(0, len(out)-20):])
	}
	for _, want := range []string{`<article class="doc" id="d1">`, `<article class="doc" id="d3">`, `<nav id="toc">`, "未能处理", seeds[1].file} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %s", want)
		}
	}
}
