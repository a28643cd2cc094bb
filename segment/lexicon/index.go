package lexicon

import (
	"slices"
	"strings"
)

// Index finds the words of some classes in a rune slice. Rows are filed by
// their first and by their last rune, longest first, so that a scan tries
// only the few rows that can match at an offset.
type Index struct {
	byFirst map[rune][]*Entry
	byLast  map[rune][]*Entry
}

// Index returns the index of the given classes, built once per set.
func (lx *Lexicon) Index(classes ...string) *Index {
	key := strings.Join(classes, "\x00")
	lx.mu.Lock()
	defer lx.mu.Unlock()
	if ix, ok := lx.indexes[key]; ok {
		return ix
	}
	ix := NewIndex(lx.Entries(classes...))
	lx.indexes[key] = ix
	return ix
}

// NewIndex indexes entries.
func NewIndex(entries []*Entry) *Index {
	es := slices.Clone(entries)
	slices.SortStableFunc(es, func(a, b *Entry) int { return b.runes - a.runes })
	ix := &Index{byFirst: map[rune][]*Entry{}, byLast: map[rune][]*Entry{}}
	for _, e := range es {
		rs := []rune(e.Word)
		ix.byFirst[rs[0]] = append(ix.byFirst[rs[0]], e)
		ix.byLast[rs[len(rs)-1]] = append(ix.byLast[rs[len(rs)-1]], e)
	}
	return ix
}

// EndingAt returns the entries whose word ends at rs[:e], longest first.
func (ix *Index) EndingAt(rs []rune, e int) []*Entry {
	if e <= 0 || e > len(rs) {
		return nil
	}
	var out []*Entry
	for _, c := range ix.byLast[rs[e-1]] {
		if HasSuffixAt(rs, e, c.Word) {
			out = append(out, c)
		}
	}
	return out
}

// LongestEnding is the longest entry whose word ends at rs[:e].
func (ix *Index) LongestEnding(rs []rune, e int) (*Entry, bool) {
	if e <= 0 || e > len(rs) {
		return nil, false
	}
	for _, c := range ix.byLast[rs[e-1]] {
		if HasSuffixAt(rs, e, c.Word) {
			return c, true
		}
	}
	return nil, false
}

// LongestStarting is the longest entry whose word starts at rs[k:].
func (ix *Index) LongestStarting(rs []rune, k int) (*Entry, bool) {
	if k < 0 || k >= len(rs) {
		return nil, false
	}
	for _, c := range ix.byFirst[rs[k]] {
		if HasPrefixAt(rs, k, c.Word) {
			return c, true
		}
	}
	return nil, false
}

// ContainsIn reports whether a word of the index starts in rs[from:to].
func (ix *Index) ContainsIn(rs []rune, from, to int) bool {
	for k := max(from, 0); k < to && k < len(rs); k++ {
		if _, ok := ix.LongestStarting(rs, k); ok {
			return true
		}
	}
	return false
}

// Fits reports whether the word at rs[start:end] is the entry's word and not
// part of another: no NotAfter rune right before it, no NotBefore rune
// right after it.
func (e *Entry) Fits(rs []rune, start, end int) bool {
	if start > 0 && e.NotAfter != "" && strings.ContainsRune(e.NotAfter, rs[start-1]) {
		return false
	}
	if end < len(rs) && e.NotBefore != "" && strings.ContainsRune(e.NotBefore, rs[end]) {
		return false
	}
	return true
}

// HasPrefixAt reports whether w is written at rs[i:].
func HasPrefixAt(rs []rune, i int, w string) bool {
	if i < 0 {
		return false
	}
	for _, r := range w {
		if i >= len(rs) || rs[i] != r {
			return false
		}
		i++
	}
	return true
}

// HasSuffixAt reports whether w ends at rs[:e].
func HasSuffixAt(rs []rune, e int, w string) bool {
	if e > len(rs) {
		return false
	}
	n := 0
	for range w {
		n++
	}
	if e-n < 0 {
		return false
	}
	return HasPrefixAt(rs, e-n, w)
}

// Hit is one cue found in a text: its entry and rune span.
type Hit struct {
	Start, End int32
	*Entry
}

// Scan finds every word of the index in rs, in order of their ends (the
// shorter first at one end), each once. wordStart, when not nil, tells
// whether a segmenter token starts at an offset: an entry flagged Word must
// begin a token. Entries whose context undoes them (Fits) are
// left out.
func (ix *Index) Scan(rs []rune, wordStart func(int) bool) []Hit {
	var out []Hit
	for e := 1; e <= len(rs); e++ {
		cands := ix.byLast[rs[e-1]]
		for k := len(cands) - 1; k >= 0; k-- {
			c := cands[k]
			s := e - c.runes
			if s < 0 || !HasPrefixAt(rs, s, c.Word) || !c.Fits(rs, s, e) {
				continue
			}
			if c.Has(Word) && wordStart != nil && !wordStart(s) {
				continue
			}
			out = append(out, Hit{Start: int32(s), End: int32(e), Entry: c})
		}
	}
	return dropContained(out)
}

// dropContained removes hits that lie inside a longer one: 已 of 已经 is
// part of that word.
func dropContained(hits []Hit) []Hit {
	out := hits[:0]
	for i, h := range hits {
		inside := false
		for j := i + 1; j < len(hits) && hits[j].End <= h.End+maxWordRunes; j++ {
			if o := hits[j]; o.Start <= h.Start && o.End >= h.End && o.End-o.Start > h.End-h.Start {
				inside = true
				break
			}
		}
		if !inside {
			out = append(out, h)
		}
	}
	return out
}

// maxWordRunes bounds how far after a hit a longer one holding it may end.
const maxWordRunes = 16
