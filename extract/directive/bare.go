package directive

import (
	"github.com/zhengling/zhengling/segment/lexicon"
	"strings"

	"github.com/zhengling/zhengling/extract/para"
)

// cueVerbs end the clause that introduces a bare 要 item: 会议强调，要…;
// 黄腾要求，要对号入座…; 他指出，要…; a paragraph ending 会议指出： opens a series
// of paragraphs that begin with 要 (seed001).
var cueVerbs = lexicon.Default().Words("verb.speech")

// maxCueClause bounds the introducing clause (会议强调 / 区委书记李志军强调 /
// 市委副书记、市长张建华在讲话中强调): a longer first clause is a sentence of
// its own, not a cue.
const maxCueClause = 24

// maxLoneCue bounds a clause that is only the meeting's cue inside its
// report (…汇报,强调,要… ; …情况,并强调,要…).
const maxLoneCue = 4

// maxSubject bounds the subject between the cue and 要 (各级各部门要…;
// 各乡镇、各园区及县级有关部门要…).
const maxSubject = 16

// endsWithCue reports whether the paragraph ends with a cue and a colon
// (会议强调： / 会议指出:), announcing a series of 要 paragraphs.
func endsWithCue(p *para.Paragraph) bool {
	s := strings.TrimSpace(p.Simple)
	s, ok := strings.CutSuffix(s, ":")
	if !ok {
		if s, ok = strings.CutSuffix(s, "："); !ok {
			return false
		}
	}
	for _, c := range cueVerbs {
		if strings.HasSuffix(s, c) {
			return true
		}
	}
	return false
}

// opensWithYao reports whether the item word 要 is at offset i: 要 as a word
// of its own (要狠抓…) or starting a verb (要紧盯 cut as 要紧/盯), never the
// nouns 要素/要点 nor 要求 (a cue, not an instruction marker).
func opensWithYao(v *view, i int) bool {
	if v.at(i) != '要' {
		return false
	}
	t, ok := v.tokenAt(i)
	return !ok || (!nounYao[t.Text] && t.Text != "要求")
}

// bareAfterCue returns the bare item of a paragraph that opens with 要 in a
// series announced by a cue paragraph.
func bareAfterCue(v *view) (mark, bool) {
	if !opensWithYao(v, v.lead) {
		return mark{}, false
	}
	return bareMark(v, v.lead, nil), true
}

// bareWithCue returns the bare item of a paragraph whose first clause is a
// cue followed by 要, possibly after a subject: 会议强调，各级各部门要….
func bareWithCue(v *view) (mark, bool) {
	if m, ok := bareWithCueAt(v, v.lead); ok {
		return m, true
	}
	// 会议传达学习…精神。会议强调，要立足于…: report sentences, then the cue.
	// Past the first sentence the cue must be the meeting's own
	// (…并听取全区有关工作情况汇报。据了解，…。会议要求，各级各部门要对标…),
	// so that a quoted speaker inside a report makes no item.
	if !opensWithMeetingReport(v) {
		return mark{}, false
	}
	first := true
	for k := v.lead; k < len(v.r); k++ {
		if first && (v.r[k] == ',' || v.r[k] == '，') {
			// 会议听取了…情况汇报,强调,要…: the meeting's cue as a clause of its own
			next := skipPunct(v.r, k+1)
			if end := clauseEnd(v.r, next, maxLoneCue); end > next {
				if m, ok := bareWithCueAt(v, next); ok {
					return m, true
				}
			}
		}
		if v.r[k] != '。' {
			continue
		}
		next := skipPunct(v.r, k+1)
		if first || hasRunesAt(v.r, next, []rune("会议")) {
			if m, ok := bareWithCueAt(v, next); ok {
				return m, true
			}
		}
		first = false
	}
	return mark{}, false
}

// meetingReportLeads open a paragraph that reports what the meeting did
// before its cue: 会议传达学习…。会议强调，要…; 会前学习了《四川省城乡规划条例》。
// 会议要求，全县各级各部门要…; 会上，…。
var meetingReportLeads = lexicon.Default().Words("lead.meeting")

func opensWithMeetingReport(v *view) bool {
	for _, w := range meetingReportLeads {
		if hasRunesAt(v.r, v.lead, []rune(w)) {
			return true
		}
	}
	return false
}

func bareWithCueAt(v *view, from int) (mark, bool) {
	if from >= len(v.r) {
		return mark{}, false
	}
	if topicClause(v.r[from:]) {
		// 针对《政府工作报告》任务分解情况，黄腾要求，要对号入座… (马村区)
		from = clauseEnd(v.r, from, maxTopicClause) + 1
	}
	comma := clauseEnd(v.r, from, maxCueClause)
	if comma < 0 || isStop(v.r[comma]) || !endsWithCueVerb(v.r[from:comma]) || bystander(v.r[from:comma]) {
		return mark{}, false
	}
	start := skipPunct(v.r, comma+1)
	for k := start; k < len(v.r) && k-start <= maxSubject; k++ {
		if v.r[k] == '(' && inSubjectNote(v.r, k) {
			// 各乡(镇)、各部门(单位)要…: a bracketed note inside the subject
			for k < len(v.r) && v.r[k] != ')' {
				k++
			}
			continue
		}
		if isClausePunct(v.r[k]) || isHeadingEnd(v.r[k]) {
			break
		}
		if opensWithYao(v, k) && v.tokenStartsAt(k) {
			if markerIn(v, start, k) {
				// …提出了三个要求:一是管委会各部门要…: the 要 is the numbered item's
				return mark{}, false
			}
			// 各乡镇、各部门要…; 县应急局和县住建局要…: one owner each
			return bareMark(v, k, v.ownersBefore(start, k)), true
		}
	}
	return mark{}, false
}

// markerIn reports a numbered marker starting in [from, to).
func markerIn(v *view, from, to int) bool {
	for _, m := range scanMarks(v) {
		if m.start >= from && m.start < to {
			return true
		}
	}
	return false
}

// inSubjectNote reports a short bracketed note at k that closes within a few
// runes and holds no clause punctuation: (镇), (单位), (街道).
func inSubjectNote(r []rune, k int) bool {
	for j := k + 1; j < len(r) && j-k <= 6; j++ {
		switch {
		case r[j] == ')':
			return j > k+1
		case isClausePunct(r[j]) || isHeadingEnd(r[j]):
			return false
		}
	}
	return false
}

// bystanders are speakers whose advice gives no instruction (SPEC: the cue
// is by the meeting, its host or a pronoun): 专家指出，要多喝水; 业内人士表示，
// 要理性投资. (Not 研究 nor 报告: 会议研究决定, 《政府工作报告》强调 instruct.)
var bystanders = lexicon.Default().Words("speaker.bystander")

// bystander reports whether the cue clause is spoken by a bystander.
func bystander(clause []rune) bool {
	return containsAny(string(clause), bystanders)
}

// topicWords open a clause that names the subject before the cue:
// 针对…情况，黄腾要求，要…; 就做好“三年行动”相关工作，周大庆强调，要….
var topicWords = lexicon.Default().Words("lead.topic")

// maxTopicClause bounds that leading clause.
const maxTopicClause = 40

func topicClause(r []rune) bool {
	for _, w := range topicWords {
		if hasRunesAt(r, 0, []rune(w)) {
			return true
		}
	}
	return false
}

// clauseEnd returns the offset of the punctuation that ends the clause
// starting at from, looking at most limit runes ahead, or -1.
func clauseEnd(r []rune, from, limit int) int {
	for k := from; k < len(r) && k-from <= limit; k++ {
		if isHeadingEnd(r[k]) || r[k] == ',' || r[k] == '，' {
			return k
		}
	}
	return -1
}

func endsWithCueVerb(clause []rune) bool {
	s := strings.TrimSpace(string(clause))
	for _, c := range cueVerbs {
		if strings.HasSuffix(s, c) {
			return true
		}
	}
	return false
}

func bareMark(v *view, i int, owners []string) mark {
	return mark{
		para: v.p.Index, start: i, end: i + 1, body: skipPunct(v.r, i+1),
		style: StyleBare, ordinal: 0, paraStart: i == v.lead, afterStop: true,
		owners: owners,
	}
}
