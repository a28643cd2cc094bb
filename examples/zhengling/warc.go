package main

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/http/httputil"
	"net/textproto"
	"os"
	"strconv"
	"strings"

	"github.com/nlnwa/gowarc"
)

// WARC input. Each HTML response record of an archive (.warc or .warc.gz,
// told by content) is one input; its "file" is "<archive path>#<n>", n being
// the record's 1-based position among all the archive's records (warcinfo
// and request records count), so "crawl.warc.gz#3" is the third record.
// Other records (request, metadata, images, redirects) are skipped. A damaged
// stretch of the archive — a record that does not parse, a gzip member that
// does not inflate, junk between records, a truncated record — gives one
// error line named after the first record it hit; reading resumes at the next
// record that parses.

// warcOptions make syntax errors fail the record: with the library's
// lenient ErrWarn a read error inside a header (a corrupted gzip member)
// loops forever in v1.6.0, so the reader resyncs on its own instead.
// Spec violations are ignored so that blocks stream: with validation on,
// the library caches every block whole before handing it over, which for a
// 2 GB video record means 2 GB written to a temp file.
var warcOptions = []gowarc.WarcRecordOption{
	gowarc.WithSyntaxErrorPolicy(gowarc.ErrFail),
	gowarc.WithSpecViolationPolicy(gowarc.ErrIgnore),
	gowarc.WithUnknownRecordTypePolicy(gowarc.ErrIgnore),
	gowarc.WithBlockErrorPolicy(gowarc.ErrIgnore),
	gowarc.WithAddMissingDigest(false),
	gowarc.WithFixDigest(false),
}

// maxDamagedRuns bounds how many failed parses in a row are tried before an
// archive is given up: each one skips at least one byte, so this only ends
// archives that are garbage from some point on.
const maxDamagedRuns = 64

// warcReader reads the records of one archive.
type warcReader struct {
	path     string
	maxBytes int64
	count    *countingReader
	br       *bufio.Reader
	u        gowarc.Unmarshaler
	n        int // records met so far, the damaged stretches included
}

func newWARCReader(path string, r io.Reader, maxBytes int64) *warcReader {
	c := &countingReader{r: r}
	return &warcReader{
		path:     path,
		maxBytes: maxBytes,
		count:    c,
		br:       bufio.NewReaderSize(c, 256<<10),
		u:        gowarc.NewUnmarshaler(warcOptions...),
	}
}

// enumerateWARC sends the HTML response records of a WARC file, in order,
// and one error line per damaged stretch.
func enumerateWARC(path string, maxBytes int64, send func(*input) bool) bool {
	f, err := os.Open(path)
	if err != nil {
		return send(&input{name: path, err: fmt.Errorf("open: %w", unwrapPath(err))})
	}
	defer f.Close()
	var r io.Reader = f
	if gzippedWhole(path) {
		zr, err := gzip.NewReader(bufio.NewReader(f))
		if err != nil {
			return send(&input{name: path, err: fmt.Errorf("warc: %w", err)})
		}
		r = zr
	}
	return newWARCReader(path, r, maxBytes).each(send)
}

// gzippedWhole reports whether path is a WARC file gzipped as a whole
// (gzip crawl.warc) rather than record by record as crawlers write them:
// its first gzip member holds more than the first record. The library
// reads one record per member and would drop the rest; such a file is read
// as one stream instead, where damage ends the archive with one error line.
func gzippedWhole(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	zr, err := gzip.NewReader(bufio.NewReader(f))
	if err != nil {
		return false
	}
	zr.Multistream(false)
	member := bufio.NewReader(zr)
	length := int64(-1)
	for {
		line, err := member.ReadString('\n')
		if err != nil {
			return false
		}
		if strings.TrimSpace(line) == "" {
			break
		}
		if name, value, ok := strings.Cut(line, ":"); ok && strings.EqualFold(strings.TrimSpace(name), "Content-Length") {
			if length, err = strconv.ParseInt(strings.TrimSpace(value), 10, 64); err != nil {
				return false
			}
		}
	}
	if length < 0 {
		return false
	}
	if _, err := io.CopyN(io.Discard, member, length+int64(len("\r\n\r\n"))); err != nil {
		return false
	}
	rest, _ := member.Peek(len("WARC/"))
	return string(rest) == "WARC/"
}

// each sends every input of the archive; it returns false when send did.
func (w *warcReader) each(send func(*input) bool) bool {
	var damaged *input // error line of the damaged stretch being crossed
	for runs := 1; ; runs++ {
		if skipped := w.resync(); skipped > 0 && damaged == nil {
			damaged = w.damage(fmt.Errorf("%d bytes of damaged data before the next record", skipped))
		}
		if w.atEnd() {
			return damaged == nil || send(damaged)
		}
		in, err := w.next()
		if err == nil {
			if (damaged != nil && !send(damaged)) || (in != nil && !send(in)) {
				return false
			}
			damaged, runs = nil, 0
			continue
		}
		if damaged == nil {
			damaged = w.damage(err)
		}
		if runs >= maxDamagedRuns {
			damaged.err = fmt.Errorf("%w; the rest of the archive is unreadable", damaged.err)
			return send(damaged)
		}
	}
}

// next parses the record that starts here and turns it into an input (nil
// for a record that is not an HTML response), or returns its damage. It
// always moves on, so that resync looks past a start that does not parse.
func (w *warcReader) next() (*input, error) {
	before := w.pos()
	rec, err := w.unmarshal()
	if err == nil {
		var in *input
		if in, err = w.record(rec); err == nil {
			return in, nil
		}
	} else if rec != nil {
		_ = closeRecord(rec)
	}
	if w.pos() == before {
		_, _ = w.br.Discard(1)
	}
	return nil, err
}

// gzipMagic starts a gzip member that uses deflate, as every WARC writer's does.
var gzipMagic = []byte{0x1f, 0x8b, 0x08}

// resync skips to the next record start (a gzip member or "WARC/"),
// passing the blank lines some writers leave between records, and returns
// how many other bytes it skipped.
func (w *warcReader) resync() int64 {
	var skipped int64
	for {
		b, _ := w.br.Peek(len("WARC/"))
		if len(b) == 0 || bytes.HasPrefix(b, gzipMagic) || bytes.Equal(b, []byte("WARC/")) {
			return skipped
		}
		switch b[0] {
		case '\r', '\n', ' ', '\t':
		default:
			skipped++
		}
		_, _ = w.br.Discard(1)
	}
}

// atEnd reports whether the archive has no byte left.
func (w *warcReader) atEnd() bool {
	_, err := w.br.Peek(1)
	return err != nil
}

// unmarshal parses the record that starts here. The library indexes past
// short lines of some damaged headers ("WARC/\n" panics in v1.6.0): a panic
// there is that record's damage, not the end of the batch.
func (w *warcReader) unmarshal() (rec gowarc.WarcRecord, err error) {
	defer func() {
		if p := recover(); p != nil {
			rec, err = nil, fmt.Errorf("unparseable record: %v", p)
		}
	}()
	rec, _, _, err = w.u.Unmarshal(w.br)
	return rec, err
}

// closeRecord closes a record, skipping the rest of its block; closing a
// record whose block failed to parse panics in v1.6.0.
func closeRecord(rec gowarc.WarcRecord) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("unreadable record: %v", p)
		}
	}()
	return rec.Close()
}

// damage numbers a new damaged record and returns its error line.
func (w *warcReader) damage(err error) *input {
	w.n++
	return &input{name: w.name(), err: fmt.Errorf("warc: %w", err)}
}

func (w *warcReader) name() string { return fmt.Sprintf("%s#%d", w.path, w.n) }

// pos is the offset of the next unread byte of the archive file.
func (w *warcReader) pos() int64 { return w.count.n - int64(w.br.Buffered()) }

// record turns one parsed record into an input: nil for a record that is
// not an HTML response, an error line for a page too large or truncated.
// The error is the record's own damage (its gzip member does not check out).
func (w *warcReader) record(rec gowarc.WarcRecord) (in *input, err error) {
	w.n++
	defer func() {
		if p := recover(); p != nil {
			w.n--
			in, err = nil, fmt.Errorf("unreadable record: %v", p)
		}
	}()
	in = w.page(rec)
	if err := closeRecord(rec); err != nil {
		w.n-- // the damaged stretch starts at this record and numbers it
		return nil, err
	}
	return in, nil
}

// page reads the HTML page of a response record, or returns nil.
func (w *warcReader) page(rec gowarc.WarcRecord) *input {
	if rec.Type() != gowarc.Response {
		return nil
	}
	block, ok := rec.Block().(gowarc.HttpResponseBlock)
	if !ok || block.HttpHeader() == nil {
		return nil
	}
	if code := block.HttpStatusCode(); code < 200 || code > 299 {
		return nil // redirects and error pages are not the document
	}
	hdr := rawHeader(block.ProtocolHeaderBytes())
	ct := hdr.Get("Content-Type")
	if ct != "" && !isHTMLType(ct) {
		return nil
	}
	in := &input{name: w.name(), url: targetURI(rec), contentType: ct}
	if n, err := rec.ContentLength(); err == nil && n-int64(len(block.ProtocolHeaderBytes())) > w.maxBytes {
		in.err = fmt.Errorf("larger than --max-bytes %d", w.maxBytes)
		return in
	}
	in.data, in.err = w.payload(rec, block, hdr)
	if in.err == nil && ct == "" && !isHTMLType(http.DetectContentType(in.data)) {
		return nil
	}
	return in
}

// payload reads a response's body as the server meant it: chunked transfer
// coding removed, gzip or deflate content coding undone, each step within
// --max-bytes (a small gzip body can inflate to gigabytes).
func (w *warcReader) payload(rec gowarc.WarcRecord, block gowarc.HttpResponseBlock, hdr textproto.MIMEHeader) ([]byte, error) {
	r, err := block.PayloadBytes()
	if err != nil {
		return nil, fmt.Errorf("warc: payload: %w", err)
	}
	raw, err := readLimited(r, w.maxBytes)
	if err != nil {
		return nil, err
	}
	if n, err := rec.ContentLength(); err == nil && int64(len(block.ProtocolHeaderBytes())+len(raw)) < n {
		return nil, fmt.Errorf("warc: record truncated: Content-Length %d, %d bytes present", n, len(block.ProtocolHeaderBytes())+len(raw))
	}
	if hasToken(hdr.Values("Transfer-Encoding"), "chunked") {
		// Some crawlers store the body de-chunked but keep the header: a
		// body that is not valid chunked coding is taken as it is.
		if body, err := readLimited(httputil.NewChunkedReader(bytes.NewReader(raw)), w.maxBytes); err == nil {
			raw = body
		}
	}
	return decodeContent(raw, hdr.Get("Content-Encoding"), w.maxBytes)
}

// decodeContent undoes a gzip or deflate Content-Encoding. A body that does
// not start as its coding says was stored decoded and is returned as is.
func decodeContent(body []byte, coding string, max int64) ([]byte, error) {
	var r io.Reader
	var err error
	switch strings.ToLower(strings.TrimSpace(coding)) {
	case "", "identity":
		return body, nil
	case "gzip", "x-gzip":
		if !bytes.HasPrefix(body, []byte{0x1f, 0x8b}) {
			return body, nil
		}
		r, err = gzip.NewReader(bytes.NewReader(body))
	case "deflate":
		// RFC 9110 deflate is zlib-wrapped; some servers send raw deflate.
		if r, err = zlib.NewReader(bytes.NewReader(body)); err != nil {
			r, err = flate.NewReader(bytes.NewReader(body)), nil
		}
	default:
		return nil, fmt.Errorf("warc: unsupported Content-Encoding %q", coding)
	}
	if err != nil {
		return nil, fmt.Errorf("warc: Content-Encoding %s: %w", coding, err)
	}
	out, err := readLimited(r, max)
	if err != nil {
		return nil, fmt.Errorf("warc: Content-Encoding %s: %w", coding, err)
	}
	return out, nil
}

// rawHeader parses the stored HTTP header as it was sent: net/http's own
// parse moves Transfer-Encoding out of the header, and it is needed here.
func rawHeader(b []byte) textproto.MIMEHeader {
	r := textproto.NewReader(bufio.NewReader(bytes.NewReader(b)))
	if _, err := r.ReadLine(); err != nil { // the status line
		return textproto.MIMEHeader{}
	}
	h, _ := r.ReadMIMEHeader() // a damaged header still yields the fields before the damage
	if h == nil {
		h = textproto.MIMEHeader{}
	}
	return h
}

// isHTMLType reports whether a Content-Type names an HTML (or XHTML) page.
func isHTMLType(ct string) bool {
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		mt, _, _ = strings.Cut(strings.ToLower(ct), ";")
		mt = strings.TrimSpace(mt)
	}
	return mt == "text/html" || mt == "application/xhtml+xml"
}

// targetURI is the record's WARC-Target-URI; WARC 1.0 writers sometimes put
// it in angle brackets.
func targetURI(rec gowarc.WarcRecord) string {
	u := strings.TrimSpace(rec.WarcHeader().Get(gowarc.WarcTargetURI))
	return strings.TrimSuffix(strings.TrimPrefix(u, "<"), ">")
}

// hasToken reports whether a comma-separated header holds tok.
func hasToken(values []string, tok string) bool {
	for _, v := range values {
		for _, t := range strings.Split(v, ",") {
			if strings.EqualFold(strings.TrimSpace(t), tok) {
				return true
			}
		}
	}
	return false
}

// countingReader counts the bytes read through it, so that a failed parse
// can tell whether it moved on.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}
