// Package directive finds the instruction items of a government text — every
// numbering style (一、 （一） 一要 一是 第一， 1、 （1） ① 首先) and the bare 要
// series after 会议强调 — nests them into an outline and reads their owners.
package directive

import (
	"github.com/zhengling/zhengling/extract/quantity"
	"github.com/zhengling/zhengling/extract/timex"
)

// Styles of Directive.
const (
	StyleChapter     = "chapter"      // 一、
	StyleParen       = "paren"        // （一）
	StyleYao         = "yao"          // 一要
	StyleShi         = "shi"          // 一是
	StyleDi          = "di"           // 第一，
	StyleArabic      = "arabic"       // 1、 1. 1．
	StyleParenArabic = "paren-arabic" // （1）
	StyleCircled     = "circled"      // ①
	StyleSequence    = "sequence"     // 首先/其次/最后
	StyleBare        = "bare"         // unnumbered 要 series
)

// Directive is one instruction item and its sub-items.
type Directive struct {
	ID      string `json:"id"`      // path of 1-based sibling positions: "4.1"
	Marker  string `json:"marker"`  // as written, source script
	Style   string `json:"style"`   // Style…
	Ordinal int    `json:"ordinal"` // the marker's number, 1-based
	Level   int    `json:"level"`   // depth, 1 = top
	Heading string `json:"heading"` // first sentence without the marker
	Text    string `json:"text"`    // full text, children included
	// Owners are the responsible units or people, simplified script, in
	// text order (SPEC v1.1): 由X负责, 由X会同Y…, X牵头, X负责, X要… at the start
	// of any clause of the item, 请X…, a trailing （X、Y等按职责分工负责） or
	// （X牵头，Y配合） (the lead first, then the others), 责任单位：X、Y and
	// 牵头单位：X；配合单位：Y. A responsibility line after an item belongs to
	// it. Names are checked against the segmenter's lexicon (see owners.go).
	Owners    []string          `json:"owners"`
	Deadlines []timex.Deadline  `json:"deadlines"`
	Targets   []quantity.Target `json:"targets"`
	Children  []*Directive      `json:"children"`
	Para      int               `json:"para"`               // paragraph of the marker
	Start     int               `json:"start"`              // rune offset of the marker in Para
	End       int               `json:"end"`                // rune offset of the item's end in EndPara (or Para)
	EndPara   *int              `json:"end_para,omitempty"` // set when the item ends in a later paragraph
	// Instructs is false for items that only report (会议听取了…汇报).
	Instructs bool `json:"-"`
}
