package clean

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/zhengling/zhengling/extract/hanzi"
)

// line is one line of plain text (or one block of HTML) on its way to
// becoming a paragraph.
type line struct {
	text  string // whitespace collapsed, pinyin stripped
	view  string // simplified, width-folded
	blank bool   // empty, or a removed line: never joined across
	links int    // runes inside links (HTML blocks)
	pic   bool   // right after an image (HTML blocks)
	kind  lineKind
}

func newLine(s string) line {
	t := tidyEdges(collapseSpace(stripJumps(stripPinyin(s))))
	return makeLine(t)
}

// jumpRE is a newspaper's or a paged site's jump line where it stands in
// the text, in either script: [接上页], （上接第一版）, （下转第2版）, (轉下頁).
var jumpRE = regexp.MustCompile(`[\[(（【]\s*(?:[接续續][上前下][页頁]|[转轉]下[页頁]|[上下]?[接转轉]第?[一二三四五六七八九十\d]{1,3}版)\s*[\])）】]`)

// stripJumps removes the jump lines from a line of text.
func stripJumps(s string) string {
	if !strings.ContainsAny(s, "接转轉续續") {
		return s
	}
	return jumpRE.ReplaceAllString(s, "")
}

// makeLine builds a line from collapsed text, classifying it once.
func makeLine(t string) line {
	v := view(t)
	return line{text: t, view: v, blank: t == "", kind: classify(v)}
}

// headerLimit is how many leading non-blank lines may be page header
// (navigation, metadata, title) in plain text.
const headerLimit = 40

// lineEnds normalises line ends and drops NUL bytes (a stray one in a text
// otherwise whole).
var lineEnds = strings.NewReplacer("\r\n", "\n", "\r", "\n", "\x00", "")

// Text cleans plain text: a page saved as text or a copied speech.
func Text(s string) *Page { return textInParts(s, textPartBudget) }

// textInParts is Text cleaning at most budget at once (see textParts).
func textInParts(s string, budget int) *Page {
	s = lineEnds.Replace(s)
	pieces := textParts(s, budget, headerLimit+1)
	c := &textCleaner{p: &Page{Encoding: EncUTF8}, titleAt: -1, proseIn: len(pieces) - 1}
	var hans []int // the Han count of each part, when there are several
	if len(pieces) > 1 {
		for _, piece := range pieces {
			hans = append(hans, hanCount(piece))
			c.total += hans[len(hans)-1]
		}
		// a paragraph per line at most: one allocation, where growing by
		// appends would hold two copies of a huge list at once
		c.p.Paragraphs = make([]string, 0, strings.Count(s, "\n")+1)
		c.readTail(pieces)
	}
	for k, piece := range pieces {
		if !c.clean(piece, k) {
			break
		}
		if hans != nil {
			c.before += hans[k]
		}
	}
	p := c.p
	if c.chromeMore > 0 {
		p.Warnings = append(p.Warnings, fmt.Sprintf("maybe chrome: %d more lines", c.chromeMore))
	}
	p.Meta, p.TitleNote = c.ms.result(), c.ms.note
	p.Warnings = append(p.Warnings, mojibakeWarnings(p.Title, p.Paragraphs)...)
	return p
}

// textPartBudget bounds the lines cleaned at once by their bytes plus
// textLineWeight for each line: a line costs some 100 bytes beside its
// text while it is cleaned, so the weight keeps a run of one-letter lines
// (yes | head -c 8M) as small as a run of prose. Texts under about 2 MB,
// every real one seen, are cleaned as one part.
const (
	textPartBudget = 2 << 20
	textLineWeight = 128
)

// cutReach is how far past its budget a part may run on to end where no
// wrapped paragraph is cut in two (see safeCut).
const cutReach = 64 << 10

// textParts cuts s, its line ends normalised, into runs of whole lines of
// at most budget (one longer line is a run of its own), each ended where
// safeCut says when such a place comes within cutReach. The first run holds
// at least its first header lines that are not blank, whatever their size:
// Text gives headerLimit and one more, so that the title and metadata are
// read whole.
func textParts(s string, budget, header int) []string {
	var out []string
	for len(s) > 0 {
		end, cost := 0, 0
		if out != nil {
			header = 0
		}
		for end < len(s) && (cost <= budget || header > 0) {
			next := nextLineEnd(s, end)
			if strings.TrimSpace(s[end:next]) != "" {
				header--
			}
			end, cost = next, cost+next-end+textLineWeight
		}
		for at := end; at < len(s) && at-end < cutReach; at = nextLineEnd(s, at) {
			if safeCut(s, at) {
				end = at
				break
			}
		}
		out = append(out, s[:end])
		s = s[end:]
	}
	return out
}

// nextLineEnd is the offset after the line end at or after i, or len(s).
func nextLineEnd(s string, i int) int {
	if j := strings.IndexByte(s[i:], '\n'); j >= 0 {
		return i + j + 1
	}
	return len(s)
}

// safeCut reports a line start at which joinWrapped never joins the line
// before to the one after: after a blank line, or after a line that ends a
// sentence when the next one opens with a Han character (not with the
// punctuation or number a broken copy wraps onto a line of its own).
func safeCut(s string, at int) bool {
	before := strings.TrimSpace(s[strings.LastIndexByte(s[:at-1], '\n')+1 : at])
	if before == "" {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(before)
	first, _ := utf8.DecodeRuneInString(strings.TrimLeft(s[at:], " \t\u3000"))
	return strings.ContainsRune("。！？!?", last) && hanzi.IsHan(first)
}

// textCleaner cleans a text part by part: the header, title and metadata
// are read in the first part, the tail after the last paragraph in the
// last; a preview's end is judged against the whole text.
type textCleaner struct {
	p         *Page
	ms        metaSet
	titleView string
	titleAt   int // the title's line in the first part
	// total is the Han count of the whole text and before that of the parts
	// already cleaned, when there is more than one part.
	total, before int
	// proseIn is the part that holds the text's last line of prose, -1 for
	// none: the page's tail starts after that line, as in the whole text;
	// tail counts the tail's lines (see siteEchoes), nil for one part.
	proseIn int
	tail    map[string]int
	// chromeWarned are the maybe-chrome warnings given, chromeMore the
	// lines past maxChromeWarnings not quoted.
	chromeWarned []string
	chromeMore   int
}

// readTail finds the last part that holds a line of prose after the header
// (-1 for none) and counts the lines of the tail after it. It reads the
// parts from the last, so the last part is read twice, and the parts after
// the last prose too: all of a text that is all tail, which no real one is.
func (c *textCleaner) readTail(pieces []string) {
	c.tail = make(map[string]int)
	for k := len(pieces) - 1; k >= 0; k-- {
		lines := readLines(pieces[k])
		start := 0
		if k == 0 {
			start = headerEnd(lines)
		}
		last := lastProse(lines, start)
		countTail(lines[last+1:], c.tail)
		if last >= start {
			c.proseIn = k
			return
		}
	}
	c.proseIn = -1
}

// readLines is a part's lines, each read once (newLine).
func readLines(part string) []line {
	raw := strings.Split(part, "\n")
	lines := make([]line, len(raw))
	for i, r := range raw {
		lines[i] = newLine(r)
	}
	return lines
}

// clean cleans part k and adds its paragraphs; it reports false when a
// preview's end cut off the rest of the text.
func (c *textCleaner) clean(part string, k int) bool {
	p, first := c.p, k == 0
	lines := cutTruncated(readLines(part), &p.Warnings)
	n := len(lines)
	lines = cutAtPreviewEnd(lines, c.late(lines), &p.Warnings)
	whole := len(lines) == n
	start := 0
	if first {
		start = headerEnd(lines)
		n := len(lines)
		lines = splitTitleNotes(lines, start)
		start += len(lines) - n
		title, titleAt := findTitle(lines[:start])
		p.Title, c.titleAt = titleTail(lines[:start], title, titleAt)
		c.titleView = compact(view(p.Title))
	}
	tail := len(lines) - 1 // before the last prose: no tail
	switch {
	case k == c.proseIn || !whole:
		tail = lastProse(lines, start)
	case k > c.proseIn:
		tail = start - 1 // all tail
	}
	echo := siteEchoes(lines, start, c.titleView, tail, c.tail)
	p.Paragraphs = append(p.Paragraphs, splitLong(joinWrapped(c.body(lines, start, tail, echo)))...)
	return whole
}

// late is latterHalf of the part's lines, within the whole text when it is
// cleaned in parts.
func (c *textCleaner) late(lines []line) []bool {
	if c.total == 0 {
		return latterHalf(lines)
	}
	return latterHalfFrom(lines, c.before, c.total)
}

// body sorts the part's lines into the body: the header's lines up to the
// title are read and dropped, the other removed lines become blank ones, so
// that no paragraph is joined across them; lines after tail are judged as
// the page's tail. It reuses the memory of lines.
func (c *textCleaner) body(lines []line, start, tail int, echo []bool) []line {
	ms := &c.ms
	out := lines[:0]
	removed := line{blank: true}
	prev := removed // line i-1 as read: out may have overwritten it
	for i, l := range lines {
		next := removed
		if i+1 < len(lines) {
			next = lines[i+1]
		}
		switch {
		case l.blank:
			out = append(out, l)
		case i > tail && i >= start && l.kind == kindBody && tailChromeLine(l, c.warnChrome):
			out = append(out, removed)
		case isNumberFragment(prev, l, next):
			out = append(out, l) // 在 / 2022 / 年时间刚刚过半…: a number wrapped onto a line of its own
		case i < start && i <= c.titleAt:
			readHeaderLine(l, ms) // before and at the title: header only
		case i < start && (readHeaderLine(l, ms) || isTitleFragment(l.view, c.titleView) || isMenuLine(l.view) || hanCount(l.view) == 0 || l.kind != kindBody || speakerLine(l.view) || isCaption(l)):
			out = append(out, removed)
		case i >= start && (readBodyMeta(l, ms) || l.kind != kindBody || echo[i] || isCaption(l)):
			out = append(out, removed)
		default:
			out = append(out, l)
		}
		prev = l
	}
	return out
}

// tailChromeLine judges a line under the text's last paragraph by its
// shape (edgeKind); a line it cannot decide is kept, with a warning
// "maybe chrome: <line>": also a row of short items, which may be a menu
// (首页 新闻中心 政务公开 办事服务) or the names of those who attended.
func tailChromeLine(l line, warn func(string)) bool {
	chrome, doubt := edgeKind(l.view)
	if doubt || !chrome && wordRow(l.view) {
		warn(l.text)
	}
	return chrome
}

// maxChromeWarnings bounds the lines a page's maybe-chrome warnings quote:
// a real page's tail has a few; a text of nothing but short Latin lines
// (yes | head -c 8M) would have millions.
const maxChromeWarnings = 20

// warnChrome adds a "maybe chrome: <line>" warning, the first
// maxChromeWarnings distinct lines of them, and counts the others.
func (c *textCleaner) warnChrome(text string) {
	w := "maybe chrome: " + clip(text, maxQuote)
	if slices.Contains(c.chromeWarned, w) {
		return
	}
	if len(c.chromeWarned) == maxChromeWarnings {
		c.chromeMore++
		return
	}
	c.chromeWarned = append(c.chromeWarned, w)
	c.p.Warnings = append(c.p.Warnings, w)
}

// maxQuote is the most runes of a line a warning quotes: a menu row is
// shorter, a line of megabytes is no menu but must not be copied whole.
const maxQuote = 200

// clip is s cut to at most n runes, with "…" when cut.
func clip(s string, n int) string {
	for i := range s {
		if n--; n < 0 {
			return s[:i] + "…"
		}
	}
	return s
}

// wordRow reports a menu-like row of short Chinese items without a label
// (not 出席：张三 李四…, not a row of figures 合计 1200 3400).
func wordRow(v string) bool {
	if !isMenuLine(v) || strings.Contains(v, ":") {
		return false
	}
	han, n := 0, 0
	for f := range strings.FieldsSeq(v) {
		n++
		if hanCount(f) > 0 {
			han++
		}
	}
	return han*4 >= n*3
}

// readHeaderLine takes a metadata line, a dateline or a red-head document
// number (亳政办〔2025〕1号) of the page header into ms; it reports whether
// the line was one.
func readHeaderLine(l line, ms *metaSet) bool {
	if n, ok := parseTitleNote(l.text, l.view); ok {
		ms.addNote(n)
		return true
	}
	if docNoLine(l.view) {
		ms.add(pair{fDocNo, l.text}) // the 文号: cell, when there is one, came first and wins
		return true
	}
	if pairs, ok := parseMetaView(l.text, l.view, false); ok {
		for _, pr := range pairs {
			ms.add(pr)
		}
		return true
	}
	if d, src, ok := dateline(l.view); ok {
		ms.add(pair{fPublished, d})
		if at := strings.Index(l.view, src); src != "" && at >= 0 {
			ms.add(pair{fSource, sourceSlice(l.text, l.view, at, at+len(src))})
		}
		return true
	}
	return false
}

// readBodyMeta takes a metadata line inside the body (strong labels only:
// 索引号, 发布机构, 信息来源 …) into ms.
func readBodyMeta(l line, ms *metaSet) bool {
	pairs, ok := parseMetaView(l.text, l.view, true)
	for _, pr := range pairs {
		ms.add(pr)
	}
	return ok
}

// datelineDate is a date with maybe a time: 2022-05-12, 2020-12-24 08:17:00.
const datelineDate = `(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}\s*:\s*\d{2}(?:\s*:\s*\d{2})?)?)`

// datelineRE is a line that is a date, maybe a time and a short source:
// "   2022-05-12 连云港开发区", "2019-09-18 06:23 来源：山西日报" is a meta line;
// sourceDatelineRE one with the source first: "温州网 2020-12-24 08:17:00".
var (
	datelineRE       = regexp.MustCompile(`^` + datelineDate + `\s*([\p{Han}A-Za-z·]{2,20})?$`)
	sourceDatelineRE = regexp.MustCompile(`^([\p{Han}A-Za-z·]{2,20})\s+` + datelineDate + `$`)
)

func dateline(v string) (date, source string, ok bool) {
	if m := datelineRE.FindStringSubmatch(v); m != nil {
		return m[1], m[2], true
	}
	if m := sourceDatelineRE.FindStringSubmatch(v); m != nil {
		return m[2], m[1], true
	}
	return "", "", false
}

// headerEnd returns the index of the first body line: the first line that
// reads as running text (long enough, with sentence punctuation) and is not
// chrome. Lines before it are the header.
func headerEnd(lines []line) int {
	seen := 0
	for i, l := range lines {
		if l.blank {
			continue
		}
		if seen++; seen > headerLimit {
			return firstNonBlank(lines)
		}
		if (looksBody(l.view) || opensReport(l.view)) && l.kind == kindBody {
			if _, ok := parseMetaView(l.text, l.view, false); !ok {
				return sentenceStart(lines, i)
			}
		}
	}
	return firstNonBlank(lines)
}

// newsDatelineRE opens a news report (电头): its line starts the body even
// when it runs on into a headline without a full stop (taiwan.cn:
// "新华社北京3月5日电 题:“增长6.5%左右,后面加了一句话”——…引发政协委员热议";
// 本报讯 (记者 钱敏) 9月2日,…; 德州新聞網訊(記者 尹元渤…)).
var newsDatelineRE = regexp.MustCompile(`^(\p{Han}{2,12}?\d{1,2}月\d{1,2}日电|\p{Han}{1,10}讯\s*\(\s*(记者|通讯员|实习生)|本(报|台|网)讯)`)

// openingRE opens a report's first sentence with its day and a comma,
// which no title does: "3月4日晚,区委副书记、区长李建国主持召开区长办公会" (a first
// paragraph without its full stop), "近日,…".
var openingRE = regexp.MustCompile(`^((\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日|近日|日前|近期|昨天|今天|昨日|今日)(上午|下午|晚上|晚间|晚|早上|中午|凌晨|傍晚)?\s*,`)

// opensReport reports a line that starts a report's text: a news dateline
// or an opening with the day.
func opensReport(v string) bool {
	return newsDatelineRE.MatchString(v) || openingRE.MatchString(v)
}

// sentenceStart moves the body's first line back over the lines its
// sentence began on: a broken copy starts lines with the punctuation that
// ended the line before ("3月6日" / ",區長楊波主持召開區長碰頭會…").
func sentenceStart(lines []line, i int) int {
	for i > 0 && continuesSentence(lines[i].view) && !lines[i-1].blank && lines[i-1].kind == kindBody {
		i--
	}
	return i
}

// continuationPunct may not open a sentence: a line starting with one
// continues the line before.
const continuationPunct = ",，。;；、:：!！?？)）"

func continuesSentence(v string) bool {
	r, _ := utf8.DecodeRuneInString(v)
	return r != utf8.RuneError && strings.ContainsRune(continuationPunct, r)
}

func firstNonBlank(lines []line) int {
	for i, l := range lines {
		if !l.blank {
			return i
		}
	}
	return len(lines)
}

// sentencePunct are the marks of running text.
const sentencePunct = "，,。；;！!？?、"

// looksBody: running text — sentence punctuation inside and either a
// sentence end or some length (a slogan or title line has neither:
// 科技是第一生产力、…实现高水平科技自立自强).
func looksBody(v string) bool {
	n := utf8.RuneCountInString(v)
	if n < 15 || !strings.ContainsAny(v, sentencePunct) {
		return false
	}
	return n >= 60 || strings.ContainsAny(lastRune(v), "。！？!?；;") || asciiFullStop(v)
}

// asciiFullStop: a sentence ended by a copy's ASCII full stop
// ("…请结合实际认真贯彻落实."), not the dots of a cut title ("地铁直达+无敌免...").
func asciiFullStop(v string) bool {
	t := strings.TrimRight(v, " ”’」』)）")
	return strings.HasSuffix(t, ".") && !strings.HasSuffix(t, "..")
}

func lastRune(v string) string {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimRight(v, " ”’」』)）"))
	return string(r)
}

// findTitle picks the title in the header: the last title-like line before
// the body, or, when that line is a fragment of a wrapped red-head title,
// the full title it belongs to (an earlier header line or the 名称: value).
// It returns the title (without a leading 【栏目】 tag) and the index of the
// line it was found at, the end of the title block.
func findTitle(header []line) (string, int) {
	for i := len(header) - 1; i >= 0; i-- {
		l := header[i]
		if l.blank || !titleLike(l) || issuerUnder(header[:i], l) {
			continue
		}
		for _, before := range header[:i] {
			if !before.blank && startsItem(before.view) {
				return "", -1 // numbered items above: this is text, not a page header
			}
		}
		if full, ok := fullTitle(header, i, headerMetaTitle(header)); ok {
			return full, i
		}
		if j := headlineAbove(header, i); j >= 0 {
			return stripColumnTag(header[j].text), i
		}
		if j := wrappedHead(header, i); j >= 0 {
			return stripColumnTag(header[j].text) + l.text, i
		}
		return stripColumnTag(l.text), i
	}
	return "", -1
}

// headlineAbove finds the headline over a subtitle: the title-like line
// just above line i when it names the meeting the report is about and line
// i names none ("市政府常务会议召开" / "研究部署“双节”期间重点工作等"; "市政府召開
// 常務會議" / "全力以赴抓好疫情防控和安全穩定各項工作"). It returns -1 otherwise.
func headlineAbove(header []line, i int) int {
	if namesMeeting(header[i].view) {
		return -1
	}
	for j := i - 1; j >= 0; j-- {
		if header[j].blank {
			continue
		}
		if titleLike(header[j]) && namesMeeting(header[j].view) {
			return j
		}
		return -1
	}
	return -1
}

// namesMeeting: a headline that names a meeting (常务会议, 区长办公会).
func namesMeeting(v string) bool {
	return strings.Contains(v, "会议") || strings.HasSuffix(v, "会") || strings.Contains(v, "会召开")
}

// Title lengths: a page title is at most maxTitle runes, but a formal
// document's may run to maxFormalTitle when it ends on its genre word,
// four issuers and the plan it issues before it ("成都市发展和改革委员会 中共成都
// 市委社会工作部 … 关于印发…实施方案的通知", 113 runes).
const (
	maxTitle       = 80
	maxFormalTitle = 200
)

func titleLike(l line) bool {
	n := utf8.RuneCountInString(l.view)
	if n < 4 || n > maxFormalTitle || hanCount(l.view) < 4 || isMenuLine(l.view) || l.kind != kindBody {
		return false
	}
	if n > maxTitle && (!titleGenreRE.MatchString(l.view) || strings.ContainsAny(l.view, sentencePunct)) {
		return false
	}
	if strings.HasSuffix(l.view, ":") || strings.HasSuffix(l.view, "。") || asciiFullStop(l.view) || startsItem(l.view) || docNoLine(l.view) || isTitleNote(l) || opensReport(l.view) || speakerLine(l.view) || isCaption(l) {
		return false // a cue, a sentence (also with ASCII punctuation), an item heading (一、总体要求), a 文号, a note or speaker under a title, a report's opening, a caption
	}
	if _, ok := parseMetaView(l.text, l.view, false); ok {
		return false
	}
	_, _, isDate := dateline(l.view)
	return !isDate
}

// columnTagRE is a leading column tag: 【常务会议】莱山区政府第八次常务会议.
var columnTagRE = regexp.MustCompile(`^[【\[][^】\]]{1,10}[】\]]\s*`)

func stripColumnTag(s string) string {
	if t := columnTagRE.ReplaceAllString(s, ""); hanCount(t) >= 4 {
		return t
	}
	return s
}

func hanCount(s string) int {
	n := 0
	for _, r := range s {
		if hanzi.IsHan(r) {
			n++
		}
	}
	return n
}

// truncRE finds a paywall or cut-text marker inside a line.
var truncRE = regexp.MustCompile(`未完.{0,4}全文共\s*\d+\s*字|当前仅显示\s*\d+\s*字|正式会员可完整阅读|省略\s*\d+\s*字|余下全文|剩余\d+%未读`)

// cutTruncated removes paywall markers: the marker, the bracket it opens
// in and the rest of its line go (……(未完,全文共7174字,当前仅显示2519字…),
// the text before stays; each adds a "truncated: <marker>" warning.
func cutTruncated(lines []line, warnings *[]string) []line {
	for i, l := range lines {
		if l.blank {
			continue
		}
		if !strings.ContainsAny(l.view, "字读文") { // every marker has one
			continue
		}
		loc := truncRE.FindStringIndex(l.view)
		if loc == nil {
			continue
		}
		*warnings = append(*warnings, "truncated: "+sourceSlice(l.text, l.view, loc[0], loc[1]))
		cut := loc[0]
		if open := strings.LastIndexAny(l.view[:cut], "(（【["); open >= 0 {
			cut = open
		}
		kept := strings.TrimRight(sourceSlice(l.text, l.view, 0, cut), " …．.")
		if hanCount(kept) == 0 {
			lines[i] = line{blank: true}
			continue
		}
		lines[i] = makeLine(kept)
	}
	return lines
}

// joinWrapped turns lines into paragraphs. Blank lines separate
// paragraphs; a line that does not end a sentence is joined with the next
// (hard-wrapped text: "…迎接黨的" + "二十大勝利召開。") unless the next starts an
// item or a label, or the line is a short heading of its own.
func joinWrapped(lines []line) []string {
	var out []string
	var cur strings.Builder
	var last line
	first := "" // the paragraph's first line: alone, it is the paragraph, not a copy
	flush := func() {
		switch {
		case cur.Len() > 0:
			out = append(out, cur.String())
			cur.Reset()
		case first != "":
			out = append(out, first)
		}
		first = ""
	}
	for _, l := range lines {
		if l.blank {
			flush()
			last = line{}
			continue
		}
		if first != "" && !continues(last, l) {
			flush()
		}
		switch {
		case first == "":
			first = l.text
		case cur.Len() == 0:
			cur.WriteString(first)
			fallthrough
		default:
			cur.WriteString(l.text)
		}
		last = l
	}
	flush()
	return out
}

// continues reports whether next continues the wrapped line prev.
func continues(prev, next line) bool {
	if numberFragmentRE.MatchString(next.view) && endsInHan(prev.view) ||
		numberFragmentRE.MatchString(prev.view) && startsWithHan(next.view) {
		return true // 在 / 2022 / 年时间刚刚过半…: a number on a line of its own
	}
	if continuesSentence(next.view) {
		return true // "要集中心思" / ",確保首季…": a broken copy's line break before punctuation
	}
	if endsSentence(prev.view) || headingLike(prev.view) {
		return false
	}
	return !startsItem(next.view) && !labelStartRE.MatchString(next.view) && !itemHeadingBreak(prev, next)
}

// sentenceEnd are the marks after which a line break is a paragraph end.
// ';' and ',' are not: list items wrapped after them go on.
const sentenceEnd = "。！？!?…:：”’」』)）】"

func endsSentence(v string) bool {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(v))
	return strings.ContainsRune(sentenceEnd, r) || asciiFullStop(v)
}

// headingLike: a short line without inner sentence punctuation is a heading
// or title line of its own (瑞安市科协召开第一季度工作汇报会).
func headingLike(v string) bool {
	return utf8.RuneCountInString(v) <= 40 && !strings.ContainsAny(v, "，,。；;")
}

// numberFragmentRE is a line that holds only a number: copies of PDF or
// Word documents wrap each number onto a line of its own (会前，我们集中用了 /
// 1 / 天半的时间).
var numberFragmentRE = regexp.MustCompile(`^[\d.,%％]+$`)

// isNumberFragment reports a number-only line l between two text lines of
// one sentence, prev and next (a blank line when there is none): prev does
// not end the sentence and next goes on.
func isNumberFragment(prev, l, next line) bool {
	if l.blank || !numberFragmentRE.MatchString(l.view) {
		return false
	}
	if prev.blank || next.blank || !endsInHan(prev.view) || !startsWithHan(next.view) {
		return false
	}
	// not after a dateline or a metadata line (2022-05-12 连云港开发区 / 64: a counter)
	_, _, isDate := dateline(prev.view)
	_, isMeta := parseMetaView(prev.text, prev.view, false)
	return !isDate && !isMeta && prev.kind == kindBody
}

func endsInHan(v string) bool {
	r, _ := utf8.DecodeLastRuneInString(v)
	return hanzi.IsHan(r)
}

func startsWithHan(v string) bool {
	r, _ := utf8.DecodeRuneInString(v)
	return hanzi.IsHan(r)
}

// itemStartRE is the start of a numbered item or a part heading: 一、 （一）
// 第一， 1、 1. （1） ① 一是 一要 首先 篇二 第二篇.
var itemStartRE = regexp.MustCompile(`^([一二三四五六七八九十]+[、.]|\(\s*[一二三四五六七八九十\d]+\s*\)|第[一二三四五六七八九十\d]+[,，、:：篇章节部分条]|\d{1,2}\s*[、.．]|[①-⑳]|[一二三四五六七八九十]+[是要]|首先|其次|最后|篇[一二三四五六七八九十])`)

func startsItem(v string) bool { return itemStartRE.MatchString(v) }

// labelStartRE is a line opening with a short label and a colon: 会议决定:
// 参会人员: 缺 席: 同志们: — a new block.
var labelStartRE = regexp.MustCompile(`^\p{Han}[\p{Han} ]{1,7}[:：]`)
