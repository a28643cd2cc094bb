package timex

import (
	"github.com/zhengling/zhengling/segment"
	"github.com/zhengling/zhengling/segment/lexicon"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/zhengling/zhengling/extract/para"
)

// openingParas is how many paragraphs FindMeeting reads: the opening
// sentence of a report comes first, after at most a lead-in or a subtitle.
const openingParas = 6

// hostVerbs follow the host in an opening: 区委副书记、区长蒋海华主持召开区政府常务会议
// (seed000); 市委常委、区党工委书记商振江出席会议并讲话 (seed001).
var hostVerbs = lexicon.Default().Words("verb.host")

// conveneVerbs introduce the meeting's name.
var conveneVerbs = []string{"主持召开", "召开", "举行"}

// titleWords end an official's title; the host's name follows the last one:
// the leader titles of the segmenter's lexicon (segment/lexicon/titles.txt).
var titleWords = segment.Titles()

// leadIns precede an opening sentence: 核心提示:5月7日下午,开发区召开… (seed001).
var leadIns = lexicon.Default().Words("lead.in")

// FindMeeting reads the meeting from the report's opening paragraphs;
// pageYear supplies the year when the opening gives only month and day.
// It returns nil when the text describes no meeting.
func FindMeeting(paras []*para.Paragraph, pageYear int) *Meeting {
	for i, p := range paras {
		if i >= openingParas {
			break
		}
		if p == nil {
			continue
		}
		if m := meetingOf(newView(p), pageYear); m != nil {
			return m
		}
	}
	return nil
}

// meetingOf reads an opening that starts with a day: 8月2日下午,…召开….
func meetingOf(v view, pageYear int) *Meeting {
	i := skipByline(v, v.spaces(0))
	for _, w := range leadIns {
		if v.has(i, w) {
			i = v.spaces(i + utf8.RuneCountInString(w))
		}
	}
	i = skipByline(v, skipAgency(v, i)) // 本报讯 (记者 林金彦 黄涛) 9月25日上午,…
	a, ok := parseAtom(v, i)
	if ok && (a.grain != grainDay || a.placeholder || a.relYear) {
		return nil
	}
	if !ok {
		// 近日,市长李四主持召开市政府常务会议: a meeting without its day.
		w := v.prefixAt(i, undatedOpenings)
		end := i + utf8.RuneCountInString(w)
		if p := v.prefixAt(end, dayParts); w != "" && p != "" {
			end += utf8.RuneCountInString(p) // 今天上午,嘉定区召开…
		}
		if w == "" || v.at(v.spaces(end)) != ',' {
			return nil // 今天召开这个会议 opens a speech, not a report
		}
		a = atom{start: i, end: end}
	}
	sentEnd := sentenceEnd(v, a.end)
	conv, verb := indexAny(v, a.end, sentEnd, conveneVerbs)
	if conv < 0 {
		return nil
	}
	if !ok && hasCueInRange(v, a.end, conv, speakerWords) {
		return nil // 今天,我们在这里召开…推进会: a speech opening, not a report
	}
	m := &Meeting{Name: meetingName(v, conv+utf8.RuneCountInString(verb), sentEnd)}
	if m.Name == "" {
		m.Name = nameBefore(v, a.end, conv) // 6月6日,区政府第70次常务会议召开。
	}
	if y := a.year; a.month > 0 && (y != 0 || pageYear != 0) {
		if y == 0 {
			y = pageYear
		}
		m.Date, _ = monthBounds(y, a.month, a.day, partWhole)
	}
	// The host may be named in the next sentence: …召开常务会议。区长蒋海华主持会议。
	m.Host, m.HostTitle = host(v, a.end, sentenceEnd(v, sentEnd+1))
	if m.Host == "" {
		// …参加了会议,县政府副县长卢杜林出席会议并讲话: a later sentence of the opening.
		m.Host, m.HostTitle = host(v, a.end, len(v.r))
	}
	return m
}

// maxByline bounds a leading bracketed byline: (秦州区外宣办 辛志锋)12月4日下午,….
const maxByline = 30

// skipByline steps over a byline in brackets at i.
func skipByline(v view, i int) int {
	if v.at(i) != '(' && v.at(i) != '（' && v.at(i) != '【' {
		return i
	}
	for k := i + 1; k < len(v.r) && k-i <= maxByline; k++ {
		switch v.r[k] {
		case ')', '）', '】':
			return v.spaces(k + 1)
		case '。', ',', '，':
			return i
		}
	}
	return i
}

// maxAgency bounds a paper's or site's news prefix: 西江日报讯, 德州新闻网讯.
const maxAgency = 12

// skipAgency steps over a news prefix at i, a name ending in 讯 before a
// byline or the day: 西江日報訊(記者 陸志鋒)9月29日,…
func skipAgency(v view, i int) int {
	for k := i; k < len(v.r) && k-i < maxAgency; k++ {
		if v.r[k] == '讯' {
			if next := v.at(v.spaces(k + 1)); next == '(' || next == '（' || unicode.IsDigit(next) {
				return v.spaces(k + 1)
			}
			return i
		}
		if !unicode.Is(unicode.Han, v.r[k]) {
			return i
		}
	}
	return i
}

// dayParts may follow an undated opening: 今天上午, 近日下午.
var dayParts = []string{"上午", "下午", "晚上", "早上", "中午"}

// speakerWords between an undated opening and its verb make it a speech.
var speakerWords = []string{"我们", "咱们", "我"}

// undatedOpenings stand for the day in a report's opening: 近日, 日前.
var undatedOpenings = lexicon.Default().Words("opening.undated")

// meetingName is the name after the verb, up to the clause's end, without 了.
func meetingName(v view, i, end int) string {
	i = v.spaces(i)
	if v.at(i) == '了' {
		i++
	}
	j := i
	for j < end && v.r[j] != ',' && v.r[j] != ':' {
		j++
	}
	return strings.TrimSpace(v.str(i, j))
}

// nameBefore is the meeting named right before its verb, from the clause
// start: 6月6日,区政府第70次常务会议召开 → 区政府第70次常务会议; "" unless it
// ends in 会议 or 会.
func nameBefore(v view, from, conv int) string {
	i := conv
	for i > from && !isClauseEnd(v.r[i-1]) {
		i--
	}
	name := strings.TrimSpace(v.str(i, conv))
	if !strings.HasSuffix(name, "会议") && !strings.HasSuffix(name, "会") {
		return ""
	}
	return name
}

// host finds "<title><name><host verb>" in the clauses of the sentence.
func host(v view, from, end int) (name, title string) {
	start := from
	for k := from; k <= end; k++ {
		if k == end || k < len(v.r) && isClauseEnd(v.r[k]) {
			if n, t := hostInClause(v, start, k); n != "" {
				return n, t
			}
			start = k + 1
		}
	}
	return "", ""
}

// maxPlace bounds the place a host presides in: 在政府常务会议室.
const maxPlace = 16

func hostInClause(v view, start, end int) (string, string) {
	verbAt, _ := indexAny(v, start, end, hostVerbs)
	if verbAt < 0 {
		return "", ""
	}
	titleEnd := -1
	for k := start; k < verbAt; k++ {
		for _, w := range titleWords {
			if n := utf8.RuneCountInString(w); k+n <= verbAt && v.has(k, w) && k+n > titleEnd {
				titleEnd = k + n
			}
		}
	}
	nameEnd := verbAt
	for k := titleEnd + 2; titleEnd >= 0 && k <= titleEnd+4 && k < verbAt; k++ {
		if v.r[k] == '在' && verbAt-k <= maxPlace {
			nameEnd = k // 梁永勤在政府常务会议室主持召开: the place between the host and the verb
			break
		}
	}
	if nameEnd-titleEnd > 3 && v.has(nameEnd-2, "同志") {
		nameEnd -= 2 // 局长张卫强同志主持召开: the name without the form of address
	}
	if titleEnd < 0 || nameEnd-titleEnd < 2 || nameEnd-titleEnd > 4 || !allHan(v, titleEnd, nameEnd) {
		return "", ""
	}
	s := v.spaces(start)
	// 会议由市科协党组书记、主席方杰主持 (seed002): the title starts after 由.
	for k := titleEnd - 1; k > s; k-- {
		if v.r[k] == '由' {
			s = k + 1
			break
		}
	}
	return v.str(titleEnd, nameEnd), strings.TrimSpace(v.str(s, titleEnd))
}

func allHan(v view, i, j int) bool {
	for k := i; k < j; k++ {
		if !unicode.Is(unicode.Han, v.r[k]) {
			return false
		}
	}
	return true
}

func sentenceEnd(v view, i int) int {
	for i < len(v.r) && !isSentenceEnd(v.r[i]) {
		i++
	}
	return i
}

// indexAny returns the first offset in [i, end) where one of words starts.
func indexAny(v view, i, end int, words []string) (int, string) {
	for k := i; k < end; k++ {
		if w := v.prefixAt(k, words); w != "" {
			return k, w
		}
	}
	return -1, ""
}

// FirstDate returns the first full date written in the text (2022年8月3日),
// or the zero Date.
func FirstDate(paras []*para.Paragraph) Date {
	for _, p := range paras {
		if p == nil {
			continue
		}
		v := newView(p)
		for i := range v.r {
			if !isDigit(v.r[i]) && hanDigit(v.r[i]) < 0 {
				continue
			}
			if a, ok := parseAtom(v, i); ok && a.year != 0 && a.day > 0 && !a.placeholder {
				if d, _ := monthBounds(a.year, a.month, a.day, partWhole); !d.IsZero() {
					return d
				}
			}
		}
	}
	return Date{}
}
