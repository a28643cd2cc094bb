// Package quantity recognises the quantities of government text — targets it
// sets (满意率达到98%以上, 压减20%以上, 完成投资500亿元以上), figures it reports
// (同比增长2.3%, 新增规上工业企业34家) and every percent expression — with
// Chinese and Arabic numerals, units, comparators and change.
//
// Find works on one paragraph in three steps: scan.go finds mentions (a
// number read by package numeral with its unit, percent sign, 成/折, range
// and 以上/以内 suffix; placeholders such as xxx% become warnings);
// classify.go drops what counts nothing a ledger tracks (rhetorical counts in
// Chinese numerals, conditions, class bounds, ordinals, dates) and reads the
// comparator, the change and the side — target or figure — from the cue
// lexicons of tables.go and the directive context; quantity.go then fills
// the metric, the text span, the deadline of a target and the period of a
// figure.
package quantity

import (
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/zhengling/zhengling/extract/numeral"
	"github.com/zhengling/zhengling/extract/para"
	"github.com/zhengling/zhengling/extract/timex"
	"github.com/zhengling/zhengling/segment/lexicon"
)

// Comparators of Target.
const (
	CmpGE      = ">="
	CmpGT      = ">"
	CmpLE      = "<="
	CmpLT      = "<"
	CmpEQ      = "="
	CmpBetween = "between"
	CmpApprox  = "~"
)

// Changes of Target.
const (
	ChangeNone     = ""
	ChangeIncrease = "increase"
	ChangeDecrease = "decrease"
)

// Target is a quantity the document sets as a goal; the same type carries a
// reported figure, which also fills Period.
type Target struct {
	Text       string          `json:"text"`       // as written, source script
	Metric     string          `json:"metric"`     // what it measures, simplified script
	Comparator string          `json:"comparator"` // CmpGE …
	Value      float64         `json:"value"`      // normalised: 万/亿 multiplied out, % as a percent value
	Max        *float64        `json:"max"`        // upper bound of CmpBetween, else null
	Unit       string          `json:"unit"`       // base unit: %, 个百分点, 元, 人, 家, …
	Change     string          `json:"change"`     // ChangeIncrease/ChangeDecrease for the size of a change
	Approx     bool            `json:"approx"`     // 多/余/近/约/左右
	Deadline   *timex.Deadline `json:"deadline"`   // the deadline governing it, or its period for a figure
	Period     string          `json:"period"`     // figures: the reported period (1-8月份, 截至8月底)
	Para       int             `json:"para"`
	Start      int             `json:"start"`
	End        int             `json:"end"`
}

// Percentage is one percent expression of the body, goal or not.
type Percentage struct {
	Text  string  `json:"text"`
	Value float64 `json:"value"`
	Unit  string  `json:"unit"` // % or 个百分点; 千分之一 is 0.1 %
	Para  int     `json:"para"`
	Start int     `json:"start"`
	End   int     `json:"end"`
}

// Context tells the recogniser what the rest of the pipeline knows about a
// paragraph.
type Context struct {
	// Instructing reports whether the rune offset lies inside a directive
	// item that instructs (a 要/确保 item rather than a report); may be nil.
	Instructing func(offset int) bool
	// Times are the paragraph's time expressions, for a target's deadline
	// and a figure's period.
	Times []timex.Expr
}

// Result is what Find returns for one paragraph.
type Result struct {
	Targets     []Target
	Figures     []Target
	Percentages []Percentage
	Warnings    []string // placeholder: …
}

// Find returns the quantities of one paragraph: every percent expression,
// and each quantity with a unit judged a target (a goal the text sets) or a
// figure (a value it reports). Template blanks (xxx%) give warnings.
func Find(p *para.Paragraph, ctx Context) Result {
	f := newFinder(p, ctx)
	for _, m := range f.sc.mentions {
		f.take(m)
	}
	for _, ph := range f.sc.placeholders {
		s, e := bounds(f.env.rs, ph.start, ph.end, isClausePunct)
		f.res.Warnings = append(f.res.Warnings, "placeholder: "+strings.TrimSpace(p.Text(s, e)))
	}
	for _, o := range f.sc.overflows {
		s, e := bounds(f.env.rs, o.start, o.end, isClausePunct)
		f.res.Warnings = append(f.res.Warnings, "overflow: a number beyond float64, no value given: "+shorten(strings.TrimSpace(p.Text(s, e)), 40))
	}
	return f.res
}

// finder carries one paragraph through Find.
type finder struct {
	p       *para.Paragraph
	ctx     Context
	sc      *scanner
	env     *env
	periods *periodCache
	res     Result
	prev    struct {
		end      int
		sentence span
		metric   string
		judged   judged // the last value taken, for continuesGoal
	}
	hasPrev bool
}

func newFinder(p *para.Paragraph, ctx Context) *finder {
	rs := p.SimpleRunes()
	sc := newScanner(rs, measureWords(p))
	sc.run()
	wordStart := tokenStarts(p, len(rs))
	e := &env{rs: rs, p: p, clauseAt: p.ClauseAt, instructing: ctx.Instructing, wordStart: wordStart,
		unitIsWord: unitTokens(p, len(rs)), posAt: tokenPOS(p), times: ctx.Times, cues: cueHits(p)}
	e.reportPara = reportingParagraph(p, e.cues, ctx.Times)
	f := &finder{p: p, ctx: ctx, sc: sc, env: e, periods: &periodCache{rs: rs}}
	f.prev.end = -100
	return f
}

// take lists m's percent expressions and files it as a target or figure.
func (f *finder) take(m mention) {
	p := f.p
	for _, x := range m.listed {
		f.res.Percentages = append(f.res.Percentages, Percentage{
			Text: p.Text(x.start, x.end), Value: x.value, Unit: x.unit, Para: p.Index, Start: x.start, End: x.end})
	}
	if _, inTitle := inSpans(f.sc.titles, m.start); inTitle {
		return
	}
	j, ok := judge(f.env, m)
	if !ok {
		return
	}
	if f.hasPrev && f.env.continuesGoal(j, f.prev.judged) {
		j.side = sideTarget
	}
	if f.hasPrev && j.change == ChangeNone && joined(f.env.rs, f.prev.judged.end, j.start) {
		j.change = f.prev.judged.change // 分别增长15%和18%
	}
	f.hasPrev, f.prev.judged = true, j
	t := newTarget(p, f.env, j, max(f.prev.end, j.clause.start))
	if bareVerb(p.Lexicon, t.Metric) {
		t.Metric = "" // 安排195850万元 measures the subject before it
	}
	if t.Metric == "" && j.unitStart >= 0 && j.kind == unitCount {
		t.Metric = countedNoun(p, j.end, j.clause.end) // 推动32个省市重点项目全部开工
	}
	if t.Metric == "" && j.start-f.prev.end < inheritGap && f.prev.sentence == j.sentence {
		t.Metric = f.prev.metric // 全县固定资产投资完成246.79亿元，…，同比增长15.3%
	}
	f.prev.end, f.prev.sentence, f.prev.metric = j.end, j.sentence, t.Metric
	if j.side == sideTarget {
		t.Deadline = deadlineFor(f.ctx.Times, j)
		f.res.Targets = append(f.res.Targets, t)
		return
	}
	t.Period, t.Deadline = periodFor(p, f.ctx.Times, f.periods, j)
	f.res.Figures = append(f.res.Figures, t)
}

// joined reports that only a conjunction stands between two values, which
// then share their verb: 分别增长15%和18%, 下降3%、0.7%.
func joined(rs []rune, from, to int) bool {
	if from < 0 || to <= from || to-from > 3 {
		return false
	}
	w := strings.TrimSpace(string(rs[from:to]))
	return w == "和" || w == "、" || w == "及" || w == "与" || w == "和了"
}

// inheritGap is how far (in runes) a value may stand from the previous one
// of its sentence and still measure its metric: 社会消费品零售总额完成312.5亿元
// （含网络零售额），同比增长8.3%.
const inheritGap = 30

// tokenStarts reports whether a segmenter token starts at a rune offset;
// without tokens every offset counts as one.
func tokenStarts(p *para.Paragraph, n int) func(int) bool {
	if len(p.Tokens) == 0 {
		return func(int) bool { return true }
	}
	starts := make([]bool, n+1)
	for _, t := range p.Tokens {
		if int(t.Start) <= n {
			starts[t.Start] = true
		}
	}
	return func(i int) bool { return i >= 0 && i <= n && starts[i] }
}

// measureWords reports a one-rune Han token the segmenter tags as a measure
// word (q) at an offset: 2000亩, 3株 — what the unit table does not list.
func measureWords(p *para.Paragraph) func(int) bool {
	pos := tokenPOS(p)
	rs := p.SimpleRunes()
	return func(k int) bool {
		if k < 0 || k+1 > len(rs) || rs[k] < 0x4E00 || rs[k] > 0x9FFF || pos(k) != "q" {
			return false
		}
		return p.WordStart(k + 1)
	}
}

// tokenPOS returns the part of speech of the token starting at an offset.
func tokenPOS(p *para.Paragraph) func(int) string {
	toks := p.Tokens
	return func(i int) string {
		k := sort.Search(len(toks), func(k int) bool { return int(toks[k].Start) >= i })
		if k < len(toks) && int(toks[k].Start) == i {
			return toks[k].Pos()
		}
		return ""
	}
}

// unitTokens reports whether a mention's unit is a word of its own: the
// token holding the unit's first rune ends within the unit (34家|企业,
// 84|万人), not beyond it (2012|人社|工作 is no count of people).
func unitTokens(p *para.Paragraph, n int) func(mention) bool {
	if len(p.Tokens) == 0 {
		return func(mention) bool { return true }
	}
	ends := make([]int, n+1)
	for _, t := range p.Tokens {
		for k := int(t.Start); k < int(t.End) && k <= n; k++ {
			ends[k] = int(t.End)
		}
	}
	return func(m mention) bool {
		if m.unitStart < 0 || m.unitStart >= n || m.percent {
			return true
		}
		return ends[m.unitStart] == 0 || ends[m.unitStart] <= m.unitEnd
	}
}

// newTarget fills the fields shared by targets and figures.
func newTarget(p *para.Paragraph, e *env, j judged, floor int) Target {
	ms := metricStart(e.rs, j.verbStart, floor, e.wordStart)
	ms = skipMarker(e.rs, ms, j.verbStart)
	t := Target{
		Text:       strings.TrimSpace(p.Text(ms, j.end)),
		Metric:     metricText(p, skipTimes(e.times, ms, j.verbStart), j.verbStart),
		Comparator: j.comparator,
		Value:      j.value,
		Max:        j.max,
		Unit:       j.unit,
		Change:     j.change,
		Approx:     j.approx,
		Para:       p.Index,
		Start:      ms,
		End:        j.end,
	}
	return t
}

// skipMarker moves past a list marker that opens the span: （1）新改建农村户厕
// 1200座, 2．改造提升镇级污水管网15公里, ①…, 二是…; it never passes limit.
func skipMarker(rs []rune, at, limit int) int {
	k := at
	switch {
	case k < limit && (rs[k] == '(' || rs[k] == '（'):
		j := k + 1
		for j < limit && (numeral.IsDigit(rs[j]) || numeral.IsChineseDigit(rs[j]) || rs[j] == '十') {
			j++
		}
		if j > k+1 && j < limit && (rs[j] == ')' || rs[j] == '）') {
			k = j + 1
		}
	case k < limit && rs[k] >= '①' && rs[k] <= '⑳':
		k++
	case k+1 < limit && (numeral.IsChineseDigit(rs[k]) || rs[k] == '十') && strings.ContainsRune("是要", rs[k+1]):
		k += 2 // 二是新建高标准农田10万亩, 三要…
	case k < limit && numeral.IsDigit(rs[k]):
		j := k
		for j < limit && numeral.IsDigit(rs[j]) {
			j++
		}
		if j < limit && strings.ContainsRune(".、．", rs[j]) && (j+1 >= len(rs) || !numeral.IsDigit(rs[j+1])) {
			k = j + 1
		}
	}
	if k == at || k >= limit {
		return at
	}
	for k < limit && numeral.IsSpace(rs[k]) {
		k++
	}
	return k
}

// skipTimes moves the metric's start past time expressions that open it
// (年底前完成城区排水管网改造20公里 measures 完成城区排水管网改造).
func skipTimes(times []timex.Expr, at, limit int) int {
	for moved := true; moved; {
		moved = false
		for _, t := range times {
			if t.Start <= at && t.End > at && t.End < limit {
				at, moved = t.End, true
			}
		}
	}
	return at
}

// metricText is the measured noun phrase, simplified, without the
// function words a clause may open with (离今年新增 → 今年新增).
func metricText(p *para.Paragraph, start, end int) string {
	toks := p.Tokens
	k := sort.Search(len(toks), func(k int) bool { return int(toks[k].Start) >= start })
	for ; k < len(toks); k++ {
		t := toks[k]
		if int(t.Start) >= end || !isFunctionWord(t.Pos()) {
			break
		}
		start = int(t.End)
	}
	return strings.Trim(p.SimpleText(start, end), " \u3000的各")
}

// bareVerb: the metric is only a verb (安排, 完成, 实现) or a cue word,
// which names no measured thing.
func bareVerb(lx *lexicon.Lexicon, m string) bool {
	return m != "" && (bareVerbs[m] || changeWords[m] || lx.Set(lexicon.StanceClasses...)[m])
}

var bareVerbs, changeWords = func() (map[string]bool, map[string]bool) {
	b, c := map[string]bool{}, map[string]bool{}
	for _, w := range linkVerbs {
		b[w] = true
	}
	for _, w := range planVerbs {
		b[w] = true
	}
	for _, r := range changeVerbs {
		c[r.word] = true
	}
	return b, c
}()

// countedNoun is the noun phrase a count counts, right after its unit
// (32个|省市重点项目|全部开工): the nouns up to the first other word.
func countedNoun(p *para.Paragraph, from, limit int) string {
	toks := p.Tokens
	k := sort.Search(len(toks), func(k int) bool { return int(toks[k].Start) >= from })
	end := from
	for ; k < len(toks) && int(toks[k].Start) == end && int(toks[k].End) <= limit; k++ {
		if pos := toks[k].Pos(); pos == "" || pos[0] != 'n' || notCounted[toks[k].Text] {
			break
		}
		end = int(toks[k].End)
	}
	if end == from {
		return ""
	}
	return p.SimpleText(from, end)
}

// notCounted are nouns to the segmenter that end what a count counts:
// 32个省市重点项目|全部开工.
var notCounted = map[string]bool{"全部": true, "全面": true, "所有": true, "部分": true, "其中": true, "以上": true}

// isFunctionWord: prepositions, conjunctions, adverbs, particles, pronouns.
func isFunctionWord(pos string) bool {
	return pos != "" && strings.ContainsRune("pcdur", rune(pos[0]))
}

// deadlineFor picks the deadline governing a target: one in its clause,
// else the nearest before it in its sentence (到2025年，…，…达到85%) — never
// one of a later clause.
func deadlineFor(times []timex.Expr, j judged) *timex.Deadline {
	var best *timex.Deadline
	bestDist := 1 << 30
	for k := range times {
		e := &times[k]
		if e.Role != timex.RoleDeadline || e.Start < j.sentence.start || e.End > j.sentence.end {
			continue
		}
		if e.Start >= j.clause.end {
			continue // a later clause starts its own predicate: 新建管网45公里，春节前完成主体工程
		}
		d := distance(e.Start, e.End, j)
		if d < bestDist {
			dl := e.Deadline
			best, bestDist = &dl, d
		}
	}
	return best
}

// distance ranks time expressions: inside the clause first, then by runes.
func distance(s, e int, j judged) int {
	d := j.start - e
	if s > j.end {
		d = s - j.end
	}
	if d < 0 {
		d = 0
	}
	if s >= j.clause.start && e <= j.clause.end {
		return d
	}
	return d + 10000
}

// periodFor finds the reported period of a figure in its sentence: a
// RolePeriod expression, or without time expressions the period written
// before it (1-8 月份, 截至8月底).
func periodFor(p *para.Paragraph, times []timex.Expr, periods *periodCache, j judged) (string, *timex.Deadline) {
	if len(times) > 0 {
		for k := len(times) - 1; k >= 0; k-- {
			e := times[k]
			if e.Role == timex.RolePeriod && e.Start >= j.sentence.start && e.End <= j.start {
				dl := e.Deadline
				return e.Text, &dl
			}
		}
		return "", nil
	}
	var found span
	for _, s := range periods.in(j.sentence) {
		if s.end <= j.start {
			found = s
		}
	}
	if found.end == 0 {
		return "", nil
	}
	return strings.TrimSpace(p.Text(found.start, found.end)), nil
}

// periodCache holds the written periods of one sentence, found once.
type periodCache struct {
	rs       []rune
	sentence span
	spans    []span
	done     bool
}

// in returns the periods written in sentence s, as rune spans.
func (c *periodCache) in(s span) []span {
	if c.done && c.sentence == s {
		return c.spans
	}
	c.sentence, c.spans, c.done = s, nil, true
	text := string(c.rs[s.start:s.end])
	if !strings.ContainsAny(text, "月截今") {
		return nil // no period can be written here
	}
	for _, loc := range periodPattern.FindAllStringIndex(text, -1) {
		start := s.start + utf8.RuneCountInString(text[:loc[0]])
		c.spans = append(c.spans, span{start, start + utf8.RuneCountInString(text[loc[0]:loc[1]])})
	}
	return c.spans
}

// periodPattern is the minimal reported-period grammar used until time
// expressions are known: 1-8 月份, 1-10月, 截至8月底, 截止3月份, 前8个月.
var periodPattern = regexp.MustCompile(`\d{1,2}\s*[-至到~]\s*\d{1,2}\s*月份?|截[至止][^,;:。]{0,8}?(月底|月末|月份|年底|目前|日)|前\d{1,2}个月|今年以来`)

// shorten keeps the first and last runes of a long text around an ellipsis.
func shorten(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	return string(rs[:n/2]) + "…" + string(rs[len(rs)-n/2:])
}
