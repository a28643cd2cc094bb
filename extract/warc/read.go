package warc

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/klauspost/compress/gzip"
)

// maxDamagedRuns bounds how many failed parses in a row are tried before an
// archive is given up: each one moves on by at least one byte, so this only
// ends archives that are garbage from some point on.
const maxDamagedRuns = 64

// gzipMagic starts a gzip member that uses deflate, as every WARC writer's does.
var gzipMagic = []byte{0x1f, 0x8b, 0x08}

// reader is one archive being read. Records come from the current stream:
// the inflated bytes of the gzip member being read, or the archive itself
// between members and in a plain archive.
type reader struct {
	name   string
	max    int64
	raw    *bufio.Reader // the archive
	zr     *gzip.Reader  // reused from member to member
	zbuf   *bufio.Reader // reused buffer over zr
	member *bufio.Reader // the current member's bytes; nil outside one
	n      int           // records met so far, the damaged stretches included
}

func newReader(r io.Reader, name string, opts Options) *reader {
	max := opts.MaxBytes
	if max <= 0 {
		max = DefaultMaxBytes
	}
	return &reader{name: name, max: max, raw: bufio.NewReaderSize(r, 64<<10)}
}

// stream is where the next record is read from.
func (r *reader) stream() *bufio.Reader {
	if r.member != nil {
		return r.member
	}
	return r.raw
}

// page is the outcome of one record that parsed: a page (or a page's own
// error, such as ErrTooLarge) or nothing for a record that is not a page.
type page struct {
	rec  Record
	ok   bool
	err  error
	meta Record // what was read of a damaged record
}

// stretch is a damaged stretch being crossed: its error is yielded when a
// record parses again or the archive ends.
type stretch struct {
	rec Record
	err error
}

// each yields every page and every damaged stretch of the archive.
func (r *reader) each(yield func(Record, error) bool) {
	var damaged *stretch
	open := func(meta Record, err error) {
		if damaged == nil {
			r.n++
			meta.Name = r.recordName()
			damaged = &stretch{meta, err}
		}
	}
	flush := func() bool {
		d := damaged
		damaged = nil
		return d == nil || yield(d.rec, d.err)
	}
	for runs := 1; ; runs++ {
		skipped, err := r.resync()
		if skipped > 0 {
			open(Record{}, fmt.Errorf("warc: %d bytes of damaged data before the next record", skipped))
		}
		if errors.Is(err, io.EOF) {
			flush()
			return
		}
		if err != nil {
			if r.member != nil { // a gzip member broke between records: read on after it
				r.member = nil
				open(Record{}, fmt.Errorf("warc: gzip: %w", err))
				continue
			}
			if damaged != nil {
				damaged.err = fmt.Errorf("%w; then read: %w", damaged.err, err)
			}
			open(Record{}, fmt.Errorf("warc: read: %w", err))
			flush()
			return
		}
		p, err := r.next()
		if err == nil {
			if !flush() {
				return
			}
			runs = 0
			r.n++
			p.rec.Name = r.recordName()
			if p.ok && !yield(p.rec, p.err) {
				return
			}
			continue
		}
		open(p.meta, err)
		if runs >= maxDamagedRuns {
			damaged.err = fmt.Errorf("%w; the rest of the archive is unreadable", damaged.err)
			flush()
			return
		}
	}
}

func (r *reader) recordName() string { return r.name + "#" + strconv.Itoa(r.n) }

// resync moves to the next record start — a gzip member between members,
// a WARC version line at the start of a line — passing the blank lines that
// end records, and returns how many other bytes it skipped. At the end of a
// gzip member it goes on in the archive; at the end of the archive it
// returns io.EOF; a broken gzip member or a read error of the archive is
// returned as is.
func (r *reader) resync() (skipped int64, err error) {
	lineStart := true
	for {
		s := r.stream()
		b, err := s.Peek(len("WARC/1.0\r\n"))
		if len(b) == 0 {
			if r.member != nil && errors.Is(err, io.EOF) {
				r.member, lineStart = nil, true
				continue
			}
			return skipped, err
		}
		if (r.member == nil && bytes.HasPrefix(b, gzipMagic)) || (lineStart && isVersionLine(b)) {
			return skipped, nil
		}
		// Skip up to the next byte that could start a record.
		buf, _ := s.Peek(s.Buffered())
		i := 1 + bytes.IndexAny(buf[1:], "W\x1f")
		if i == 0 {
			i = len(buf)
		}
		skipped += int64(i - countBlank(buf[:i]))
		lineStart = buf[i-1] == '\n'
		_, _ = s.Discard(i)
	}
}

// isVersionLine reports whether b starts with a WARC version line
// ("WARC/1.1" and a line end), or with as much of one as b holds.
func isVersionLine(b []byte) bool {
	rest, ok := bytes.CutPrefix(b, []byte("WARC/"))
	if !ok {
		return false
	}
	for i, c := range rest {
		switch {
		case c >= '0' && c <= '9' || c == '.' && i > 0:
		case c == '\r' || c == '\n':
			return i > 0
		default:
			return false
		}
	}
	return true
}

func countBlank(b []byte) int {
	n := 0
	for _, c := range b {
		if c == '\r' || c == '\n' || c == ' ' || c == '\t' {
			n++
		}
	}
	return n
}

// next reads the record that starts here. An error is the record's damage;
// it always moves on by at least one byte, so that resync looks past a
// start that does not parse.
func (r *reader) next() (page, error) {
	if r.member == nil && bytes.HasPrefix(peek(r.raw, len(gzipMagic)), gzipMagic) {
		if err := r.openMember(); err != nil {
			return page{}, fmt.Errorf("warc: gzip: %w", err)
		}
	}
	p, err := r.record(r.stream())
	if err == nil && r.member != nil {
		err = r.memberIntact()
	}
	return p, err
}

func peek(s *bufio.Reader, n int) []byte {
	b, _ := s.Peek(n)
	return b
}

// openMember starts reading the gzip member at the archive's position.
// The gzip reader takes bytes one at a time from r.raw, so that at the
// member's end the archive is exactly at the next one.
func (r *reader) openMember() error {
	var err error
	if r.zr == nil {
		r.zr, err = gzip.NewReader(r.raw)
	} else {
		err = r.zr.Reset(r.raw)
	}
	if err != nil {
		return err
	}
	r.zr.Multistream(false)
	if r.zbuf == nil {
		r.zbuf = bufio.NewReaderSize(r.zr, 64<<10)
	} else {
		r.zbuf.Reset(r.zr)
	}
	r.member = r.zbuf
	return nil
}

// memberIntact checks, after a record read from a gzip member, that the
// member goes on or ends with a good checksum: a record gzipped on its own
// is only whole once its member's trailer checks out.
func (r *reader) memberIntact() error {
	for {
		b, err := r.member.Peek(1)
		if len(b) == 0 {
			if errors.Is(err, io.EOF) {
				return nil
			}
			r.member = nil
			return fmt.Errorf("warc: gzip: %w", err)
		}
		if countBlank(b) == 0 {
			return nil
		}
		_, _ = r.member.Discard(1)
	}
}

// record reads one record from s: its header, then its block.
func (r *reader) record(s *bufio.Reader) (page, error) {
	first, h, err := readHeader(s, maxHeader)
	if err != nil {
		return page{}, fmt.Errorf("warc: record header: %w", err)
	}
	if !isVersionLine([]byte(first + "\n")) {
		return page{}, fmt.Errorf("warc: record starts %.20q, not a WARC version line", first)
	}
	meta := Record{URL: targetURI(h.get("WARC-Target-URI")), Date: warcDate(h.get("WARC-Date"))}
	length, err := contentLength(h)
	if err != nil {
		return page{meta: meta}, err
	}
	blk := newBlock(s, length, r.max)
	p := page{rec: meta, meta: meta}
	if strings.EqualFold(h.get("WARC-Type"), "response") {
		p = r.response(blk, meta)
	}
	if err := blk.drain(); err != nil {
		r.replay(blk.replay)
		if errors.Is(err, io.ErrUnexpectedEOF) {
			err = fmt.Errorf("warc: record truncated: Content-Length %d, %d bytes present", length, blk.read)
		} else {
			err = fmt.Errorf("warc: record unreadable after %d bytes: %w", blk.read, err)
		}
		return page{meta: p.meta}, err
	}
	return p, nil
}

// replay makes the bytes a truncated block kept from its first possible
// record start the next ones read: a Content-Length reaching past the end
// then costs its own record only.
func (r *reader) replay(kept []byte) {
	if len(kept) == 0 {
		return
	}
	s := bufio.NewReaderSize(io.MultiReader(bytes.NewReader(kept), r.stream()), 64<<10)
	if r.member != nil {
		r.member = s
	} else {
		r.raw = s
	}
}

// contentLength is the record's Content-Length: one decimal number, the
// same in every field that gives it.
func contentLength(h header) (int64, error) {
	values := h.values("Content-Length")
	if len(values) == 0 {
		return 0, errors.New("warc: record has no Content-Length")
	}
	var length int64 = -1
	for _, v := range values {
		n, err := parseLength(v)
		if err != nil {
			return 0, err
		}
		if length >= 0 && n != length {
			return 0, fmt.Errorf("warc: Content-Length given twice, %d and %d", length, n)
		}
		length = n
	}
	return length, nil
}

// parseLength reads a Content-Length value: decimal digits only (no sign),
// within int64.
func parseLength(v string) (int64, error) {
	v = strings.TrimSpace(v)
	bad := v == ""
	for _, c := range []byte(v) {
		bad = bad || c < '0' || c > '9'
	}
	if bad {
		return 0, fmt.Errorf("warc: Content-Length %.40q is not a length", v)
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("warc: Content-Length %.40q is out of range", v)
	}
	return n, nil
}

// targetURI is a WARC-Target-URI; WARC 1.0 writers sometimes put it in
// angle brackets.
func targetURI(v string) string {
	return strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(v), "<"), ">")
}

// warcDate parses a WARC-Date (W3C date-time, UTC, seconds or finer).
func warcDate(v string) time.Time {
	t, err := time.Parse(time.RFC3339Nano, strings.TrimSpace(v))
	if err != nil {
		return time.Time{}
	}
	return t
}
