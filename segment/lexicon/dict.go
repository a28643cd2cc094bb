package lexicon

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
)

// KeepFreq as a row's frequency means "keep gse's frequency for this word".
const KeepFreq = 0

// Row is one lexicon entry.
type Row struct {
	Word  string
	Freq  uint64 // KeepFreq: gse's own frequency, or DefaultFreq if gse lacks it
	Pos   string
	Class string // the file's base name: "markers", "orgs", …
}

// DefaultFreq is the frequency of a KeepFreq word that gse does not know.
const DefaultFreq = 100

// LevelsFile and OrgsFile are the files whose rows are combined: every org
// also appears with each level prefix ("区" + "财政局").
const (
	LevelsFile = "levels.txt"
	OrgsFile   = "orgs.txt"
)

// Dict is the segmenter's part of the lexicon in a fixed order: class files
// by name, rows as written, prefixed organisations after the bare ones.
type Dict struct {
	Rows []Row
	Hash string // SHA-256 of every file, to detect a stale compiled dictionary
}

// LoadDict reads every *.txt file of fsys's root: rows "word freq pos"
// (levels: "prefix freq") for the segmentation dictionary.
func LoadDict(fsys fs.FS) (*Dict, error) {
	names, err := fs.Glob(fsys, "*.txt")
	if err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	sort.Strings(names)
	h := sha256.New()
	lx := &Dict{}
	var levels []Row
	for _, name := range names {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("lexicon: %w", err)
		}
		fmt.Fprintf(h, "%s\x00%d\x00", name, len(b))
		h.Write(b)
		rows, err := parse(name, string(b))
		if err != nil {
			return nil, err
		}
		if name == LevelsFile {
			levels = rows
			continue
		}
		lx.Rows = append(lx.Rows, rows...)
	}
	lx.Rows = append(lx.Rows, prefixed(lx.Rows, levels)...)
	lx.Hash = hex.EncodeToString(h.Sum(nil))
	return lx, nil
}

// parse reads "word freq pos" rows (levels: "prefix freq"); '#' starts a
// comment.
func parse(name, text string) ([]Row, error) {
	class := strings.TrimSuffix(path.Base(name), ".txt")
	want := 3
	if name == LevelsFile {
		want = 2
	}
	var rows []Row
	for i, line := range strings.Split(text, "\n") {
		if j := strings.IndexByte(line, '#'); j >= 0 {
			line = line[:j]
		}
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		if len(f) != want {
			return nil, fmt.Errorf("lexicon: %s:%d: want %d fields, got %q", name, i+1, want, line)
		}
		freq, err := strconv.ParseUint(f[1], 10, 32)
		if err != nil {
			return nil, fmt.Errorf("lexicon: %s:%d: frequency: %w", name, i+1, err)
		}
		r := Row{Word: f[0], Freq: freq, Class: class}
		if want == 3 {
			r.Pos = f[2]
		}
		rows = append(rows, r)
	}
	return rows, nil
}

// prefixed returns each organisation with each level prefix, at the level's
// frequency: "州" + "农业农村局" -> "州农业农村局".
func prefixed(rows, levels []Row) []Row {
	var out []Row
	for _, r := range rows {
		if r.Class+".txt" != OrgsFile {
			continue
		}
		for _, l := range levels {
			out = append(out, Row{Word: l.Word + r.Word, Freq: l.Freq, Pos: r.Pos, Class: r.Class})
		}
	}
	return out
}
