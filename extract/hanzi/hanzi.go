// Package hanzi handles the script of Chinese text: it detects traditional
// script and gives a simplified, width-folded view that keeps exactly one
// rune per source rune, so offsets in the view point into the source.
package hanzi

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/longbridgeapp/opencc"
)

// Script names.
const (
	Simplified  = "simplified"
	Traditional = "traditional"
)

// traditionalShare is the share of Han runes that must be traditional-only
// for a text to count as traditional, and minTraditional their least
// number. Simplified pages quote a traditional name now and then
// (《臺灣通史》); in seed 004, a traditional mirror, the share is ~28 %.
const (
	traditionalShare = 0.10
	minTraditional   = 3
)

// converter holds OpenCC's t2s converter and the single-rune table built
// from it; both are loaded once, on first use.
type converter struct {
	cc    *opencc.OpenCC
	runes []rune // t2s of rune tableBase+i, 0 when it does not change
}

// tableBase and tableEnd bound the single-rune table (Extension A to the
// Compatibility Ideographs): a slice lookup is several times faster than
// a map on every rune of every paragraph.
const (
	tableBase = 0x3400
	tableEnd  = 0xFB00
)

// lookup returns the simplified form of a traditional-only rune.
func (c *converter) lookup(r rune) (rune, bool) {
	if r < tableBase || r >= tableEnd {
		return r, false
	}
	s := c.runes[r-tableBase]
	return s, s != 0
}

var (
	loadOnce sync.Once
	conv     converter
)

// hanRanges are the blocks scanned to build the single-rune table: CJK
// Extension A, the Unified Ideographs and the Compatibility Ideographs.
var hanRanges = [][2]rune{{0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xF900, 0xFAFF}}

func load() *converter {
	loadOnce.Do(func() {
		conv.runes = make([]rune, tableEnd-tableBase)
		cc, err := opencc.New("t2s")
		if err != nil {
			// Without OpenCC the view is width folding only; offsets stay valid.
			return
		}
		conv.cc = cc
		for _, rg := range hanRanges {
			for r := rg[0]; r <= rg[1]; r++ {
				out, err := cc.Convert(string(r))
				if err != nil || out == string(r) || utf8.RuneCountInString(out) != 1 {
					continue
				}
				s, _ := utf8.DecodeRuneInString(out)
				conv.runes[r-tableBase] = s
			}
		}
	})
	return &conv
}

// IsTraditional reports whether r is a traditional-only character, one
// that t2s converts (區, 發, 會).
func IsTraditional(r rune) bool {
	_, ok := load().lookup(r)
	return ok
}

// Detect returns Traditional when the paragraphs are written in traditional
// script, else Simplified.
func Detect(paragraphs []string) string {
	c := load()
	han, trad := 0, 0
	for _, p := range paragraphs {
		for _, r := range p {
			if !IsHan(r) {
				continue
			}
			han++
			if _, ok := c.lookup(r); ok {
				trad++
			}
		}
	}
	if trad >= minTraditional && float64(trad) >= traditionalShare*float64(han) {
		return Traditional
	}
	return Simplified
}

// Fold maps one rune to the form every recogniser matches on — the one fold
// of zhengling: full-width ASCII to ASCII (`（`→`(`, `１`→`1`, `：`→`:`),
// the ideographic space, the no-break space and tabs to a space, and the
// dashes of ranges to `-` (`9—10月`, `8–10万元`, `1～8月`). Other
// punctuation (。、“”) is kept.
func Fold(r rune) rune {
	switch {
	case r == '～' || r == '－':
		return '-'
	case r >= 0xFF01 && r <= 0xFF5E:
		return r - 0xFEE0
	case r == 0x3000 || r == 0x00A0 || r == '\t':
		return ' '
	case r == '−' || r == '—' || r == '–' || r == '─' || r == '~':
		return '-'
	}
	return r
}

// View returns the simplified, width-folded view of s, with as many runes as s.
// Text with traditional characters is converted phrase by phrase with OpenCC
// (so 乾隆 and 乾淨 both convert right); a phrase whose conversion would change
// its length is converted rune by rune instead.
func View(s string) string {
	c := load()
	for i, r := range s {
		if r == utf8.RuneError || Fold(r) != r {
			return foldFrom(c, s, i)
		}
		if _, ok := c.lookup(r); ok {
			return viewTraditional(c, s)
		}
	}
	return s // already simplified and folded: most lines of most pages
}

// foldFrom builds the view of s whose first i bytes are unchanged; it
// hands traditional text over to viewTraditional.
func foldFrom(c *converter, s string, i int) string {
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for _, r := range s[i:] {
		if _, ok := c.lookup(r); ok {
			return viewTraditional(c, s)
		}
		b.WriteRune(Fold(r)) // an invalid byte becomes U+FFFD, as in []rune(s)
	}
	return b.String()
}

// viewTraditional is View for text with traditional characters.
func viewTraditional(c *converter, s string) string {
	src := []rune(s)
	out := make([]rune, len(src))
	for i, r := range src {
		if t, ok := c.lookup(r); ok {
			r = t
		}
		out[i] = Fold(r)
	}
	if c.cc != nil {
		c.convertPhrases(src, out)
	}
	return string(out)
}

// convertPhrases overwrites out with OpenCC's phrase-level conversion of
// each chunk of src between punctuation marks, when the chunk keeps its length.
func (c *converter) convertPhrases(src, out []rune) {
	start := 0
	for i := 0; i <= len(src); i++ {
		if i < len(src) && IsHan(src[i]) {
			continue
		}
		if i-start > 1 {
			c.convertChunk(src[start:i], out[start:i])
		}
		start = i + 1
	}
}

func (c *converter) convertChunk(src, out []rune) {
	got, err := c.cc.Convert(string(src))
	if err != nil {
		return
	}
	rs := []rune(got)
	if len(rs) != len(src) {
		return
	}
	for i, r := range rs {
		out[i] = Fold(r)
	}
}

// Simplify converts s to simplified script with OpenCC's phrase conversion;
// unlike View it may change the length. It is for normalised values.
func Simplify(s string) string {
	c := load()
	if c.cc == nil {
		return s
	}
	got, err := c.cc.Convert(s)
	if err != nil {
		return s
	}
	return got
}

// mojibakeLead are the ASCII marks a mis-decoded run starts with in the
// traditional mirrors: a quote or full stop lost its second byte and the
// following bytes pair up wrongly (`項目?偟膩碚f` for `項目。總的來說`).
const mojibakeLead = "?!"

// maxMojibake bounds the length of one reported run.
const maxMojibake = 12

// Mojibake returns the mis-decoded runs of s: U+FFFD replacement runs and
// runs that start with an ASCII `?` or `!` wedged between Han characters and
// go on with Han runes and at least one stray ASCII letter (`?偟膩碚f`,
// `!八拇蠹摇鳖I導`).
func Mojibake(s string) []string {
	if strings.IndexRune(s, utf8.RuneError) < 0 && !strings.ContainsAny(s, mojibakeLead) {
		return nil // neither a replacement character nor a lead mark
	}
	rs := []rune(s)
	var out []string
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r == utf8.RuneError:
			j := i
			for j < len(rs) && j-i < maxMojibake && (rs[j] == utf8.RuneError || IsHan(rs[j])) {
				j++
			}
			out = append(out, string(rs[i:j]))
			i = j - 1
		case strings.ContainsRune(mojibakeLead, r) && i > 0 && isHanOrCJKPunct(rs[i-1]) &&
			i+1 < len(rs) && IsHan(rs[i+1]):
			j := i + 1
			for j < len(rs) && j-i < maxMojibake && (IsHan(rs[j]) || isASCIILetter(rs[j])) {
				j++
			}
			// A lone ASCII ? between Han is also a plain question mark in
			// half-width text (为什么?我们); a garbled run carries a stray
			// ASCII letter from a mis-paired trail byte.
			if k := lastLetter(rs[i+1 : j]); k >= 0 {
				j = i + 1 + k + 1 // the run ends at its last stray letter
				out = append(out, string(rs[i:j]))
				i = j - 1
			}
		}
	}
	return out
}

func isHanOrCJKPunct(r rune) bool {
	return IsHan(r) || (r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF) ||
		r == '”' || r == '“' || r == '…'
}

// lastLetter is the index of the last ASCII letter in rs, -1 if none.
func lastLetter(rs []rune) int {
	for i := len(rs) - 1; i >= 0; i-- {
		if isASCIILetter(rs[i]) {
			return i
		}
	}
	return -1
}

func isASCIILetter(r rune) bool {
	return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z')
}

// hanFirst is the first rune of the Han script (CJK Radicals Supplement):
// a bound that lets ASCII and Latin text skip the table search.
const hanFirst = 0x2E80

// IsHan reports whether r is a Han character (unicode.Han), quickly for
// the ASCII and punctuation that make up much of a page.
func IsHan(r rune) bool {
	return r >= hanFirst && unicode.Is(unicode.Han, r)
}
