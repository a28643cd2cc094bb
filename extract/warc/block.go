package warc

import (
	"bufio"
	"bytes"
	"errors"
	"io"
)

// block reads a record's block: its Content-Length bytes, or fewer when
// the stream ends first. So that a Content-Length reaching past the end of
// the archive does not swallow the records after it, the block keeps the
// bytes from the first line that could start a record ("WARC/" after a line
// end) on, up to keep bytes; reading resumes with them when the block turns
// out truncated.
type block struct {
	s      *bufio.Reader
	left   int64 // bytes still to read
	read   int64 // bytes read
	err    error // what ended the block early
	tail   []byte
	replay []byte // bytes from the first possible record start; nil before one
	keep   int
}

// recordStart is what the first line of a record looks like inside another
// record's block.
const recordStart = "\nWARC/"

func newBlock(s *bufio.Reader, length, keep int64) *block {
	// The block follows the blank line that ends the header.
	return &block{s: s, left: length, tail: append(make([]byte, 0, 2*len(recordStart)), '\n'), keep: int(min(keep, 1<<30))}
}

func (b *block) Read(p []byte) (int, error) {
	if b.err != nil {
		return 0, b.err
	}
	if b.left == 0 {
		return 0, io.EOF
	}
	if int64(len(p)) > b.left {
		p = p[:b.left]
	}
	n, err := b.s.Read(p)
	b.left -= int64(n)
	b.read += int64(n)
	b.watch(p[:n])
	if err != nil && b.left > 0 {
		if errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF
		}
		b.err = err
		return n, err
	}
	return n, nil
}

// drain reads the rest of the block; it returns what ended it early, if anything.
func (b *block) drain() error {
	if b.left > 0 && b.err == nil {
		var buf [32 << 10]byte
		for {
			if _, err := b.Read(buf[:]); err != nil {
				break
			}
		}
	}
	return b.err
}

// watch keeps the bytes p from the first possible record start on.
func (b *block) watch(p []byte) {
	if b.replay != nil {
		b.replay = append(b.replay, p...)
	} else if start := b.find(p); start < len(p) {
		if start < 0 { // the start began in the bytes before p
			b.replay = append(b.replay, b.tail[len(b.tail)+start:]...)
			start = 0
		}
		b.replay = append(b.replay, p[start:]...)
	}
	b.slide(p)
	if len(b.replay) > b.keep {
		b.replay = nil // too far from the end to replay: look for a later start
	}
}

// find returns where in p the first record start is: len(p) for none, -k
// for one whose first k bytes are the last ones before p.
func (b *block) find(p []byte) int {
	// A start straddling the previous bytes and p.
	var joined [2 * len(recordStart)]byte
	j := append(append(joined[:0], b.tail...), p[:min(len(p), len(recordStart)-1)]...)
	if i := bytes.Index(j, []byte(recordStart)); i >= 0 {
		return i + 1 - len(b.tail)
	}
	if i := bytes.Index(p, []byte(recordStart)); i >= 0 {
		return i + 1
	}
	return len(p)
}

// slide keeps the last bytes read (fewer than a record start), for find to
// match across reads.
func (b *block) slide(p []byte) {
	const n = len(recordStart) - 1
	if len(p) >= n {
		b.tail = append(b.tail[:0], p[len(p)-n:]...)
		return
	}
	b.tail = append(b.tail, p...)
	if len(b.tail) > n {
		copy(b.tail, b.tail[len(b.tail)-n:])
		b.tail = b.tail[:n]
	}
}
