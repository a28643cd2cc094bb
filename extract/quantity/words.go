package quantity

import "github.com/zhengling/zhengling/segment/lexicon"

// hasPrefixAt reports whether w is written at rs[i:].
func hasPrefixAt(rs []rune, i int, w string) bool { return lexicon.HasPrefixAt(rs, i, w) }

// hasSuffixAt reports whether w ends at rs[:e].
func hasSuffixAt(rs []rune, e int, w string) bool { return lexicon.HasSuffixAt(rs, e, w) }
