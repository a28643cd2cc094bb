package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/memfs" // memfs://, an object store in memory

	"github.com/zhengling/zhengling/extract"
	"github.com/zhengling/zhengling/extract/export"
)

// TestDocumentCoder: a Document that crosses a shuffle is written out
// exactly as it would have been before it.
func TestDocumentCoder(t *testing.T) {
	pages, err := filepath.Glob(fixturePages + "/*/*.html")
	if err != nil || len(pages) < 30 {
		t.Fatalf("fixture pages: %d, %v", len(pages), err)
	}
	for _, path := range pages {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := extract.Bytes(data, extract.Options{})
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		doc.File = path
		enc, err := encodeDocument(doc)
		if err != nil {
			t.Fatalf("%s: encode: %v", path, err)
		}
		dec, err := decodeDocument(enc)
		if err != nil {
			t.Fatalf("%s: decode: %v", path, err)
		}
		var before, after bytes.Buffer
		if err := export.JSONLine(&before, doc); err != nil {
			t.Fatal(err)
		}
		if err := export.JSONLine(&after, dec); err != nil {
			t.Fatal(err)
		}
		if before.String() != after.String() {
			t.Errorf("%s: the JSON line changed across the coder:\n got %.300s\nwant %.300s", path, after.String(), before.String())
		}
		if got, want := export.LedgerRows(dec), export.LedgerRows(doc); !equalRows(got, want) {
			t.Errorf("%s: ledger rows changed across the coder: got %q, want %q", path, got, want)
		}
	}
}

func equalRows(a, b [][]string) bool { return slices.Equal(joinRows(a), joinRows(b)) }

func TestShardOf(t *testing.T) {
	counts := make([]int, 4)
	for i := range 1000 {
		name := fmt.Sprintf("crawl/%d/page-%d.html", i%7, i)
		s := shardOf(name, len(counts))
		if s != shardOf(name, len(counts)) {
			t.Fatalf("%q: shard changes between calls", name)
		}
		counts[s]++
	}
	for s, n := range counts {
		if n < 150 { // 250 expected
			t.Errorf("shard %d has %d of 1000 names: %v", s, n, counts)
		}
	}
	if shardOf("any", 1) != 0 {
		t.Error("one shard: want 0")
	}
}

func TestShardName(t *testing.T) {
	tests := []struct{ dir, want string }{
		{"out", "out/documents-00002-of-00016.jsonl"},
		{"out/", "out/documents-00002-of-00016.jsonl"},
		{"gs://crawl/2025/out", "gs://crawl/2025/out/documents-00002-of-00016.jsonl"},
	}
	for _, tc := range tests {
		if got := shardName(tc.dir, "documents", 2, 16, "jsonl"); got != tc.want {
			t.Errorf("shardName(%q) = %q, want %q", tc.dir, got, tc.want)
		}
	}
	if got := tempName("gs://crawl/out/ledger-00000-of-00001.csv"); got != "gs://crawl/out/.tmp-ledger-00000-of-00001.csv" {
		t.Errorf("tempName = %q", got)
	}
}

// TestWriteShards writes one shard of Documents and one of dead letters to
// a local folder (hidden temporary file, then renamed) and to an object
// store (written in place): each holds its lines, the ledger its BOM and
// header once, and nothing else is left.
func TestWriteShards(t *testing.T) {
	var docs []*extract.Document
	for _, name := range []string{"gov/kaili-gov-cn.html", "gov/fgw-zj-gov-cn.html"} {
		data, err := os.ReadFile(filepath.Join(fixturePages, name))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := extract.Bytes(data, extract.Options{})
		if err != nil {
			t.Fatal(err)
		}
		doc.File = name
		docs = append(docs, doc)
	}
	var wantJSON, wantLedger bytes.Buffer
	ledger := export.NewCSV(&wantLedger)
	for _, doc := range docs {
		export.JSONLine(&wantJSON, doc)
		ledger.Write(doc)
	}
	ledger.Close()
	if !strings.Contains(wantLedger.String(), "2024") {
		t.Fatalf("the pages give no ledger row: the ledger would not be tested")
	}
	dead := []export.ErrorLine{{File: "crawl.warc#4", Error: "warc: Content-Length \"-5\" is not a length"}}

	for _, dir := range []string{t.TempDir(), "memfs://out/" + t.Name()} {
		t.Run(dir, func(t *testing.T) {
			ctx := context.Background()
			if err := (&writeDocsFn{Dir: dir, Shards: 8}).ProcessElement(ctx, 5, iterate(docs)); err != nil {
				t.Fatal(err)
			}
			if err := (&writeErrorsFn{Dir: dir, Shards: 8}).ProcessElement(ctx, 5, iterate(dead)); err != nil {
				t.Fatal(err)
			}
			want := map[string]string{
				"documents-00005-of-00008.jsonl": wantJSON.String(),
				"ledger-00005-of-00008.csv":      wantLedger.String(),
				"errors-00005-of-00008.jsonl":    `{"file":"crawl.warc#4","error":"warc: Content-Length \"-5\" is not a length"}` + "\n",
			}
			got := listFiles(t, dir)
			if len(got) != len(want) {
				t.Errorf("files %q, want the %d shards only", got, len(want))
			}
			for name, content := range want {
				if data := readFile(t, strings.TrimSuffix(dir, "/")+"/"+name); data != content {
					t.Errorf("%s:\n got %.200q\nwant %.200q", name, data, content)
				}
			}
		})
	}
}

// iterate is a GroupByKey's iterator over xs.
func iterate[T any](xs []T) func(*T) bool {
	return func(x *T) bool {
		if len(xs) == 0 {
			return false
		}
		*x, xs = xs[0], xs[1:]
		return true
	}
}

func listFiles(t *testing.T, dir string) []string {
	t.Helper()
	fsys, err := filesystem.New(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	defer fsys.Close()
	files, err := fsys.List(context.Background(), strings.TrimSuffix(dir, "/")+"/*")
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	fsys, err := filesystem.New(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer fsys.Close()
	r, err := fsys.OpenRead(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	data, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
