package directive

import (
	"os"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/longbridgeapp/opencc"
	"github.com/zhengling/zhengling/extract/para"
	"github.com/zhengling/zhengling/segment"
)

var (
	testOnce sync.Once
	testSeg  *segment.Segmenter
	testCC   *opencc.OpenCC
	testErr  error

	s2tOnce sync.Once
	s2tCC   *opencc.OpenCC
	s2tErr  error
)

// toTraditional converts simplified text to traditional script, the way a
// portal's 繁體 mirror serves a page.
func toTraditional(tb testing.TB, s string) string {
	tb.Helper()
	s2tOnce.Do(func() { s2tCC, s2tErr = opencc.New("s2t") })
	if s2tErr != nil {
		tb.Fatal(s2tErr)
	}
	out, err := s2tCC.Convert(s)
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

// simpleView is the test's stand-in for the pipeline's hanzi view: each rune
// converted to simplified script on its own (so the rune count is kept) and
// full-width ASCII folded.
func simpleView(s string) string {
	rs := []rune(s)
	for i, r := range rs {
		if r >= 0xFF01 && r <= 0xFF5E {
			rs[i] = r - 0xFEE0
			continue
		}
		if r < 0x3400 {
			continue
		}
		if c, err := testCC.Convert(string(r)); err == nil && utf8.RuneCountInString(c) == 1 {
			rs[i], _ = utf8.DecodeRuneInString(c)
		}
	}
	return string(rs)
}

// testParas builds the paragraphs of text the way the pipeline does: one
// paragraph per non-blank line.
func testParas(tb testing.TB, text string) []*para.Paragraph {
	tb.Helper()
	testOnce.Do(func() {
		if testSeg, testErr = segment.Default(); testErr == nil {
			testCC, testErr = opencc.New("t2s")
		}
	})
	if testErr != nil {
		tb.Fatal(testErr)
	}
	var ps []*para.Paragraph
	for _, line := range strings.Split(text, "\n") {
		if line = strings.TrimSpace(line); line == "" {
			continue
		}
		v := simpleView(line)
		ps = append(ps, para.New(len(ps), line, v, testSeg.Tokens(v), nil))
	}
	return ps
}

func readTestdata(tb testing.TB, name string) string {
	tb.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

// flatten lists the outline in document order.
func flatten(ds []*Directive) []*Directive {
	var out []*Directive
	Walk(ds, func(d *Directive) { out = append(out, d) })
	return out
}
