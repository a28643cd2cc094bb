package quantity_test

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zhengling/zhengling/extract"
	"github.com/zhengling/zhengling/extract/quantity"
	"github.com/zhengling/zhengling/extract/timex"
)

// holdoutItem is one expected target or figure of a hold-out document, in
// the shape of the gold annotations (shared/eval/GOLD.md).
type holdoutItem struct {
	Text       string   `json:"text"`
	Value      float64  `json:"value"`
	Unit       string   `json:"unit"`
	Max        *float64 `json:"max"`
	Comparator *string  `json:"comparator"`
	Change     *string  `json:"change"`
}

// holdoutGold is X.gold.json beside X.txt in testdata/holdout.
type holdoutGold struct {
	ReferenceDate   string        `json:"reference_date"`
	Targets         []holdoutItem `json:"targets"`
	Figures         []holdoutItem `json:"figures"`
	OptionalTargets []holdoutItem `json:"optional_targets"`
	OptionalFigures []holdoutItem `json:"optional_figures"`
	Percentages     []float64     `json:"percentages"`
}

// tally counts matches over all hold-out documents.
type tally struct{ gold, pred, hit, attrs, attrsOK int }

func (t tally) f1() float64 {
	if t.gold+t.pred == 0 {
		return 1
	}
	return 2 * float64(t.hit) / float64(t.gold+t.pred)
}

// TestHoldout runs the documents of testdata/holdout (work plans, a
// statistical bulletin, a meeting report, a budget report, a government
// work report, a traditional-script report, a news page of incidental
// numbers) through the whole pipeline and scores targets, figures and
// percentages the way shared/eval/score.py does: same unit and value within
// 0.5 %, optional items counting neither way. Misses are logged; each kind
// must reach F1 0.95 and comparator/change accuracy 0.95.
func TestHoldout(t *testing.T) {
	inputs, err := filepath.Glob("testdata/holdout/*.txt")
	if err != nil || len(inputs) < 8 {
		t.Fatalf("hold-out documents: %v (%d)", err, len(inputs))
	}
	var targets, figures, percents tally
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), ".txt")
		gold := readHoldoutGold(t, strings.TrimSuffix(in, ".txt")+".gold.json")
		doc := runHoldout(t, in, gold.ReferenceDate)
		score(t, name+" target", &targets, gold.Targets, gold.OptionalTargets, doc.Targets)
		score(t, name+" figure", &figures, gold.Figures, gold.OptionalFigures, doc.Figures)
		scorePercentages(t, name, &percents, gold.Percentages, doc.Percentages)
	}
	for _, k := range []struct {
		name string
		t    tally
	}{{"targets", targets}, {"figures", figures}, {"percentages", percents}} {
		t.Logf("%s: gold %d, predicted %d, matched %d, F1 %.3f; comparator/change %d/%d",
			k.name, k.t.gold, k.t.pred, k.t.hit, k.t.f1(), k.t.attrsOK, k.t.attrs)
		if k.t.f1() < 0.95 {
			t.Errorf("%s F1 %.3f < 0.95", k.name, k.t.f1())
		}
		if k.t.attrs > 0 && float64(k.t.attrsOK) < 0.95*float64(k.t.attrs) {
			t.Errorf("%s comparator/change accuracy %d/%d < 0.95", k.name, k.t.attrsOK, k.t.attrs)
		}
	}
}

func readHoldoutGold(t *testing.T, path string) holdoutGold {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var g holdoutGold
	if err := json.Unmarshal(raw, &g); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return g
}

func runHoldout(t *testing.T, path, date string) *extract.Document {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	ref, err := timex.ParseDate(date)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	doc, err := extract.Text(string(raw), extract.Options{ReferenceDate: ref})
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return doc
}

func sameNumber(a, b float64) bool {
	return math.Abs(a-b) <= 0.005*math.Max(math.Max(math.Abs(a), math.Abs(b)), 1e-9)
}

func matches(g holdoutItem, p quantity.Target) bool {
	if g.Unit != p.Unit || !sameNumber(g.Value, p.Value) {
		return false
	}
	if g.Max != nil && (p.Max == nil || !sameNumber(*g.Max, *p.Max)) {
		return false
	}
	return true
}

// score matches each gold item to the first unused prediction; predictions
// left over that match an optional item are not counted.
func score(t *testing.T, what string, k *tally, gold, optional []holdoutItem, pred []quantity.Target) {
	used := make([]bool, len(pred))
	for _, g := range gold {
		found := false
		for i, p := range pred {
			if used[i] || !matches(g, p) {
				continue
			}
			used[i], found = true, true
			k.hit++
			if g.Comparator != nil {
				k.attrs++
				if *g.Comparator == p.Comparator {
					k.attrsOK++
				} else {
					t.Logf("%s %q: comparator %q, want %q", what, p.Text, p.Comparator, *g.Comparator)
				}
			}
			if g.Change != nil {
				k.attrs++
				if *g.Change == p.Change {
					k.attrsOK++
				} else {
					t.Logf("%s %q: change %q, want %q", what, p.Text, p.Change, *g.Change)
				}
			}
			break
		}
		if !found {
			t.Logf("missed %s: %s = %v %s", what, g.Text, g.Value, g.Unit)
		}
	}
	k.gold += len(gold)
	for i, p := range pred {
		if used[i] {
			continue
		}
		optionalHit := false
		for _, o := range optional {
			if matches(o, p) {
				optionalHit = true
				break
			}
		}
		if !optionalHit {
			k.pred++
			t.Logf("spurious %s: %s = %v %s", what, p.Text, p.Value, p.Unit)
		}
	}
	k.pred += countUsed(used)
}

func countUsed(used []bool) int {
	n := 0
	for _, u := range used {
		if u {
			n++
		}
	}
	return n
}

// scorePercentages compares multisets of values.
func scorePercentages(t *testing.T, name string, k *tally, gold []float64, pred []quantity.Percentage) {
	used := make([]bool, len(pred))
	for _, g := range gold {
		found := false
		for i, p := range pred {
			if !used[i] && sameNumber(g, p.Value) {
				used[i], found, k.hit = true, true, k.hit+1
				break
			}
		}
		if !found {
			t.Logf("missed %s percentage: %v", name, g)
		}
	}
	for i, p := range pred {
		if !used[i] {
			t.Logf("spurious %s percentage: %s", name, p.Text)
		}
	}
	k.gold += len(gold)
	k.pred += len(pred)
}

// TestObtainedInReview: 争取 sets a goal in a plan but tells what was won in
// a review of the past year (汉滨区2025年政府工作报告).
func TestObtainedInReview(t *testing.T) {
	text := "汉滨区2025年政府工作报告\n一、过去一年工作回顾\n过去一年,我们坚持内外并举、上下联动,争取上级转移支付31.8亿元、专项资金25.8亿元,新增一般债券2.3亿元。\n二、2025年工作安排\n今年要积极争取上级资金30亿元以上。"
	ref, _ := timex.ParseDate("2025-04-15")
	doc, err := extract.Text(text, extract.Options{ReferenceDate: ref})
	if err != nil {
		t.Fatal(err)
	}
	var targets, figures []float64
	for _, x := range doc.Targets {
		targets = append(targets, x.Value)
	}
	for _, x := range doc.Figures {
		figures = append(figures, x.Value)
	}
	if len(targets) != 1 || targets[0] != 3e9 {
		t.Errorf("targets %v, want [3e9]", targets)
	}
	if len(figures) != 3 || figures[0] != 3.18e9 || figures[1] != 2.58e9 {
		t.Errorf("figures %v, want 31.8亿, 25.8亿, 2.3亿", figures)
	}
}
