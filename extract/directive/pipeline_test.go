package directive_test

import (
	"os"
	"testing"

	"github.com/zhengling/zhengling/extract"
	"github.com/zhengling/zhengling/extract/directive"
)

// The quantity recogniser tells targets from figures by Instructs: in a work
// summary and plan, the numbers of the 2024 report and of its problem list
// are figures, those of the 2025 plan targets.
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
	if len(doc.Targets) == 0 || len(doc.Figures) == 0 {
		t.Fatalf("%d targets, %d figures", len(doc.Targets), len(doc.Figures))
	}
	for _, x := range doc.Targets {
		if x.Para < plan {
			t.Errorf("target %q in the report part", x.Text)
		}
	}
	for _, x := range doc.Figures {
		if x.Para > plan {
			t.Errorf("figure %q in the plan part", x.Text)
		}
	}
}
