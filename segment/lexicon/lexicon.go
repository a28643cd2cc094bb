// Package lexicon holds zhengling's knowledge of the language as data: the
// words every recogniser reads, each row with the real sentence it was
// written for. It imports nothing of zhengling, so every package can read it.
//
// Two kinds of file live here:
//
//   - *.txt, the segmenter's classes (rows "word freq pos": markers, orgs,
//     titles, org suffixes, …), compiled into segment's dictionary by
//     LoadDict and the generator;
//   - *.tsv, the cue tables (rows "word<TAB>class<TAB>flags<TAB>example"):
//     what a word tells of its clause — that it instructs, sets a goal,
//     reports, compares, forecasts, schedules, states a condition — which
//     period it dates the clause to, which section a heading opens, which
//     genre a title names, and the punctuation classes.
//
// Load parses the tables into a Lexicon; Default is the embedded one, parsed
// once. Recognisers ask a Lexicon for a class (Words, Set, Index) instead of
// keeping lists of their own, so a row added here changes every one of them.
package lexicon

import (
	"embed"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

//go:embed *.txt *.tsv
var files embed.FS

// Files is the lexicon's data as embedded in the binary.
func Files() fs.FS { return files }

// Flag is a property of a cue row beyond its class.
type Flag uint16

// Flags of Entry, written in a row's third column (comma-separated).
const (
	// Sentence: the cue governs every clause of its sentence (确保A、B，C).
	Sentence Flag = 1 << iota
	// List: the cue governs the ；-separated items up to the 。(目标是：…；…).
	List
	// Weak: the cue makes a goal of a bounded or verb-led value only.
	Weak
	// Adjacent: the cue counts only right before the value (安排195850万元).
	Adjacent
	// Level: the cue names a level to keep (稳定在, 控制在), which a report
	// states as reached.
	Level
	// Progress: the cue measures progress against a plan (完成年度计划的82%).
	Progress
	// Word: the cue must begin a segmenter token (共 of 公共, 目前 of 项目前期
	// are none).
	Word
	// Strong: the cue sets a year or a holiday as a time (时限, 力争), where
	// a plain 要 does not (要积极做好2021年…筛选).
	Strong
	// Need: an obligation that also states what a fact requires (需动员近2万名
	//普查指导员): it makes an item instruct but sets no goal for a number.
	Need
	// Near: what is about to happen (即将进入四季度): it keeps a date ahead
	// but sets no task for it.
	Near
	// Work: a schedule word that sets the work of the period right after it
	// (研究部署第四季度工作, 决战四季度), unlike one that dates an event (将在2023年).
	Work
	// Obtain: a goal cue that, in a clause a past period dates by its
	// section or paragraph, tells what was won (一、过去一年工作回顾 > 争取上级
	// 转移支付31.8亿元).
	Obtain
)

var flagNames = map[string]Flag{
	"sentence": Sentence, "list": List, "weak": Weak, "adjacent": Adjacent,
	"level": Level, "progress": Progress, "word": Word, "strong": Strong, "need": Need, "near": Near, "work": Work, "obtain": Obtain,
}

// Entry is one row of a cue table.
type Entry struct {
	Word      string // simplified script, ASCII punctuation
	Class     string // instruct, goal, past, heading.goal, punct.clause, …
	Flags     Flag
	NotAfter  string // runes that, right before the word, make it part of another (重 of 重要)
	NotBefore string // runes that, right after it, do the same (求 of 要求)
	Example   string // the real sentence the row was written for
	Pos       string // file:line, for messages
	runes     int
}

// Has reports whether the entry carries flag f.
func (e *Entry) Has(f Flag) bool { return e.Flags&f != 0 }

// Len is the word's length in runes.
func (e *Entry) Len() int { return e.runes }

// Lexicon is a parsed set of cue tables.
type Lexicon struct {
	entries []*Entry
	byClass map[string][]*Entry
	punct   map[rune][]string

	mu      sync.Mutex
	indexes map[string]*Index
	sets    map[string]map[string]bool
	puncts  map[string]func(rune) bool
}

// Load parses every *.tsv file of fsys's root.
func Load(fsys fs.FS) (*Lexicon, error) {
	names, err := fs.Glob(fsys, "*.tsv")
	if err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	slices.Sort(names)
	lx := newLexicon()
	for _, name := range names {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("lexicon: %w", err)
		}
		if err := lx.parse(name, string(b)); err != nil {
			return nil, err
		}
	}
	return lx, nil
}

func newLexicon() *Lexicon {
	return &Lexicon{byClass: map[string][]*Entry{}, punct: map[rune][]string{}, indexes: map[string]*Index{},
		sets: map[string]map[string]bool{}, puncts: map[string]func(rune) bool{}}
}

var (
	defaultOnce sync.Once
	defaultLx   *Lexicon
)

// Default returns the embedded lexicon, parsed once. The embedded tables are
// checked by the package's tests; a table that does not parse is a build
// defect, not an input error, so Default panics on it.
func Default() *Lexicon {
	defaultOnce.Do(func() {
		lx, err := Load(files)
		if err != nil {
			panic(err)
		}
		defaultLx = lx
	})
	return defaultLx
}

// parse reads the rows of one table.
func (lx *Lexicon) parse(name, text string) error {
	for i, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		e, err := parseRow(line)
		if err != nil {
			return fmt.Errorf("lexicon: %s:%d: %w", name, i+1, err)
		}
		e.Pos = fmt.Sprintf("%s:%d", name, i+1)
		lx.add(e)
	}
	return nil
}

// parseRow reads "word<TAB>class<TAB>flags<TAB>example".
func parseRow(line string) (*Entry, error) {
	f := strings.Split(line, "\t")
	if len(f) != 4 {
		return nil, fmt.Errorf("want 4 tab-separated fields (word, class, flags, example), got %d in %q", len(f), line)
	}
	e := &Entry{Word: f[0], Class: f[1], Example: strings.TrimSpace(f[3])}
	if strings.HasPrefix(e.Class, "punct.") {
		e.Word = strings.ReplaceAll(e.Word, `\n`, "\n")
	}
	if e.Word == "" || e.Class == "" || strings.ContainsAny(e.Word+e.Class, " \t\u3000") {
		return nil, fmt.Errorf("word and class must be non-empty, without spaces: %q", line)
	}
	if !knownClasses[e.Class] {
		return nil, fmt.Errorf("unknown class %q (see classes.go)", e.Class)
	}
	if e.Example == "" {
		return nil, fmt.Errorf("row %q has no example sentence", e.Word)
	}
	if err := e.parseFlags(f[2]); err != nil {
		return nil, err
	}
	e.runes = utf8.RuneCountInString(e.Word)
	return e, nil
}

func (e *Entry) parseFlags(s string) error {
	if s == "-" || s == "" {
		return nil
	}
	for _, f := range strings.Split(s, ",") {
		k, v, hasValue := strings.Cut(strings.TrimSpace(f), "=")
		switch {
		case hasValue && k == "notafter":
			e.NotAfter = v
		case hasValue && k == "notbefore":
			e.NotBefore = v
		case !hasValue && flagNames[k] != 0:
			e.Flags |= flagNames[k]
		default:
			return fmt.Errorf("unknown flag %q", f)
		}
	}
	return nil
}

func (lx *Lexicon) add(e *Entry) {
	lx.entries = append(lx.entries, e)
	lx.byClass[e.Class] = append(lx.byClass[e.Class], e)
	if strings.HasPrefix(e.Class, "punct.") {
		for _, r := range e.Word {
			lx.punct[r] = append(lx.punct[r], e.Class)
		}
	}
}

// With returns a copy of lx with more rows ("word<TAB>class<TAB>flags<TAB>
// example"), for a caller that extends the language knowledge at run time
// (and for tests that show a row reaches every recogniser).
func (lx *Lexicon) With(rows ...string) (*Lexicon, error) {
	out := newLexicon()
	for _, e := range lx.entries {
		out.add(e)
	}
	for i, r := range rows {
		e, err := parseRow(r)
		if err != nil {
			return nil, fmt.Errorf("lexicon: extra row %d: %w", i+1, err)
		}
		e.Pos = fmt.Sprintf("extra:%d", i+1)
		out.add(e)
	}
	return out, nil
}

// Without returns a copy of lx without the rows of the given words, for a
// caller that must not read them (and for tests that show what a row does).
func (lx *Lexicon) Without(words ...string) *Lexicon {
	out := newLexicon()
	for _, e := range lx.entries {
		if !slices.Contains(words, e.Word) {
			out.add(e)
		}
	}
	return out
}

// Entries returns the rows of the given classes, in file order.
func (lx *Lexicon) Entries(classes ...string) []*Entry {
	var out []*Entry
	for _, c := range classes {
		out = append(out, lx.byClass[c]...)
	}
	return out
}

// Words returns the words of the given classes, longest first (a scan then
// meets 不超过 before 超过).
func (lx *Lexicon) Words(classes ...string) []string {
	es := lx.Entries(classes...)
	slices.SortStableFunc(es, func(a, b *Entry) int { return b.runes - a.runes })
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = e.Word
	}
	return out
}

// Set returns the words of the given classes as a set, built once per set
// of classes; callers must not modify it.
func (lx *Lexicon) Set(classes ...string) map[string]bool {
	key := strings.Join(classes, "\x00")
	lx.mu.Lock()
	defer lx.mu.Unlock()
	if s, ok := lx.sets[key]; ok {
		return s
	}
	out := map[string]bool{}
	for _, e := range lx.Entries(classes...) {
		out[e.Word] = true
	}
	lx.sets[key] = out
	return out
}

// Classes returns every class a word is listed under.
func (lx *Lexicon) Classes(word string) []string {
	var out []string
	for _, e := range lx.entries {
		if e.Word == word {
			out = append(out, e.Class)
		}
	}
	return out
}

// IsPunct reports whether r belongs to the punctuation class
// ("clause", "sentence", "period", "bracket", "list", "dash", "placeholder").
func (lx *Lexicon) IsPunct(r rune, class string) bool {
	return slices.Contains(lx.punct[r], "punct."+class)
}

// PunctSet returns a lookup function for one punctuation class, built once,
// for hot loops.
func (lx *Lexicon) PunctSet(class string) func(rune) bool {
	lx.mu.Lock()
	defer lx.mu.Unlock()
	if f, ok := lx.puncts[class]; ok {
		return f
	}
	f := lx.punctSet(class)
	lx.puncts[class] = f
	return f
}

func (lx *Lexicon) punctSet(class string) func(rune) bool {
	set := map[rune]bool{}
	for r, cs := range lx.punct {
		if slices.Contains(cs, "punct."+class) {
			set[r] = true
		}
	}
	var ascii [128]bool
	for r := range set {
		if r < 128 {
			ascii[r] = true
		}
	}
	return func(r rune) bool {
		if r < 128 {
			return ascii[r]
		}
		return set[r]
	}
}
