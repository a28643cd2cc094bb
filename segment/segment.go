// Package segment is zhengling's only word segmenter: a shared, read-only
// github.com/go-ego/gse segmenter loaded once per process, extended with a
// government-domain lexicon, that returns tokens with rune offsets and POS tags.
package segment

import (
	"fmt"
	"sync"
	"unicode/utf8"

	"github.com/go-ego/gse"
)

// Token is one word of a text: its surface form, gse's part-of-speech tag and
// its rune (code point) offsets [Start, End) into the text it was cut from.
type Token struct {
	Text  string `json:"text"`
	Pos   string `json:"pos"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Segmenter cuts Chinese text into tokens. It is safe for concurrent use once
// constructed: all dictionary writes happen inside New.
type Segmenter struct {
	seg gse.Segmenter
}

// New loads gse's embedded simplified dictionary and the project lexicon.
// It is slow (hundreds of milliseconds); share the result.
func New() (*Segmenter, error) {
	var s Segmenter
	if err := s.seg.LoadDictEmbed("zh_s"); err != nil {
		return nil, fmt.Errorf("segment: load dictionary: %w", err)
	}
	return &s, nil
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

// Tokens cuts text and returns its tokens with rune offsets.
func (s *Segmenter) Tokens(text string) []Token {
	pos := s.seg.Pos(text, false)
	toks := make([]Token, 0, len(pos))
	at := 0
	for _, p := range pos {
		n := utf8.RuneCountInString(p.Text)
		toks = append(toks, Token{Text: p.Text, Pos: p.Pos, Start: at, End: at + n})
		at += n
	}
	return toks
}
