package serve

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"runtime/debug"
	"time"

	"github.com/zhengling/zhengling/extract"
	"github.com/zhengling/zhengling/extract/export"
)

// Media types offered by /v1/extract, in order of preference.
const (
	mediaJSON     = "application/json"
	mediaCSV      = "text/csv"
	mediaCalendar = "text/calendar"
	mediaHTML     = "text/html"
)

var extractFormats = []string{mediaJSON, mediaCSV, mediaCalendar, mediaHTML}

// page is one page to extract: the name of its "file" field, its bytes and
// its options.
type page struct {
	name string
	data []byte
	opts extract.Options
}

// handleExtract serves POST /v1/extract: one page in the body, or in the
// form of GET /, answered as a Document in the format Accept asks for.
func (s *Server) handleExtract(w http.ResponseWriter, r *http.Request) {
	file := r.URL.Query().Get("file")
	format := negotiate(r.Header.Get("Accept"), extractFormats)
	if format == "" {
		s.metrics.fail(kindNotAccept)
		s.writeError(w, http.StatusNotAcceptable, file, fmt.Errorf("not acceptable: Accept %q; this endpoint gives %v", r.Header.Get("Accept"), extractFormats))
		return
	}
	if !s.pool.enter() {
		s.fail(w, file, errOverloaded)
		return
	}
	defer s.pool.leave()
	// The deadline runs from the request's arrival: reading the body and
	// waiting for a worker count, so that a client waits at most --timeout
	// (plus the writing of the answer).
	ctx, cancel := s.deadline(r.Context())
	defer cancel()
	p, err := s.readPage(w, r)
	if err == nil {
		var doc *extract.Document
		if doc, err = s.extractPage(ctx, p); err == nil {
			s.metrics.pages.WithLabelValues("extract").Inc()
			s.writeDocument(w, format, doc)
			return
		}
	}
	if format == mediaHTML { // a person, through the form of GET /
		s.failHTML(w, p.name, err)
		return
	}
	s.fail(w, p.name, err)
}

// deadline is ctx bounded by --timeout.
func (s *Server) deadline(ctx context.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeoutCause(ctx, s.cfg.Timeout, timeoutError{s.cfg.Timeout.String(), context.DeadlineExceeded})
}

// readPage reads the page of a request: its body, or the "page" (a file)
// or "text" field of a multipart form. The query's (or the form's) url and
// date and the request's Content-Type feed the options.
func (s *Server) readPage(w http.ResponseWriter, r *http.Request) (page, error) {
	q := r.URL.Query()
	p := page{name: q.Get("file")}
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt == "multipart/form-data" {
		return s.readForm(w, r, p)
	}
	var err error
	if p.opts, err = s.options(q.Get("url"), q.Get("date")); err != nil {
		return p, err
	}
	p.opts.ContentType = r.Header.Get("Content-Type")
	p.data, err = s.readBody(w, r.Body, r.ContentLength)
	return p, err
}

// readBody reads a body of at most --max-bytes; a larger one is refused
// from its Content-Length, unread, or once max+1 bytes have come.
func (s *Server) readBody(w http.ResponseWriter, body io.Reader, length int64) ([]byte, error) {
	max := s.cfg.MaxBytes
	if length > max {
		return nil, tooLargeError(max)
	}
	b, err := io.ReadAll(http.MaxBytesReader(w, io.NopCloser(body), max))
	s.metrics.bytes.Add(float64(len(b)))
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return nil, tooLargeError(max)
	}
	if err != nil {
		return nil, fmt.Errorf("read body: %w", err)
	}
	return b, nil
}

// formFieldMax bounds the small fields of the form (url, date).
const formFieldMax = 4 << 10

// readForm reads the form of GET /, part by part, without temporary files:
// "page" (a saved page) or, when that is empty, "text" (pasted text), and
// "url" and "date".
func (s *Server) readForm(w http.ResponseWriter, r *http.Request, p page) (page, error) {
	mr, err := r.MultipartReader()
	if err != nil {
		return p, badRequest("form: %w", err)
	}
	fields := map[string]string{}
	var pageData, text []byte
	var pageType string
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return p, fmt.Errorf("form: %w", err)
		}
		switch part.FormName() {
		case "page":
			pageData, err = s.readBody(w, part, -1)
			pageType = part.Header.Get("Content-Type")
			if p.name == "" {
				p.name = part.FileName()
			}
		case "text":
			text, err = s.readBody(w, part, -1)
		case "url", "date":
			var b []byte
			if b, err = io.ReadAll(io.LimitReader(part, formFieldMax+1)); len(b) > formFieldMax {
				err = badRequest("form: field %s is longer than %d bytes", part.FormName(), formFieldMax)
			}
			fields[part.FormName()] = string(bytes.TrimSpace(b))
		}
		part.Close()
		if err != nil {
			return p, err
		}
	}
	if p.opts, err = s.options(fields["url"], fields["date"]); err != nil {
		return p, err
	}
	p.data = pageData
	if len(bytes.TrimSpace(pageData)) == 0 {
		p.data, pageType = text, "text/plain; charset=utf-8" // what a browser sends a textarea in
	}
	p.opts.ContentType = pageType
	return p, nil
}

// options are the extraction options from the url and date given.
func (s *Server) options(pageURL, date string) (extract.Options, error) {
	opts := extract.Options{URL: pageURL, MaxBytes: s.cfg.MaxBytes, Segmenter: s.seg}
	if pageURL != "" {
		if _, err := url.Parse(pageURL); err != nil {
			return opts, badRequest("url %q: %w", pageURL, err)
		}
	}
	if date != "" {
		d, err := extract.ParseDate(date)
		if err != nil {
			return opts, badRequest("date %q is not YYYY-MM-DD", date)
		}
		opts.ReferenceDate = d
	}
	return opts, nil
}

// extractPage extracts one page on a worker, once one is free, within
// ctx. A panic of the library is a bug, but must not end the server: it
// becomes a panicError, logged with its stack and counted by fail.
func (s *Server) extractPage(ctx context.Context, p page) (doc *extract.Document, err error) {
	if err := s.pool.acquire(ctx); err != nil {
		return nil, ctxError(ctx)
	}
	defer s.pool.release()
	s.metrics.running.Inc()
	defer s.metrics.running.Dec()
	start := time.Now()
	defer func() {
		s.metrics.extracts.Observe(time.Since(start).Seconds())
		if v := recover(); v != nil {
			s.log.Error("panic during an extraction", "file", p.name, "panic", v, "stack", string(debug.Stack()))
			doc, err = nil, panicError{v}
		}
	}()
	doc, err = s.extract(ctx, p.data, p.opts)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctxError(ctx)
		}
		return nil, err
	}
	doc.File = p.name
	return doc, nil
}

// ctxError is why ctx ended: its timeoutError, or context.Canceled when
// the client went away.
func ctxError(ctx context.Context) error {
	if cause := context.Cause(ctx); cause != nil {
		return cause
	}
	return ctx.Err()
}

// writeDocument answers with doc in format. JSON is one compact line,
// byte for byte the command's --format jsonl line for the same page.
func (s *Server) writeDocument(w http.ResponseWriter, format string, doc *extract.Document) {
	s.extendWrite(w)
	var err error
	switch format {
	case mediaJSON:
		var b bytes.Buffer
		if err = export.JSONLine(&b, doc); err != nil {
			s.fail(w, doc.File, fmt.Errorf("encode: %w", err))
			return
		}
		w.Header().Set("Content-Type", mediaJSON)
		_, err = w.Write(b.Bytes())
	case mediaCSV:
		w.Header().Set("Content-Type", export.ContentTypeCSV)
		err = writeAll(export.NewCSV(w), doc)
	case mediaCalendar:
		w.Header().Set("Content-Type", export.ContentTypeCalendar)
		err = writeAll(export.NewCalendar(w), doc)
	case mediaHTML:
		w.Header().Set("Content-Type", export.ContentTypeHTML)
		err = writeAll(export.NewHTML(w, export.HTMLOptions{}), doc)
	}
	if err != nil {
		s.log.Debug("writing a response", "file", doc.File, "error", err)
	}
}

func writeAll(ew export.Writer, doc *extract.Document) error {
	if err := ew.Write(doc); err != nil {
		return err
	}
	return ew.Close()
}

// failHTML answers a person's failed upload with the HTML report's section
// for a failed input, under the error's status.
func (s *Server) failHTML(w http.ResponseWriter, file string, err error) {
	status, kind := classify(err)
	s.metrics.fail(kind)
	if status == http.StatusTooManyRequests || status == http.StatusServiceUnavailable {
		w.Header().Set("Retry-After", fmt.Sprint(retryAfterSeconds))
	}
	if file == "" {
		file = "upload"
	}
	w.Header().Set("Content-Type", export.ContentTypeHTML)
	w.WriteHeader(status)
	h := export.NewHTML(w, export.HTMLOptions{})
	if h.WriteError(file, err) == nil {
		_ = h.Close()
	}
}

// extendWrite gives the response --write-timeout from now: the deadline
// the server set when the request arrived also ran while it waited for a
// worker.
func (s *Server) extendWrite(w http.ResponseWriter) {
	_ = http.NewResponseController(w).SetWriteDeadline(time.Now().Add(s.cfg.WriteTimeout))
}
