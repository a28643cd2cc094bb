// Command gendict compiles zhengling's segmentation dictionary: gse's
// simplified dictionary (data/dict/zh/s_1.txt, jieba's 352k words) merged
// with the lexicon of segment/lexicon, with gse's load rules applied once
// here instead of at every process start (see package dictfile).
//
// Lexicon rows come first and win over gse's row for the same word, as the
// first row of a key wins in gse; a lexicon frequency of 0 keeps gse's.
//
// Run it through go generate in package segment:
//
//	go generate ./segment
package main

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/go-ego/gse"
	"github.com/zhengling/zhengling/segment/internal/dictfile"
	"github.com/zhengling/zhengling/segment/lexicon"
)

func main() {
	src := flag.String("src", "", "gse's s_1.txt (default: found with go list)")
	lex := flag.String("lexicon", "lexicon", "lexicon directory")
	out := flag.String("out", "dict/zh_s.dict", "output file")
	flag.Parse()
	if err := run(*src, *lex, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gendict:", err)
		os.Exit(1)
	}
}

func run(src, lexDir, out string) error {
	if src == "" {
		dir, err := moduleDir("github.com/go-ego/gse")
		if err != nil {
			return err
		}
		src = filepath.Join(dir, "data", "dict", "zh", "s_1.txt")
	}
	base, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	lx, err := lexicon.LoadDict(os.DirFS(lexDir))
	if err != nil {
		return err
	}
	gseRows, err := parseGSE(bytes.NewReader(base))
	if err != nil {
		return fmt.Errorf("%s: %w", src, err)
	}
	entries := merge(lx.Rows, gseRows)
	var buf bytes.Buffer
	version, err := moduleVersion("github.com/go-ego/gse")
	if err != nil {
		return err
	}
	sum := sha256.Sum256(base)
	from := dictfile.Source{Hash: lx.Hash, GSEVersion: version, GSEDictHash: hex.EncodeToString(sum[:])}
	if err := dictfile.Encode(&buf, from, entries); err != nil {
		return err
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "gendict: %d entries (%d lexicon rows, %d gse rows) -> %s, %d bytes\n",
		len(entries), len(lx.Rows), len(gseRows), out, buf.Len())
	return nil
}

// parseGSE reads gse's "word freq pos" rows.
func parseGSE(r io.Reader) ([]lexicon.Row, error) {
	var rows []lexicon.Row
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 2 {
			continue
		}
		freq, err := strconv.ParseFloat(f[1], 64)
		if err != nil || freq != float64(uint64(freq)) {
			return nil, fmt.Errorf("line %q: frequency is not a whole number", sc.Text())
		}
		row := lexicon.Row{Word: f[0], Freq: uint64(freq)}
		if len(f) > 2 {
			row.Pos = f[2]
		}
		rows = append(rows, row)
	}
	if len(rows) == 0 && sc.Err() == nil {
		return nil, errors.New("empty dictionary")
	}
	return rows, sc.Err()
}

// merge applies gse's load rules to the lexicon rows followed by gse's rows.
func merge(lex, base []lexicon.Row) []dictfile.Entry {
	baseFreq := map[string]uint64{}
	for _, r := range base {
		if _, ok := baseFreq[key(r.Word)]; !ok {
			baseFreq[key(r.Word)] = r.Freq
		}
	}
	seen := map[string]bool{}
	var out []dictfile.Entry
	add := func(r lexicon.Row) {
		k := key(r.Word)
		freq := loadFreq(r.Word, r.Freq)
		if k == "" || freq == 0 || seen[k] {
			return
		}
		seen[k] = true
		out = append(out, dictfile.Entry{Key: k, Freq: freq, Pos: r.Pos})
	}
	for _, r := range lex {
		if r.Freq == lexicon.KeepFreq {
			r.Freq = lexicon.DefaultFreq
			if f, ok := baseFreq[key(r.Word)]; ok {
				r.Freq = f
			}
		}
		add(r)
	}
	for _, r := range base {
		add(r)
	}
	return out
}

// loadFreq is gse's Segmenter.Size: rows below gse's MinTokenFreq (2) are
// skipped (0), single characters count 2.
func loadFreq(word string, freq uint64) uint64 {
	if freq < 2 {
		return 0
	}
	if utf8.RuneCountInString(word) < 2 {
		return 2
	}
	return freq
}

// key is the trie key gse builds for a word: its gse words concatenated
// (ASCII letters lower-cased).
func key(word string) string {
	var b strings.Builder
	for _, w := range gse.SplitWords([]byte(word)) {
		b.Write(w)
	}
	return b.String()
}

// moduleVersion returns the version of a module the main module requires.
func moduleVersion(path string) (string, error) {
	b, err := exec.Command("go", "list", "-m", "-f", "{{.Version}}", path).Output()
	if err != nil {
		return "", fmt.Errorf("go list -m %s: %w", path, err)
	}
	return strings.TrimSpace(string(b)), nil
}

// moduleDir returns the directory of a module in the module cache.
func moduleDir(path string) (string, error) {
	b, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", path).Output()
	if err != nil {
		return "", fmt.Errorf("go list -m %s: %w", path, err)
	}
	return strings.TrimSpace(string(b)), nil
}
