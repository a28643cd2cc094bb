package segment

import (
	"bytes"
	_ "embed"
	"fmt"
	"math"

	"github.com/zhengling/zhengling/segment/internal/dictfile"
)

// compiled is gse's simplified dictionary merged with the lexicon, compiled
// by internal/gendict (go generate). Decoding it takes a few tens of
// milliseconds where gse's own LoadDictEmbed("zh_s") takes ~0.9 s.
//
//go:embed dict/zh_s.dict
var compiled []byte

// dictionary is the read-only word table the cutter searches: keys sorted
// bytewise, each with gse's path cost and POS.
type dictionary struct {
	keys  []byte
	off   []uint32
	dist  []float32 // gse's distance: log2(total frequency) - log2(frequency)
	pos   []uint8
	names []string
	hash  string
}

func loadDictionary(data []byte) (*dictionary, error) {
	t, err := dictfile.Decode(data)
	if err != nil {
		return nil, fmt.Errorf("segment: compiled dictionary: %w", err)
	}
	if t.Len() == 0 {
		return nil, fmt.Errorf("segment: compiled dictionary: %w: no entries", dictfile.ErrFormat)
	}
	var total float64
	for _, f := range t.Freq {
		total += float64(f)
	}
	// The same float32 arithmetic as gse's CalcToken, so that paths tie and
	// win exactly as they do in gse.
	logTotal := float32(math.Log2(total))
	dist := make([]float32, t.Len())
	for i, f := range t.Freq {
		dist[i] = logTotal - float32(math.Log2(float64(f)))
	}
	return &dictionary{keys: t.Keys, off: t.Off, dist: dist, pos: t.Pos, names: t.Names, hash: t.Hash}, nil
}

func (d *dictionary) len() int { return len(d.dist) }

func (d *dictionary) key(i int) []byte { return d.keys[d.off[i]:d.off[i+1]] }

// narrow returns the sub-range of [lo, hi) whose keys start with prefix,
// given that every key of [lo, hi) starts with all of prefix but its last
// unit. lo == hi when there is none.
func (d *dictionary) narrow(lo, hi int, prefix []byte) (int, int) {
	// First key >= prefix.
	l, h := lo, hi
	for l < h {
		m := int(uint(l+h) >> 1)
		if bytes.Compare(d.key(m), prefix) < 0 {
			l = m + 1
		} else {
			h = m
		}
	}
	lo = l
	// First key that does not start with prefix.
	h = hi
	for l < h {
		m := int(uint(l+h) >> 1)
		if bytes.HasPrefix(d.key(m), prefix) {
			l = m + 1
		} else {
			h = m
		}
	}
	return lo, l
}
