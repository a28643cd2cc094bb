package serve

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"runtime"
	"syscall"

	"github.com/zhengling/zhengling/extract"
)

const usageText = `usage: zhengling serve [flags]

Serves zhengling over HTTP until SIGINT or SIGTERM, then finishes the
requests in flight and exits:

  POST /v1/extract   one page in the body → its Document (JSON; by Accept
                     text/csv, text/calendar or text/html); ?url= ?date= ?file=
  POST /v1/batch     a WARC (plain or gzipped) or JSON Lines of
                     {file, url, date, content_type, body | body_base64}
                     → JSON Lines in input order
  GET  /             a form to upload a page or paste text and read the report
  GET  /healthz, /metrics (Prometheus), /openapi.json (OpenAPI 3.1)

flags:
`

// Command runs "zhengling serve" with args (the words after "serve") and
// returns the exit status: 0 after a clean shutdown, 1 when the server
// cannot start, 2 for usage errors. Events are logged on stderr.
func Command(args []string, stderr io.Writer) int {
	cfg, addr, err := parseFlags(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		fmt.Fprintf(stderr, "zhengling serve: %v\nrun 'zhengling serve --help' for usage\n", err)
		return 2
	}
	cfg.Logger = slog.New(slog.NewTextHandler(stderr, nil))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := listenAndServe(ctx, cfg, addr); err != nil {
		fmt.Fprintf(stderr, "zhengling serve: %v\n", err)
		return 1
	}
	return 0
}

func listenAndServe(ctx context.Context, cfg Config, addr string) error {
	s, err := New(cfg)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	return s.Serve(ctx, ln)
}

func parseFlags(args []string, stderr io.Writer) (Config, string, error) {
	fs := flag.NewFlagSet("zhengling serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, usageText)
		fs.PrintDefaults()
	}
	var cfg Config
	addr := fs.String("addr", "127.0.0.1:8080", "`host:port` to listen on (port 0: any free port, logged at start)")
	fs.IntVar(&cfg.Workers, "workers", runtime.GOMAXPROCS(0), "pages extracted in parallel")
	fs.IntVar(&cfg.Queue, "queue", 0, "requests admitted beyond --workers, waiting for one; more get 429 (0: 8 × workers; -1: none)")
	fs.Int64Var(&cfg.MaxBytes, "max-bytes", extract.DefaultMaxBytes, "largest page in `bytes` (413 beyond; in a batch, an error line)")
	fs.DurationVar(&cfg.Timeout, "timeout", 0, "deadline of each page from its arrival, queue wait included (503 beyond) (default 10s)")
	fs.DurationVar(&cfg.ReadTimeout, "read-timeout", 0, "longest read of a request's headers and body; in a batch, longest silence of the upload (default 30s)")
	fs.DurationVar(&cfg.WriteTimeout, "write-timeout", 0, "longest write of a response, or of one batch line (default 30s)")
	fs.DurationVar(&cfg.IdleTimeout, "idle-timeout", 0, "how long a kept-alive connection may wait for its next request (default 2m0s)")
	fs.DurationVar(&cfg.ShutdownGrace, "shutdown-grace", 0, "how long a shutdown waits for the requests in flight (default 30s)")
	if err := fs.Parse(args); err != nil {
		return cfg, "", err
	}
	switch {
	case fs.NArg() > 0:
		return cfg, "", fmt.Errorf("unexpected argument %q", fs.Arg(0))
	case cfg.Workers < 1:
		return cfg, "", errors.New("--workers must be at least 1")
	case cfg.Queue < -1:
		return cfg, "", errors.New("--queue must be -1, 0 or more")
	case cfg.MaxBytes < 1:
		return cfg, "", errors.New("--max-bytes must be positive")
	case cfg.Timeout < 0 || cfg.ReadTimeout < 0 || cfg.WriteTimeout < 0 || cfg.IdleTimeout < 0 || cfg.ShutdownGrace < 0:
		return cfg, "", errors.New("durations must not be negative")
	}
	return cfg, *addr, nil
}
