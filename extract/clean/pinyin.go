package clean

import "regexp"

// pinyinRE matches a pinyin annotation right after a Han character, as the
// traditional mirrors print them: 區(qū), 發(fā), 經(jīng), 戰（zhàn）, 會(huì ). A tone mark
// is required, so that (a) or (ok) after a character is kept.
var pinyinRE = regexp.MustCompile(`(\p{Han})[(（] ?([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-züāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]{0,12}) ?[)）]`)

// stripPinyin removes pinyin annotations after characters (區(qū) → 區).
func stripPinyin(s string) string {
	if !hasPinyinHint(s) {
		return s
	}
	return pinyinRE.ReplaceAllString(s, "$1")
}

// hasPinyinHint is a cheap pre-check: a tone-marked vowel occurs at all.
func hasPinyinHint(s string) bool {
	for _, r := range s {
		switch r {
		case 'ā', 'á', 'ǎ', 'à', 'ē', 'é', 'ě', 'è', 'ī', 'í', 'ǐ', 'ì',
			'ō', 'ó', 'ǒ', 'ò', 'ū', 'ú', 'ǔ', 'ù', 'ǖ', 'ǘ', 'ǚ', 'ǜ':
			return true
		}
	}
	return false
}
