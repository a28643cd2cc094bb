package quantity

import "unicode/utf8"

// entry is one lexicon row with its word and rune length.
type entry[T any] struct {
	row  T
	word string
	n    int
}

// table indexes rows by the rune a match is tried from — the last rune
// for words that must end at an offset, the first for words that must start
// there — so a scan only tries the few rows that can match. Rows keep their
// longest-first order.
type table[T any] map[rune][]entry[T]

func byLast[T worded](rows []T) table[T] {
	return indexBy(rows, func(w string) rune { r, _ := utf8.DecodeLastRuneInString(w); return r })
}

func byFirst[T worded](rows []T) table[T] {
	return indexBy(rows, func(w string) rune { r, _ := utf8.DecodeRuneInString(w); return r })
}

// indexBy files each row under the rune key picks from its word.
func indexBy[T worded](rows []T, key func(string) rune) table[T] {
	ix := table[T]{}
	for _, r := range rows {
		w := wordOf(r)
		k := key(w)
		ix[k] = append(ix[k], entry[T]{r, w, utf8.RuneCountInString(w)})
	}
	return ix
}

// endingAt returns the rows whose word may end at rs[:e], longest first;
// callers confirm with hasSuffixAt.
func (ix table[T]) endingAt(rs []rune, e int) []entry[T] {
	if e <= 0 || e > len(rs) {
		return nil
	}
	return ix[rs[e-1]]
}

// startingAt returns the rows whose word may start at rs[k:].
func (ix table[T]) startingAt(rs []rune, k int) []entry[T] {
	if k < 0 || k >= len(rs) {
		return nil
	}
	return ix[rs[k]]
}

// longestEnding is the longest row whose word ends at rs[:e].
func (ix table[T]) longestEnding(rs []rune, e int) (entry[T], bool) {
	for _, c := range ix.endingAt(rs, e) {
		if hasSuffixAt(rs, e, c.word) {
			return c, true
		}
	}
	return entry[T]{}, false
}

// longestStarting is the longest row whose word starts at rs[k:].
func (ix table[T]) longestStarting(rs []rune, k int) (entry[T], bool) {
	for _, c := range ix.startingAt(rs, k) {
		if hasPrefixAt(rs, k, c.word) {
			return c, true
		}
	}
	return entry[T]{}, false
}

// The indexed lexicons of tables.go.
var (
	unitIx        = byFirst(units)
	suffixCmpIx   = byFirst(suffixComparators)
	notUnitIx     = byFirst(notUnitWords)
	goalAfterIx   = byFirst(goalAfter)
	figureAfterIx = byFirst(figureAfter)
	prefixCmpIx   = byLast(prefixComparators)
	changeIx      = byLast(changeVerbs)
	metricStopIx  = byLast(metricStops)
	linkVerbIx    = byLast(linkVerbs)
	notQuantityIx = byLast(notQuantityBefore)
	unitEndIx     = byLast(units)
	planVerbIx    = byFirst(planVerbs)
	priceMeasIx   = byFirst(priceMeasures)
	negationIx    = byFirst(negations)
	listNounIx    = byFirst(listNouns)
	priceWordIx   = byLast(priceWords)
)
