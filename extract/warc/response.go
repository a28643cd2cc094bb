package warc

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
	"strconv"
	"strings"
)

// response reads the HTML page of a response record's block, or gives
// ok false for anything else: another protocol, a status other than 2xx
// (redirects and error pages are not the document), another media type.
func (r *reader) response(blk *block, meta Record) page {
	p := page{meta: meta}
	br := bufio.NewReader(blk)
	if !bytes.HasPrefix(peek(br, len("HTTP/")), []byte("HTTP/")) {
		return p
	}
	status, hdr, err := readHeader(br, maxHeader)
	if err != nil || !success(status) {
		return p
	}
	ct := hdr.get("Content-Type")
	if ct != "" && !isHTMLType(ct) {
		return p
	}
	meta.ContentType = ct
	p = page{rec: meta, meta: meta, ok: true}
	size := blk.left + int64(br.Buffered())
	if size > r.max {
		p.err = fmt.Errorf("%w of %d bytes (%d bytes)", ErrTooLarge, r.max, size)
		return p
	}
	raw := make([]byte, size)
	if _, err := io.ReadFull(br, raw); err != nil {
		return p // truncated: the caller reports it
	}
	body, err := decodeBody(raw, hdr, r.max)
	if err != nil {
		p.err = err
		return p
	}
	if ct == "" && !isHTMLType(http.DetectContentType(body)) {
		return page{meta: meta}
	}
	p.rec.Body = body
	return p
}

// success reports whether an HTTP status line ("HTTP/1.1 200 OK") gives a 2xx status.
func success(status string) bool {
	fields := strings.Fields(status)
	if len(fields) < 2 {
		return false
	}
	code, err := strconv.Atoi(fields[1])
	return err == nil && code >= 200 && code <= 299
}

// decodeBody undoes the transfer and content codings of a stored body,
// each step within max bytes (a small gzip body can inflate to gigabytes).
func decodeBody(raw []byte, hdr header, max int64) ([]byte, error) {
	if hasToken(hdr.values("Transfer-Encoding"), "chunked") {
		// Some crawlers store the body de-chunked but keep the header: a
		// body that is not valid chunked coding is taken as it is.
		if body, err := readLimited(httputil.NewChunkedReader(bytes.NewReader(raw)), max); err == nil {
			raw = body
		}
	}
	return decodeContent(raw, hdr.get("Content-Encoding"), max)
}

// decodeContent undoes a gzip or deflate HTTP Content-Encoding, reading at
// most max decoded bytes. A body that does not start as its coding says was
// stored decoded and is returned as is.
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

// readLimited reads all of r, failing when it holds more than max bytes:
// it never reads more than max+1.
func readLimited(r io.Reader, max int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("%w of %d bytes", ErrTooLarge, max)
	}
	return data, nil
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
