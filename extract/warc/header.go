package warc

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"net/textproto"
	"strings"
)

// maxHeader bounds a record's WARC header and its HTTP header: real ones
// are a few KB, and a stretch of garbage without a blank line is not read
// whole.
const maxHeader = 256 << 10

// header is the fields of a WARC or HTTP header, by canonical name.
type header textproto.MIMEHeader

func (h header) get(name string) string { return textproto.MIMEHeader(h).Get(name) }

func (h header) values(name string) []string { return textproto.MIMEHeader(h).Values(name) }

var errHeaderTooLong = errors.New("header longer than 256 KiB")

// readHeader reads a header from s: its first line (the WARC version or the
// HTTP status line), then "Name: value" fields, folded lines joined, up to
// the blank line that ends it, reading at most limit bytes and nothing past
// that line. Lines without a colon are skipped, as browsers do. The end of
// s before the blank line is io.ErrUnexpectedEOF.
func readHeader(s *bufio.Reader, limit int) (string, header, error) {
	budget := limit
	first, err := readLine(s, &budget)
	if err != nil {
		return "", nil, err
	}
	h := header{}
	var last string // the field a folded line continues
	for {
		line, err := readLine(s, &budget)
		if err != nil {
			return first, h, err
		}
		if line == "" {
			return first, h, nil
		}
		if line[0] == ' ' || line[0] == '\t' {
			if vs := h[last]; len(vs) > 0 {
				vs[len(vs)-1] += " " + strings.TrimSpace(line)
			}
			continue
		}
		name, value, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		last = textproto.CanonicalMIMEHeaderKey(strings.TrimSpace(name))
		h[last] = append(h[last], strings.TrimSpace(value))
	}
}

// readLine reads one line, without its line end, charging it to budget.
func readLine(s *bufio.Reader, budget *int) (string, error) {
	var long []byte // a line longer than s's buffer
	for {
		chunk, err := s.ReadSlice('\n')
		*budget -= len(chunk)
		if *budget < 0 {
			return "", errHeaderTooLong
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			long = append(long, chunk...)
			continue
		}
		if err != nil {
			if errors.Is(err, io.EOF) {
				err = io.ErrUnexpectedEOF
			}
			return "", err
		}
		if long != nil {
			chunk = append(long, chunk...)
		}
		return string(bytes.TrimRight(chunk, "\r\n")), nil
	}
}
