package clean

import (
	"regexp"
	"strings"
)

// A 信息公开 page often repeats the document's red head (红头) between the
// metadata table and the text: the issuer, the title wrapped over lines and
// the document number, e.g. (亳州市人民政府 信息公开):
//
//	亳州市人民政府办公室关于印发2025年政府工作报告主要目标任务分解的通知   ← full title
//	亳州市人民政府办公室                                                    ← issuer
//	关于印发2025年政府工作报告主要目标                                      ← wrapped title
//	任务分解的通知
//	亳政办〔2025〕1号                                                       ← document number
//	各县、区人民政府,亳州高新区管委会…:                                    ← body starts
//
// These lines are header, not body; the full title wins over its fragments.

// docNoRE is a line that is only a document number (发文字号), on the view:
// 亳政办〔2025〕1号, 鲁政办字〔2022〕1号, 国办发[2024]12号 (〔〕 and ［］
// fold to [ ]), 莱政发(2023)5号, 苏政办发【2021】3号, and the broken form a
// converter leaves when it drops 〕 and 号: 亳政办〔20251.
var docNoRE = regexp.MustCompile(`^` + docNoYear + `(?:[〕\])】]\s*\d{1,4}\s*号?|\d{1,4})$`)

// docNoYear opens a document number: the issuer's short name and the year
// in brackets (亳政办〔2025〕). docNoWhole is a whole number with its 号, as a
// title line may also carry it (see splitDocNo).
const (
	docNoYear  = `\p{Han}{1,12}\s*[〔\[(【]\s*(?:19|20)\d{2}\s*`
	docNoWhole = docNoYear + `[〕\])】]\s*\d{1,4}\s*号`
)

// docNoLine reports whether a line (its view) is a document number alone.
func docNoLine(v string) bool {
	return len(v) <= 60 && strings.ContainsAny(v, "〔[(【") && docNoRE.MatchString(v)
}

// compact is a view without spaces, for comparing wrapped title lines
// ("关于印发2025年政府工作报告主要目标" inside the full title).
func compact(v string) string { return strings.ReplaceAll(v, " ", "") }

// isTitleFragment reports whether a header line is the title or a piece of
// it (the issuer 亳州市人民政府办公室 and the wrapped title lines above).
// Pieces of two Han characters or less are too short to tell.
func isTitleFragment(v, titleView string) bool {
	c := compact(v)
	return titleView != "" && hanCount(c) > 2 && strings.Contains(titleView, c)
}

// fullTitle returns the title a header line at index at is a fragment of:
// the longest earlier title-like line containing it, else the 名称/标题
// value of the header's metadata; ok is false when it is no fragment.
func fullTitle(header []line, at int, metaTitle string) (title string, ok bool) {
	frag := compact(header[at].view)
	best := ""
	for _, l := range header[:at] {
		if l.blank || !titleLike(l) {
			continue
		}
		if c := compact(l.view); len(c) > len(frag) && strings.Contains(c, frag) && len(c) > len(compact(view(best))) {
			best = stripColumnTag(l.text)
		}
	}
	if best != "" {
		return best, true
	}
	if len(compact(view(metaTitle))) > len(frag) && strings.Contains(compact(view(metaTitle)), frag) {
		return metaTitle, true
	}
	return "", false
}

// headerMetaTitle is the first 名称/标题 value in the header lines.
func headerMetaTitle(header []line) string {
	for _, l := range header {
		if l.blank {
			continue
		}
		pairs, ok := parseMetaView(l.text, l.view, false)
		if !ok {
			continue
		}
		for _, pr := range pairs {
			if pr.field == fTitle && pr.value != "" {
				return pr.value
			}
		}
	}
	return ""
}
