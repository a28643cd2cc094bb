package clean

import (
	"regexp/syntax"
	"strings"
	"unicode/utf8"
)

// A prefilter is a cheap necessary condition for a regexp to match: one of
// its literals occurs in the text. It is derived from the regexp's syntax
// tree, so a rule's pattern stays its only definition; a rule whose
// literals are all absent from a line is skipped without running the
// backtracker (most lines hold none of the ~55 chrome rules' keywords).
type prefilter struct {
	any []string // nil: no literal is required, always run the regexp
}

// mayMatch reports whether the text contains one of the required literals.
func (p prefilter) mayMatch(s string) bool {
	if p.any == nil {
		return true
	}
	for _, lit := range p.any {
		if strings.Contains(s, lit) {
			return true
		}
	}
	return false
}

// maxClassRunes bounds the character classes taken as a set of literals
// ([>»›] is three literals; \S is none).
const maxClassRunes = 16

// newPrefilter derives the prefilter of a regexp; a pattern that does not
// parse, or requires no literal, gets the always-true prefilter.
func newPrefilter(expr string) prefilter {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return prefilter{}
	}
	lits, ok := required(re.Simplify())
	if !ok {
		return prefilter{}
	}
	return prefilter{any: lits}
}

// required returns literals of which every match of re contains at least
// one; ok is false when no such set is known. It is sound, not complete:
// every rule below only keeps what a match must contain.
func required(re *syntax.Regexp) (lits []string, ok bool) {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return nil, false // (?i)produced: any casing matches
		}
		return []string{string(re.Rune)}, true
	case syntax.OpCharClass:
		return classLiterals(re.Rune)
	case syntax.OpCapture:
		return required(re.Sub[0])
	case syntax.OpPlus:
		return required(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return required(re.Sub[0])
		}
	case syntax.OpConcat:
		return bestOf(re.Sub)
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			l, ok := required(sub)
			if !ok {
				return nil, false
			}
			lits = append(lits, l...)
		}
		return lits, true
	}
	return nil, false
}

// bestOf picks, among the parts of a concatenation, the requirement that
// filters most: the longest shortest literal, then the fewest literals.
func bestOf(subs []*syntax.Regexp) ([]string, bool) {
	var best []string
	found := false
	for _, sub := range subs {
		l, ok := required(sub)
		if !ok {
			continue
		}
		if !found || better(l, best) {
			best, found = l, true
		}
	}
	return best, found
}

func better(a, b []string) bool {
	ma, mb := shortest(a), shortest(b)
	if ma != mb {
		return ma > mb
	}
	return len(a) < len(b)
}

func shortest(lits []string) int {
	n := -1
	for _, l := range lits {
		if n < 0 || len(l) < n {
			n = len(l)
		}
	}
	return n
}

// classLiterals spells a small character class as its runes.
func classLiterals(ranges []rune) ([]string, bool) {
	var lits []string
	for i := 0; i+1 < len(ranges); i += 2 {
		lo, hi := ranges[i], ranges[i+1]
		if hi-lo >= maxClassRunes || len(lits)+int(hi-lo)+1 > maxClassRunes {
			return nil, false
		}
		for r := lo; r <= hi; r++ {
			if !utf8.ValidRune(r) {
				return nil, false
			}
			lits = append(lits, string(r))
		}
	}
	return lits, len(lits) > 0
}
