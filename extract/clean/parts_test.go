package clean

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestTextParts: a part ends at the first line end past its budget, or at
// a safe cut soon after; a line longer than the budget is a part alone.
func TestTextParts(t *testing.T) {
	w := textLineWeight
	for _, tc := range []struct {
		name, s        string
		budget, header int
		want           []string
	}{
		{"empty", "", 10, 0, nil},
		{"one part", "ab\ncd\n", 2 * (3 + w), 0, []string{"ab\ncd\n"}},
		{"on to the blank line", "ab\ncd\n\nef\n", 3 + w - 1, 0, []string{"ab\ncd\n\n", "ef\n"}},
		{"a long line alone", strings.Repeat("x", 500) + "\nab", 100 + w, 0, []string{strings.Repeat("x", 500) + "\n", "ab"}},
		{"one-letter lines", strings.Repeat("y\n", 6), 2 * (2 + w), 0, []string{"y\ny\ny\n", "y\ny\ny\n"}},
		{"no final line end", "ab\ncd", 1, 0, []string{"ab\n", "cd"}},
		{"the header whole", "a\n\nb\nc\nd", 1, 2, []string{"a\n\nb\n", "c\n", "d"}},
		{"after a sentence", "甲。\n乙\n丙。\n丁", 1, 0, []string{"甲。\n", "乙\n丙。\n", "丁"}},
		{"not before a wrapped number", "甲。\n1\n天。\n丁", 1, 0, []string{"甲。\n1\n天。\n", "丁"}},
		{"not before punctuation", "甲。\n，乙。\n丁", 1, 0, []string{"甲。\n，乙。\n", "丁"}},
	} {
		got := textParts(tc.s, tc.budget, tc.header)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
		if strings.Join(got, "") != tc.s {
			t.Errorf("%s: the parts lose text", tc.name)
		}
	}
}

// TestTextInPartsSameAsWhole: real texts cleaned 1 or 4 KB at a time give
// the title, metadata, paragraphs and warnings they give cleaned whole: the
// seeds one after the other, the first one's header first.
func TestTextInPartsSameAsWhole(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", "fixtures", "seeds", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no seeds: %v", err)
	}
	var texts []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	s := strings.Join(texts, "\n\n")
	for _, budget := range []int{1 << 10, 4 << 10} {
		if n := len(textParts(s, budget, headerLimit+1)); n < 10 {
			t.Fatalf("%d parts: the test reads little in parts", n)
		}
		whole, inParts := Text(s), textInParts(s, budget)
		if inParts.Title != whole.Title || inParts.Meta != whole.Meta {
			t.Errorf("%d: title %q meta %+v, want %q %+v", budget, inParts.Title, inParts.Meta, whole.Title, whole.Meta)
		}
		if !slices.Equal(inParts.Paragraphs, whole.Paragraphs) {
			t.Errorf("%d: %d paragraphs in parts, %d whole; first difference: %s", budget,
				len(inParts.Paragraphs), len(whole.Paragraphs), firstDifferent(inParts.Paragraphs, whole.Paragraphs))
		}
		if !slices.Equal(inParts.Warnings, whole.Warnings) {
			t.Errorf("%d: warnings %q, want %q", budget, inParts.Warnings, whole.Warnings)
		}
	}
}

func firstDifferent(a, b []string) string {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return a[i] + " | " + b[i]
		}
	}
	return "one list is longer"
}

// TestSplitLong: a paragraph over maxParagraph is cut after a sentence end
// in the second half of its first maxParagraph bytes, else after a clause
// end or space, else between runes; nothing is lost and shorter ones stay.
func TestSplitLong(t *testing.T) {
	half := strings.Repeat("字", maxParagraph/2/3+10) // just past half of the limit
	for _, tc := range []struct {
		name string
		p    string
		want int // bytes of the first piece
	}{
		{"short", "会议要求。", len("会议要求。")},
		{"after a sentence", half + "。" + strings.Repeat("字", maxParagraph/3), len(half + "。")},
		{"after a clause", half + "，" + strings.Repeat("字", maxParagraph/3), len(half + "，")},
		{"between runes", strings.Repeat("字", maxParagraph), maxParagraph / 3 * 3},
		{"ascii", strings.Repeat("y<br>", maxParagraph), maxParagraph},
	} {
		got := splitLong([]string{tc.p, "下一段。"})
		if len(got[0]) != tc.want {
			t.Errorf("%s: first piece %d bytes, want %d", tc.name, len(got[0]), tc.want)
		}
		if strings.Join(got, "") != tc.p+"下一段。" || got[len(got)-1] != "下一段。" {
			t.Errorf("%s: text lost or reordered", tc.name)
		}
		for _, g := range got {
			if len(g) > maxParagraph || !utf8.ValidString(g) {
				t.Errorf("%s: a piece of %d bytes, valid %v", tc.name, len(g), utf8.ValidString(g))
			}
		}
	}
	if got := clip("一二三四", 2); got != "一二…" {
		t.Errorf("clip = %q", got)
	}
}

// TestTextInPartsAllTail: a text without a line of prose is all tail,
// whole or in parts: the parts before the last prose, not the last part,
// end where the tail starts.
func TestTextInPartsAllTail(t *testing.T) {
	s := strings.Repeat("一、加强领导\n（一）明确责任\n1.落实到人\n", 300)
	whole, inParts := Text(s), textInParts(s, 1<<10)
	if len(textParts(s, 1<<10, headerLimit+1)) < 10 {
		t.Fatal("few parts: the test reads little in parts")
	}
	if !slices.Equal(inParts.Paragraphs, whole.Paragraphs) {
		t.Errorf("%d paragraphs in parts, %d whole: %q", len(inParts.Paragraphs), len(whole.Paragraphs), inParts.Paragraphs)
	}
}

// TestChromeWarningsBounded: a text of nothing but short Latin lines warns
// about the first 20 distinct ones and counts the other lines, however long
// it is.
func TestChromeWarningsBounded(t *testing.T) {
	var b strings.Builder
	for i := range 2000 { // 2000 distinct words, each twice
		w := string([]byte{byte('a' + i%26), byte('a' + i/26%26), byte('a' + i/676)})
		fmt.Fprintf(&b, "word %s\nword %s\n", w, w)
	}
	p := Text(b.String())
	var chrome []string
	for _, w := range p.Warnings {
		if strings.HasPrefix(w, "maybe chrome: ") {
			chrome = append(chrome, w)
		}
	}
	if len(chrome) != maxChromeWarnings+1 || chrome[len(chrome)-1] != "maybe chrome: 3960 more lines" {
		t.Errorf("%d maybe-chrome warnings, the last %q", len(chrome), chrome[len(chrome)-1])
	}
}
