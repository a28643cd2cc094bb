// Package para holds the unit every recogniser reads: one body paragraph in
// its source script, its simplified, width-folded view (rune-aligned with the
// source), the segmenter's tokens of that view, and the reading of its
// clauses — their spans, the cue words found in them and, once package clause
// has read the document, what each clause does (its stance) and which period
// it is about (its frame).
package para

import (
	"github.com/zhengling/zhengling/segment"
	"github.com/zhengling/zhengling/segment/lexicon"
)

// Paragraph is one body paragraph. Simple has exactly as many runes as
// Source, so an offset found in Simple points at the same character in Source.
type Paragraph struct {
	Index   int             // position in Document.Paragraphs
	Source  string          // as written (traditional or simplified)
	Simple  string          // simplified script, full-width ASCII folded; rune-aligned
	Tokens  []segment.Token // tokens of Simple, rune offsets
	Lexicon *lexicon.Lexicon
	// Cues are the lexicon's stance and frame words in Simple, in order of
	// their ends (see lexicon.Index.Scan).
	Cues []lexicon.Hit
	// Clauses cover the paragraph in order; package clause fills their
	// Stance and Frame.
	Clauses []Clause
	src     []rune
	simple  []rune
}

// New builds a Paragraph and marks its clauses and cue words with lx (nil:
// lexicon.Default()). simple must have as many runes as source; when it does
// not, source is used as the view so that offsets stay valid.
func New(index int, source, simple string, tokens []segment.Token, lx *lexicon.Lexicon) *Paragraph {
	if lx == nil {
		lx = lexicon.Default()
	}
	p := &Paragraph{Index: index, Source: source, Simple: simple, Tokens: tokens, Lexicon: lx}
	p.src = []rune(source)
	switch {
	case simple == source: // simplified text: one slice of runes serves both
		p.simple = p.src
	default:
		p.simple = []rune(simple)
		if len(p.simple) != len(p.src) {
			p.Simple, p.simple = source, p.src
		}
	}
	p.mark()
	return p
}

// Len is the paragraph's length in runes.
func (p *Paragraph) Len() int { return len(p.src) }

// SourceRunes returns the source text as runes; callers must not modify it.
func (p *Paragraph) SourceRunes() []rune { return p.src }

// SimpleRunes returns the simplified view as runes; callers must not modify it.
func (p *Paragraph) SimpleRunes() []rune { return p.simple }

// Text returns the source text between rune offsets start and end, clamped
// to the paragraph.
func (p *Paragraph) Text(start, end int) string {
	start, end = clamp(start, len(p.src)), clamp(end, len(p.src))
	if start >= end {
		return ""
	}
	return string(p.src[start:end])
}

// SimpleText returns the simplified view between rune offsets start and end.
func (p *Paragraph) SimpleText(start, end int) string {
	start, end = clamp(start, len(p.simple)), clamp(end, len(p.simple))
	if start >= end {
		return ""
	}
	return string(p.simple[start:end])
}

func clamp(i, n int) int {
	if i < 0 {
		return 0
	}
	if i > n {
		return n
	}
	return i
}
