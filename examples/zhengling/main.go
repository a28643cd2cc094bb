// Command zhengling turns saved Chinese government pages and texts into
// structured directives, as JSON, JSON Lines, a CSV task ledger, iCalendar
// or an HTML report.
//
//	zhengling [--date YYYY-MM-DD] [--url URL] [--format json|jsonl|csv|ics|html] PATH...
//
// PATH is a saved page, a plain-text file, a directory (walked recursively in
// lexical order), a WARC archive (.warc or .warc.gz, told by content: one
// input per HTML response record, its "file" ARCHIVE#N for the archive's
// N-th record) or - for standard input. One input without --format prints
// one indented JSON Document; several print JSON Lines in input order. A
// file that fails gives {"file": …, "error": …} and exit status 1; usage
// errors exit 2. While a batch runs with its output redirected, a progress
// bar (pages, pages/s, errors, time left) is drawn on stderr if stderr is a
// terminal.
//
//	zhengling serve [--addr 127.0.0.1:8080] [--workers N] [--max-bytes N] [--timeout D]
//
// serves the same over HTTP (package internal/serve; zhengling serve --help).
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"

	"github.com/zhengling/zhengling/examples/zhengling/internal/serve"
	"github.com/zhengling/zhengling/extract"
	"github.com/zhengling/zhengling/extract/timex"
	"github.com/zhengling/zhengling/extract/warc"
)

const usageText = `usage: zhengling [flags] PATH...

Extracts the directives, deadlines, targets, figures and percentages of
saved Chinese government pages (HTML in any charset) and texts.
PATH is a file, a directory (walked recursively), a WARC archive (each HTML
response record is one input, named ARCHIVE#N) or - for standard input.
"zhengling serve" serves the same over HTTP (zhengling serve --help).

flags:
`

// config is the parsed command line.
type config struct {
	date        timex.Date
	url         string
	format      string
	workers     int
	maxBytes    int64
	contentType string
	paths       []string
	single      bool // one page in all: its Document is printed indented
}

// errUsage marks command-line mistakes (exit status 2).
var errUsage = errors.New("usage")

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run is the whole command; it returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "serve" { // a file named serve: ./serve
		return serve.Command(args[1:], stderr)
	}
	cfg, err := parseFlags(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		fmt.Fprintf(stderr, "zhengling: %v\n", err)
		fmt.Fprintln(stderr, "run 'zhengling --help' for usage")
		return 2
	}
	failed, err := process(context.Background(), cfg, stdin, stdout, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "zhengling: %v\n", err)
		return 1
	}
	if failed > 0 {
		return 1
	}
	return 0
}

func parseFlags(args []string, stderr io.Writer) (*config, error) {
	fs := flag.NewFlagSet("zhengling", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, usageText)
		fs.PrintDefaults()
	}
	var cfg config
	date := fs.String("date", "", "reference date `YYYY-MM-DD` for relative deadlines; wins over the page's own dates")
	fs.StringVar(&cfg.url, "url", "", "the page's `URL` (fills \"url\"; with one input only)")
	fs.StringVar(&cfg.format, "format", "", "output `format`: json (one input), jsonl (default for several), csv (task ledger), ics (iCalendar VTODOs), html (a report to read in a browser)")
	fs.IntVar(&cfg.workers, "workers", runtime.GOMAXPROCS(0), "number of pages processed in parallel")
	fs.Int64Var(&cfg.maxBytes, "max-bytes", 32<<20, "skip (with an error line) any page larger than this many `bytes`")
	fs.StringVar(&cfg.contentType, "content-type", "", "HTTP Content-Type the pages were served with (its charset counts as declared)")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	cfg.paths = fs.Args()
	if len(cfg.paths) == 0 {
		fs.Usage()
		return nil, fmt.Errorf("%w: no PATH given", errUsage)
	}
	if *date != "" {
		d, err := timex.ParseDate(*date)
		if err != nil {
			return nil, fmt.Errorf("%w: --date %q is not YYYY-MM-DD", errUsage, *date)
		}
		cfg.date = d
	}
	switch cfg.format {
	case "", "json", "jsonl", "csv", "ics", "html":
	default:
		return nil, fmt.Errorf("%w: --format %q: want json, jsonl, csv, ics or html", errUsage, cfg.format)
	}
	if cfg.workers < 1 {
		return nil, fmt.Errorf("%w: --workers must be at least 1", errUsage)
	}
	if cfg.maxBytes < 1 {
		return nil, fmt.Errorf("%w: --max-bytes must be positive", errUsage)
	}
	return &cfg, nil
}

// options are the extraction options of one input.
func (c *config) options(in *input) extract.Options {
	opts := extract.Options{ReferenceDate: c.date, URL: in.url, ContentType: in.contentType, MaxBytes: c.maxBytes}
	if opts.URL == "" {
		opts.URL = c.url
	}
	if opts.ContentType == "" {
		opts.ContentType = c.contentType
	}
	return opts
}

// single reports whether the command line names exactly one page: one
// file or standard input, not a directory nor a WARC archive. stdin is only
// peeked at.
func single(paths []string, stdin *bufio.Reader) bool {
	if len(paths) != 1 {
		return false
	}
	if paths[0] == "-" {
		return !warc.Sniff(stdin)
	}
	st, err := os.Stat(paths[0])
	return err == nil && st.Mode().IsRegular() && !isWARC(paths[0])
}

// pretty reports whether the one Document is printed indented: one page in
// all, and no --format jsonl.
func (c *config) pretty() bool { return c.single && c.format != "jsonl" }

// jsonOutput reports whether errors go into the output as JSON lines.
func (c *config) jsonOutput() bool {
	return c.format == "" || c.format == "json" || c.format == "jsonl"
}
