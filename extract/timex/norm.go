package timex

import (
	"slices"
	"sort"
	"strings"

	"github.com/zhengling/zhengling/extract/para"
	"github.com/zhengling/zhengling/segment"
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
	k := segment.Index(v.p.Tokens, i)
	return k >= 0 && int(v.p.Tokens[k].Start) < i
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

// Lexicon marks. The paragraph's cue words of the lexicon (package para
// marks them once, by their ends) are the words of stance the roles read:
// instruct, goal, schedule, forecast, report, limit …

// maxCueRunes bounds a cue word's length, to search marks by their ends.
const maxCueRunes = 16

// marksFrom returns the index of the first mark ending after i.
func (v view) marksFrom(i int) int {
	cues := v.p.Cues
	return sort.Search(len(cues), func(k int) bool { return int(cues[k].End) > i })
}

// cueIn reports a mark of the classes starting in [i, j).
func (v view) cueIn(i, j int, classes ...string) bool {
	cues := v.p.Cues
	for k := v.marksFrom(i); k < len(cues) && int(cues[k].End) <= j+maxCueRunes; k++ {
		if h := cues[k]; int(h.Start) >= i && int(h.Start) < j && slices.Contains(classes, h.Class) {
			return true
		}
	}
	return false
}

// cueBefore reports a mark of the classes in the clause before i, starting
// at most max runes back and ending by i.
func (v view) cueBefore(i, max int, classes ...string) bool {
	cues := v.p.Cues
	for k := v.marksFrom(i) - 1; k >= 0 && int(cues[k].End) >= i-max; k-- {
		if h := cues[k]; int(h.Start) >= i-max && slices.Contains(classes, h.Class) && !v.clauseEndIn(int(h.Start), i) {
			return true
		}
	}
	return false
}

// cueAfter reports a mark of the classes in the clause after i, starting at
// most max runes on.
func (v view) cueAfter(i, max int, classes ...string) bool {
	cues := v.p.Cues
	for k := v.marksFrom(i); k < len(cues) && int(cues[k].End) <= i+max+maxCueRunes; k++ {
		if h := cues[k]; int(h.Start) >= i && int(h.Start) <= i+max && slices.Contains(classes, h.Class) && !v.clauseEndIn(i, int(h.Start)+1) {
			return true
		}
	}
	return false
}

// cueAt reports a mark of the classes that starts at i.
func (v view) cueAt(i int, classes ...string) bool {
	cues := v.p.Cues
	for k := v.marksFrom(i); k < len(cues) && int(cues[k].End) <= i+maxCueRunes; k++ {
		if h := cues[k]; int(h.Start) == i && slices.Contains(classes, h.Class) {
			return true
		}
	}
	return false
}

// cueEndingAt reports a mark of the classes flagged work that ends at i
// (部署|第四季度, 决战|四季度).
func (v view) cueEndingAt(i int, classes ...string) bool {
	cues := v.p.Cues
	for k := v.marksFrom(i - 1); k < len(cues) && int(cues[k].End) == i; k++ {
		if h := cues[k]; slices.Contains(classes, h.Class) && h.Has(lexicon.Work) {
			return true
		}
	}
	return false
}

// workIn reports a schedule word flagged work in [i, j) (部署, 安排, 冲刺,
// 推进会).
func (v view) workIn(i, j int) bool {
	cues := v.p.Cues
	for k := v.marksFrom(i); k < len(cues) && int(cues[k].End) <= j+maxCueRunes; k++ {
		if h := cues[k]; int(h.Start) >= i && int(h.End) <= j && h.Has(lexicon.Work) {
			return true
		}
	}
	return false
}

func (v view) clauseEndIn(i, j int) bool {
	for k := max(i, 0); k < j && k < len(v.r); k++ {
		if isClauseEnd(v.r[k]) {
			return true
		}
	}
	return false
}
