package main

import (
	"strconv"
	"strings"
	"testing"

	"github.com/zhengling/zhengling/segment/lexicon"
)

func TestMerge(t *testing.T) {
	base, err := parseGSE(strings.NewReader("一要 3 b\n4S店 3 n\n4s店 5 n\n罕见 1 n\n局 3 zg\n招商局 113 nt\n"))
	if err != nil {
		t.Fatal(err)
	}
	lex := []lexicon.Row{
		{Word: "一要", Freq: 1000, Pos: "m"},                // overrides gse's row
		{Word: "招商局", Freq: lexicon.KeepFreq, Pos: "nt"},  // keeps gse's 113
		{Word: "牵头单位", Freq: lexicon.KeepFreq, Pos: "nt"}, // unknown to gse: 100
	}
	var got []string
	for _, e := range merge(lex, base) {
		got = append(got, e.Key+" "+strconv.FormatUint(e.Freq, 10)+" "+e.Pos)
	}
	want := []string{
		"一要 1000 m", "招商局 113 nt", "牵头单位 100 nt",
		"4s店 3 n", // lower-cased key; the second 4s店 row loses
		"局 2 zg",  // single characters count 2; 罕见 (1) is dropped
	}
	if strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Errorf("merge:\n got  %q\n want %q", got, want)
	}
}

func TestParseGSERejects(t *testing.T) {
	for _, bad := range []string{"", "词 1.5 n\n", "词 x n\n"} {
		if _, err := parseGSE(strings.NewReader(bad)); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}
