package clause

import (
	"strings"
	"unicode/utf8"

	"github.com/zhengling/zhengling/extract/para"
	"github.com/zhengling/zhengling/segment/lexicon"
)

// Sections are the parts of the document that a heading opens: every item
// of the outline (二、主要预期目标 covers what follows up to 三、), and every
// short unnumbered heading line that names a section (主要目标) up to the
// next such line. Item headings are in the simplified view.
func Sections(items []Section, paras []*para.Paragraph, lx *lexicon.Lexicon) []Section {
	out := append([]Section(nil), items...)
	opens := map[int]bool{} // paragraphs that open with an item
	for _, it := range items {
		if it.Start == 0 {
			opens[it.Para] = true
		}
	}
	return append(out, headingLines(paras, opens, lx)...)
}

// maxHeadingLine bounds an unnumbered heading line in runes.
const maxHeadingLine = 30

// headingLines finds the short unnumbered lines without a full stop that
// end with a section heading word, each open until the next one. (A
// numbered heading is an item of the outline, whose section ends with it.)
func headingLines(paras []*para.Paragraph, items map[int]bool, lx *lexicon.Lexicon) []Section {
	if lx == nil {
		lx = lexicon.Default()
	}
	words := lx.Words(lexicon.HeadingGoal, lexicon.HeadingReview, lexicon.HeadingTask, lexicon.HeadingCondition)
	var out []Section
	for _, p := range paras {
		text := strings.TrimRight(strings.TrimSpace(p.Simple), ":")
		if items[p.Index] || utf8.RuneCountInString(text) > maxHeadingLine || strings.ContainsAny(text, "。!?") || !hasAnySuffix(text, words) {
			continue
		}
		if n := len(out); n > 0 {
			out[n-1].EndPara, out[n-1].End = p.Index-1, paras[p.Index-1].Len()
		}
		last := paras[len(paras)-1]
		out = append(out, Section{Para: p.Index, EndPara: last.Index, End: last.Len() + 1, Heading: text})
	}
	return out
}

func hasAnySuffix(s string, words []string) bool {
	for _, w := range words {
		if strings.HasSuffix(s, w) {
			return true
		}
	}
	return false
}
