package directive

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/zhengling/zhengling/segment"
	"github.com/zhengling/zhengling/segment/lexicon"
)

// An item instructs unless it only reports or lists facts. The decision, on
// the item's own text (children excluded):
//  1. a 一要 or bare 要 item instructs; so does any item with a word of
//     obligation (要, 确保, 务必, 不得 …) or a time limit (第三季度末前完成,
//     限期至…动工) in its own text, or a word that urges (坚决, 切实 …) when its
//     heading does not report;
//  2. otherwise the heading decides: a report (会议听取了…汇报, 传达学习了…精神,
//     尚未完成审批, 基本情况), a clause ending in an evaluation (建设速度不快,
//     总体进度顺利) or a work summary's headline (项目建设加快推进) does not
//     instruct; a heading that opens with an action verb (整治非正规垃圾堆放点,
//     新建污水管网12公里, 全面排查整治…, 针对企业用工开展培训) instructs, as does
//     a plan's goal heading (工作目标); after a subject, an evaluation or a
//     problem (企业中长期贷款较少, 部分企业融资困难), a measure (增加值同比增长2.3%)
//     or a verb of state (制度具有…底蕴) does not, an action (各街道园区定期走访
//     帮扶企业) does; a verb after 的 is a noun (多媒体数据的处理);
//  3. an item whose heading shows no verb at all (科学/n 施/nr 策/n) follows
//     the items of its run.
//
// POS tags alone are too noisy for this (gse tags 整治 n, 新建 ns, 全面 n),
// so the tables below come first and POS decides only words they miss.

// Words of obligation and of urging are the lexicon's (segment/lexicon/
// stance.tsv): an item's own instruct cue (要抓好, 务必发放到每户, 须提供, 不得报考,
// 决不允许项目方对外转租土地, 请各单位于…前报送) or sentence-wide goal cue (确保8月底前
// 完成, 力争全年…) makes it instruct; its other goal cues and its urge cues (坚决遏制,
// 切实加强, 争取全年完成) urge an act but also tell of one done (坚决打赢了…, 全年争取上级
// 资金3.2亿元), so they count unless the heading reports.

// deadlineCue matches a time limit in the item's own text: 8月底前,
// 第三季度末前, 9月30日前, 年底前, 限期至2011年10月底前, 年内, 时间节点.
// A bare 日前 ("recently") needs a digit before it.
var deadlineCue = regexp.MustCompile(`(?:\d|[一二三四五六七八九十])\s*(?:年|月|日|号|季度|周)(?:底|末|中旬|上旬|下旬|初)?(?:之?前)|(?:年|月|季度|年度)(?:底|末)之?前|限期|时限|年内|节点`)

// mannerAdverbs modify the verb that opens an instruction and are skipped
// (or cut off a token that glues them to it: 认真落实/z, 严格考核/nr):
// 全面排查整治 (gse: 全面/n), 大力推进, 进一步完善, 密切关注 (seed002).
var mannerAdverbs = lexicon.Default().Words("adverb.manner")

// actionVerbs open a plan's items and are often mis-tagged: 整治非正规垃圾堆放点,
// 新建污水管网12公里, 完成老旧小区改造30个, 实现镇村公交全覆盖, 建成示范小区,
// 开工建设城东污水处理厂, 改造提升农贸市场5个, 约谈西门子项目方 (seed002),
// and the one-letter verbs of slogans: 扬优势、补短板, 优环境、促发展 (seed002).
var actionVerbs = lexicon.Default().Set("verb.action")

// reportVerbs open an item that tells what a meeting did: 听取…汇报,
// 传达…精神, 审议…方案, 通报…情况 (seed000, seed002).
var reportVerbs = lexicon.Default().Set("verb.minutes")

// doneAdverbs put the verb after them in the past or deny it: 已完成投资,
// 未完成审批 (seed002), 尚未解除处分 (kaili).
var doneAdverbs = lexicon.Default().Set("adverb.done")

// stateVerbs are verbs that state a fact rather than an act: 存在…问题,
// 是…, 有违法违纪嫌疑 (kaili), 制度具有深厚的历史底蕴 (a commentary's 第一，).
var stateVerbs = lexicon.Default().Set("verb.state")

// measureVerbs after a subject report a figure: 增加值同比增长2.3%,
// 全区完成投资12亿元, 覆盖率达到45%.
var measureVerbs = lexicon.Default().Set("verb.measure")

// evaluations judge a subject: a clause of the heading that ends with one
// states a fact or a problem. 企业中长期贷款较少 (seed002), 项目体量不大,
// 形象进度不好, 建设速度不快 (seed004), 思想认识不到位, 总体进度顺利 (seed002).
var evaluations = lexicon.Default().Words("evaluation")

// problemNouns name a problem: after a subject they make a problem list
// (部分企业融资困难); after an action verb they are its object (解决…问题).
var problemNouns = lexicon.Default().Words("noun.problem")

// reportHeads end the title of a section that reports: 基本情况, 工作进展,
// 主要成效, 存在的问题 (work summaries). A longer heading ending so is an
// instruction's object (协调解决项目推进中的困难问题).
var reportHeads = lexicon.Default().Words("title.report")

// maxSectionTitle bounds a section title in runes.
const maxSectionTitle = 10

// goalHeads end a plan heading whose text sets goals: （二）工作目标,
// 主要任务, 重点指标.
var goalHeads = lexicon.Default().Words("title.goal")

// namesGoals reports a heading that announces a list of goals: 主要预期目标,
// （二）工作目标, 2023年全区经济社会发展的主要预期目标 — a noun phrase, not an
// instruction that ends with one (第一，要坚定信心，全力以赴冲刺全年目标).
func namesGoals(heading string) bool {
	h := strings.TrimRight(heading, " ")
	return hasSuffix(h, goalHeads) && utf8.RuneCountInString(h) <= 24 &&
		!strings.ContainsAny(h, ",，;；")
}

// verdict is the instructs decision of one item; undecided items (a
// heading the segmenter cut into nouns: 科学/n 施/nr 策/n) follow their run.
type verdict int

const (
	undecided verdict = iota
	gives             // the item instructs
	reports           // the item reports or lists facts
)

func verdictOf(b bool) verdict {
	if b {
		return gives
	}
	return reports
}

// instructs decides whether the item, with its own text and heading, gives
// an instruction.
func (d *doc) instructs(m mark, own []span, heading span) verdict {
	if m.style == StyleYao || m.style == StyleBare {
		return gives // the marker itself says 要
	}
	hv := d.headingInstructs(heading)
	for _, s := range own {
		if d.modalIn(s, hv != reports) || hasDeadlineCue(d.paras[s.para].SimpleText(s.start, s.end)) {
			return gives
		}
	}
	return hv
}

// settleRun gives the undecided items of a level the decision of their run:
// 二是科学施策 between 一是摸清底数 and 三是强化监管 instructs like them.
func settleRun(level []*node, out []*Directive, vs []verdict) {
	giving := make(map[int]bool) // the runs with an item that instructs
	for j, w := range vs {
		if w == gives {
			giving[level[j].run] = true
		}
	}
	for i, v := range vs {
		if v == undecided && giving[level[i].run] {
			out[i].Instructs = true
		}
	}
}

// hasDeadlineCue runs deadlineCue on the texts that hold one of its words.
func hasDeadlineCue(text string) bool {
	return strings.ContainsAny(text, "前限内节") && deadlineCue.MatchString(text)
}

// modalIn reports a word of obligation in the segment, or one that urges
// when urging is set. 要求 counts when whom it addresses follows
// (要求各镇街抓紧推进; not 报考年龄要求).
func (d *doc) modalIn(s span, urging bool) bool {
	v := d.views[s.para]
	for _, h := range v.p.CuesIn(s.start, s.end, lexicon.Instruct, lexicon.Goal, lexicon.Urge) {
		switch {
		case h.Word == "要求":
			if t, ok := v.tokenAt(int(h.End)); ok && addressee(t) {
				return true
			}
		case h.Class == lexicon.Instruct, h.Class == lexicon.Goal && h.Has(lexicon.Sentence):
			return true
		case urging && !h.Has(lexicon.Level|lexicon.Adjacent):
			return true
		}
	}
	return false
}

// addressee reports a token that names whom a 要求 addresses: 各镇街, 区住建局,
// 相关部门.
func addressee(t segment.Token) bool {
	return strings.HasPrefix(t.Text, "各") || t.Pos() == "nt" || t.Pos() == "r" || segment.HasOrgSuffix(t.Text) || segment.IsOrgSuffix(t.Text) || t.Text == "相关" || t.Text == "有关"
}

// headingInstructs decides an item without a word of obligation by its
// heading's first predicate.
func (d *doc) headingInstructs(h span) verdict {
	toks := d.spanTokens(h)
	text := d.paras[h.para].SimpleText(h.start, h.end)
	if isReport(toks, text) || clauseEvaluates(text) || clauseDescribes(toks) {
		return reports
	}
	if namesGoals(text) {
		return gives
	}
	verb, first, at := firstPredicate(toks)
	switch {
	case verb == "" && at == len(toks):
		return undecided // no verb found
	case verb == "" || stateVerbs[verb] || reportVerbs[verb]:
		return reports
	case first:
		return gives // 整治非正规垃圾堆放点
	}
	// 部分企业融资困难; 增加值同比增长2.3%; 国家治理体系具有…
	return verdictOf(!containsAny(text, problemNouns) && !measureVerbs[verb] && !clauseStates(toks[at+1:]))
}

// isReport reports a heading that tells what was done: a perfective 了
// (会议听取了…, 传达学习了…), a report's object (…进展情况汇报, 基本情况), or
// a verb after 已/未 (已完成投资, 未完成审批).
func isReport(toks []segment.Token, text string) bool {
	if strings.HasSuffix(text, "汇报") || (utf8.RuneCountInString(text) <= maxSectionTitle && hasSuffix(text, reportHeads)) {
		return true
	}
	for _, t := range toks {
		if t.Text == "了" || doneAdverbs[t.Text] {
			return true
		}
	}
	return false
}

// clauseEvaluates reports whether a clause of the heading ends with an
// evaluation: 建设速度不快; 认真落实,总体进度顺利,… (seed002).
func clauseEvaluates(text string) bool {
	for _, c := range strings.FieldsFunc(text, isListComma) {
		if hasSuffix(strings.TrimSpace(c), evaluations) {
			return true
		}
	}
	return false
}

// firstPredicate returns the first verb of the heading (manner adverbs cut
// off), whether it opens the heading (after a leading preposition phrase:
// 针对企业用工开展…培训, 给中节能项目亮红牌) and its token index; "" when an
// adjective comes first or there is no verb.
func firstPredicate(toks []segment.Token) (string, bool, int) {
	first, nominal, prep := true, false, false
	for i, t := range toks {
		w := cutAdverb(t.Text)
		if i == 0 && prepositions[t.Text] {
			prep = true
			continue
		}
		// a verb after 的 names an activity (多媒体数据的处理, 信号的接收与发送),
		// and so do the verbs joined to it
		if t.Text == "的" {
			nominal, first = true, first && prep
			continue
		}
		if nominal && (strings.HasPrefix(t.Pos(), "v") || conjunctions[t.Text] || isPunctToken(t)) {
			continue
		}
		nominal = false
		switch {
		case w == "" || isPunctToken(t) || t.Pos() == "d" || t.Pos() == "ad" || t.Pos() == "t" || isEvery(t.Text):
			continue // 全面 / 大力 / 努力 / 每月 before the verb, or punctuation
		case actionVerbs[w] || reportVerbs[w] || stateVerbs[w] || measureVerbs[w]:
			return w, first, i
		case t.Pos() == "vn" && !first:
			// after a subject a verbal noun is part of it: 经济快速发展奇迹,
			// 部分企业融资困难
		case w != t.Text || strings.HasPrefix(t.Pos(), "v") || t.Pos() == "z" || t.Pos() == "i":
			// 认真落实/z, 密切关注 → 关注/v
			return w, first, i
		case strings.HasPrefix(t.Pos(), "a") && !prep:
			return "", false, i // 安全生产形势依然严峻: an evaluation
		}
		first = first && prep
	}
	return "", false, len(toks)
}

// prepositions open a phrase before the verb of an instruction: 针对企业用工
// 开展有目的的培训 (seed002), 对群众投诉比较集中的问题…, 将政务热线工作纳入…
// (seed000), 给中节能项目亮红牌 (seed002).
var prepositions = lexicon.Default().Set("preposition")

// conjunctions join the nominal verbs after 的: 接收与发送, 管理和服务.
var conjunctions = lexicon.Default().Set("conjunction")

// cutAdverb strips the manner adverbs that open a word.
func cutAdverb(w string) string {
	for changed := true; changed && w != ""; {
		changed = false
		for _, a := range mannerAdverbs {
			if rest, ok := strings.CutPrefix(w, a); ok {
				w, changed = rest, true
			}
		}
	}
	return w
}

func isPunctToken(t segment.Token) bool {
	for _, r := range t.Text {
		if !isClausePunct(r) && !isSpace(r) && r != '、' && r != '“' && r != '”' {
			return false
		}
	}
	return true
}

// spanTokens returns the tokens that lie inside the span.
func (d *doc) spanTokens(s span) []segment.Token {
	i, j := d.views[s.para].tokenRange(s.start, s.end)
	return d.views[s.para].toks[i:j]
}

// tokenRange returns the indices [i, j) of the tokens that lie inside the
// runes [start, end), found through tokAt rather than by a scan of the
// paragraph (tokens are in order and do not overlap).
func (v *view) tokenRange(start, end int) (int, int) {
	start, end = max(start, 0), min(end, len(v.r))
	i := len(v.toks)
	for k := start; k < end; k++ {
		if ti := v.tokAt[k]; ti >= 0 {
			i = int(ti)
			if int(v.toks[ti].Start) < start {
				i++
			}
			break
		}
	}
	j := i
	for j < len(v.toks) && int(v.toks[j].End) <= end {
		j++
	}
	return i, min(j, len(v.toks))
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// clauseStates reports whether the tokens after the verb found first hold,
// in the same clause and after a noun, a verb of state or measure: that
// verb was part of a compound noun (国家治理体系具有深厚的历史底蕴), unlike
// the object of 开展有目的的培训.
func clauseStates(after []segment.Token) bool {
	noun := false
	for _, t := range after {
		switch {
		case isPunctToken(t):
			return false
		case noun && (stateVerbs[t.Text] || measureVerbs[t.Text]):
			return true
		case strings.HasPrefix(t.Pos(), "n"):
			noun = true
		}
	}
	return false
}

// clauseDescribes reports whether a clause of the heading describes how
// something went: a subject and a verb with no object, the headline of a work
// summary (项目建设加快推进, 营商环境持续优化; 坚持高位推动，工作机制不断完善).
// An instruction names its object: 各街道园区定期走访帮扶企业.
func clauseDescribes(toks []segment.Token) bool {
	start := 0
	for i := 0; i <= len(toks); i++ {
		if i < len(toks) && !isPunctToken(toks[i]) {
			continue
		}
		if describes(toks[start:i]) {
			return true
		}
		start = i + 1
	}
	return false
}

// describes reports a clause of nouns, then adverbs and verbal nouns, ending
// with a verb.
func describes(c []segment.Token) bool {
	if len(c) < 2 {
		return false
	}
	// the subject: a noun, or a verbal noun before one (工作/vn 机制/n)
	noun := strings.HasPrefix(c[0].Pos(), "n") && c[0].Pos() != "nr" && c[0].Pos() != "nt"
	if !noun && (c[0].Pos() != "vn" || !strings.HasPrefix(c[1].Pos(), "n")) {
		return false
	}
	last := c[len(c)-1]
	lw := cutAdverb(last.Text)
	if lw == "" || !(strings.HasPrefix(last.Pos(), "v") || actionVerbs[lw]) || stateVerbs[lw] {
		return false
	}
	for _, t := range c[1 : len(c)-1] {
		w := cutAdverb(t.Text)
		if w != "" && strings.HasPrefix(t.Pos(), "v") && t.Pos() != "vn" {
			return false // a verb with an object after it: 企业融资需求清单
		}
	}
	return true
}

// isEvery reports a frequency word that may open an instruction: 每月召开一次
// 项目调度会, 每季度开展一次专项督查.
func isEvery(w string) bool { return strings.HasPrefix(w, "每") && w != "每" }
