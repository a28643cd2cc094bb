package segment

import (
	"bytes"
	_ "embed"
	"fmt"
	"math"
	"unicode/utf8"

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
	keys   []byte
	off    []uint32
	dist   []float32 // gse's distance: log2(total frequency) - log2(frequency)
	pos    []uint8
	names  []string
	posIDs []posID         // names[i] as a Token's tag
	from   dictfile.Source // what it was built from
	// byRune[r] is the range of keys that start with rune r (r < 0x10000),
	// so a cut starts its search in a few hundred keys, not 350k, and the
	// range of its children in kids.
	byRune []runeIndex
	// kids[byRune[r].kidLo:byRune[r].kidHi] are the second runes of the keys
	// starting with r, in order, each with the range of keys starting with
	// the two runes: most words are two or three characters, so most cuts
	// never compare key bytes.
	kids []child
	end  []int32 // see indexExtensions
}

type runeIndex struct{ lo, hi, kidLo, kidHi int32 }

type child struct {
	r      rune
	lo, hi int32
}

func loadDictionary(data []byte) (*dictionary, error) {
	t, err := dictfile.Decode(data)
	if err != nil {
		return nil, fmt.Errorf("segment: compiled dictionary: %w", err)
	}
	if t.Len() == 0 || t.Len() > maxEntries {
		return nil, fmt.Errorf("segment: compiled dictionary: %w: %d entries (1 to %d)", dictfile.ErrFormat, t.Len(), maxEntries)
	}
	for i := range t.Len() {
		if n := utf8.RuneCount(t.Key(i)); n > maxUnits {
			return nil, fmt.Errorf("segment: compiled dictionary: %w: a word of %d runes (at most %d)", dictfile.ErrFormat, n, maxUnits)
		}
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
	d := &dictionary{keys: t.Keys, off: t.Off, dist: dist, pos: t.Pos, names: t.Names, from: t.Source}
	d.posIDs = make([]posID, len(d.names))
	for i, name := range d.names {
		d.posIDs[i] = internPOS(name)
	}
	d.indexRunes()
	d.indexExtensions()
	return d, nil
}

func (d *dictionary) len() int { return len(d.dist) }

func (d *dictionary) key(i int) []byte { return d.keys[d.off[i]:d.off[i+1]] }

// indexRunes fills byRune and kids. Keys sorted bytewise are sorted by
// runes, since UTF-8 preserves code point order.
func (d *dictionary) indexRunes() {
	d.byRune = make([]runeIndex, 0x10000)
	for i := range d.len() {
		k := d.key(i)
		r1, n1 := bmpRune(k)
		if n1 == 0 {
			continue
		}
		ri := &d.byRune[r1]
		if ri.hi == 0 {
			*ri = runeIndex{lo: int32(i), kidLo: int32(len(d.kids)), kidHi: int32(len(d.kids))}
		}
		ri.hi = int32(i + 1)
		r2, n2 := utf8.DecodeRune(k[n1:])
		if n2 == 0 || (r2 == utf8.RuneError && n2 == 1) {
			continue
		}
		if last := len(d.kids) - 1; int(ri.kidHi) > int(ri.kidLo) && d.kids[last].r == r2 {
			d.kids[last].hi = int32(i + 1)
			continue
		}
		d.kids = append(d.kids, child{r: r2, lo: int32(i), hi: int32(i + 1)})
		ri.kidHi = int32(len(d.kids))
	}
}

// bmpRune decodes the first rune of b when it is a valid rune below
// 0x10000; n is 0 otherwise.
func bmpRune(b []byte) (r rune, n int) {
	r, n = utf8.DecodeRune(b)
	if r >= 0x10000 || (r == utf8.RuneError && n < 2) {
		return 0, 0
	}
	return r, n
}

// start returns the range of keys that start with the first rune of unit
// and whether that range is exactly the keys starting with all of unit.
func (d *dictionary) start(unit []byte) (lo, hi int, exact bool) {
	r, n := bmpRune(unit)
	if n == 0 {
		return 0, d.len(), false
	}
	ri := d.byRune[r]
	return int(ri.lo), int(ri.hi), n == len(unit)
}

// second returns the range of keys that start with runes r1 r2, found in
// r1's children.
func (d *dictionary) second(r1, r2 rune) (lo, hi int) {
	ri := d.byRune[r1]
	kids := d.kids[ri.kidLo:ri.kidHi]
	l, h := 0, len(kids)
	for l < h {
		m := int(uint(l+h) >> 1)
		if kids[m].r < r2 {
			l = m + 1
		} else {
			h = m
		}
	}
	if l < len(kids) && kids[l].r == r2 {
		return int(kids[l].lo), int(kids[l].hi)
	}
	return 0, 0
}

// narrow returns the sub-range of [lo, hi) whose keys start with prefix,
// given that every key of [lo, hi) starts with prefix[:shared]. lo == hi
// when there is none.
func (d *dictionary) narrow(lo, hi, shared int, prefix []byte) (int, int) {
	rest := prefix[shared:]
	// First key >= prefix; the shared bytes need no comparing.
	for l, h := lo, hi; ; {
		if l >= h {
			lo = l
			break
		}
		m := int(uint(l+h) >> 1)
		if bytes.Compare(d.key(m)[shared:], rest) < 0 {
			l = m + 1
		} else {
			h = m
		}
	}
	if lo == hi || !bytes.HasPrefix(d.key(lo)[shared:], rest) {
		return lo, lo
	}
	if len(d.key(lo)) == len(prefix) {
		return lo, int(d.end[lo]) // prefix is a word: its extensions follow it
	}
	l, h := lo+1, hi
	for l < h {
		m := int(uint(l+h) >> 1)
		if bytes.HasPrefix(d.key(m)[shared:], rest) {
			l = m + 1
		} else {
			h = m
		}
	}
	return lo, l
}

// indexExtensions fills end: end[i] is the first key after i that does not
// start with key i. Sorted keys nest like parentheses; a stack of open
// prefixes finds every end in one pass.
func (d *dictionary) indexExtensions() {
	d.end = make([]int32, d.len())
	var open []int32
	for i := range d.len() {
		k := d.key(i)
		for len(open) > 0 && !bytes.HasPrefix(k, d.key(int(open[len(open)-1]))) {
			d.end[open[len(open)-1]] = int32(i)
			open = open[:len(open)-1]
		}
		open = append(open, int32(i))
	}
	for _, j := range open {
		d.end[j] = int32(d.len())
	}
}
