// Package segment is zhengling's only word segmenter: gse's (jieba's)
// simplified dictionary and gse's shortest-path model, extended with a
// government-domain lexicon, compiled ahead of time so that a process is
// ready in tens of milliseconds instead of gse's ~0.9 s, and shared
// read-only by every goroutine. Tokens carry rune offsets and POS tags.
//
// What gse does and does not do (the recognisers design around it):
//
//   - Digits, Latin letters and '%' are pseudo tokens tagged "x", one per
//     run: "1.56%" is 1|.|56|%; numbers, units and dates are therefore
//     recognised on the raw text, and tokens serve word boundaries, POS
//     and organisation names (nt).
//   - Time words are cut by frequency, not meaning: gse alone gives
//     国庆|节前 and 三季度|末|前; the lexicon adds 国庆节前 and 三季度末, but
//     timex must still read dates on the text.
//   - Unknown names are cut into known pieces or single characters; a
//     leader's name before a title (李学文副镇长) is 李学文|副镇长 only when
//     gse knows the name.
//
// The tokens are exactly gse's (v0.80.3, Pos(text, false)) for the same
// dictionary; the tests check it against gse itself.
package segment

import (
	"encoding/json"
	"fmt"
	"sync"
	"unicode/utf8"
)

// Token is one word of a text: its surface form, gse's part-of-speech tag
// (Pos) and its rune (code point) offsets [Start, End) into the text it was
// cut from. An invalid UTF-8 byte counts as one rune, as in []rune(text).
//
// A document keeps one Token for every word of its text — 1.8 million for
// 8 MB of prose — so a Token is 32 bytes, not the 48 of two strings and two
// ints: offsets are int32 (a paragraph of 2³¹ runes is 6 GB of text, far
// over any MaxBytes) and the tag is an index into the tags seen so far.
type Token struct {
	Text       string
	Start, End int32
	pos        posID
}

// Pos returns the token's part-of-speech tag ("n", "v", "nt", …, "x" for
// digits, letters and punctuation; "" for a zero Token).
func (t Token) Pos() string { return posName(t.pos) }

// MarshalJSON writes the token as {"text","pos","start","end"}.
func (t Token) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Text  string `json:"text"`
		Pos   string `json:"pos"`
		Start int32  `json:"start"`
		End   int32  `json:"end"`
	}{t.Text, t.Pos(), t.Start, t.End})
}

// Segmenter cuts Chinese text into tokens. It is immutable once constructed
// and safe for concurrent use.
type Segmenter struct {
	dict *dictionary
	pool sync.Pool // *scratch
}

// New decodes the compiled dictionary (gse's simplified dictionary plus the
// project lexicon). It takes about 40 ms and keeps ~11 MB; share
// the result, or use Default.
func New() (*Segmenter, error) {
	d, err := loadDictionary(compiled)
	if err != nil {
		return nil, err
	}
	if err := lexiconError(); err != nil {
		return nil, err
	}
	return newSegmenter(d), nil
}

func newSegmenter(d *dictionary) *Segmenter {
	s := &Segmenter{dict: d}
	s.pool.New = func() any { return new(scratch) }
	return s
}

var (
	defaultOnce sync.Once
	defaultSeg  *Segmenter
	defaultErr  error
)

// Default returns the process-wide segmenter, loading it on first use.
func Default() (*Segmenter, error) {
	defaultOnce.Do(func() { defaultSeg, defaultErr = New() })
	return defaultSeg, defaultErr
}

// Preload starts loading the Default segmenter in the background, so that a
// command can overlap it with reading and cleaning its input.
func Preload() { go Default() }

// Tokens cuts text and returns its tokens with rune offsets. The tokens are
// contiguous and cover text: the first starts at 0, each starts where the
// previous ends, the last ends at the text's rune count.
//
// Offsets are int32: a text over MaxText bytes is not cut and gives nil
// (extract's MaxBytes keeps its paragraphs far below it).
func (s *Segmenter) Tokens(text string) []Token {
	if text == "" || len(text) > MaxText {
		return nil
	}
	sc := s.pool.Get().(*scratch)
	defer s.release(sc)
	sc.lower = lowerASCII(sc.lower, text)
	sc.units = units(sc.lower, sc.units)
	js := s.dict.shortestPath(sc)
	return s.readPath(text, sc.units, js)
}

// MaxText is the longest text Tokens cuts, in bytes.
const MaxText = 1 << 30

// maxPooledUnits bounds the scratch kept for reuse, so that one huge text
// does not pin its buffers for the life of the process.
const maxPooledUnits = 1 << 16

func (s *Segmenter) release(sc *scratch) {
	if cap(sc.units) <= maxPooledUnits {
		s.pool.Put(sc)
	}
}

// readPath walks the best path back from the last unit and emits its words
// in text order.
func (s *Segmenter) readPath(text string, us []unit, js []jumper) []Token {
	n := 0
	for i := len(us) - 1; i >= 0; i -= js[i].n() {
		n++
	}
	toks := make([]Token, n)
	for i := len(us) - 1; i >= 0; i -= js[i].n() {
		n--
		first := i - js[i].n() + 1
		toks[n] = Token{Text: text[us[first].start:us[i].end], pos: s.pos(js[i].entry())}
	}
	var at int32
	for i := range toks {
		toks[i].Start = at
		at += int32(utf8.RuneCountInString(toks[i].Text))
		toks[i].End = at
	}
	return toks
}

func (s *Segmenter) pos(entry int32) posID {
	if entry < 0 {
		return posX
	}
	return s.dict.posIDs[s.dict.pos[entry]]
}

// String describes the segmenter's dictionary.
func (s *Segmenter) String() string {
	return fmt.Sprintf("segment.Segmenter(%d words)", s.dict.len())
}
