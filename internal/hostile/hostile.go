// Package hostile makes the inputs of zhengling's cost tests and
// benchmarks: texts of a given size built from one pattern repeated, each a
// shape that once cost more than linear time or memory (issue 14): marker
// runs of every numbering style, number lists, long unpunctuated lines,
// deep outlines, one-letter lines and plain prose.
package hostile

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Kind is one input shape: its name and its i-th repeating unit.
type Kind struct {
	Name string
	unit func(i int) string
}

var circled = []rune("①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳")

// Kinds are the shapes, each with the example that was slow.
var Kinds = []Kind{
	// '一、'*n: 10k markers took 3.5 s, 20k 13.9 s (timex.parseNumberList).
	{"marker-yi", func(int) string { return "一、" }},
	// ①…⑳ repeated: 240 KB took 9.8 s (directive finishUnder, settleRun, headingSpan).
	{"marker-circled", func(i int) string { return string(circled[i%len(circled)]) }},
	{"marker-paren", func(i int) string { return "（" + Chinese(i%99+1) + "）" }},
	{"marker-arabic", func(i int) string { return fmt.Sprintf("%d.", i%999+1) }},
	{"marker-article", func(i int) string { return "第" + Chinese(i%999+1) + "条" }},
	{"marker-yao", func(i int) string { return Chinese(i%9+1) + "要" }},
	{"number-list", func(i int) string { return fmt.Sprintf("%d、", i+1) }},
	{"month-list", func(i int) string { return Chinese(i%12+1) + "、" }},
	{"long-line", func(int) string { return "会议强调要统筹兼顾推进重点项目建设加快发展" }},
	{"deep-outline", func(i int) string {
		return []string{"一、加强领导\n", "（一）明确责任\n", "1.落实到人\n", "（1）按时完成\n", "①确保质量\n"}[i%5]
	}},
	// yes | head -c 8M: 2.47 GB.
	{"yes", func(int) string { return "y\n" }},
	// the same as HTML: 8 MB took 337 and 532 MB as a tree.
	{"html-p", func(int) string { return "<p>y</p>" }},
	{"html-br", func(int) string { return "<br>y" }},
	// a text dumped on one line, a token a byte or two: y<br>y<br>… sniffed
	// as text took 423 MB at 8 MB.
	{"ascii-line", func(int) string { return "y<br>" }},
}

// Make returns the kind's text, cut to size bytes (at a rune boundary).
func (k Kind) Make(size int) []byte {
	var b strings.Builder
	for i := 0; b.Len() < size; i++ {
		b.WriteString(k.unit(i))
	}
	s := b.String()
	for len(s) > size {
		s = s[:len(s)-1]
	}
	return []byte(strings.ToValidUTF8(s, ""))
}

// Prose is the five seed texts of fixtures/seeds (under root, the module's
// directory) repeated to size bytes: ordinary government prose.
func Prose(root string, size int) ([]byte, error) {
	files, err := filepath.Glob(filepath.Join(root, "fixtures", "seeds", "*.txt"))
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("hostile: no seeds under %s: %v", root, err)
	}
	var b []byte
	for i := 0; len(b) < size; i++ {
		d, err := os.ReadFile(files[i%len(files)])
		if err != nil {
			return nil, err
		}
		b = append(append(b, d...), '\n')
	}
	return b, nil
}

var digits = []rune("零一二三四五六七八九")

// Chinese writes 1 ≤ n ≤ 9999 in Chinese numerals (十二, 一百零五).
func Chinese(n int) string {
	var b strings.Builder
	zero := false
	for _, p := range []struct {
		v    int
		unit string
	}{{1000, "千"}, {100, "百"}, {10, "十"}, {1, ""}} {
		d := n / p.v % 10
		switch {
		case d == 0:
			zero = b.Len() > 0
		default:
			if zero {
				b.WriteRune('零')
				zero = false
			}
			if !(d == 1 && p.v == 10 && b.Len() == 0) {
				b.WriteRune(digits[d])
			}
			b.WriteString(p.unit)
		}
	}
	return b.String()
}
