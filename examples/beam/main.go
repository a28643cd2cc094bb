// Command zhengling-beam runs zhengling's extraction as an Apache Beam
// pipeline, so that one crawl of millions of pages runs on the engine an
// operations team already has (Flink, Spark, Google Cloud Dataflow) or
// locally on Beam's embedded Prism runner.
//
//	zhengling-beam --input PATTERN [--input PATTERN…] --output DIR [--shards N]
//	               [--date YYYY-MM-DD] [--max-bytes N] [--content-type CT]
//	               [--runner prism|flink|spark|dataflow|universal …]
//
// PATTERN is a file, a directory (walked recursively) or a glob (`**`
// crosses folders) on the local disk, gs:// or s3://, naming saved pages,
// text files and WARC archives. DIR receives documents-S-of-N.jsonl (one
// Document per line, as `zhengling --format jsonl` prints it),
// ledger-S-of-N.csv (the task ledger, one header per shard) and
// errors-S-of-N.jsonl (the command's {"file": …, "error": …} line for each
// input that failed: such inputs never fail the job).
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/s3" // s3:// (beamx brings gs:// and local)
	"github.com/apache/beam/sdks/v2/go/pkg/beam/runners"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	"github.com/zhengling/zhengling/extract"
)

// patterns is a repeatable flag.
type patterns []string

func (p *patterns) String() string { return strings.Join(*p, " ") }

func (p *patterns) Set(v string) error {
	*p = append(*p, v)
	return nil
}

// The flags are package-level so that they are defined before beam.Init
// parses the command line of a worker.
var (
	inputs      patterns
	output      = flag.String("output", "", "output `directory` (local, gs://bucket/dir or s3://bucket/dir)")
	shards      = flag.Int("shards", 4, "number of output shards of each kind")
	date        = flag.String("date", "", "reference date `YYYY-MM-DD` for relative deadlines; wins over the pages' own dates")
	maxBytes    = flag.Int64("max-bytes", 32<<20, "give an error line for any page larger than this many `bytes`")
	contentType = flag.String("content-type", "", "HTTP Content-Type the pages were served with (its charset counts as declared)")
	spread      = flag.Bool("spread-records", true, "reshuffle the records of WARC archives over the workers (off by default on prism, which runs one bundle at a time and holds a shuffle in memory)")
)

func init() {
	flag.Var(&inputs, "input", "file `pattern` of pages, texts and WARC archives; repeatable")
}

func main() {
	flag.Parse()
	beam.Init()
	opts, err := newOptions()
	if err != nil {
		fmt.Fprintf(os.Stderr, "zhengling-beam: %v\n", err)
		os.Exit(2)
	}
	p, s := beam.NewPipelineWithRoot()
	write(s, opts, extractAll(s, opts))
	if err := beamx.Run(context.Background(), p); err != nil {
		fmt.Fprintf(os.Stderr, "zhengling-beam: %v\n", err)
		os.Exit(1)
	}
}

// local reports whether the job runs on Prism, in this process (beamx's
// default runner). Prism runs the bundles of a stage one at a time, so
// spreading records gains nothing there, and it holds a shuffle's data in
// memory: about 17 bytes of memory per byte of page reshuffled.
func local() bool {
	return *runners.Runner == "" || strings.EqualFold(*runners.Runner, "prism")
}

// flagSet reports whether the command line set the flag.
func flagSet(name string) bool {
	set := false
	flag.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// newOptions checks the flags.
func newOptions() (options, error) {
	opts := options{
		Inputs: inputs, Output: *output, Shards: *shards,
		Date: *date, MaxBytes: *maxBytes, ContentType: *contentType,
		SpreadRecords: *spread && (flagSet("spread-records") || !local()),
	}
	switch {
	case len(opts.Inputs) == 0:
		return opts, fmt.Errorf("no --input given")
	case opts.Output == "":
		return opts, fmt.Errorf("no --output given")
	case opts.Shards < 1:
		return opts, fmt.Errorf("--shards must be at least 1")
	case opts.MaxBytes < 1:
		return opts, fmt.Errorf("--max-bytes must be positive")
	}
	if opts.Date != "" {
		if _, err := extract.ParseDate(opts.Date); err != nil {
			return opts, fmt.Errorf("--date %q is not YYYY-MM-DD", opts.Date)
		}
	}
	return opts, nil
}
