package directive_test

import (
	"os"
	"testing"

	"github.com/zhengling/zhengling/extract"
	"github.com/zhengling/zhengling/extract/directive"
)

// The quantity recogniser tells targets from figures by Instructs: in a work
// summary and plan, the numbers of the 2024 report are figures, and the
// 2025 plan holds targets.
func TestInstructsTellTargetsFromFigures(t *testing.T) {
	b, err := os.ReadFile("testdata/holdout/summary_plan.txt")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := extract.Text(string(b), extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	plan := -1 // the paragraph of 三、2025年工作计划
	directive.Walk(doc.Directives, func(d *extract.Directive) {
		if d.ID == "3" {
			plan = d.Para
		}
	})
	if plan < 0 {
		t.Fatal("no item 3")
	}
	// Instructs decides one way: a number in a reporting item is never a
	// target; inside an instructing item the recogniser still weighs its
	// own cues, so the plan part needs only some targets.
	inPlan := 0
	for _, x := range doc.Targets {
		if x.Para < plan {
			t.Errorf("target %q in the report part", x.Text)
		} else {
			inPlan++
		}
	}
	if inPlan == 0 {
		t.Error("no target in the plan part")
	}
	for _, x := range doc.Figures {
		if x.Para < plan {
			return
		}
	}
	t.Error("no figure in the report part")
}
