// Package dictfile is the compiled form of zhengling's segmentation
// dictionary: gse's simplified dictionary merged with the project lexicon,
// with gse's load-time rules already applied (frequency < 2 dropped, single
// characters counted 2, ASCII letters lower-cased, first entry of a key wins),
// sorted by key and front-coded, then gzip-compressed.
//
// Layout of the uncompressed stream (all integers uvarint):
//
//	magic "zlseg2\n"
//	len(hash) hash            the lexicon hash the file was built from
//	len(v) v                  the gse module version whose dictionary it holds
//	len(h) h                  the SHA-256 of that gse dictionary (s_1.txt)
//	npos { len(pos) pos }     POS tag table
//	n { shared suffixLen suffix freq posIndex }   entries in key order
package dictfile

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"sort"
)

const magic = "zlseg2\n"

// ErrFormat reports a compiled dictionary that cannot be decoded.
var ErrFormat = errors.New("dictfile: bad format")

// Entry is one dictionary word.
type Entry struct {
	Key  string // the word as gse keys it (ASCII lower-cased)
	Freq uint64
	Pos  string
}

// Source is what a compiled dictionary was built from, so that a stale one
// is caught: the lexicon's hash, gse's module version and the SHA-256 of
// gse's dictionary file.
type Source struct {
	Hash        string
	GSEVersion  string
	GSEDictHash string
}

// Table is a decoded dictionary: key i is Keys[Off[i]:Off[i+1]].
type Table struct {
	Source
	Keys  []byte
	Off   []uint32
	Freq  []uint32
	Pos   []uint8
	Names []string // POS tags by index
}

// Len is the number of entries.
func (t *Table) Len() int { return len(t.Freq) }

// Key returns entry i's key.
func (t *Table) Key(i int) []byte { return t.Keys[t.Off[i]:t.Off[i+1]] }

// Encode writes entries (unique keys, any order) in the compiled form.
func Encode(w io.Writer, src Source, entries []Entry) error {
	es := append([]Entry(nil), entries...)
	sort.Slice(es, func(i, j int) bool { return es[i].Key < es[j].Key })
	posIndex := map[string]int{}
	var names []string
	for i, e := range es {
		if i > 0 && es[i-1].Key == e.Key {
			return fmt.Errorf("dictfile: duplicate key %q", e.Key)
		}
		if e.Freq > 1<<32-1 {
			return fmt.Errorf("dictfile: frequency of %q too large", e.Key)
		}
		if _, ok := posIndex[e.Pos]; !ok {
			posIndex[e.Pos] = len(names)
			names = append(names, e.Pos)
		}
	}
	if len(names) > 256 {
		return errors.New("dictfile: more than 256 POS tags")
	}
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	bw.WriteString(magic)
	putString(bw, src.Hash)
	putString(bw, src.GSEVersion)
	putString(bw, src.GSEDictHash)
	putUvarint(bw, uint64(len(names)))
	for _, n := range names {
		putString(bw, n)
	}
	putUvarint(bw, uint64(len(es)))
	prev := ""
	for _, e := range es {
		shared := commonPrefix(prev, e.Key)
		putUvarint(bw, uint64(shared))
		putString(bw, e.Key[shared:])
		putUvarint(bw, e.Freq)
		putUvarint(bw, uint64(posIndex[e.Pos]))
		prev = e.Key
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// Decode reads a compiled dictionary.
func Decode(data []byte) (*Table, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrFormat, err)
	}
	// gzip's trailer holds the uncompressed size: read in one buffer.
	var out bytes.Buffer
	if n := len(data); n >= 4 {
		if size := binary.LittleEndian.Uint32(data[n-4:]); size < 1<<28 {
			out.Grow(int(size) + bytes.MinRead)
		}
	}
	if _, err := out.ReadFrom(zr); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrFormat, err)
	}
	raw := out.Bytes()
	d := decoder{buf: raw}
	if !bytes.HasPrefix(raw, []byte(magic)) {
		return nil, fmt.Errorf("%w: magic", ErrFormat)
	}
	d.buf = raw[len(magic):]
	t := &Table{}
	t.Hash, t.GSEVersion, t.GSEDictHash = string(d.bytes()), string(d.bytes()), string(d.bytes())
	for range d.count(256) {
		t.Names = append(t.Names, string(d.bytes()))
	}
	n := d.count(len(d.buf))
	t.Off = make([]uint32, 1, n+1)
	t.Freq = make([]uint32, 0, n)
	t.Pos = make([]uint8, 0, n)
	t.Keys = make([]byte, 0, len(raw))
	var prev []byte
	for range n {
		shared := int(d.uvarint())
		suffix := d.bytes()
		if d.err != nil || shared > len(prev) {
			return nil, fmt.Errorf("%w: entry %d", ErrFormat, len(t.Freq))
		}
		start := len(t.Keys)
		t.Keys = append(t.Keys, prev[:shared]...)
		t.Keys = append(t.Keys, suffix...)
		prev = t.Keys[start:]
		t.Off = append(t.Off, uint32(len(t.Keys)))
		t.Freq = append(t.Freq, uint32(d.uvarint()))
		p := d.uvarint()
		if p >= uint64(len(t.Names)) {
			return nil, fmt.Errorf("%w: POS index %d", ErrFormat, p)
		}
		t.Pos = append(t.Pos, uint8(p))
	}
	if d.err != nil {
		return nil, fmt.Errorf("%w: %v", ErrFormat, d.err)
	}
	return t, nil
}

type decoder struct {
	buf []byte
	err error
}

func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.buf)
	if n <= 0 {
		d.err = errors.New("truncated")
		return 0
	}
	d.buf = d.buf[n:]
	return v
}

// count reads a length and rejects one above limit.
func (d *decoder) count(limit int) int {
	n := d.uvarint()
	if n > uint64(limit) {
		d.err = errors.New("count too large")
		return 0
	}
	return int(n)
}

func (d *decoder) bytes() []byte {
	n := d.count(len(d.buf))
	if d.err != nil {
		return nil
	}
	b := d.buf[:n]
	d.buf = d.buf[n:]
	return b
}

func putUvarint(w *bufio.Writer, v uint64) {
	var b [binary.MaxVarintLen64]byte
	w.Write(b[:binary.PutUvarint(b[:], v)])
}

func putString(w *bufio.Writer, s string) {
	putUvarint(w, uint64(len(s)))
	w.WriteString(s)
}

func commonPrefix(a, b string) int {
	n := min(len(a), len(b))
	for i := range n {
		if a[i] != b[i] {
			return i
		}
	}
	return n
}
