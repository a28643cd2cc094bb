package segment

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/go-ego/gse"
	"github.com/zhengling/zhengling/segment/internal/dictfile"
)

// The oracle is gse itself, loaded with the very entries of the compiled
// dictionary: the compiled cutter must give gse's tokens, token for token.
var (
	oracleOnce sync.Once
	oracleSeg  *gse.Segmenter
	oracleErr  error
)

func oracle(t testing.TB) *gse.Segmenter {
	t.Helper()
	if testing.Short() {
		t.Skip("loading gse takes about a second")
	}
	oracleOnce.Do(func() {
		tab, err := dictfile.Decode(compiled)
		if err != nil {
			oracleErr = err
			return
		}
		var b strings.Builder
		for i := range tab.Len() {
			fmt.Fprintf(&b, "%s %d %s\n", tab.Key(i), tab.Freq[i], tab.Names[tab.Pos[i]])
		}
		oracleSeg = &gse.Segmenter{SkipLog: true}
		oracleErr = oracleSeg.LoadDictStr(b.String())
	})
	if oracleErr != nil {
		t.Fatal(oracleErr)
	}
	return oracleSeg
}

// gseTokens is what gse's Pos gives, with the offsets Tokens promises.
func gseTokens(g *gse.Segmenter, text string) []Token {
	var out []Token
	for _, sg := range g.Segment([]byte(text)) {
		out = append(out, Token{Text: text[sg.Start():sg.End()], pos: internPOS(sg.Token().Pos())})
	}
	var at int32
	for i := range out {
		out[i].Start = at
		at += int32(utf8.RuneCountInString(out[i].Text))
		out[i].End = at
	}
	return out
}

func diffTokens(got, want []Token) string {
	for i := 0; i < len(got) || i < len(want); i++ {
		if i >= len(got) || i >= len(want) || got[i] != want[i] {
			lo := max(0, i-3)
			return fmt.Sprintf("first difference at token %d:\n got  %v\n want %v", i,
				got[lo:min(len(got), i+3)], want[lo:min(len(want), i+3)])
		}
	}
	return ""
}

func TestTokensMatchGSE(t *testing.T) {
	g := oracle(t)
	s := mustDefault(t)
	for _, name := range corpusFiles {
		for i, line := range strings.Split(readTestdata(t, name), "\n") {
			if d := diffTokens(s.Tokens(line), gseTokens(g, line)); d != "" {
				t.Errorf("%s:%d: %s", name, i+1, d)
			}
		}
	}
}
