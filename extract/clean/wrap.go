package clean

import (
	"strings"
	"unicode/utf8"

	"github.com/zhengling/zhengling/segment"
)

// maxItemHeading bounds a numbered heading line that has commas but no
// final punctuation (一、认真总结成绩,准确把握态势,始终保持加快发展的劲头).
const maxItemHeading = 40

// boundaryWindow is how many runes either side of a line break are
// segmented to see whether a word runs across it.
const boundaryWindow = 4

// nounLike are the POS tags of a word a heading may end with (劲头/n,
// 发展/vn); a wrapped line ends mid-phrase, often on one character
// (促进民/ng + 营经济, 坚决筑牢/a + 安全生产防线).
var nounLike = map[string]bool{"n": true, "vn": true, "an": true, "nz": true, "nt": true, "ns": true, "nr": true, "nw": true}

// subjectStart are the POS tags of a first word that opens a sentence of
// its own: a subject or a time (全县/n 上下, 我们/r, 今年/t). A line opening
// on an adverb or verb continues the line before (商丘机场 | 已经/d 按…).
var subjectStart = map[string]bool{"n": true, "nr": true, "ns": true, "nt": true, "nz": true, "r": true, "t": true}

// itemHeadingBreak reports whether the numbered line prev, which has
// commas and no final punctuation, is a heading of its own before next
// rather than the first part of a hard-wrapped item. It is, when prev has
// no full stop and ends on a whole noun-like word, no word runs across the
// break, and next opens a sentence of its own with a subject and ends it:
//
//	一、认真总结成绩,准确把握态势,始终保持加快发展的劲头 | 全县上下努力克服…。 → break
//	二、明确责任,狠抓落实 | 各承办单位要明确…。 → break (各…要: a subject that must act)
//	二、落实好“一联三帮”机制,…,促进民 | 营经 济“两个健康”发展 → join
//	第二,要防患未然,坚决筑牢 | 安全生产防线。… → join
//	(三)加快推动重大项目建设。…目前,商丘机场 | 已经按省发改委要求… → join
func itemHeadingBreak(prev, next line) bool {
	if !startsItem(prev.view) || utf8.RuneCountInString(prev.view) > maxItemHeading || !endsSentence(next.view) ||
		strings.ContainsAny(prev.view, "。；;！？!?") { // a heading has commas at most

		return false
	}
	seg, err := segment.Default()
	if err != nil {
		return false // without a dictionary the lines stay joined, as before
	}
	left := lastRunes(prev.view, boundaryWindow)
	toks := seg.Tokens(left + firstRunes(strings.TrimSpace(next.view), boundaryWindow))
	cut := int32(utf8.RuneCountInString(left))
	var before, after *segment.Token
	for i := range toks {
		tk := &toks[i]
		switch {
		case tk.Start < cut && tk.End > cut:
			return false // a word runs across the break
		case tk.End == cut:
			before = tk
		case tk.Start == cut:
			after = tk
		}
	}
	if before == nil || after == nil || utf8.RuneCountInString(before.Text) < 2 {
		return false
	}
	if after.Pos() == "r" && strings.Contains(firstRunes(next.view, maxSubjectYao), "要") {
		return true // 二、明确责任,狠抓落实 | 各承办单位要…: a subject that must do something opens a sentence
	}
	return nounLike[before.Pos()] && utf8.RuneCountInString(after.Text) >= 2 && subjectStart[after.Pos()]
}

// maxSubjectYao bounds the subject before its 要 at the start of a line.
const maxSubjectYao = 12

func lastRunes(s string, n int) string {
	i := len(s)
	for k := 0; k < n && i > 0; k++ {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}

func firstRunes(s string, n int) string {
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}
