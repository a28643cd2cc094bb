package clean

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// field names a Meta field a label fills.
type field int

const (
	fNone field = iota // a widget label that only ends the previous value (访问次数)
	fIndexNo
	fDocNo
	fPublisher
	fSource
	fCategory
	fWritten
	fPublished
	fAuthor
	fTitle
)

// labels maps the visible labels of government pages to Meta fields. A
// label must be followed by a colon (full- or half-width), and a metadata
// line must start with one.
var labels = map[string]field{
	"索引号":  fIndexNo,                            // 索引号: 113706130042791846/2022-03924
	"发文字号": fDocNo, "文号": fDocNo, "发文号": fDocNo, // 发文字号: 鲁政办字〔2022〕1号
	"发布机构": fPublisher, "发文机关": fPublisher, "发布单位": fPublisher, "发文单位": fPublisher, // 发布机构: 莱山区政府办
	"信息来源": fSource, "来源": fSource, "出处": fSource, "文章来源": fSource, "稿件来源": fSource, "新闻来源": fSource, "资料来源": fSource, // 信息来源：省发改委 / 資料來源:綜合業務處 (ey.gov.tw)
	"主题分类": fCategory, "组配分类": fCategory, "分类": fCategory, "主题词": fNone, // 组配分类: 区政府会议
	"成文日期": fWritten, "成文时间": fWritten, // 成文日期: 2022-08-03
	// 发文日期 and 印发日期 are the document's own date beside the web 发布日期
	// (亳州 信息公开: "发文日期: 2025-01-14 发布日期: 2025-01-21"), so 成文 synonyms.
	"发文日期": fWritten, "印发日期": fWritten,
	"发布日期": fPublished, "发布时间": fPublished, "时间": fPublished, "日期": fPublished, // 发布日期: 2022- 08- 03 16: 42
	"发表时间": fPublished, "更新时间": fPublished, "公开日期": fPublished,
	"作者": fAuthor, "撰稿": fAuthor, // 作者：张三
	"标题": fTitle, "名称": fTitle, // 标题：关于…的通知 (the 信息公开 table)
	"信息名称": fTitle, // 信息名称: 明山区召开…常务会议 主题分类: 政府常务会议
	"访问次数": fNone, "浏览次数": fNone, "点击数": fNone, "点击量": fNone, "阅读量": fNone, "阅读数": fNone,
	"阅读次数": fNone, "点击次数": fNone, // 阅读次数: 信息来源:木塔乡人民政府 发布时间: 2025-09-25 08:35
	"字号": fNone, "字体": fNone, "分享到": fNone, "分享": fNone, "责任编辑": fNone, "编辑": fNone,
	"公开方式": fNone,
	"字数":   fNone, "阅读": fNone, "浏览": fNone, "点击": fNone, "人气": fNone, "热度": fNone, // 来源:大觀新聞網 發布時間:2023-02-13 12:26 瀏覽:1447次 / 字数：3000字
	"发布人": fNone, "发布者": fNone, "录入": fNone, "录入者": fNone, "供稿": fNone, "供稿单位": fNone, // 发布人：admin 发布时间：…
	"有效性": fNone, "生效日期": fNone, "废止日期": fNone, "体裁分类": fNone, "服务对象": fNone, "关键词": fNone,
	"文件名称": fTitle, "公开目录": fNone, "公开责任部门": fNone, "公开形式": fNone, // 文件名称 | 汉滨区2025年政府工作报告 | || (a 信息公开 table saved with | between cells)
}

// labelRE finds "label:"; built from labels, longest first so that
// 发布时间 wins over 时间.
var labelRE = func() *regexp.Regexp {
	names := make([]string, 0, len(labels))
	for k := range labels {
		names = append(names, k)
	}
	// longest first; ties in any stable order
	for i := range names {
		for j := i + 1; j < len(names); j++ {
			if utf8.RuneCountInString(names[j]) > utf8.RuneCountInString(names[i]) ||
				(utf8.RuneCountInString(names[j]) == utf8.RuneCountInString(names[i]) && names[j] < names[i]) {
				names[i], names[j] = names[j], names[i]
			}
		}
	}
	// No boundary before a label: portals glue spans ("来源：证券时报网作者：李在山");
	// leftmost-first matching keeps 发布时间 whole.
	return regexp.MustCompile(`(` + strings.Join(names, "|") + `)\s*[:：]`)
}()

// labelOnly matches a line that is a label alone (a table cell 索引号 or
// 索引号：), whose value is the next cell.
var labelOnly = func() *regexp.Regexp {
	names := make([]string, 0, len(labels))
	for k, f := range labels {
		if f != fNone {
			names = append(names, k)
		}
	}
	return regexp.MustCompile(`^(` + strings.Join(names, "|") + `)\s*[:：]?$`)
}()

// pair is one label and its value on a metadata line.
type pair struct {
	field field
	value string
}

// maxMetaLine bounds a metadata line: longer lines are body text that
// happens to contain "来源：".
const maxMetaLine = 200

// strongLabels may start a metadata line inside the body too; the generic
// ones (时间, 来源, 日期, 标题) only in the page header, since a body line may
// read "时间：2024年7月8日9:00-11:00".
var strongLabels = map[string]bool{
	"索引号": true, "发文字号": true, "发布机构": true, "发文机关": true, "成文日期": true, "发文日期": true,
	"发布日期": true, "发布时间": true, "信息来源": true, "文章来源": true, "稿件来源": true,
	"主题分类": true, "组配分类": true,
}

// parseMetaLine splits a line that starts with a known label into its
// label–value pairs (索引号: … 成文日期: …). ok is false for other lines.
// strict admits only lines that open with a strong label.
func parseMetaLine(line string, strict bool) (pairs []pair, ok bool) {
	return parseMetaView(line, view(line), strict)
}

// parseMetaView is parseMetaLine given the line's view v = view(line).
func parseMetaView(line, v string, strict bool) (pairs []pair, ok bool) {
	if utf8.RuneCountInString(v) > maxMetaLine {
		return nil, false
	}
	if strings.Count(v, "|") >= 2 {
		if pairs, ok := parsePipeRow(line, v, strict); ok {
			return pairs, true
		}
	}
	if !strings.ContainsAny(v, ":：") {
		if strict {
			return nil, false
		}
		return parseSpacedMeta(line, v)
	}
	if d := leadingDateRE.FindStringIndex(v); d != nil && !strict {
		// "2019-09-26 12:11来源：证券时报网作者：李在山": a date, then labels
		rest, ok := parseMetaLine(sourceSlice(line, v, d[1], len(v)), false)
		if !ok && strings.TrimSpace(v[d[1]:]) != "" {
			return nil, false
		}
		return append([]pair{{fPublished, v[:d[1]]}}, rest...), true
	}
	locs := labelRE.FindAllStringSubmatchIndex(v, -1)
	if len(locs) == 0 || strings.TrimSpace(v[:locs[0][2]]) != "" && !isLabelPrefix(v[:locs[0][2]]) {
		return nil, false
	}
	if strict && !strongLabels[v[locs[0][2]:locs[0][3]]] {
		return nil, false
	}
	for i, loc := range locs {
		end := len(v)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		name := v[loc[2]:loc[3]]
		// the view has the line's byte layout only for ASCII; take the
		// value from the source by rune offsets.
		val := sourceSlice(line, v, loc[1], end)
		pairs = append(pairs, pair{labels[name], cleanValue(val)})
	}
	return pairs, true
}

// parsePipeRow reads a metadata table saved with | between its cells:
// "有效性 | 有效 | 公开日期: | 2025-04-15 14:43 |". The first cell must be a
// label; a label's value is the next cell that is no label (none when it
// is empty).
func parsePipeRow(line, v string, strict bool) ([]pair, bool) {
	cells := strings.Split(v, "|")
	src := strings.FieldsFunc(line, func(r rune) bool { return r == '|' || r == '｜' })
	if len(strings.FieldsFunc(v, func(r rune) bool { return r == '|' })) != len(src) {
		src = nil // the source splits otherwise: take values from the view
	}
	var pairs []pair
	first, si := true, 0
	label := ""
	for _, c := range cells {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		val := c
		if src != nil && si < len(src) {
			val = strings.TrimSpace(src[si])
		}
		si++
		name := strings.TrimRight(c, ":：")
		if strings.ContainsAny(name, ":：") { // a cell that holds its label and value: 发布时间: 2018-05-17
			inline, ok := parseMetaLine(val, strict)
			if !ok {
				return nil, false
			}
			pairs, label, first = append(pairs, inline...), "", false
			continue
		}
		if _, isLabel := labels[name]; isLabel {
			if first && strict && !strongLabels[name] {
				return nil, false
			}
			label, first = name, false
			continue
		}
		if first {
			return nil, false // a row of a table that is no metadata
		}
		if label != "" {
			pairs = append(pairs, pair{labels[label], cleanValue(val)})
			label = ""
		}
	}
	return pairs, !first
}

// isLabelPrefix reports what may stand before a line's first label: an
// opening bracket (【来源：…】) or a list bullet (• 发布日期:2023-12-12, a
// portal's metadata list saved as text).
func isLabelPrefix(s string) bool {
	s = strings.TrimSpace(s)
	return s == "(" || s == "[" || s == "【" || s != "" && strings.Trim(s, metaBullets) == ""
}

// metaBullets are the list bullets a metadata line may open with.
const metaBullets = "•●◆◇▪◦‣·"

// sourceSlice returns the part of src that lies at the same rune positions
// as view[from:to] (view is rune-aligned with src).
func sourceSlice(src, view string, from, to int) string {
	a := utf8.RuneCountInString(view[:from])
	b := utf8.RuneCountInString(view[:to])
	if a > b {
		return ""
	}
	if !utf8.ValidString(src) {
		rs := []rune(src) // each invalid byte is one rune, U+FFFD
		return string(rs[min(a, len(rs)):min(b, len(rs))])
	}
	// byte offsets of runes a and b of src (its end when shorter)
	start, end, n := len(src), len(src), 0
	for i := range src {
		if n == a {
			start = i
		}
		if n == b {
			end = i
			break
		}
		n++
	}
	return src[start:end]
}

// valueWidgets are widget words that follow a value on the same line
// (163.com: "来源: 新京报 举报").
var valueWidgets = []string{"举报", "分享", "打印", "收藏", "关闭"}

// cleanValue trims a value's spaces and brackets: "莱山区政府办 " and
// "[ ]" (an empty widget) and a trailing "）" of "（来源：新华社）".
func cleanValue(s string) string {
	s = collapseSpace(s)
	for prev := ""; prev != s; {
		prev = s
		s = strings.Trim(s, " []【】|丨")
		for _, w := range valueWidgets {
			s = strings.TrimSpace(strings.TrimSuffix(s, w))
		}
	}
	if strings.HasSuffix(s, "）") && !strings.Contains(s, "（") {
		s = strings.TrimSuffix(s, "）")
	}
	if strings.HasSuffix(s, ")") && !strings.Contains(s, "(") {
		s = strings.TrimSuffix(s, ")")
	}
	return strings.TrimSpace(s)
}

// leadingDateRE is a date (and time) opening a header line.
var leadingDateRE = regexp.MustCompile(`^\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}\s*:\s*\d{2}(?:\s*:\s*\d{2})?)?\s*`)

// dateTimeRE reads dates with optional times, also with spaces inside
// (2022- 08- 03 16: 42), slashes, dots and 年月日.
var dateTimeRE = regexp.MustCompile(`(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT-]*(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2}))?)?`)

// normDate turns a shown date into YYYY-MM-DD, or with a time into RFC 3339
// at +08:00 (2022-08-03T16:42:00+08:00). It returns "" when s shows no date.
func normDate(s string) (value string, hasTime bool) {
	m := dateTimeRE.FindStringSubmatch(view(s))
	if m == nil {
		return rocDate(view(s)), false
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	if mo < 1 || mo > 12 || d < 1 || d > 31 || y < 1900 || y > 2100 {
		return "", false
	}
	date := fmt.Sprintf("%04d-%02d-%02d", y, mo, d)
	if m[4] == "" {
		return date, false
	}
	h, _ := strconv.Atoi(m[4])
	mi, _ := strconv.Atoi(m[5])
	sec := 0
	if m[6] != "" {
		sec, _ = strconv.Atoi(m[6])
	}
	if h > 23 || mi > 59 || sec > 59 {
		return date, false
	}
	return fmt.Sprintf("%sT%02d:%02d:%02d+08:00", date, h, mi, sec), true
}

// rocDateRE is a date of the Republic of China era as a traditional-script
// government page shows it: 日期:107-04-12, 民國107年4月12日. Two-digit years
// only after 民国: 99-12-31 may be 1999.
var rocDateRE = regexp.MustCompile(`^(?:民国\s*(\d{2,3})|(\d{3}))\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$`)

func rocDate(v string) string {
	m := rocDateRE.FindStringSubmatch(strings.TrimSpace(v))
	if m == nil {
		return ""
	}
	date, _ := rocYMD(m[1]+m[2], m[3], m[4])
	return date
}

// metaSet collects metadata from visible lines and meta tags; the first
// visible value of a field wins, and visible values win over tags.
type metaSet struct {
	visible Meta
	tags    Meta
	title   string // 标题： of a 信息公开 table, or ArticleTitle
	tagPub  string // PubDate tag value, normalised
	note    *TitleNote
}

// addNote records the title block's note; the first one wins.
func (ms *metaSet) addNote(n TitleNote) {
	if ms.note == nil {
		ms.note = &n
	}
}

// add records one visible label–value pair.
func (ms *metaSet) add(p pair) {
	m := &ms.visible
	switch p.field {
	case fIndexNo:
		setOnce(&m.IndexNo, p.value)
	case fDocNo:
		setOnce(&m.DocNo, p.value)
	case fPublisher:
		setOnce(&m.Publisher, p.value)
	case fSource:
		setOnce(&m.Source, p.value)
	case fCategory:
		setOnce(&m.Category, p.value)
	case fWritten:
		if d, _ := normDate(p.value); d != "" {
			setOnce(&m.WrittenDate, d[:10])
		}
	case fPublished:
		if d, _ := normDate(p.value); d != "" {
			setOnce(&m.PublishedAt, d)
			m.PublishedAt = withTime(m.PublishedAt, d)
		}
	case fAuthor:
		setOnce(&m.Author, p.value)
	case fTitle:
		setOnce(&ms.title, p.value)
	}
}

// withTime returns later when it gives a time on the day first shows
// without one (亳州 信息公开: the table's "发布日期: 2025-01-21", then the
// dateline's "发布时间:2025-01-21 09:24"), else first.
func withTime(first, later string) string {
	if len(first) == 10 && len(later) > 10 && strings.HasPrefix(later, first) {
		return later
	}
	return first
}

func setOnce(dst *string, v string) {
	if *dst == "" && v != "" {
		*dst = v
	}
}

// result merges visible values and tags. published_at: the visible value;
// when it shows only a date and the PubDate tag has a time on that day,
// the tag's time (fgw.zj.gov.cn shows 2016-11-22, its tag 2016-11-22 09:53).
func (ms *metaSet) result() Meta {
	m := ms.visible
	t := ms.tags
	setOnce(&m.Source, t.Source)
	setOnce(&m.Publisher, t.Publisher)
	setOnce(&m.Category, t.Category)
	setOnce(&m.SiteName, t.SiteName)
	setOnce(&m.Column, t.Column)
	setOnce(&m.Keywords, t.Keywords)
	setOnce(&m.Author, t.Author)
	setOnce(&m.WrittenDate, t.WrittenDate)
	switch {
	case m.PublishedAt == "":
		m.PublishedAt = ms.tagPub
	default:
		m.PublishedAt = withTime(m.PublishedAt, ms.tagPub)
	}
	return m
}
