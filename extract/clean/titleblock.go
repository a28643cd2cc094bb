package clean

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The title block: the title (wrapped over lines, or with an issuer under
// it), the note under it and the speaker of a speech.

// TitleNote is the line a law, a resolution or a speech prints under its
// title to say when, and by which meeting, it was adopted, issued or given:
//
//	（2007年6月29日第十届全国人民代表大会常务委员会第二十八次会议通过）
//	（2023年10月9日）
//
// It is the title block's date and meeting: the meeting when the text
// reports none, and so the reference date when the page shows no date of
// its own (written_date stays what the page shows: a report's publication
// date, not the day it was given).
type TitleNote struct {
	Text    string // the line as printed
	Date    string // YYYY-MM-DD of its latest event
	Meeting string // the latest meeting that adopted or revised it, if one did
}

// noteRE is a whole line in brackets, on the view (（） fold to ( )).
var noteRE = regexp.MustCompile(`^[(\[【]\s*([^()\[\]【】]{6,300}?)\s*[)\]】]$`)

// noteEventRE is one event of a note: a full date, who, and what was done
// (…会议通过, …国务院令第761号公布, 根据…第十次会议…第一次修正). 施行 (the day it
// takes effect) is no event of the document's own.
var noteEventRE = regexp.MustCompile(`(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日([^()]{0,80}?)(通过|发布|印发|公布|修订|修正|批准)`)

// noteDateRE is a note that is a date alone: a speech's (2023年10月9日).
var noteDateRE = regexp.MustCompile(`^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$`)

// noteDeliveryRE is the line under a speech's or a report's title that
// says where it was given, bracketed or not: "2011年 3月2日在禹王台区第一届
// 人民代表大会第五次会议上", "（2023年1月5日在全县经济工作会议上的讲话）".
var noteDeliveryRE = regexp.MustCompile(`^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*在(.{2,60}?)上(?:的(?:讲话|报告|发言|致辞))?$`)

// noteMeetingRE is the line under a resolution's title that names the
// meeting and its day, unbracketed, the year also of the Republic of China
// era: "民國100年1月27日第3232次會議" under "行政院第3232次院會決議".
var noteMeetingRE = regexp.MustCompile(`^(?:民国\s*(\d{2,3})|(\d{4}))\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(第[\d一二三四五六七八九十百零〇]+次\S{0,30}?会议|\S{2,30}?第[\d一二三四五六七八九十百零〇]+次\S{0,10}?会议)$`)

// rocYear is the Western year of a Republic of China era year (民国100年 = 2011).
const rocYear = 1911

// parseTitleNote reads a title note from a line's text and view; ok is
// false for any other line.
func parseTitleNote(text, v string) (TitleNote, bool) {
	inner := strings.TrimLeft(v, "—–- ") // ——2024年1月8日在…会议上
	if m := noteRE.FindStringSubmatch(inner); m != nil {
		inner = m[1]
	}
	if d := noteDeliveryRE.FindStringSubmatch(inner); d != nil {
		date, ok := ymd(d[1], d[2], d[3])
		return TitleNote{Text: text, Date: date, Meeting: meetingOf(d[4])}, ok
	}
	if d := noteMeetingRE.FindStringSubmatch(inner); d != nil && !strings.Contains(d[5], "召开") && !strings.Contains(d[5], "举行") {
		// not a headline that reports the meeting: 2023年12月12日区政府召开第62次常务会议
		ymdOf := ymd
		if d[1] != "" {
			ymdOf = rocYMD // 民國100年1月27日
		}
		date, ok := ymdOf(d[1]+d[2], d[3], d[4])
		return TitleNote{Text: text, Date: date, Meeting: d[5]}, ok
	}
	if !noteRE.MatchString(v) {
		return TitleNote{}, false // the other notes are bracketed
	}
	if d := noteDateRE.FindStringSubmatch(inner); d != nil {
		date, ok := ymd(d[1], d[2], d[3])
		return TitleNote{Text: text, Date: date}, ok
	}
	events := noteEventRE.FindAllStringSubmatch(inner, -1)
	if events == nil {
		return TitleNote{}, false
	}
	n := TitleNote{Text: text}
	meetingDate := ""
	for _, e := range events {
		date, ok := ymd(e[1], e[2], e[3])
		if !ok {
			continue
		}
		n.Date = max(n.Date, date)
		if mt := meetingOf(e[4]); mt != "" && date >= meetingDate {
			n.Meeting, meetingDate = mt, date
		}
	}
	return n, n.Date != ""
}

// meetingOf is the meeting an event's "who" names, up to its 会议
// (第十一届全国人民代表大会常务委员会第十次会议《关于修改部分法律的决定》第一次 →
// 第十一届全国人民代表大会常务委员会第十次会议); "" when it names none.
func meetingOf(who string) string {
	i := strings.LastIndex(who, "会议")
	if i < 0 {
		return ""
	}
	return strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(who[:i+len("会议")]), "根据"))
}

// rocYMD is ymd for a year of the Republic of China era.
func rocYMD(roc, m, d string) (string, bool) {
	y, err := strconv.Atoi(roc)
	if err != nil {
		return "", false
	}
	return ymd(strconv.Itoa(y+rocYear), m, d)
}

func ymd(y, m, d string) (string, bool) {
	yi, _ := strconv.Atoi(y)
	mi, _ := strconv.Atoi(m)
	di, _ := strconv.Atoi(d)
	if yi < 1900 || yi > 2100 || mi < 1 || mi > 12 || di < 1 || di > 31 {
		return "", false
	}
	return fmt.Sprintf("%04d-%02d-%02d", yi, mi, di), true
}

// isTitleNote reports a line that is a title note.
func isTitleNote(l line) bool {
	if l.blank || !strings.ContainsAny(l.view, "([【在") && !strings.HasSuffix(l.view, "会议") {
		return false
	}
	_, ok := parseTitleNote(l.text, l.view)
	return ok
}

// trailingNoteRE is a title note at the end of a line that also holds the
// title: 关于…的决议（2007年6月29日…会议通过）.
var trailingNoteRE = regexp.MustCompile(`[(\[【][^()\[\]【】]{6,300}[)\]】]$`)

// splitTitleNote splits a line that ends with a title note after other
// text into the two lines; ok is false for other lines.
func splitTitleNote(l line) (title, note line, ok bool) {
	if l.blank || !strings.HasSuffix(l.view, ")") && !strings.HasSuffix(l.view, "]") && !strings.HasSuffix(l.view, "】") {
		return l, line{}, false
	}
	loc := trailingNoteRE.FindStringIndex(l.view)
	if loc == nil || loc[0] == 0 {
		return l, line{}, false
	}
	head := strings.TrimSpace(sourceSlice(l.text, l.view, 0, loc[0]))
	note = makeLine(sourceSlice(l.text, l.view, loc[0], len(l.view)))
	if hanCount(head) < 4 || !isTitleNote(note) {
		return l, line{}, false
	}
	return makeLine(head), note, true
}

// splitTitleNotes splits the title notes off the first lines (the title
// block) of lines.
func splitTitleNotes(lines []line, first int) []line {
	joinWrappedNotes(lines, first)
	for i := 0; i < len(lines) && i < first; i++ {
		t, n, ok := splitTitleNote(lines[i])
		if !ok {
			t, n, ok = splitDocNo(lines[i])
		}
		if ok {
			lines = append(lines[:i], append([]line{t, n}, lines[i+1:]...)...)
			i++
			first++
		}
	}
	return lines
}

// speakerRE is the line under a speech's title that names who gave it: an
// office and, after a space, a name (yuwangtai.gov.cn: "禹王台区人民政府区长  陈  良",
// "县委书记 张三"). Without the space "县长办公会议" could be a title.
var speakerRE = regexp.MustCompile(`^\p{Han}{0,20}?(书记|副书记|委员长|副委员长|省长|副省长|市长|副市长|县长|副县长|区长|副区长|镇长|乡长|主任|副主任|主席|副主席|局长|部长|秘书长|同志)\s+(\p{Han}\s*){2,3}$`)

// speakerLine reports a speaker line of a title block.
func speakerLine(v string) bool {
	return strings.Contains(v, " ") && speakerRE.MatchString(v)
}

// maxTitleTail bounds the end of a title wrapped onto a line of its own.
const maxTitleTail = 6

// titleTail joins the end of a wrapped title to it: a PDF copy breaks
// "在全县经济工作冲刺一季度“开门红”会议上的" / "讲话". The next header line
// must be a few Chinese characters without punctuation that end on a
// genre word, after a title that ends on a character and not on one.
func titleTail(header []line, title string, at int) (string, int) {
	if at < 0 || at+1 >= len(header) || !endsInHan(header[at].view) {
		return title, at
	}
	next := header[at+1]
	n := utf8.RuneCountInString(next.view)
	if next.blank || next.kind != kindBody || n > maxTitleTail || hanCount(next.view) != n || isMenuLine(next.view) ||
		titleGenreRE.MatchString(header[at].view) || !titleGenreRE.MatchString(next.view) {
		return title, at // a title that is whole, and an issuer under it (关于…的通知 / 县政府办)
	}
	return title + next.text, at + 1
}

// wrappedHead finds the head of a title whose tail is line i: the
// title-like line just above it, when titleTail would join the two
// ("关于对城区环境卫生综合整治工作检查情况的" / "整改通知"). It returns -1 otherwise.
func wrappedHead(header []line, i int) int {
	for j := i - 1; j >= 0; j-- {
		if header[j].blank {
			continue
		}
		if _, k := titleTail(header[:i+1], "", j); k == i && titleLike(header[j]) {
			return j
		}
		return -1
	}
	return -1
}

// issuerRE is a short line that names an office: the issuer printed under
// a notice's title (关于做好防汛工作的通知 / 县政府办).
var issuerRE = regexp.MustCompile(`^\p{Han}{2,12}(政府|办公室|办公厅|办|委员会|局|厅|委)$`)

// issuerUnder reports an issuer line under a title that ends on a genre
// word: the title is the line above, not the office.
func issuerUnder(above []line, l line) bool {
	if !issuerRE.MatchString(l.view) {
		return false
	}
	for i := len(above) - 1; i >= 0; i-- {
		if !above[i].blank {
			return titleLike(above[i]) && titleGenreRE.MatchString(above[i].view)
		}
	}
	return false
}

// titleGenreRE is the genre word a title ends with.
var titleGenreRE = regexp.MustCompile(`(讲话|发言|致辞|报告|通知|通报|意见|方案|办法|决定|决议|纪要|公告|规定|细则|规划|计划|批复|函|总结)$`)

// joinWrappedNotes joins a title note wrapped over two header lines
// ("2025年3月21日在汉滨区第十九届" / "人民代表大会第四次会议上"): the first
// line takes both, the second becomes blank.
func joinWrappedNotes(lines []line, first int) {
	for i := 0; i+1 < len(lines) && i+1 < first; i++ {
		l, next := lines[i], lines[i+1]
		if l.blank || next.blank || isTitleNote(l) || isTitleNote(next) {
			continue
		}
		if joined := makeLine(l.text + next.text); isTitleNote(joined) {
			lines[i], lines[i+1] = joined, line{blank: true}
		}
	}
}

// docNoFirstRE and docNoLastRE find a document number printed on the
// title's own line, before the title (鞍立政发〔2023〕2号立山区人民政府关于印发…的通知)
// or after it (关于印发…的通知 常政发〔2023〕1号 |).
var (
	docNoFirstRE = regexp.MustCompile(`^(` + docNoWhole + `)\s*(.+)$`)
	docNoLastRE  = regexp.MustCompile(`^(.+?)\s+(` + docNoWhole + `)\s*[|丨]?$`)
)

// splitDocNo splits a title line that also carries its document number
// into the two lines, in the order they stand; ok is false for other lines
// and when what is left is no formal title (it must end in its genre word).
func splitDocNo(l line) (first, second line, ok bool) {
	if l.blank || !strings.ContainsAny(l.view, "〔[(【") {
		return l, line{}, false
	}
	if m := docNoFirstRE.FindStringSubmatchIndex(l.view); m != nil && titleGenreRE.MatchString(l.view[m[4]:m[5]]) {
		return makeLine(sourceSlice(l.text, l.view, m[2], m[3])), makeLine(sourceSlice(l.text, l.view, m[4], m[5])), true
	}
	if m := docNoLastRE.FindStringSubmatchIndex(l.view); m != nil && titleGenreRE.MatchString(strings.TrimSpace(l.view[m[2]:m[3]])) {
		return makeLine(sourceSlice(l.text, l.view, m[2], m[3])), makeLine(sourceSlice(l.text, l.view, m[4], m[5])), true
	}
	return l, line{}, false
}
