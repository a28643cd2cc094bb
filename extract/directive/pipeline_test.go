package directive_test

import (
	"os"
	"path/filepath"
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

// linearAt is At as a scan of every item, the reference its binary search
// must agree with.
func linearAt(roots []*directive.Directive, p, off int) *directive.Directive {
	for _, d := range roots {
		if d.Contains(p, off) {
			if c := linearAt(d.Children, p, off); c != nil {
				return c
			}
			return d
		}
	}
	return nil
}

// TestAtIndexed: At gives the item a scan of all items gives, at every
// offset of every paragraph of the seeds and the holdout texts.
func TestAtIndexed(t *testing.T) {
	files, _ := filepath.Glob("../../fixtures/seeds/*.txt")
	more, _ := filepath.Glob("testdata/holdout/*.txt")
	files = append(files, more...)
	queries, found := 0, 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := extract.Text(string(b), extract.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for p, text := range doc.Paragraphs {
			for off := -1; off <= len([]rune(text))+1; off++ {
				got, want := directive.At(doc.Directives, p, off), linearAt(doc.Directives, p, off)
				if got != want {
					t.Fatalf("%s: At(%d, %d) = %v, want %v", f, p, off, got, want)
				}
				queries++
				if got != nil {
					found++
				}
			}
		}
	}
	if found == 0 || found == queries {
		t.Errorf("%d of %d queries inside an item: the test cannot tell", found, queries)
	}
}
