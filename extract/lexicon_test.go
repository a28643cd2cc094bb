package extract_test

import (
	"testing"

	"github.com/zhengling/zhengling/extract"
	"github.com/zhengling/zhengling/extract/directive"
	"github.com/zhengling/zhengling/segment/lexicon"
)

// TestLexiconRowReachesEveryRecogniser: one row of the lexicon changes the
// reading of every recogniser at once — the directive instructs, the period
// is a deadline, the rate is a target — with no other change. The item joins
// seed 000's 下半年科学谋划、精准用力，确保三季度、全年指标都大幅提升 and seed
// 002's 确保养老待遇按时足额准确发放，发放率达100% under a heading without a verb.
func TestLexiconRowReachesEveryRecogniser(t *testing.T) {
	const text = "（三）指标调度。下半年科学谋划、精准用力，确保三季度、全年指标都大幅提升，养老待遇发放率达100%。"
	row := "确保\tgoal\tsentence\t确保省重点项目完成投资 64 亿元以上"
	without := lexicon.Default().Without("确保")
	with, err := without.With(row)
	if err != nil {
		t.Fatal(err)
	}
	ref, _ := extract.ParseDate("2022-08-03") // seed 000's date
	read := func(lx *lexicon.Lexicon) (instructs bool, deadlines, targets, figures int) {
		doc, err := extract.Text(text, extract.Options{ReferenceDate: ref, Lexicon: lx})
		if err != nil {
			t.Fatal(err)
		}
		directive.Walk(doc.Directives, func(d *directive.Directive) { instructs = instructs || d.Instructs })
		return instructs, len(doc.Deadlines), len(doc.Targets), len(doc.Figures)
	}
	i0, d0, t0, f0 := read(without)
	i1, d1, t1, f1 := read(with)
	if i0 || d0 != 0 || t0 != 0 || f0 != 1 {
		t.Errorf("without the row: instructs %v, %d deadlines, %d targets, %d figures; want false, 0, 0, 1", i0, d0, t0, f0)
	}
	if !i1 || d1 != 1 || t1 != 1 || f1 != 0 {
		t.Errorf("with the row: instructs %v, %d deadlines, %d targets, %d figures; want true, 1, 1, 0", i1, d1, t1, f1)
	}
}
