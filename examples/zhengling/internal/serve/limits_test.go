package serve

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/zhengling/zhengling/extract"
)

// TestOverloaded: with every worker busy and the queue full, a request is
// refused at once with 429 and Retry-After, and counted; the requests
// admitted are served once the workers are free.
func TestOverloaded(t *testing.T) {
	g := newGate()
	ts := start(t, Config{Workers: 1, Queue: 1}, g.install)
	page := fixture(t, "seeds", seedText)
	var wg sync.WaitGroup
	admitted := make([]response, 2)
	for i := range admitted {
		wg.Go(func() { admitted[i] = ts.post(t, "/v1/extract", page) })
		if i == 0 {
			g.waitStarted(t, 1) // the first runs, the second waits in the queue
		}
	}
	waitFor(t, "the second request to be queued", func() bool { return len(ts.pool.admitted) == 2 })
	for _, path := range []string{"/v1/extract", "/v1/batch"} {
		r := ts.post(t, path, page)
		if r.StatusCode != http.StatusTooManyRequests || r.Header.Get("Retry-After") != "1" {
			t.Errorf("%s with the queue full: got %d, Retry-After %q; want 429, 1", path, r.StatusCode, r.Header.Get("Retry-After"))
		}
		if e := errorLine(t, r); !strings.Contains(e.Error, "overloaded") {
			t.Errorf("error %q", e.Error)
		}
	}
	if n := ts.errorsOf(kindOverloaded); n != 2 {
		t.Errorf("zhengling_errors_total{kind=overloaded} = %d, want 2", n)
	}
	close(g.release)
	wg.Wait()
	for i, r := range admitted {
		if r.StatusCode != http.StatusOK {
			t.Errorf("admitted request %d: %d %.200s", i, r.StatusCode, r.body)
		}
	}
}

// waitFor polls cond for up to 30 s.
func waitFor(t testing.TB, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); !cond(); time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("waited 30 s for %s", what)
		}
	}
}

// TestTimeout: a page not done within --timeout of its arrival gets 503
// with Retry-After, and the library itself stops at the deadline.
func TestTimeout(t *testing.T) {
	page := fixture(t, "pages", govPage)
	t.Run("the library honours the deadline", func(t *testing.T) {
		// The extraction starts once its deadline has passed: every
		// BytesContext stage checks the context, so the real library stops.
		var got error
		ts := start(t, Config{Timeout: 50 * time.Millisecond}, func(s *Server) {
			s.extract = func(ctx context.Context, b []byte, o extract.Options) (*extract.Document, error) {
				<-ctx.Done()
				doc, err := extract.BytesContext(ctx, b, o)
				got = err
				return doc, err
			}
		})
		r := ts.post(t, "/v1/extract?file=kaili.html", page)
		e := errorLine(t, r)
		if r.StatusCode != http.StatusServiceUnavailable || r.Header.Get("Retry-After") != "1" || e.Error != "deadline exceeded: not done within --timeout 50ms" {
			t.Errorf("got %d %q", r.StatusCode, e.Error)
		}
		if !errors.Is(got, context.DeadlineExceeded) {
			t.Errorf("the library returned %v, want context.DeadlineExceeded", got)
		}
	})
	t.Run("waiting for a worker counts", func(t *testing.T) {
		g := newGate()
		ts := start(t, Config{Workers: 1, Timeout: 200 * time.Millisecond}, g.install)
		var wg sync.WaitGroup
		var first response
		wg.Go(func() { first = ts.post(t, "/v1/extract", page) }) // blocks at the gate until its deadline
		g.waitStarted(t, 1)
		second := ts.post(t, "/v1/extract", page) // never gets the worker in time
		wg.Wait()
		for i, r := range []response{first, second} {
			if r.StatusCode != http.StatusServiceUnavailable {
				t.Errorf("request %d: got %d, want 503", i+1, r.StatusCode)
			}
		}
		if n := ts.errorsOf(kindTimeout); n != 2 {
			t.Errorf("zhengling_errors_total{kind=timeout} = %d, want 2", n)
		}
	})
}

// TestPanic: a panic inside an extraction is answered 500, logged and
// counted, and the server goes on; in a batch it is the record's line.
func TestPanic(t *testing.T) {
	var log strings.Builder
	var mu sync.Mutex
	ts := start(t, Config{Logger: newLogger(&log, &mu)}, func(s *Server) {
		real := s.extract
		s.extract = func(ctx context.Context, b []byte, o extract.Options) (*extract.Document, error) {
			if strings.Contains(string(b), "PANIC") {
				var m map[string]int
				m["bug"]++ // a nil map write, as a real bug would be
			}
			return real(ctx, b, o)
		}
	})
	r := ts.post(t, "/v1/extract?file=bug.txt", []byte("会议强调 PANIC"))
	if e := errorLine(t, r); r.StatusCode != http.StatusInternalServerError || e.Error != "internal error" || e.File != "bug.txt" {
		t.Errorf("got %d %+v, want 500 internal error", r.StatusCode, e)
	}
	batch := "{\"body\": \"会议强调 PANIC\"}\n" + `{"body": "会议强调，一要抓好安全生产。"}` + "\n"
	r = ts.post(t, "/v1/batch", []byte(batch))
	lines := jsonLines(t, r.body)
	if r.StatusCode != http.StatusOK || len(lines) != 2 || lines[0].(map[string]any)["error"] != "internal error" || lines[1].(map[string]any)["title"] == nil {
		t.Errorf("batch: got %d %s", r.StatusCode, r.body)
	}
	if n := ts.errorsOf(kindPanic); n != 2 {
		t.Errorf("zhengling_errors_total{kind=panic} = %d, want 2", n)
	}
	if r := ts.post(t, "/v1/extract", fixture(t, "seeds", seedText)); r.StatusCode != http.StatusOK {
		t.Errorf("after the panics: %d", r.StatusCode)
	}
	mu.Lock()
	defer mu.Unlock()
	if !strings.Contains(log.String(), "assignment to entry in nil map") || !strings.Contains(log.String(), "goroutine") {
		t.Errorf("the panic and its stack are not logged: %.500s", log.String())
	}
}

// TestRecoverPanics: a panic outside an extraction, before anything is
// written, is answered 500 and counted too.
func TestRecoverPanics(t *testing.T) {
	s, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	h := s.recoverPanics(func(http.ResponseWriter, *http.Request) { panic("a bug in a handler") })
	rec := httptestRecorder()
	h(rec, httptestRequest())
	if rec.Code != http.StatusInternalServerError || !strings.Contains(rec.Body.String(), `"error":"internal error"`) {
		t.Errorf("got %d %s", rec.Code, rec.Body)
	}
	if n := s.errorsOf(kindPanic); n != 1 {
		t.Errorf("zhengling_errors_total{kind=panic} = %d, want 1", n)
	}
}

// TestGracefulShutdown: shutting down closes the listener at once and
// finishes the request in flight, whose client gets its whole answer.
func TestGracefulShutdown(t *testing.T) {
	g := newGate()
	ts := start(t, Config{}, g.install)
	page := fixture(t, "seeds", seedText)
	var wg sync.WaitGroup
	var inFlight response
	wg.Go(func() { inFlight = ts.post(t, "/v1/extract?date="+seedDate, page) })
	g.waitStarted(t, 1)
	stopped := make(chan error, 1)
	go func() { stopped <- ts.stop() }()
	waitFor(t, "the listener to close", func() bool {
		c, err := net.DialTimeout("tcp", ts.addr, time.Second)
		if err == nil {
			c.Close()
		}
		return err != nil
	})
	select {
	case err := <-stopped:
		t.Fatalf("shutdown returned (%v) with a request in flight", err)
	default:
	}
	close(g.release)
	wg.Wait()
	if err := <-stopped; err != nil {
		t.Errorf("shutdown: %v", err)
	}
	if inFlight.StatusCode != http.StatusOK || len(inFlight.body) == 0 || inFlight.body[len(inFlight.body)-1] != '\n' {
		t.Errorf("the request in flight got %d, %d bytes", inFlight.StatusCode, len(inFlight.body))
	}
}

// TestSlowClients: the read, write and idle timeouts cut off clients that
// send too slowly, stop reading, or hold an idle connection.
func TestSlowClients(t *testing.T) {
	ts := start(t, Config{ReadTimeout: 300 * time.Millisecond, WriteTimeout: 300 * time.Millisecond, IdleTimeout: 300 * time.Millisecond})
	t.Run("headers sent too slowly", func(t *testing.T) {
		c := dial(t, ts.addr)
		fmt.Fprint(c, "POST /v1/extract HTTP/1.1\r\nHost: x\r\n") // and never the rest
		if _, err := io.ReadAll(c); err != nil {
			t.Errorf("the connection was not closed but %v", err)
		}
	})
	t.Run("a body sent too slowly", func(t *testing.T) {
		c := dial(t, ts.addr)
		fmt.Fprint(c, "POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n会议强调") // 988 bytes short
		resp, err := http.ReadResponse(bufio.NewReader(c), nil)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		if resp.StatusCode != http.StatusRequestTimeout {
			t.Errorf("got %d, want 408", resp.StatusCode)
		}
	})
	t.Run("an idle kept-alive connection", func(t *testing.T) {
		c := dial(t, ts.addr)
		fmt.Fprint(c, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
		br := bufio.NewReader(c)
		resp, err := http.ReadResponse(br, nil)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if _, err := br.ReadByte(); err != io.EOF { // closed by the server after --idle-timeout
			t.Errorf("an idle connection: got %v, want EOF", err)
		}
	})
	if n := ts.errorsOf(kindSlowClient); n != 1 {
		t.Errorf("zhengling_errors_total{kind=slow_client} = %d, want 1 (the body)", n)
	}
}

// TestBatchSlowReader: a batch whose client stops reading the answer is
// ended by --write-timeout: the handler returns and its worker is free.
func TestBatchSlowReader(t *testing.T) {
	big := strings.Repeat("会议强调，一要抓好安全生产。", 20000) // ~430 KB a line
	ts := start(t, Config{WriteTimeout: 300 * time.Millisecond}, func(s *Server) {
		s.extract = func(ctx context.Context, b []byte, o extract.Options) (*extract.Document, error) {
			return &extract.Document{Paragraphs: []string{big}}, nil
		}
	})
	c := dial(t, ts.addr)
	var body strings.Builder
	for range 200 { // 86 MB of answer, far more than the socket buffers hold
		body.WriteString("{\"body\": \"x\"}\n")
	}
	fmt.Fprintf(c, "POST /v1/batch HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\n%s", body.Len(), body.String())
	// … and read nothing.
	waitFor(t, "the batch to end", func() bool { return testutil.ToFloat64(ts.metrics.inFlight) == 0 && ts.errorsOf(kindSlowClient) == 1 })
	if n := len(ts.pool.running); n != 0 {
		t.Errorf("%d workers still taken", n)
	}
}

func dial(t *testing.T, addr string) net.Conn {
	t.Helper()
	c, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	_ = c.SetDeadline(time.Now().Add(30 * time.Second)) // a server that never cuts off fails the test, not hangs it
	return c
}
