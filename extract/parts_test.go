package extract

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/zhengling/zhengling/extract/clean"
	"github.com/zhengling/zhengling/extract/para"
)

// TestParts: a part closes before the paragraph that would take it over
// budget; a paragraph over budget alone is a part of its own; ASCII weighs
// three times Chinese.
func TestParts(t *testing.T) {
	han := func(n int) string { return strings.Repeat("字", n) } // 3 bytes, 30 of view
	c := viewCost(han(10))                                      // 300 + 300
	for _, tc := range []struct {
		name   string
		paras  []string
		budget int
		want   []part
	}{
		{"none", nil, 100, []part{{0, 0}}},
		{"all in one", []string{han(10), han(10), han(10)}, 3 * c, []part{{0, 3}}},
		{"one over", []string{han(10), han(10), han(10)}, 3*c - 1, []part{{0, 2}, {2, 3}}},
		{"each alone", []string{han(10), han(10), han(10)}, c, []part{{0, 1}, {1, 2}, {2, 3}}},
		{"a giant alone", []string{han(10), han(1000), han(10)}, 2 * c, []part{{0, 1}, {1, 2}, {2, 3}}},
		{"empty lines weigh", []string{"", "", "", ""}, 2 * 300, []part{{0, 2}, {2, 4}}},
		{"ASCII weighs more", []string{han(10), strings.Repeat("y<", 15), han(10)}, 2 * c, []part{{0, 1}, {1, 2}, {2, 3}}},
	} {
		if got := parts(tc.paras, tc.budget); !slices.Equal(got, tc.want) {
			t.Errorf("%s: parts = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestReadInParts: a meeting report twice over, read in two parts cut
// between the copies, gives the second copy the first one's directives,
// deadlines, targets and percentages, moved to its paragraphs and numbered
// on after them.
func TestReadInParts(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "fixtures", "seeds", "000_89870a89919acc8f.txt"))
	if err != nil {
		t.Fatal(err)
	}
	page := clean.Text(string(data))
	one, err := build(context.Background(), page, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(one.Directives) == 0 || len(one.Deadlines) == 0 {
		t.Fatalf("the fixture has %d directives and %d deadlines: it tests nothing", len(one.Directives), len(one.Deadlines))
	}
	n, budget := len(page.Paragraphs), 0
	for _, p := range page.Paragraphs {
		budget += viewCost(p)
	}
	twice := *page
	twice.Paragraphs = append(slices.Clone(page.Paragraphs), page.Paragraphs...)
	var sizes []int
	inspectReading = func(ps []*para.Paragraph) { sizes = append(sizes, len(ps)) }
	defer func() { inspectReading = nil }()
	two, err := buildInParts(context.Background(), &twice, Options{}, budget)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(sizes, []int{n, n}) {
		t.Fatalf("parts of %v paragraphs, want two of %d", sizes, n)
	}
	k := len(one.Directives)
	if len(two.Directives) != 2*k {
		t.Fatalf("%d directives, want %d", len(two.Directives), 2*k)
	}
	for i, d := range one.Directives {
		want := shifted(d, n, k)
		if got := summary(two.Directives[k+i]); got != want {
			t.Errorf("second copy's item %d:\n got %s\nwant %s", i+1, got, want)
		}
		if got := summary(two.Directives[i]); got != summary(d) {
			t.Errorf("first copy's item %d changed:\n got %s\nwant %s", i+1, got, summary(d))
		}
	}
	for _, c := range []struct {
		name     string
		one, two []int
	}{
		{"deadlines", paraOf(one.Deadlines, func(d Deadline) int { return d.Para }), paraOf(two.Deadlines, func(d Deadline) int { return d.Para })},
		{"targets", paraOf(one.Targets, func(x Target) int { return x.Para }), paraOf(two.Targets, func(x Target) int { return x.Para })},
		{"figures", paraOf(one.Figures, func(x Figure) int { return x.Para }), paraOf(two.Figures, func(x Figure) int { return x.Para })},
		{"percentages", paraOf(one.Percentages, func(x Percentage) int { return x.Para }), paraOf(two.Percentages, func(x Percentage) int { return x.Para })},
	} {
		want := slices.Clone(c.one)
		for _, p := range c.one {
			want = append(want, p+n)
		}
		if !slices.Equal(c.two, want) {
			t.Errorf("%s at paragraphs %v, want %v", c.name, c.two, want)
		}
	}
}

func paraOf[T any](s []T, at func(T) int) []int {
	out := []int{}
	for _, x := range s {
		out = append(out, at(x))
	}
	return out
}

// summary is an item's outline with ids, places, headings and the dates of
// its deadlines, one line per item.
func summary(d *Directive) string {
	var b strings.Builder
	var walk func(*Directive)
	walk = func(d *Directive) {
		fmt.Fprintf(&b, "[%s %d:%d-%d:%d %q", d.ID, d.Para, d.Start, d.LastPara(), d.End, d.Heading)
		for _, dl := range d.Deadlines {
			fmt.Fprintf(&b, " %s@%d", dl.Date, dl.Para)
		}
		for _, t := range d.Targets {
			fmt.Fprintf(&b, " %s@%d", t.Text, t.Para)
		}
		for _, c := range d.Children {
			walk(c)
		}
		b.WriteString("]")
	}
	walk(d)
	return b.String()
}

// shifted is summary of d as it reads paras paragraphs and items top-level
// items further on.
func shifted(d *Directive, paras, items int) string {
	c := clone(d)
	top, _, _ := strings.Cut(d.ID, ".")
	var n int
	fmt.Sscanf(top, "%d", &n)
	var move func(*Directive)
	move = func(x *Directive) {
		x.ID = fmt.Sprint(n+items) + strings.TrimPrefix(x.ID, top)
		x.Para += paras
		if x.EndPara != nil {
			e := *x.EndPara + paras
			x.EndPara = &e
		}
		for i := range x.Deadlines {
			x.Deadlines[i].Para += paras
		}
		for i := range x.Targets {
			x.Targets[i].Para += paras
		}
		for _, ch := range x.Children {
			move(ch)
		}
	}
	move(c)
	return summary(c)
}

func clone(d *Directive) *Directive {
	c := *d
	c.Deadlines = slices.Clone(d.Deadlines)
	c.Targets = slices.Clone(d.Targets)
	c.Children = nil
	for _, ch := range d.Children {
		c.Children = append(c.Children, clone(ch))
	}
	return &c
}

// TestOneLetterLinesReadInParts: the views of one-letter lines (yes | head)
// never all live at once — no part holds more paragraphs than its budget
// allows — and nothing of them is lost: every line is a paragraph.
func TestOneLetterLinesReadInParts(t *testing.T) {
	const lines = 200_000
	most := 0
	inspectReading = func(ps []*para.Paragraph) { most = max(most, len(ps)) }
	defer func() { inspectReading = nil }()
	doc, err := Text(strings.Repeat("y\n", lines), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Paragraphs) != lines {
		t.Fatalf("%d paragraphs, want %d", len(doc.Paragraphs), lines)
	}
	if limit := partBudget / viewCost("y"); most == 0 || most > limit {
		t.Errorf("a part of %d paragraphs, want 1 to %d", most, limit)
	}
}
