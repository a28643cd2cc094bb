package para

import (
	"slices"
	"sort"

	"github.com/zhengling/zhengling/segment/lexicon"
)

// Frame is the period a clause is about, relative to the document's date.
type Frame uint8

// Frames of Clause.
const (
	FrameNone  Frame = iota // nothing dates the clause
	FramePast               // a period that has ended, a result reached: 过去一年, 去年, 同比, 已
	FrameAhead              // the current or a coming period, set as a goal: 到2025年, 今年 in a plan, 力争
)

func (f Frame) String() string {
	switch f {
	case FramePast:
		return "past"
	case FrameAhead:
		return "ahead"
	}
	return "none"
}

// Source is where a clause's frame was read.
type Source uint8

// Sources of a frame, nearest first.
const (
	FromNone      Source = iota
	FromClause           // the clause's own words: 到2025年，…; 同比
	FromSentence         // a period heading the sentence: 2023年，全市…，增长5%
	FromParagraph        // one heading the paragraph or an earlier sentence of it: 过去一年，…。…
	FromSection          // the section's heading: 一、2023年工作回顾
	FromGenre            // the genre: 今年 in a plan or a work report
)

// Inherited reports a frame that the clause's own sentence does not state.
func (s Source) Inherited() bool { return s >= FromParagraph }

// Clause is one clause of a paragraph: the runes up to a clause punctuation
// mark (，；：。！？), with the sentence (up to ；。！？) that holds it.
type Clause struct {
	Start, End         int32 // the clause, its closing punctuation excluded
	SentStart, SentEnd int32 // its sentence
	// Stance is the lexicon class that says what the clause does —
	// lexicon.Instruct, Goal, Urge, Report, Compare, Forecast, Schedule,
	// Condition — or "" when nothing does. Its own first cue decides; a
	// cue that governs its sentence (确保A，B) or list (目标是：A；B。) gives
	// its stance to the clauses after it that have none; package clause
	// then passes down the stance of a section heading (主要目标).
	Stance string
	// StanceBy is the word or heading that decided Stance.
	StanceBy string
	// Frame is the period the clause is about; package clause fills it.
	Frame Frame
	// FrameBy is the word, time expression, heading or genre that decided Frame.
	FrameBy string
	// FrameFrom says where Frame comes from.
	FrameFrom Source
	// Own reports that Stance comes from a cue inside the clause.
	Own bool
}

// cueClasses are the classes marked in every paragraph.
var cueClasses = append(slices.Clone(lexicon.StanceClasses), lexicon.Past, lexicon.PastAfter, lexicon.Future,
	lexicon.Perfective, lexicon.Limit, lexicon.LimitAfter, lexicon.TaskAfter)

// clauseStances are the classes that give a clause its stance, strongest
// first when two stand at one place.
var clauseStances = []string{lexicon.Goal, lexicon.Instruct, lexicon.Report, lexicon.Forecast,
	lexicon.Schedule, lexicon.Condition, lexicon.Compare, lexicon.Urge}

// mark splits the paragraph into clauses and finds its cue words.
func (p *Paragraph) mark() {
	lx := p.Lexicon
	p.Cues = lx.Index(cueClasses...).Scan(p.simple, p.WordStart)
	isClause, isSentence := lx.PunctSet("clause"), lx.PunctSet("sentence")
	rs := p.simple
	n := 1 // one clause per clause mark, and the last one
	for _, r := range rs {
		if isClause(r) {
			n++
		}
	}
	p.Clauses = slices.Grow(p.Clauses, n) // sized once: a document's clauses are many
	sent := 0
	start := 0
	first := len(p.Clauses)
	for i := 0; i <= len(rs); i++ {
		if i < len(rs) && !isClause(rs[i]) {
			continue
		}
		p.Clauses = append(p.Clauses, Clause{Start: int32(start), End: int32(i), SentStart: int32(sent)})
		start = i + 1
		if i == len(rs) || isSentence(rs[i]) {
			for k := first; k < len(p.Clauses); k++ {
				p.Clauses[k].SentEnd = int32(i)
			}
			first, sent = len(p.Clauses), i+1
		}
	}
	p.localStances()
}

// localStances gives each clause the stance of its own first cue, then
// spreads sentence- and list-wide cues over the clauses after them.
func (p *Paragraph) localStances() {
	for k := range p.Clauses {
		c := &p.Clauses[k]
		near := p.cuesNear(c.Start, c.End)
		if h, ok := firstStanceCue(near, c.Start, c.End); ok {
			c.Stance, c.StanceBy, c.Own = h.Class, h.Word, true
		} else if h, ok := firstOf(near, c.Start, c.End, lexicon.Perfective); ok {
			// a thing done tells a result of its own, which no goal cue of
			// the sentence turns into a goal: 确保按时完成…，组织了一次…大检查活动，
			// 随之约谈了3个后进村
			c.Stance, c.StanceBy, c.Own = lexicon.Report, h.Word, true
		}
	}
	isPeriod := p.Lexicon.PunctSet("period")
	for k := range p.Clauses {
		c := p.Clauses[k]
		for _, h := range p.cuesNear(c.Start, c.End) {
			if h.Start >= c.Start && h.End <= c.End && h.Has(lexicon.Sentence|lexicon.List) && slices.Contains(clauseStances, h.Class) {
				p.spread(k, h, isPeriod)
			}
		}
	}
}

// spread gives the stance of a sentence- or list-wide cue in clause k to
// the clauses after it that have none: to the end of the sentence (确保A，B);
// for a list, to its 。, or to the paragraph's end when the list opens the
// paragraph (主要预期目标是：…增长6.5%，…。一般公共预算总收入增长5%，…).
func (p *Paragraph) spread(k int, h lexicon.Hit, isPeriod func(rune) bool) {
	c := p.Clauses[k]
	period, seen := false, c.End // a period between c and the clauses so far
	for j := k + 1; j < len(p.Clauses); j++ {
		d := &p.Clauses[j]
		inSentence := d.SentStart == c.SentStart
		if h.Has(lexicon.List) && c.SentStart != 0 && !period {
			period, seen = periodBetween(p.simple, seen, d.Start, isPeriod), max(seen, d.Start)
		}
		inList := h.Has(lexicon.List) && (c.SentStart == 0 || !period)
		if !inSentence && !inList {
			return
		}
		if d.Stance == "" {
			d.Stance, d.StanceBy = h.Class, h.Word
		}
	}
}

func periodBetween(rs []rune, from, to int32, isPeriod func(rune) bool) bool {
	for k := int(max(from, 0)); k < int(to) && k < len(rs); k++ {
		if isPeriod(rs[k]) {
			return true
		}
	}
	return false
}

// firstStanceCue is the cue in [from, to) of the strongest class that gives
// a stance (将工业生产许可证再压减一半以上 is a goal, not a schedule), the first
// of that class.
func firstStanceCue(hits []lexicon.Hit, from, to int32) (lexicon.Hit, bool) {
	best, bestRank, found := lexicon.Hit{}, 0, false
	for _, h := range hits {
		if h.Start < from || h.End > to {
			continue
		}
		rank := slices.Index(clauseStances, h.Class)
		if rank < 0 {
			continue
		}
		if !found || rank < bestRank || rank == bestRank && h.Start < best.Start {
			best, bestRank, found = h, rank, true
		}
	}
	return best, found
}

// firstOf is the first cue of the class in [from, to).
func firstOf(hits []lexicon.Hit, from, to int32, class string) (lexicon.Hit, bool) {
	for _, h := range hits {
		if h.Start >= from && h.End <= to && h.Class == class {
			return h, true
		}
	}
	return lexicon.Hit{}, false
}

// ClauseAt returns the clause that holds rune offset off (the last clause
// for an offset at the end), or nil for a paragraph without clauses.
func (p *Paragraph) ClauseAt(off int) *Clause {
	if len(p.Clauses) == 0 {
		return nil
	}
	k := sort.Search(len(p.Clauses), func(k int) bool { return int(p.Clauses[k].End) >= off })
	if k == len(p.Clauses) {
		k--
	}
	return &p.Clauses[k]
}

// CuesIn returns the cues of the given classes that lie inside [from, to).
func (p *Paragraph) CuesIn(from, to int, classes ...string) []lexicon.Hit {
	var out []lexicon.Hit
	for _, h := range p.cuesNear(int32(from), int32(to)) {
		if int(h.Start) >= from && int(h.End) <= to && (len(classes) == 0 || slices.Contains(classes, h.Class)) {
			out = append(out, h)
		}
	}
	return out
}

// cuesNear is the run of Cues that may lie inside [from, to): those that
// end after from and by to. Cues are in order of their ends, so two binary
// searches find it, and a query costs what it finds, not the paragraph.
func (p *Paragraph) cuesNear(from, to int32) []lexicon.Hit {
	i := sort.Search(len(p.Cues), func(i int) bool { return p.Cues[i].End > from })
	j := sort.Search(len(p.Cues), func(j int) bool { return p.Cues[j].End > to })
	return p.Cues[i:max(i, j)]
}

// WordStart reports whether a segmenter token starts at rune offset i;
// without tokens every offset counts as one.
func (p *Paragraph) WordStart(i int) bool {
	if len(p.Tokens) == 0 {
		return true
	}
	k := sort.Search(len(p.Tokens), func(k int) bool { return int(p.Tokens[k].Start) >= i })
	return k < len(p.Tokens) && int(p.Tokens[k].Start) == i
}
