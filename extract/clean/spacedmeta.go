package clean

import (
	"strings"
	"unicode/utf8"
)

// maxLabelFields bounds how many space-separated pieces one label may be
// printed in (索 引 号, 有 效 性).
const maxLabelFields = 4

// parseSpacedMeta reads a metadata line whose labels carry no colon and may
// be spaced out, as portals print their 信息公开 table when a page is saved
// as text: "索 引 号 MB1534522/2023-05475 发文日期 2023-01-03",
// "发布机构 区人民政府办公室 文    号 蔡政办〔2023〕1号". The line must open with
// a label and hold at least two, so that a sentence opening with 时间 stays.
func parseSpacedMeta(line, v string) ([]pair, bool) {
	if utf8.RuneCountInString(v) > maxMetaLine {
		return nil, false
	}
	vf, lf := strings.Fields(v), strings.Fields(line)
	if len(vf) < 3 || len(vf) != len(lf) {
		return nil, false
	}
	var pairs []pair
	var values [][]string
	for i := 0; i < len(vf); {
		if name, n := labelAt(vf, i); n > 0 {
			pairs = append(pairs, pair{labels[name], ""})
			values = append(values, nil)
			i += n
			continue
		}
		if len(pairs) == 0 {
			return nil, false
		}
		values[len(values)-1] = append(values[len(values)-1], lf[i])
		i++
	}
	if len(pairs) < 2 {
		return nil, false
	}
	for i := range pairs {
		pairs[i].value = cleanValue(strings.Join(values[i], " "))
	}
	return pairs, true
}

// labelAt returns the label that fields[i:i+n] spell together, longest
// first, and n; n is 0 when none does.
func labelAt(fields []string, i int) (string, int) {
	for n := min(maxLabelFields, len(fields)-i); n >= 1; n-- {
		name := strings.Join(fields[i:i+n], "")
		if _, ok := labels[name]; ok && (n > 1 || utf8.RuneCountInString(name) >= 2) {
			return name, n
		}
	}
	return "", 0
}
