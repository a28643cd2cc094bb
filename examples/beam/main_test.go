package main

import (
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/runners"
)

func TestNewOptions(t *testing.T) {
	tests := []struct {
		desc   string
		set    func()
		err    string
		spread bool
	}{
		{"inputs and output, on prism", func() {}, "", false},
		{"on a cluster, records spread", func() { *runners.Runner = "flink" }, "", true},
		{"no input", func() { inputs = nil }, "no --input given", false},
		{"no output", func() { *output = "" }, "no --output given", false},
		{"no shard", func() { *shards = 0 }, "--shards must be at least 1", false},
		{"no byte", func() { *maxBytes = 0 }, "--max-bytes must be positive", false},
		{"a date that is no day", func() { *date = "2025-02-30" }, `--date "2025-02-30" is not YYYY-MM-DD`, false},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			defer func(in patterns, out string, n int, max int64, d, r string) {
				inputs, *output, *shards, *maxBytes, *date, *runners.Runner = in, out, n, max, d, r
			}(inputs, *output, *shards, *maxBytes, *date, *runners.Runner)
			inputs, *output, *runners.Runner = patterns{"crawl/**"}, "out/", ""
			tc.set()
			opts, err := newOptions()
			switch {
			case tc.err == "" && err != nil:
				t.Fatalf("error %v", err)
			case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
				t.Fatalf("error %v, want %q", err, tc.err)
			case err == nil && opts.SpreadRecords != tc.spread:
				t.Errorf("SpreadRecords %v, want %v", opts.SpreadRecords, tc.spread)
			}
		})
	}
}
