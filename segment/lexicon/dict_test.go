package lexicon

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestLoadDict(t *testing.T) {
	fsys := fstest.MapFS{
		"orgs.txt":    {Data: []byte("# bodies\n财政局 0 nt\n发改委 200 nt # abbreviation\n")},
		"levels.txt":  {Data: []byte("区 20\n州 20\n")},
		"markers.txt": {Data: []byte("一要 1000 m\n\n")},
	}
	lx, err := LoadDict(fsys)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range lx.Rows {
		got = append(got, r.Word+"/"+r.Class)
	}
	want := "一要/markers 财政局/orgs 发改委/orgs 区财政局/orgs 州财政局/orgs 区发改委/orgs 州发改委/orgs"
	if strings.Join(got, " ") != want {
		t.Errorf("rows %q, want %q", strings.Join(got, " "), want)
	}
	if lx.Rows[3].Freq != 20 || lx.Rows[1].Freq != KeepFreq {
		t.Errorf("frequencies %d %d, want 20 %d", lx.Rows[3].Freq, lx.Rows[1].Freq, KeepFreq)
	}
	fsys["markers.txt"] = &fstest.MapFile{Data: []byte("一要 1000 m\n二要 1000 m\n")}
	lx2, err := LoadDict(fsys)
	if err != nil || lx2.Hash == lx.Hash {
		t.Errorf("an edit must change the hash (err %v)", err)
	}
}

func TestLoadDictRejects(t *testing.T) {
	for _, bad := range []string{"一要 m\n", "一要 many m\n", "一要 1000 m extra\n", "一要 -1 m\n"} {
		if _, err := LoadDict(fstest.MapFS{"markers.txt": {Data: []byte(bad)}}); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}
