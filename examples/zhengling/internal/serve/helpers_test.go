package serve

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/zhengling/zhengling/extract"
	"github.com/zhengling/zhengling/extract/export"
)

var update = flag.Bool("update", false, "rewrite docs/openapi.json")

// root is the repository's root, seen from this package.
var root = filepath.Join("..", "..", "..", "..")

func fixture(t testing.TB, parts ...string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(append([]string{root, "fixtures"}, parts...)...))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// A real page and a seed text, used throughout.
const (
	govPage  = "gov/kaili-gov-cn.html"
	seedText = "000_89870a89919acc8f.txt"
	seedDate = "2022-08-03"
)

// testServer is a Server on a real listener on 127.0.0.1, with its own
// timeouts, as "zhengling serve" runs it.
type testServer struct {
	*Server
	url  string
	addr string
	stop func() error // shuts down gracefully and returns Serve's error
}

// start serves a new Server with cfg; edit, when given, changes it first
// (to replace its extract function).
func start(t testing.TB, cfg Config, edit ...func(*Server)) *testServer {
	t.Helper()
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range edit {
		e(s)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- s.Serve(ctx, ln) }()
	var once sync.Once
	var stopErr error
	stop := func() error {
		once.Do(func() { cancel(); stopErr = <-served })
		return stopErr
	}
	t.Cleanup(func() { _ = stop() })
	return &testServer{Server: s, url: "http://" + ln.Addr().String(), addr: ln.Addr().String(), stop: stop}
}

// response is a response read whole.
type response struct {
	*http.Response
	body []byte
}

// post sends body to path with the headers given as "Name: value".
func (ts *testServer) post(t testing.TB, path string, body []byte, headers ...string) response {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, ts.url+path, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range headers {
		k, v, _ := strings.Cut(h, ": ")
		req.Header.Set(k, v)
	}
	return ts.do(t, req, body)
}

func (ts *testServer) get(t testing.TB, path string) response {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, ts.url+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	return ts.do(t, req, nil)
}

// do sends req and checks the request and its response against the
// OpenAPI document.
func (ts *testServer) do(t testing.TB, req *http.Request, body []byte) response {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	req.Body = io.NopCloser(bytes.NewReader(body))
	validate(t, req, resp, b)
	return response{resp, b}
}

// apiDoc is the OpenAPI document, loaded and validated by kin-openapi as
// OpenAPI 3.1, and a router over it.
var apiDoc = sync.OnceValues(func() (routers.Router, error) {
	b, err := OpenAPI()
	if err != nil {
		return nil, err
	}
	doc, err := openapi3.NewLoader().LoadFromData(b)
	if err != nil {
		return nil, err
	}
	if err := doc.Validate(context.Background()); err != nil {
		return nil, err
	}
	return legacy.NewRouter(doc)
})

func init() {
	// Text formats the validator has no decoder for: their schema is a string.
	for _, ct := range []string{"text/html", "text/calendar", "application/warc", "application/gzip"} {
		openapi3filter.RegisterBodyDecoder(ct, openapi3filter.PlainBodyDecoder)
	}
}

// validate checks a request and its response against the OpenAPI
// document (see checkExchange).
func validate(t testing.TB, req *http.Request, resp *http.Response, body []byte) {
	t.Helper()
	for _, err := range checkExchange(req, resp.StatusCode, resp.Header, body) {
		t.Errorf("openapi: %d to %s %s: %v", resp.StatusCode, req.Method, req.URL, err)
	}
}

// checkExchange checks a request and its response against the OpenAPI
// document: the route, the parameters (of a request that succeeded; the
// error tests send bad ones on purpose), the status, the headers and the
// body; a JSON Lines body line by line, against the schema of its media
// type.
func checkExchange(req *http.Request, status int, header http.Header, body []byte) []error {
	router, err := apiDoc()
	if err != nil {
		return []error{err}
	}
	route, params, err := router.FindRoute(req)
	if err != nil {
		return []error{err}
	}
	var errs []error
	ctx := context.Background()
	reqIn := &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route,
		Options: &openapi3filter.Options{ExcludeRequestBody: true, AuthenticationFunc: openapi3filter.NoopAuthenticationFunc}}
	if status < 400 {
		if err := openapi3filter.ValidateRequest(ctx, reqIn); err != nil {
			errs = append(errs, fmt.Errorf("request: %w", err))
		}
	}
	jsonl := strings.HasPrefix(header.Get("Content-Type"), "application/jsonl")
	respIn := &openapi3filter.ResponseValidationInput{RequestValidationInput: reqIn, Status: status, Header: header,
		Options: &openapi3filter.Options{IncludeResponseStatus: true, ExcludeResponseBody: jsonl}}
	respIn.SetBodyBytes(body)
	if err := openapi3filter.ValidateResponse(ctx, respIn); err != nil {
		errs = append(errs, err)
	}
	if !jsonl {
		return errs
	}
	schema := route.Operation.Responses.Status(status).Value.Content.Get("application/jsonl").Schema.Value
	sc := bufio.NewScanner(bytes.NewReader(body))
	sc.Buffer(nil, 64<<20)
	for n := 1; sc.Scan(); n++ {
		var v any
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			errs = append(errs, fmt.Errorf("line %d: %w", n, err))
		} else if err := schema.VisitJSON(v, openapi3.EnableJSONSchema2020()); err != nil {
			errs = append(errs, fmt.Errorf("line %d: %w", n, err))
		}
	}
	return errs
}

// jsonLines decodes each line of a JSON Lines body.
func jsonLines(t testing.TB, body []byte) []any {
	t.Helper()
	var out []any
	sc := bufio.NewScanner(bytes.NewReader(body))
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		var v any
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			t.Fatalf("line %d is not JSON: %v: %.200q", len(out)+1, err, sc.Text())
		}
		out = append(out, v)
	}
	return out
}

// errorLine decodes an error answer.
func errorLine(t testing.TB, r response) export.ErrorLine {
	t.Helper()
	var e export.ErrorLine
	if err := json.Unmarshal(r.body, &e); err != nil {
		t.Fatalf("%d answer is not an error line: %v: %.300q", r.StatusCode, err, r.body)
	}
	return e
}

// wantLine is the JSON line the command prints for data under opts, named
// file.
func wantLine(t testing.TB, data []byte, opts extract.Options, file string) []byte {
	t.Helper()
	doc, err := extract.Bytes(data, opts)
	if err != nil {
		t.Fatal(err)
	}
	doc.File = file
	var b bytes.Buffer
	if err := export.JSONLine(&b, doc); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// errorsOf is the count of zhengling_errors_total{kind}.
func (s *Server) errorsOf(kind string) int {
	return int(testutil.ToFloat64(s.metrics.errors.WithLabelValues(kind)))
}

// gate makes extractions wait: each one that starts signals started, then
// waits for release (or its context); the real extraction follows.
type gate struct {
	started chan struct{}
	release chan struct{}
}

func newGate() *gate { return &gate{started: make(chan struct{}, 100), release: make(chan struct{})} }

func (g *gate) install(s *Server) {
	g.then(s.extract)(s)
}

// then makes the extractions that pass the gate call next.
func (g *gate) then(next extractFunc) func(*Server) {
	return func(s *Server) { s.extract = g.wrap(next) }
}

func (g *gate) wrap(real extractFunc) extractFunc {
	return func(ctx context.Context, b []byte, opts extract.Options) (*extract.Document, error) {
		select {
		case g.started <- struct{}{}:
		default: // nobody counts that many
		}
		select {
		case <-g.release:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		return real(ctx, b, opts)
	}
}

// waitStarted waits until n extractions have started.
func (g *gate) waitStarted(t testing.TB, n int) {
	t.Helper()
	for range n {
		select {
		case <-g.started:
		case <-time.After(30 * time.Second):
			t.Fatal("no extraction started within 30 s")
		}
	}
}

// newLogger logs into b, under mu.
func newLogger(b io.Writer, mu *sync.Mutex) *slog.Logger {
	return slog.New(slog.NewTextHandler(lockedWriter{b, mu}, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

type lockedWriter struct {
	w  io.Writer
	mu *sync.Mutex
}

func (l lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

func httptestRecorder() *httptest.ResponseRecorder { return httptest.NewRecorder() }

func httptestRequest() *http.Request {
	return httptest.NewRequest(http.MethodPost, "/v1/extract", strings.NewReader("x"))
}
