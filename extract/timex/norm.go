package timex

import (
	"sort"
	"strings"

	"github.com/zhengling/zhengling/extract/para"
	"github.com/zhengling/zhengling/segment/lexicon"
)

// view is the paragraph's simplified view (folded once by package hanzi),
// as runes and as UTF-8 with each rune's byte offset, so that word tests
// compare bytes. Its runes are the paragraph's: never modify them.
type view struct {
	p   *para.Paragraph
	r   []rune
	b   string
	off []int32 // off[i] is the byte offset of rune i; off[len(r)] = len(b)
}

func newView(p *para.Paragraph) view {
	r := p.SimpleRunes()
	off := make([]int32, 0, len(r)+1)
	for at := range p.Simple {
		off = append(off, int32(at))
	}
	off = append(off, int32(len(p.Simple)))
	return view{p: p, r: r, b: p.Simple, off: off}
}

// insideWord reports whether offset i falls inside a token of the
// segmenter: in 韩国庆熙大学 the 国 of 国庆 is inside the token 韩国.
func (v view) insideWord(i int) bool {
	toks := v.p.Tokens
	k := sort.Search(len(toks), func(j int) bool { return toks[j].End > i })
	return k < len(toks) && toks[k].Start < i
}

// at returns the rune at i, or 0 outside the text.
func (v view) at(i int) rune {
	if i < 0 || i >= len(v.r) {
		return 0
	}
	return v.r[i]
}

// has reports whether the text at i starts with s.
func (v view) has(i int, s string) bool {
	if i < 0 || i > len(v.r) {
		return false
	}
	return strings.HasPrefix(v.b[v.off[i]:], s)
}

// prefixAt returns the first word of words that the text at i starts with.
func (v view) prefixAt(i int, words []string) string {
	for _, w := range words {
		if v.has(i, w) {
			return w
		}
	}
	return ""
}

// suffixBefore returns the first word of words that ends right before i.
func (v view) suffixBefore(i int, words []string) string {
	if i < 0 || i > len(v.r) {
		return ""
	}
	head := v.b[:v.off[i]]
	for _, w := range words {
		if strings.HasSuffix(head, w) {
			return w
		}
	}
	return ""
}

// spaces skips blanks from i.
func (v view) spaces(i int) int {
	for i < len(v.r) && v.r[i] == ' ' {
		i++
	}
	return i
}

// spacesBack returns the start of the run of blanks that ends at i.
func (v view) spacesBack(i int) int {
	for i > 0 && v.r[i-1] == ' ' {
		i--
	}
	return i
}

func (v view) str(start, end int) string {
	if start < 0 {
		start = 0
	}
	if end > len(v.r) {
		end = len(v.r)
	}
	if start >= end {
		return ""
	}
	return string(v.r[start:end])
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// isPlaceholder reports a template blank standing for a number (9月*日,
// xx月底, XX月, ××日): the lexicon's placeholder marks.
func isPlaceholder(r rune) bool { return placeholderMark(r) }

var placeholderMark = lexicon.Default().PunctSet("placeholder")
