// Package serve is zhengling's HTTP API, the command's "zhengling serve":
// other systems post pages and get Documents back.
//
//	POST /v1/extract   one page (any charset, HTML or text) → its Document:
//	                   JSON, or by Accept the CSV ledger, an iCalendar, the HTML report
//	POST /v1/batch     a WARC archive or JSON Lines of records → JSON Lines, in input order
//	GET  /             a form: upload a saved page or paste text, see the report
//	GET  /healthz      liveness
//	GET  /metrics      Prometheus metrics
//	GET  /openapi.json the OpenAPI 3.1 document of all of it
//
// Limits: --max-bytes per page (413), --timeout per page from its arrival
// (503), a pool of --workers with --queue requests waiting at most (429
// with Retry-After beyond), read, write and idle timeouts against slow
// clients (408, or the connection closed), a panic answered 500 and
// counted, and a shutdown on SIGINT or SIGTERM that finishes the requests
// in flight.
package serve

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"runtime"
	"runtime/debug"
	"time"

	"github.com/zhengling/zhengling/extract"
	"github.com/zhengling/zhengling/extract/export"
	"github.com/zhengling/zhengling/segment"
)

// Config configures a Server. Zero fields take the defaults of the flags.
type Config struct {
	Workers       int           // extractions at once; default GOMAXPROCS
	Queue         int           // admitted requests beyond Workers; -1 for none; default 8 × Workers
	MaxBytes      int64         // largest page; default extract.DefaultMaxBytes
	Timeout       time.Duration // per page, from its arrival; default 10 s
	ReadTimeout   time.Duration // headers and body of a request, or a batch's silence; default 30 s
	WriteTimeout  time.Duration // writing a response, or a batch line; default 30 s
	IdleTimeout   time.Duration // a kept-alive connection without request; default 120 s
	ShutdownGrace time.Duration // how long shutdown waits for requests in flight; default 30 s
	// Logger receives the server's events (start, stop, panics); nil
	// discards them.
	Logger *slog.Logger
}

func (c Config) withDefaults() Config {
	if c.Workers <= 0 {
		c.Workers = runtime.GOMAXPROCS(0)
	}
	switch {
	case c.Queue < 0:
		c.Queue = 0
	case c.Queue == 0:
		c.Queue = 8 * c.Workers
	}
	if c.MaxBytes <= 0 {
		c.MaxBytes = extract.DefaultMaxBytes
	}
	c.Timeout = orDefault(c.Timeout, 10*time.Second)
	c.ReadTimeout = orDefault(c.ReadTimeout, 30*time.Second)
	c.WriteTimeout = orDefault(c.WriteTimeout, 30*time.Second)
	c.IdleTimeout = orDefault(c.IdleTimeout, 120*time.Second)
	c.ShutdownGrace = orDefault(c.ShutdownGrace, 30*time.Second)
	if c.Logger == nil {
		c.Logger = slog.New(slog.DiscardHandler)
	}
	return c
}

func orDefault(d, def time.Duration) time.Duration {
	if d <= 0 {
		return def
	}
	return d
}

// Server is the HTTP API. It is safe for concurrent use.
type Server struct {
	cfg     Config
	seg     *segment.Segmenter
	pool    *pool
	metrics *metrics
	log     *slog.Logger
	handler http.Handler
	// extract is the library's entry point; tests replace it to make an
	// extraction block or panic.
	extract extractFunc
}

type extractFunc = func(context.Context, []byte, extract.Options) (*extract.Document, error)

// New returns a Server with cfg; it loads the segmenter, which every
// request then shares.
func New(cfg Config) (*Server, error) {
	seg, err := segment.Default()
	if err != nil {
		return nil, fmt.Errorf("serve: %w", err)
	}
	cfg = cfg.withDefaults()
	s := &Server{cfg: cfg, seg: seg, pool: newPool(cfg.Workers, cfg.Queue), metrics: newMetrics(),
		log: cfg.Logger, extract: extract.BytesContext}
	mux := http.NewServeMux()
	route := func(pattern, name string, h http.HandlerFunc) {
		mux.Handle(pattern, s.metrics.instrument(name, s.recoverPanics(h)))
	}
	route("POST /v1/extract", "extract", s.handleExtract)
	route("POST /v1/batch", "batch", s.handleBatch)
	route("GET /{$}", "home", s.handleHome)
	route("GET /healthz", "healthz", s.handleHealth)
	route("GET /openapi.json", "openapi", s.handleOpenAPI)
	mux.Handle("GET /metrics", s.metrics.handler)
	s.handler = mux
	return s, nil
}

// Handler is the server's handler, its limits but the connection timeouts
// included.
func (s *Server) Handler() http.Handler { return s.handler }

// httpServer is an http.Server for s with its timeouts.
func (s *Server) httpServer() *http.Server {
	return &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: s.cfg.ReadTimeout,
		ReadTimeout:       s.cfg.ReadTimeout,
		WriteTimeout:      s.cfg.ReadTimeout + s.cfg.Timeout + s.cfg.WriteTimeout,
		IdleTimeout:       s.cfg.IdleTimeout,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelDebug),
	}
}

// Serve serves on ln until ctx ends, then shuts down gracefully: ln is
// closed at once, the requests in flight are finished (for at most
// ShutdownGrace, after which their connections are closed), and Serve
// returns nil.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	hs := s.httpServer()
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	s.log.Info("serving", "addr", "http://"+ln.Addr().String(), "workers", s.cfg.Workers, "queue", s.cfg.Queue)
	select {
	case err := <-served:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	s.log.Info("shutting down: finishing the requests in flight", "grace", s.cfg.ShutdownGrace)
	sctx, cancel := context.WithTimeout(context.Background(), s.cfg.ShutdownGrace)
	defer cancel()
	err := hs.Shutdown(sctx)
	if errors.Is(err, context.DeadlineExceeded) {
		s.log.Warn("shutdown grace over: closing the connections still open")
		err = hs.Close()
	}
	if e := <-served; !errors.Is(e, http.ErrServerClosed) && err == nil {
		err = e
	}
	if err != nil {
		return fmt.Errorf("serve: shutdown: %w", err)
	}
	s.log.Info("stopped")
	return nil
}

// recoverPanics answers a handler's panic with 500 and counts it, when
// nothing was written yet; otherwise the connection is cut. Extractions
// recover their own panics (extractPage); this is for the rest.
func (s *Server) recoverPanics(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		tw := &trackingWriter{ResponseWriter: w}
		defer func() {
			v := recover()
			if v == nil {
				return
			}
			if v == http.ErrAbortHandler {
				panic(v)
			}
			s.log.Error("panic in a handler", "path", r.URL.Path, "panic", v, "stack", string(debug.Stack()))
			if tw.wrote {
				s.metrics.fail(kindPanic)
				panic(http.ErrAbortHandler)
			}
			s.fail(w, "", panicError{v})
		}()
		h(tw, r)
	}
}

// trackingWriter records whether a response was started.
type trackingWriter struct {
	http.ResponseWriter
	wrote bool
}

func (t *trackingWriter) WriteHeader(code int) {
	t.wrote = true
	t.ResponseWriter.WriteHeader(code)
}

func (t *trackingWriter) Write(b []byte) (int, error) {
	t.wrote = true
	return t.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the connection.
func (t *trackingWriter) Unwrap() http.ResponseWriter { return t.ResponseWriter }

func (s *Server) handleHealth(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", mediaJSON)
	_ = export.JSONLine(w, map[string]any{"status": "ok", "workers": s.cfg.Workers, "queue": s.cfg.Queue})
}
