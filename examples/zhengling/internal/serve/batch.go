package serve

import (
	"bufio"
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"net/http"
	"strconv"
	"time"

	"github.com/zhengling/zhengling/extract"
	"github.com/zhengling/zhengling/extract/export"
	"github.com/zhengling/zhengling/extract/warc"
)

// batchFormats are the media types /v1/batch answers with: JSON Lines
// under its registered name and its older ones.
var batchFormats = []string{"application/jsonl", "application/x-ndjson", mediaJSON}

// defaultBatchName names the records of a batch without ?file=: batch#N.
const defaultBatchName = "batch"

// record is one page of a batch, or the error that kept it from being read.
type record struct {
	page
	err error
}

// outcome is a record done: its JSON line, encoded by the worker.
type outcome struct {
	line []byte
}

// handleBatch serves POST /v1/batch: a WARC archive (plain or gzipped,
// told by content) or JSON Lines of {file, url, date, content_type, body
// or body_base64}, answered as JSON Lines in input order as the pages are
// done. Memory is bounded whatever the upload's size: the body is read as
// a stream, and at most workers+1 records are held at once.
func (s *Server) handleBatch(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	name := q.Get("file")
	if name == "" {
		name = defaultBatchName
	}
	if negotiate(r.Header.Get("Accept"), batchFormats) == "" {
		s.metrics.fail(kindNotAccept)
		s.writeError(w, http.StatusNotAcceptable, name, fmt.Errorf("not acceptable: Accept %q; this endpoint gives JSON Lines", r.Header.Get("Accept")))
		return
	}
	base, err := s.options(q.Get("url"), q.Get("date"))
	if err != nil {
		s.fail(w, name, err)
		return
	}
	if !s.pool.enter() {
		s.fail(w, name, errOverloaded)
		return
	}
	defer s.pool.leave()

	rc := http.NewResponseController(w)
	_ = rc.EnableFullDuplex() // answer lines while the upload still comes
	body := bufio.NewReaderSize(&idleReader{r: r.Body, rc: rc, timeout: s.cfg.ReadTimeout}, 64<<10)
	var records iter.Seq[record]
	if isWARC(body) {
		records = s.warcRecords(body, name, base)
	} else {
		records = s.jsonlRecords(body, name, base)
	}
	w.Header().Set("Content-Type", export.ContentTypeJSONLines)
	w.WriteHeader(http.StatusOK)

	// Not r.Context(): a read error of the upload (--read-timeout) cancels
	// it, and the records read before must still get their lines. A
	// client gone is seen at the next write, which fails.
	ctx, cancel := context.WithCancel(context.WithoutCancel(r.Context()))
	defer cancel()
	var writeErr error
	s.extractInOrder(ctx, records, func(o outcome) {
		if writeErr != nil {
			return // draining: every record started must end before the handler does
		}
		_ = rc.SetWriteDeadline(time.Now().Add(s.cfg.WriteTimeout))
		if _, writeErr = w.Write(o.line); writeErr == nil {
			writeErr = rc.Flush()
		}
		if writeErr != nil {
			s.metrics.fail(kindSlowClient)
			s.log.Debug("batch: the client stopped reading", "error", writeErr)
			cancel()
			_ = rc.SetReadDeadline(time.Now()) // and stop reading its upload
		}
	})
}

// isWARC tells a WARC archive from JSON Lines. A JSON Lines batch is told
// from its first byte, without waiting for the 4 KiB warc.Sniff reads: a
// client that streams small records gets its first line at once.
func isWARC(br *bufio.Reader) bool {
	b, _ := br.Peek(1)
	if len(b) == 1 && bytes.IndexByte([]byte("{ \t\r\n"), b[0]) >= 0 {
		return false
	}
	return warc.Sniff(br)
}

// extractInOrder extracts the records, each under its own --timeout and
// on a worker once one is free, and hands their lines to write in input
// order. At most workers+1 records are held at once: the reading of the
// records waits while that many are being extracted or written. It
// returns once every record read has ended, when the records end or ctx
// does.
func (s *Server) extractInOrder(ctx context.Context, records iter.Seq[record], write func(outcome)) {
	order := make(chan chan outcome, s.cfg.Workers)
	go func() {
		defer close(order)
		for rec := range records {
			if ctx.Err() != nil {
				return
			}
			done := make(chan outcome, 1)
			select {
			case order <- done:
			case <-ctx.Done():
				return
			}
			if rec.err != nil {
				done <- s.line(rec.name, nil, rec.err)
				continue
			}
			go func() {
				pctx, cancel := s.deadline(ctx)
				defer cancel()
				doc, err := s.extractPage(pctx, rec.page)
				if err == nil {
					s.metrics.pages.WithLabelValues("batch").Inc()
				}
				done <- s.line(rec.name, doc, err)
			}()
		}
	}()
	for done := range order {
		write(<-done)
	}
}

// line encodes one record's JSON line: its Document, or its error line,
// counting the error.
func (s *Server) line(name string, doc *extract.Document, err error) outcome {
	var b bytes.Buffer
	if err == nil {
		if err = export.JSONLine(&b, doc); err != nil {
			b.Reset()
			err = fmt.Errorf("encode: %w", err)
		}
	}
	if err != nil {
		_, kind := classify(err)
		s.metrics.fail(kind)
		_ = export.JSONLine(&b, export.ErrorLine{File: name, Error: err.Error()})
	}
	return outcome{b.Bytes()}
}

// warcRecords are the HTML pages of a WARC archive, named name#N, and its
// damaged stretches, as the command reads them.
func (s *Server) warcRecords(r io.Reader, name string, base extract.Options) iter.Seq[record] {
	return func(yield func(record) bool) {
		for rec, err := range warc.Records(r, name, warc.Options{MaxBytes: s.cfg.MaxBytes}) {
			if errors.Is(err, warc.ErrTooLarge) {
				err = tooLargeError(s.cfg.MaxBytes)
			}
			opts := base
			opts.URL = firstNonEmpty(rec.URL, base.URL)
			opts.ContentType = rec.ContentType
			s.metrics.bytes.Add(float64(len(rec.Body)))
			if !yield(record{page{rec.Name, rec.Body, opts}, err}) {
				return
			}
		}
	}
}

// batchRecord is one line of a JSON Lines batch. Body is the page as text;
// BodyBase64 its bytes in any charset. File names the record's output
// line (default: the batch's name#N, N the line number); Date, URL and
// ContentType are the options of the command's flags of those names.
type batchRecord struct {
	File        string  `json:"file"`
	URL         string  `json:"url"`
	Date        string  `json:"date"`
	ContentType string  `json:"content_type"`
	Body        *string `json:"body"`
	BodyBase64  *string `json:"body_base64"`
}

// jsonlRecords are the records of a JSON Lines batch. A line that is too
// long is skipped unread past the limit; a line that is not a record gives
// its error line; blank lines are skipped.
func (s *Server) jsonlRecords(r *bufio.Reader, name string, base extract.Options) iter.Seq[record] {
	// base64 takes 4/3 of the bytes; the other fields a little more.
	limit := s.cfg.MaxBytes/3*4 + 64<<10
	return func(yield func(record) bool) {
		for n := 1; ; n++ {
			line, err := readLine(r, limit)
			rec := record{page: page{name: name + "#" + strconv.Itoa(n)}}
			switch {
			case errors.Is(err, io.EOF) && len(line) == 0:
				return
			case errors.Is(err, errLineTooLong):
				rec.err = tooLargeError(s.cfg.MaxBytes)
			case err != nil && !errors.Is(err, io.EOF):
				rec.err = fmt.Errorf("read body: %w", err)
			case len(bytes.TrimSpace(line)) == 0:
				continue
			default:
				rec = s.decodeRecord(line, rec.name, base)
			}
			s.metrics.bytes.Add(float64(len(rec.data)))
			if !yield(rec) || (err != nil && !errors.Is(err, errLineTooLong)) {
				return
			}
		}
	}
}

// decodeRecord reads one JSON Lines record.
func (s *Server) decodeRecord(line []byte, name string, base extract.Options) record {
	var br batchRecord
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.DisallowUnknownFields()
	rec := record{page: page{name: name}}
	if err := dec.Decode(&br); err != nil {
		rec.err = badRequest("record: %v", err)
		return rec
	}
	rec.name = firstNonEmpty(br.File, name)
	opts, err := s.options(firstNonEmpty(br.URL, base.URL), br.Date)
	if err != nil {
		rec.err = err
		return rec
	}
	if br.Date == "" {
		opts.ReferenceDate = base.ReferenceDate
	}
	opts.ContentType = br.ContentType
	rec.opts = opts
	switch {
	case br.Body != nil && br.BodyBase64 != nil:
		rec.err = badRequest("record: both body and body_base64")
	case br.Body != nil:
		rec.data = []byte(*br.Body)
	case br.BodyBase64 != nil:
		if rec.data, err = base64.StdEncoding.DecodeString(*br.BodyBase64); err != nil {
			rec.err = badRequest("record: body_base64: %v", err)
		}
	default:
		rec.err = badRequest("record: no body nor body_base64")
	}
	return rec
}

// errLineTooLong is readLine's error for a line over its limit.
var errLineTooLong = errors.New("line too long")

// readLine reads one line (without its newline) of at most limit bytes. A
// longer one is read to its end and dropped, and errLineTooLong returned;
// memory never holds more than limit bytes of it. At the end of r it
// returns the last line, if any, with io.EOF.
func readLine(r *bufio.Reader, limit int64) ([]byte, error) {
	var line []byte
	tooLong := false
	for {
		chunk, err := r.ReadSlice('\n')
		if !tooLong {
			if int64(len(line)+len(chunk)) > limit+1 { // +1: the newline
				tooLong, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if tooLong {
			if err == nil {
				err = errLineTooLong
			} else if errors.Is(err, io.EOF) {
				err = errLineTooLong
			}
			return nil, err
		}
		return bytes.TrimSuffix(line, []byte("\n")), err
	}
}

// idleReader is a request body whose read deadline moves --read-timeout
// ahead at each read: a batch may take long to upload, but a client that
// stops sending is cut off.
type idleReader struct {
	r       io.Reader
	rc      *http.ResponseController
	timeout time.Duration
}

func (ir *idleReader) Read(p []byte) (int, error) {
	_ = ir.rc.SetReadDeadline(time.Now().Add(ir.timeout))
	return ir.r.Read(p)
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}
