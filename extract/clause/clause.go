// Package clause reads every clause of a document once: what it does (its
// stance: it instructs, sets a goal, reports, forecasts, states a condition)
// and which period it is about (its frame: past, ahead or none), so that the
// recognisers of directives, deadlines and quantities all decide from the
// same reading.
//
// Package para marks each paragraph's clauses and cue words as it builds
// the paragraph (the stance of a clause's own cues, spread over a sentence
// by 确保 or over a list by 目标是). Read adds what needs the whole document:
//
//   - the frame of each clause, from its own time expressions (到2025年 is
//     ahead, 2023年 in a 2024 report is past, 上半年 in July is past) and
//     frame words (过去一年, 今年以来, 同比 → past; 今后, 下一步 → ahead);
//   - a frame that heads a sentence governs its other clauses, and one that
//     heads a paragraph (过去一年，…) the paragraph's later sentences;
//   - section headings pass their reading down to the paragraphs under them
//     (主要预期目标 → goal, ahead; 工作回顾 → past; 主要任务 → ahead), and so
//     does a heading's own period (一、2023年工作回顾);
//   - the genre, last: a plan's or a work report's current year is a goal
//     (今年, 全年), a news report's is not.
//
// A clause's own words always win over what it inherits.
package clause

import (
	"sort"
	"strings"

	"github.com/zhengling/zhengling/extract/hanzi"
	"github.com/zhengling/zhengling/extract/para"
	"github.com/zhengling/zhengling/extract/timex"
	"github.com/zhengling/zhengling/segment/lexicon"
)

// Section is a part of the document under one heading: from the heading's
// paragraph and offset to the end of its last paragraph.
type Section struct {
	Para, Start  int    // where the heading starts
	EndPara, End int    // where the section ends (End is an offset in EndPara)
	Heading      string // the heading's text, simplified
}

// contains reports whether rune off of paragraph p lies in the section.
func (s Section) contains(p, off int) bool {
	if p < s.Para || p > s.EndPara {
		return false
	}
	if p == s.Para && off < s.Start {
		return false
	}
	return p != s.EndPara || off < s.End
}

// Document is what Read needs to know of a document.
type Document struct {
	Title    string
	Paras    []*para.Paragraph
	Times    []timex.Expr // every time expression of the paragraphs, with its role
	Ref      timex.Date   // the reference date; zero when unknown
	Sections []Section    // innermost last, or in any order: the innermost holding a clause wins
	Lexicon  *lexicon.Lexicon
	// Genre, when not nil, is the genre already read from the title and
	// the first paragraphs: a long document read in parts gives each later
	// part the genre of its opening, not one read from the part's own
	// first lines.
	Genre *string
}

// Read fills the Frame of every clause of d's paragraphs and passes section
// stances down; it returns the genre it read (a lexicon genre class, or ""
// for news and other texts).
func Read(d Document) string {
	lx := d.Lexicon
	if lx == nil {
		lx = lexicon.Default()
	}
	r := &reader{d: d, lx: lx, byPara: map[int][]timex.Expr{}}
	for _, e := range d.Times {
		r.byPara[e.Para] = append(r.byPara[e.Para], e)
	}
	if d.Genre != nil {
		r.genre = *d.Genre
	} else {
		r.genre = Genre(lx, d.Title, d.Paras)
	}
	r.sections = r.readSections()
	var prev *para.Paragraph
	for _, p := range d.Paras {
		if p != nil {
			r.readParagraph(p)
			r.continues(prev, p)
			prev = p
		}
	}
	return r.genre
}

// continues gives a paragraph that opens with a continuation word (其中,…)
// the goal or instruction the paragraph before it ended on, for its clauses
// that have no stance of their own: 漳州的目标是全面建成小康社会…。 / 其中,全市
// 经济保持…增长,地区生产总值年均增长10%.
func (r *reader) continues(prev, p *para.Paragraph) {
	if prev == nil || len(prev.Clauses) == 0 || len(p.Clauses) == 0 {
		return
	}
	first := p.Clauses[0]
	lead := strings.TrimSpace(p.SimpleText(int(first.Start), int(first.End)))
	if !r.lx.Set("lead.continue")[lead] {
		return
	}
	last := lastStance(prev)
	if last == nil || (last.Stance != lexicon.Goal && last.Stance != lexicon.Instruct) {
		return
	}
	for k := range p.Clauses {
		if c := &p.Clauses[k]; c.Stance == "" {
			c.Stance, c.StanceBy = last.Stance, last.StanceBy
		}
	}
}

// lastStance is the last clause of p that has a stance.
func lastStance(p *para.Paragraph) *para.Clause {
	for k := len(p.Clauses) - 1; k >= 0; k-- {
		if p.Clauses[k].Stance != "" {
			return &p.Clauses[k]
		}
	}
	return nil
}

type reader struct {
	d        Document
	lx       *lexicon.Lexicon
	byPara   map[int][]timex.Expr
	genre    string
	sections []sectionReading
	headings map[*para.Clause]headingReading // the clauses headings were read from
}

// headingReading is the frame one heading's clause gives.
type headingReading struct {
	frame   para.Frame
	by      string
	current bool
}

// sectionReading is what a section passes down.
type sectionReading struct {
	Section
	stance  string     // a stance class, or ""
	frame   para.Frame // FrameNone when the heading dates nothing
	by      string
	current bool // its period holds the reference date (2024年重点工作 in a 2024 report)
}

// Genre reads the genre from the title, else from the first paragraphs: a
// title that ends with a genre word is of that genre (…第十四个五年规划纲要,
// 2024年政府工作报告, …的通知); one that only mentions it is not (温州“十三五”规划
// 《纲要》预计完成31项指标 is news about a plan). A report on a work report
// names it in its opening (《政府工作报告》显示，…).
func Genre(lx *lexicon.Lexicon, title string, paras []*para.Paragraph) string {
	classes := []string{lexicon.GenreWorkReport, lexicon.GenrePlan, lexicon.GenreNotice, lexicon.GenreMeeting, lexicon.GenreSpeech}
	texts := []string{hanzi.View(title)}
	for i := 0; i < len(paras) && i < 2; i++ {
		if paras[i] != nil && len(paras[i].SimpleRunes()) <= 60 {
			texts = append(texts, paras[i].Simple) // a title line kept in the body
		}
	}
	for _, t := range texts {
		t = titleCore(t)
		for _, c := range classes {
			for _, w := range lx.Words(c) {
				if strings.HasSuffix(t, w) || c == lexicon.GenreMeeting && strings.Contains(t, w) {
					return c
				}
			}
		}
	}
	for i := 0; i < len(paras) && i < 3; i++ {
		if paras[i] == nil {
			continue
		}
		for _, w := range lx.Words(lexicon.GenreWorkReport) {
			if strings.Contains(paras[i].Simple, w) {
				return lexicon.GenreWorkReport
			}
		}
	}
	return ""
}

// titleCore is a title without its trailing marks and notes: (草案), (全文),
// 》, quotes, spaces.
func titleCore(t string) string {
	t = strings.TrimSpace(t)
	for {
		s := strings.TrimRight(t, " 》」』\"”'。.!?")
		for _, note := range []string{"(草案)", "（草案）", "(全文)", "（全文）", "全文", "(征求意见稿)", "（征求意见稿）"} {
			s = strings.TrimSuffix(s, note)
		}
		if s == t {
			return t
		}
		t = s
	}
}

// readSections turns the section headings into what they pass down.
func (r *reader) readSections() []sectionReading {
	var out []sectionReading
	for _, s := range r.d.Sections {
		sr := sectionReading{Section: s}
		h := strings.TrimRight(strings.TrimSpace(s.Heading), "。.:：")
		for _, c := range []string{lexicon.HeadingGoal, lexicon.HeadingReview, lexicon.HeadingTask, lexicon.HeadingCondition} {
			for _, w := range r.lx.Words(c) {
				if strings.HasSuffix(h, w) && sr.by == "" {
					sr.by = w
					switch c {
					case lexicon.HeadingGoal:
						sr.stance, sr.frame = lexicon.Goal, para.FrameAhead
					case lexicon.HeadingReview:
						sr.frame = para.FramePast
					case lexicon.HeadingTask:
						sr.frame = para.FrameAhead
					case lexicon.HeadingCondition:
						sr.stance = lexicon.Condition
					}
				}
			}
		}
		if sr.frame == para.FrameNone {
			sr.frame, sr.by, sr.current = r.headingFrame(s)
		}
		if sr.current && r.aheadGenre() {
			sr.frame, sr.current = para.FrameAhead, false // 三、2024年重点工作 in a 2024 report
		}
		if sr.frame != para.FrameNone || sr.stance != "" || sr.current {
			out = append(out, sr)
		}
	}
	return out
}

// headingFrame reads the period a heading names (一、2023年工作回顾) from the
// time expressions of its first clause.
func (r *reader) headingFrame(s Section) (para.Frame, string, bool) {
	if s.Para < 0 || s.Para >= len(r.d.Paras) || r.d.Paras[s.Para] == nil {
		return para.FrameNone, "", false
	}
	p := r.d.Paras[s.Para]
	c := p.ClauseAt(s.Start)
	if c == nil {
		return para.FrameNone, "", false
	}
	// Run-in items of one long clause (一要…二要…三要…) share it: it is read once.
	h, ok := r.headings[c]
	if !ok {
		h.frame, h.by, h.current, _ = r.ownFrame(p, c, r.byPara[s.Para])
		if r.headings == nil {
			r.headings = map[*para.Clause]headingReading{}
		}
		r.headings[c] = h
	}
	return h.frame, h.by, h.current
}

// readParagraph fills the frames of one paragraph's clauses. A clause's
// own frame comes first; then the frame that heads its sentence; then the
// running frame of the paragraph — set by a period that heads a sentence
// (过去一年，…。我们…; 到2025年，基本建成…。…普及率99.93%以上) until another
// does; then its section's.
func (r *reader) readParagraph(p *para.Paragraph) {
	times := r.byPara[p.Index]
	n := len(p.Clauses)
	own, by := make([]para.Frame, n), make([]string, n)
	current, fronted := make([]bool, n), make([]bool, n)
	for k := range p.Clauses {
		own[k], by[k], current[k], fronted[k] = r.ownFrame(p, &p.Clauses[k], times)
		if current[k] {
			if f, b := r.currentFrame(p, &p.Clauses[k], by[k]); f != para.FrameNone {
				own[k], by[k], current[k] = f, b, false // 今年发展的主要预期目标是 in a work report
			}
		}
	}
	running, runningBy := para.FrameNone, ""
	framed := -1 // the last clause before k in k's sentence with a frame of its own
	var ob obligation
	for k := range p.Clauses {
		c := &p.Clauses[k]
		if f, b, ok := r.sentenceLead(p, k, own, by, fronted); ok {
			running, runningBy = f, b // 通知指出，到2025年，…。…
		}
		if framed >= 0 && p.Clauses[framed].SentStart != c.SentStart {
			framed = -1
		}
		c.Frame, c.FrameBy, c.FrameFrom = own[k], by[k], para.FromClause
		if c.Frame == para.FrameNone {
			c.Frame, c.FrameBy = sentenceFrame(framed, own, by, fronted)
			c.FrameFrom = para.FromSentence
		}
		if own[k] != para.FrameNone {
			framed = k
		}
		if c.Frame == para.FrameNone && !(running == para.FramePast && ob.of(p, c)) {
			c.Frame, c.FrameBy, c.FrameFrom = running, runningBy, para.FromParagraph
		}
		if c.Frame == para.FrameNone {
			c.FrameFrom = para.FromNone
		}
		r.inherit(p, c)
	}
}

// ownFrame is the frame a clause's own words give it: a frame word (过去一年,
// 今年以来, 今后), else a deadline (9月底前完成…) or a day that took place
// anywhere in it, else a period that heads it (2023年，…; 到2025年，…). A
// period inside the clause qualifies a noun (根据2021年国省预算内投资安排领域)
// and dates nothing. current reports a heading period that holds the
// reference date, which the genre or a section decides. fronted reports
// that the frame stands at the clause's head, so that it governs the rest
// of the sentence.
func (r *reader) ownFrame(p *para.Paragraph, c *para.Clause, times []timex.Expr) (f para.Frame, by string, current, fronted bool) {
	for _, h := range p.CuesIn(int(c.Start), int(c.End), lexicon.Past, lexicon.Future) {
		f = para.FramePast
		if h.Class == lexicon.Future {
			f = para.FrameAhead
		}
		return f, h.Word, false, r.atHead(p, c, int(h.Start))
	}
	for _, e := range timesFrom(times, int(c.Start), int(c.End)) {
		if e.End > int(c.End) || inBrackets(p, e.Start) || r.baseline(p, e.Start) {
			continue
		}
		head := r.atHead(p, c, e.Start)
		if !head && e.Role != timex.RoleDeadline && e.Role != timex.RoleEventDate {
			continue
		}
		ef, cur := r.exprFrame(e)
		if after := pastAfter(p, e.End, int(c.End)); after != "" {
			ef, cur = para.FramePast, false // 上半年工作总结, 1-7月来看
		}
		if ef != para.FrameNone || cur {
			return ef, e.Text, cur, head
		}
	}
	return para.FrameNone, "", false, false
}

// baseline reports a period a comparison is measured from (比2010年翻一番,
// 较2019年增长): it dates the base, not the clause.
func (r *reader) baseline(p *para.Paragraph, i int) bool {
	rs := p.SimpleRunes()
	k := i
	for k > 0 && rs[k-1] == ' ' {
		k--
	}
	_, ok := r.lx.Index("before.baseline").LongestEnding(rs, k)
	return ok
}

// atHead reports whether offset i opens the clause, after blanks and a
// preposition of time (2023年，…; 到2025年，…; 在过去一年里); after another
// word (根据2021年…安排领域) the period qualifies a noun.
func (r *reader) atHead(p *para.Paragraph, c *para.Clause, i int) bool {
	rs := p.SimpleRunes()
	k := int(c.Start)
	for k < i && rs[k] == ' ' {
		k++
	}
	if k == i {
		return true
	}
	lead, ok := r.lx.Index(lexicon.FrameLead).LongestStarting(rs, k)
	return ok && k+lead.Len() == i
}

// pastAfter is a past.after word right after a period (上半年工作总结,
// 1-7月来看), within its clause.
func pastAfter(p *para.Paragraph, from, to int) string {
	for _, h := range p.CuesIn(from, min(to, from+8), lexicon.PastAfter) {
		return h.Word
	}
	return ""
}

// exprFrame is the frame of one time expression: a deadline is ahead, an
// event that took place or a period that has ended is past, a period after
// the reference date is ahead; a period that holds the reference date is
// current.
func (r *reader) exprFrame(e timex.Expr) (f para.Frame, current bool) {
	switch e.Role {
	case timex.RoleRecurrence, timex.RoleDuration:
		return para.FrameNone, false
	case timex.RoleDeadline:
		return para.FrameAhead, false
	case timex.RoleEventDate:
		return para.FramePast, false
	}
	ref := r.d.Ref
	switch {
	case ref.IsZero() || e.Date.IsZero():
		return para.FramePast, false // a reported period (RolePeriod) with no date to compare
	case e.Date.Before(ref):
		return para.FramePast, false
	case !e.First.IsZero() && ref.Before(e.First):
		return para.FrameAhead, false
	}
	return para.FrameNone, true
}

// currentFrame decides a period that holds the reference date: the year's
// goals of a plan or a work report (今年, 全年), else a report of the
// period so far.
func (r *reader) currentFrame(p *para.Paragraph, c *para.Clause, by string) (para.Frame, string) {
	if s, ok := r.sectionAt(p.Index, int(c.Start)); ok && s.frame != para.FrameNone {
		return s.frame, s.by
	}
	if r.aheadGenre() {
		return para.FrameAhead, by
	}
	return para.FrameNone, ""
}

// aheadGenre: in a plan or a work report the current period is the one the
// text sets goals for; in a news report it is the one it reports on.
func (r *reader) aheadGenre() bool {
	return r.genre == lexicon.GenrePlan || r.genre == lexicon.GenreWorkReport
}

// sentenceFrame is the frame that heads k's sentence: the nearest clause
// before k in the sentence whose own frame stands at its head (2023年，全市…，
// 增长5%; 到2025年，…，…达到85%). A date inside an earlier clause (…和明年
// 项目谋划申报工作进行了安排部署，提出了…26个投向) dates that clause only.
// readParagraph passes j, that clause's index (-1 for none), kept as it
// goes, so that a long sentence is not walked back from every clause.
func sentenceFrame(j int, own []para.Frame, by []string, fronted []bool) (para.Frame, string) {
	if j >= 0 && fronted[j] {
		return own[j], by[j]
	}
	return para.FrameNone, ""
}

// obligation remembers obliges for the sentence of the clauses in turn.
type obligation struct {
	sent, end int
	known, ok bool
}

func (o *obligation) of(p *para.Paragraph, c *para.Clause) bool {
	if !o.known || o.sent != int(c.SentStart) || o.end != int(c.SentEnd) {
		o.sent, o.end, o.known, o.ok = int(c.SentStart), int(c.SentEnd), true, obliges(p, c)
	}
	return o.ok
}

// obliges reports a sentence that gives an instruction or sets a goal of
// its own: a past period running through its paragraph does not date it
// (今年以来，…。要全面落实…，将工业生产许可证再压减一半以上).
func obliges(p *para.Paragraph, c *para.Clause) bool {
	return len(p.CuesIn(int(c.SentStart), int(c.SentEnd), lexicon.Instruct, lexicon.Goal)) > 0
}

// sentenceLead is the frame that clause k sets for the rest of the
// paragraph: a period or frame word at its head (过去一年，…; 2023年，…;
// 今年以来，…; 通知指出，到2025年，…). A day (8月2日下午，…召开) dates one
// event, not what follows.
func (r *reader) sentenceLead(p *para.Paragraph, k int, own []para.Frame, by []string, fronted []bool) (para.Frame, string, bool) {
	if own[k] == para.FrameNone || !fronted[k] || isDay(r.byPara[p.Index], p.Clauses[k]) {
		return para.FrameNone, "", false
	}
	return own[k], by[k], true
}

// timesFrom is the run of a paragraph's expressions (in order of their
// starts, as timex.Find gives them) that start in [from, to): found by a
// binary search, so that a clause's query costs its own expressions.
func timesFrom(times []timex.Expr, from, to int) []timex.Expr {
	i := sort.Search(len(times), func(i int) bool { return times[i].Start >= from })
	j := sort.Search(len(times), func(j int) bool { return times[j].Start >= to })
	return times[i:max(i, j)]
}

// isDay reports a day date in the clause: the date of one event.
func isDay(times []timex.Expr, c para.Clause) bool {
	for _, e := range timesFrom(times, int(c.Start), int(c.End)) {
		if e.End <= int(c.End) && e.Precision == timex.PrecisionDay {
			return true
		}
	}
	return false
}

// inherit passes a section's reading to a clause its own words leave open.
func (r *reader) inherit(p *para.Paragraph, c *para.Clause) {
	s, ok := r.sectionAt(p.Index, int(c.Start))
	if !ok {
		return
	}
	if c.Frame == para.FrameNone && s.frame != para.FrameNone && !s.current {
		c.Frame, c.FrameBy, c.FrameFrom = s.frame, s.by, para.FromSection
	}
	if c.Stance == "" && s.stance != "" {
		c.Stance, c.StanceBy = s.stance, s.by
	}
}

// sectionAt is the innermost section holding rune off of paragraph p.
func (r *reader) sectionAt(p, off int) (sectionReading, bool) {
	best, found := sectionReading{}, false
	for _, s := range r.sections {
		if !s.contains(p, off) {
			continue
		}
		if !found || s.Para > best.Para || s.Para == best.Para && s.Start >= best.Start {
			best, found = s, true
		}
	}
	return best, found
}

// inBrackets reports an offset inside a book title 《…》, which names a
// document rather than dating the clause.
func inBrackets(p *para.Paragraph, i int) bool {
	rs := p.SimpleRunes()
	for k := i - 1; k >= 0 && i-k <= 60; k-- {
		switch rs[k] {
		case '《':
			return true
		case '》', '。':
			return false
		}
	}
	return false
}
