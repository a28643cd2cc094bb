// Package warc reads the HTML pages out of a WARC archive (ISO 28500:2017,
// WARC 1.0 and 1.1) as a stream: plain, gzipped record by record as
// crawlers write it, or gzipped as a whole, told by content, from a reader
// that is read once and never reopened or sought.
//
// Records yields, in archive order, each HTML response record (status 2xx,
// an HTML Content-Type or none and a body that sniffs as HTML) with its body
// as the server meant it, transfer and content codings undone. Other
// records (warcinfo, request, metadata, images, redirects) are skipped but
// counted, so that a record's name "ARCHIVE#N" is its 1-based position among
// all the archive's records.
//
// Reading never stops at damage. A stretch of the archive that does not
// parse — a broken header, a Content-Length that is negative, not a number or
// reaches past the end, a gzip member that does not inflate, junk between
// records, a cut-off record — is yielded as one error named after the first
// record it hits, and reading resumes at the next record header.
//
//	for rec, err := range warc.Records(f, "crawl.warc.gz", warc.Options{}) {
//		if err != nil {
//			log.Printf("%s: %v", rec.Name, err)
//			continue
//		}
//		doc, err := extract.Bytes(rec.Body, extract.Options{URL: rec.URL, ContentType: rec.ContentType})
//		…
//	}
package warc

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"iter"
	"time"

	"github.com/klauspost/compress/gzip"
)

// Record is one HTML response of an archive, or, yielded with an error, the
// record (or damaged stretch) the error is about.
type Record struct {
	// Name is "ARCHIVE#N": the name given to Records and the record's
	// 1-based position among all the records of the archive.
	Name string
	// URL is the record's WARC-Target-URI.
	URL string
	// ContentType is the HTTP Content-Type header of the response, "" when
	// it had none.
	ContentType string
	// Date is the record's WARC-Date, the zero Time when absent or unreadable.
	Date time.Time
	// Body is the page: chunked transfer coding and gzip or deflate content
	// coding undone.
	Body []byte
}

// Options configure Records. The zero Options are valid.
type Options struct {
	// MaxBytes bounds a record's body, as stored and once decoded; a larger
	// one gives ErrTooLarge. 0 means DefaultMaxBytes.
	MaxBytes int64
}

// DefaultMaxBytes is the body limit of the zero Options.
const DefaultMaxBytes = 32 << 20

// ErrTooLarge is the error of a record whose body is over Options.MaxBytes.
// Such a record is skipped without being read into memory.
var ErrTooLarge = errors.New("warc: body larger than the limit")

// Records reads the archive r, called name, and yields its HTML pages and
// its damage in order: a page with a nil error; a page that cannot be given
// (too large, an unknown content coding) or a damaged stretch with the
// error, rec.Name naming it and rec.URL, rec.ContentType and rec.Date filled
// when they were read. Errors start "warc: ". Reading stops at the end of r,
// at a read error of r (yielded last) or when the loop breaks.
func Records(r io.Reader, name string, opts Options) iter.Seq2[Record, error] {
	return func(yield func(Record, error) bool) {
		newReader(r, name, opts).each(yield)
	}
}

// sniffLen is how many bytes Sniff looks at: a gzip header and the deflate
// block header before the first record's first bytes fit in it.
const sniffLen = 4096

// Sniff reports whether br holds a WARC archive, plain or gzipped, from its
// first bytes (up to 4 KiB, which br's buffer should hold, as
// bufio.NewReader's does). It only peeks: nothing is consumed.
func Sniff(br *bufio.Reader) bool {
	head, _ := br.Peek(sniffLen)
	if bytes.HasPrefix(head, gzipMagic) {
		zr, err := gzip.NewReader(bytes.NewReader(head))
		if err != nil {
			return false
		}
		// A deflate stream cut short still gives what it decoded so far.
		magic := make([]byte, len("WARC/"))
		n, _ := io.ReadFull(zr, magic)
		head = magic[:n]
	}
	return bytes.HasPrefix(head, []byte("WARC/"))
}
