package export_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/zhengling/zhengling/extract"
	"github.com/zhengling/zhengling/extract/export"
)

var update = flag.Bool("update", false, "rewrite docs/document.schema.json from the Go types and the golden files of testdata/")

var schemaFile = filepath.Join("..", "..", "docs", "document.schema.json")

// TestSchemaUpToDate fails when the Go types and docs/document.schema.json
// drift apart; go test ./extract/export -run Schema -update rewrites it.
func TestSchemaUpToDate(t *testing.T) {
	got, err := export.Schema()
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile(schemaFile, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(schemaFile)
	if err != nil {
		t.Fatalf("%v (run go test ./extract/export -run Schema -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s no longer matches the Go types of extract.Document: check the change, then run go test ./extract/export -run Schema -update", schemaFile)
	}
}

var compiled = sync.OnceValues(func() (*jsonschema.Schema, error) {
	b, err := export.Schema()
	if err != nil {
		return nil, err
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(export.SchemaID, doc); err != nil {
		return nil, err
	}
	return c.Compile(export.SchemaID)
})

func validate(t *testing.T, b []byte) error {
	t.Helper()
	sch, err := compiled()
	if err != nil {
		t.Fatal(err)
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return sch.Validate(v)
}

// realInputs are the pages the schema is checked on: the seeds, and the
// saved pages of fixtures/pages when that folder is there.
func realInputs(t *testing.T) []string {
	files, _ := filepath.Glob(filepath.Join("..", "..", "fixtures", "seeds", "*.txt"))
	pages, _ := filepath.Glob(filepath.Join("..", "..", "fixtures", "pages", "*", "*.html"))
	files = append(files, pages...)
	if len(files) == 0 {
		t.Fatal("no fixtures")
	}
	return files
}

// TestSchemaValidatesOutput checks the JSON of real documents against the
// schema, exactly as the command writes it.
func TestSchemaValidatesOutput(t *testing.T) {
	for _, f := range realInputs(t) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := extract.Bytes(data, extract.Options{})
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		doc.File = f
		var line bytes.Buffer
		if err := export.JSONLine(&line, doc); err != nil {
			t.Fatal(err)
		}
		if err := validate(t, line.Bytes()); err != nil {
			t.Errorf("%s: output does not match the schema: %v", f, err)
		}
	}
}

// TestSchemaRejects makes sure the schema is strict: each change to a valid
// document must fail validation.
func TestSchemaRejects(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "fixtures", "seeds", "000_89870a89919acc8f.txt"))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := extract.Bytes(data, extract.Options{ReferenceDate: extract.Date{Year: 2022, Month: 8, Day: 3}})
	if err != nil {
		t.Fatal(err)
	}
	base, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	if err := validate(t, base); err != nil {
		t.Fatalf("the valid document fails: %v", err)
	}
	for _, tc := range []struct {
		name   string
		change func(m map[string]any)
	}{
		{"field missing", func(m map[string]any) { delete(m, "warnings") }},
		{"meta field missing", func(m map[string]any) { delete(m["meta"].(map[string]any), "index_no") }},
		{"unknown field", func(m map[string]any) { m["score"] = 1 }},
		{"list is null", func(m map[string]any) { m["paragraphs"] = nil }},
		{"paragraph not a string", func(m map[string]any) { m["paragraphs"] = []any{1} }},
		{"date not YYYY-MM-DD", func(m map[string]any) { m["reference_date"] = "2022/08/03" }},
		{"date impossible", func(m map[string]any) { m["reference_date"] = "2022-13-40" }},
		{"title null", func(m map[string]any) { m["title"] = nil }},
		{"script not in SPEC", func(m map[string]any) { m["script"] = "mixed" }},
		{"deadline kind not in SPEC", func(m map[string]any) {
			m["deadlines"] = []any{map[string]any{"text": "8月底前", "kind": "until", "date": "2022-08-31", "from": nil,
				"precision": "month", "event": "", "para": 0, "start": 0, "end": 4}}
		}},
		{"directive without id", func(m map[string]any) {
			m["directives"] = []any{map[string]any{"marker": "一是"}}
		}},
		{"percentage value a string", func(m map[string]any) {
			m["percentages"] = []any{map[string]any{"text": "98%", "value": "98", "unit": "%", "para": 0, "start": 0, "end": 3}}
		}},
	} {
		var m map[string]any
		if err := json.Unmarshal(base, &m); err != nil {
			t.Fatal(err)
		}
		tc.change(m)
		b, _ := json.Marshal(m)
		if err := validate(t, b); err == nil {
			t.Errorf("%s: the schema accepts it", tc.name)
		}
	}
	for _, tc := range []struct {
		name   string
		change func(m map[string]any)
	}{
		{"meeting null", func(m map[string]any) { m["meeting"] = nil }},
		{"reference date null", func(m map[string]any) { m["reference_date"] = nil }},
		{"a deadline of SPEC", func(m map[string]any) {
			m["deadlines"] = []any{map[string]any{"text": "8月底前", "kind": "by", "date": "2022-08-31", "from": nil,
				"precision": "month", "event": "", "para": 0, "start": 0, "end": 4}}
		}},
	} {
		var m map[string]any
		if err := json.Unmarshal(base, &m); err != nil {
			t.Fatal(err)
		}
		tc.change(m)
		b, _ := json.Marshal(m)
		if err := validate(t, b); err != nil {
			t.Errorf("%s: the schema rejects it: %v", tc.name, err)
		}
	}
}

// TestSchemaNamesTheTypes: the schema has its $id and a definition for each
// type of the output.
func TestSchemaNamesTheTypes(t *testing.T) {
	b, err := export.Schema()
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for _, want := range []string{`"$id": "` + export.SchemaID + `"`, `"Deadline"`, `"Target"`, `"Percentage"`, `"Meeting"`, `"Directive"`, `"format": "date"`} {
		if !strings.Contains(s, want) {
			t.Errorf("schema lacks %s", want)
		}
	}
}
