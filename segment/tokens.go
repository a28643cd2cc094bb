package segment

import "sort"

// Boundary reports whether a token boundary falls at rune offset i of the
// text tokens were cut from: at its start, its end, or between two tokens.
// A recogniser uses it to refuse a match inside a word: in "统一是" there is
// no boundary at 1, so "一是" there is not a marker.
func Boundary(tokens []Token, i int) bool {
	if len(tokens) == 0 {
		return i == 0
	}
	if i == int(tokens[len(tokens)-1].End) {
		return true
	}
	k := search(tokens, i)
	return k < len(tokens) && int(tokens[k].Start) == i
}

// TokenAt returns the token that covers rune offset i, and false when i is
// outside the text.
func TokenAt(tokens []Token, i int) (Token, bool) {
	k := Index(tokens, i)
	if k < 0 {
		return Token{}, false
	}
	return tokens[k], true
}

// Index returns the index of the token that covers rune offset i, or -1.
func Index(tokens []Token, i int) int {
	k := search(tokens, i)
	if k < len(tokens) && int(tokens[k].Start) <= i && i < int(tokens[k].End) {
		return k
	}
	return -1
}

// search returns the index of the first token that ends after i.
func search(tokens []Token, i int) int {
	return sort.Search(len(tokens), func(k int) bool { return int(tokens[k].End) > i })
}
