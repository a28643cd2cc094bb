package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

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
