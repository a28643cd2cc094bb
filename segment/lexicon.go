package segment

import (
	"cmp"
	"embed"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"sync"

	"github.com/zhengling/zhengling/segment/lexicon"
)

// lexiconFS is the government-domain lexicon (see lexicon/README.md); it is
// compiled into dict/zh_s.dict and read again here for its classes.
//
//go:embed lexicon/*.txt
var lexiconFS embed.FS

// Class is a set of lexicon classes a word belongs to.
type Class uint16

// The lexicon classes, one file each under lexicon/.
const (
	Marker     Class = 1 << iota // 一要, 一是, 第一, 首先: numbering markers
	Deadline                     // 月底前, 上旬, 年底前, 三季度末: deadline words
	Cue                          // 确保, 力争, 牵头, 负责, 压减: cue verbs
	Comparator                   // 不低于, 以上, 以内: target comparators
	Org                          // 财政局, 州发改委, 区自然资源和规划局: bodies
	Collective                   // 各县市区, 各有关部门: collective owners
	OrgSuffix                    // 局, 委, 办, 中心, 街道, 园区, 管委会
	Title                        // 区长, 副镇长, 党工委书记: leader titles
)

// classFiles maps a lexicon file's base name to its class.
var classFiles = map[string]Class{
	"markers":     Marker,
	"deadlines":   Deadline,
	"cues":        Cue,
	"comparators": Comparator,
	"orgs":        Org,
	"collectives": Collective,
	"suffixes":    OrgSuffix,
	"titles":      Title,
}

// Has reports whether c includes every class of k.
func (c Class) Has(k Class) bool { return k != 0 && c&k == k }

var classNames = []string{"marker", "deadline", "cue", "comparator", "org", "collective", "org-suffix", "title"}

// String lists the classes, "marker|title".
func (c Class) String() string {
	var parts []string
	for i, n := range classNames {
		if c&(1<<i) != 0 {
			parts = append(parts, n)
		}
	}
	return strings.Join(parts, "|")
}

type classTable struct {
	classes   map[string]Class
	suffixes  []string // OrgSuffix words, longest first
	titles    []string // Title words, longest first
	hash      string
	loadError error
}

// lexiconError reports a lexicon that does not parse (a bad edit of
// lexicon/*.txt).
func lexiconError() error { return lexiconClasses().loadError }

var (
	classOnce sync.Once
	classes   classTable
)

func lexiconClasses() *classTable {
	classOnce.Do(func() {
		lx, err := lexicon.LoadDict(lexiconSub())
		if err != nil {
			classes.loadError = err
			return
		}
		classes.hash = lx.Hash
		classes.classes = make(map[string]Class, len(lx.Rows))
		for _, r := range lx.Rows {
			c, ok := classFiles[r.Class]
			if !ok {
				classes.loadError = fmt.Errorf("segment: lexicon file %s.txt has no class", r.Class)
				return
			}
			classes.classes[r.Word] |= c
			if c == OrgSuffix {
				classes.suffixes = append(classes.suffixes, r.Word)
			}
			if c == Title {
				classes.titles = append(classes.titles, r.Word)
			}
		}
		slices.SortStableFunc(classes.suffixes, func(a, b string) int { return cmp.Compare(len(b), len(a)) })
		slices.SortStableFunc(classes.titles, func(a, b string) int { return cmp.Compare(len(b), len(a)) })
	})
	return &classes
}

// ClassOf returns the lexicon classes of a word (simplified script), 0 if
// the lexicon does not list it: ClassOf("副镇长") == Title.
func ClassOf(word string) Class { return lexiconClasses().classes[word] }

// IsOrgSuffix reports whether word is an organisation suffix (局, 中心, 管委会).
func IsOrgSuffix(word string) bool { return ClassOf(word).Has(OrgSuffix) }

// HasOrgSuffix reports whether word ends with an organisation suffix and
// has something before it: "招商局", "保税物流中心" yes, "局" no.
func HasOrgSuffix(word string) bool {
	for _, s := range lexiconClasses().suffixes {
		if len(word) > len(s) && strings.HasSuffix(word, s) {
			return true
		}
	}
	return false
}

// Titles returns the leader titles of the lexicon, longest first (常务副区长
// before 区长); callers must not modify the slice.
func Titles() []string { return lexiconClasses().titles }

// IsTitle reports whether word is a leader title (区长, 党工委书记).
func IsTitle(word string) bool { return ClassOf(word).Has(Title) }

// lexiconSub is lexiconFS rooted at lexicon/.
func lexiconSub() fs.FS {
	sub, err := fs.Sub(lexiconFS, "lexicon")
	if err != nil { // cannot happen: the directory is embedded
		return lexiconFS
	}
	return sub
}
