package directive

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/zhengling/zhengling/segment"
	"github.com/zhengling/zhengling/segment/lexicon"
)

// Owners (SPEC v1.1, Directive → owners) are read on the simplified view of
// an item's own text, in these forms:
//
//   - the subject of a word of duty at the start of a clause: 州农业农村局牵头起草…,
//     郝井保负责项目手续办理, 各地区、各有关部门要…, 各牵头单位(…)要统筹…, and in a
//     trailing parenthesis: （国家发展改革委、财政部等按职责分工负责）, （市住建局牵头，
//     各区政府配合）;
//   - the addressee of 请 and of a clause-initial 要: 请各部会再加检视, 并请环保署与
//     内政部营建署提供协助, 三是要各部门、街办加强协作;
//   - the 由-phrase of a clause: 由李学文副镇长负责, 由X会同Y具体组织实施, X由Y统一安排;
//   - a responsibility line: 责任单位：X、Y, 牵头单位：X；配合单位：Y, 牵头领导：王五.
//
// A name is an owner when the segmenter's lexicon says so: an organisation
// (segment.ClassOf Org, or segment.HasOrgSuffix), a collective (各有关部门,
// 全县上下, or 各 + one of those: 各职能部门, 市政府各部门), a titled person
// (李学文副镇长, 分管副区长李四, 各部门的负责同志) or a person (郝井保).

// The grammar words of the owner forms, rows of segment/lexicon/words.tsv:
// the labels of responsibility lines (责任单位：, 牵头单位：, 牵头领导：), the
// words that join owners in a list besides 、 and the comma (经济部及台电公司,
// 区住建局会同区市场监管局; not 及其: 招聘单位及其主管部门 is one owner), what
// may stand between an owner and its word of duty (财政部等按职责分工负责, 由魏春水
// 副镇长侧重负责; adverbs, times and numbers pass by their tags), and the words
// of a bracketed note on an owner's role (州发改委（牵头）), dropped.
var (
	dutyLabels   = lexicon.Default().Index("owner.label")
	ownerJoins   = lexicon.Default().Set("owner.join")
	ownerAdverbs = runesOf(lexicon.Default().Words("owner.manner"))
	noteWords    = lexicon.Default().Words("owner.note")
)

// maxName bounds one owner's name in runes (市行政审批制度改革工作领导小组办公室
// has 18).
const maxName = 24

// maxDutySubject bounds, in runes, the subject before a word of duty: a list of
// a dozen owners with a note (各牵头单位（无牵头单位的，责任单位即为牵头单位，下同）).
const maxDutySubject = 300

// maxNameBracket bounds a bracket that is part of a name: 各乡镇（场、区）.
const maxNameBracket = 6

// owners collects the item's owners, simplified, in text order and without
// repeats: the units its run is handed to (各行业主管部门负责，①…), the
// subject of a bare item (会议强调，各级各部门要…), then those its own text names.
func (d *doc) owners(n *node, own []span) []string {
	out := d.runOwners(n)
	out = append(out, n.m.owners...)
	for _, s := range own {
		out = append(out, d.segmentOwners(s)...)
	}
	return dedupe(out)
}

// foundOwners are the owners read at rune offset at of a paragraph.
type foundOwners struct {
	at    int
	names []string
}

// segmentOwners reads every owner form in one segment, in text order.
func (d *doc) segmentOwners(s span) []string {
	v := d.views[s.para]
	var found []foundOwners
	add := func(at int, names []string) {
		if len(names) > 0 {
			found = append(found, foundOwners{at, names})
		}
	}
	for _, l := range v.dutyLists(s.start, s.end) {
		names, _ := v.ownerListAt(l[0], l[1], listPeople|listAlone)
		add(l[0], names)
	}
	for k := s.start; k < s.end; k++ {
		if isOpenBracket(v.r[k]) {
			add(k, v.unitNote(k, s))
		}
	}
	for _, h := range v.p.CuesIn(s.start, s.end, lexicon.Instruct) {
		if !v.inNoun(int(h.Start), int(h.End)) {
			add(int(h.Start), v.cueOwners(s, h))
		}
	}
	for ti := v.tokenIndex(s.start); ti < len(v.toks) && int(v.toks[ti].Start) < s.end; ti++ {
		t := v.toks[ti]
		switch {
		case t.Text == "由" && int(t.Start) >= s.start:
			add(int(t.Start), v.byOwners(int(t.End), s.end))
		case t.Text == "配合" && int(t.Start) >= s.start:
			add(int(t.Start), v.assistOwners(s, int(t.Start)))
		}
	}
	sort.SliceStable(found, func(i, j int) bool { return found[i].at < found[j].at })
	var out []string
	for _, f := range found {
		out = append(out, f.names...)
	}
	return out
}

// dutyLists returns, for each responsibility label in [from, to) (the
// label, then a colon), the span of its list: from the colon to the next
// label or to.
func (v *view) dutyLists(from, to int) [][2]int {
	var out [][2]int
	for k := from; k < to; k++ {
		if v.r[k] != ':' {
			continue
		}
		e := k
		for e > from && isSpace(v.r[e-1]) {
			e--
		}
		l, ok := dutyLabels.LongestEnding(v.r, e)
		if !ok || e-l.Len() < from {
			continue
		}
		if n := len(out); n > 0 {
			out[n-1][1] = e - l.Len()
		}
		out = append(out, [2]int{k + 1, to})
	}
	return out
}

// unitNote reads a bracket at open that follows a sentence or closes the
// item and holds nothing but units: …做好衔接。（市发展改革委、市财政局）. Brackets with a word of duty
// (（市住建局牵头，各区政府配合）) are read by cueOwners.
func (v *view) unitNote(open int, s span) []string {
	end := v.closeBracket(open, s.end)
	if end < 0 {
		return nil
	}
	// after a sentence, or closing the item's text: not the alias of
	// …综合体（社区服务中心）；
	if before := v.prevNonSpace(open); !isStop(before) && !isSemicolon(before) && !v.blank(end, s.end) {
		return nil
	}
	names, e := v.ownerListAt(open+1, end-1, listAlone)
	if e < 0 || skipSpaces(v.r, e) != end-1 {
		return nil
	}
	return names
}

// cueOwners reads the owners a word of duty h names in segment s.
func (v *view) cueOwners(s span, h lexicon.Hit) []string {
	switch h.Word {
	case "要求":
		return nil // 会议要求…, 市政府要求各单位…: the speaker, not the owner
	case "请":
		return v.addressees(int(h.End), s.end) // 请各部会再加检视
	}
	cs := v.subjectStart(s.start, int(h.Start))
	if h.Word == "要" && cs == int(h.Start) {
		return v.addressees(int(h.End), s.end) // 三是要各部门、街办加强协作
	}
	if v.hasToken(cs, int(h.Start), "由") {
		return nil // 由X负责: read by byOwners
	}
	if s.beforeChild && (h.Word == "负责" || h.Word == "牵头") && v.blank(int(h.End), s.end) {
		return nil // 各行业主管部门负责，①…: the run's owner (runOwners), not the parent's
	}
	return v.subjectOwners(cs, int(h.Start))
}

// byOwners reads the 由-phrase at from: 由李学文副镇长负责, 由市住建局会同市财政局
// 具体组织实施, 项目建设由区政府统一安排.
func (v *view) byOwners(from, to int) []string {
	names, end := v.ownerListAt(from, to, listPeople)
	if end < 0 || end >= to || v.stopsList(end) {
		return nil
	}
	for k := end; k < to && !v.stopsList(k); k++ {
		if v.r[k] == '的' {
			return nil // 成立由区政府分管副区长任组长的工作专班: 由 inside a noun's modifier
		}
	}
	return names
}

// assistOwners reads Y of X牵头，Y配合: the units that assist a lead named
// earlier in the sentence are owners after it.
func (v *view) assistOwners(s span, at int) []string {
	cs := v.subjectStart(s.start, at)
	lead := false
	for _, h := range v.p.CuesIn(s.start, cs, lexicon.Instruct) {
		if h.Word == "牵头" && !v.inNoun(int(h.Start), int(h.End)) && !v.sentenceEndIn(int(h.End), cs) {
			lead = true
		}
	}
	if !lead {
		return nil
	}
	return v.subjectOwners(cs, at)
}

// addressees reads the owners right after 请 or 要, followed by what they
// are asked to do.
func (v *view) addressees(from, to int) []string {
	if t, ok := v.tokenAt(from); !ok || (strings.HasPrefix(t.Pos(), "v") && t.Pos() != "vn") {
		return nil // 要制定政府优先采购的支持办法: a verb, not an addressee
	}
	names, end := v.ownerListAt(from, to, 0) // not 请于今(27)日… (于今/nr)
	if end < 0 || end >= to || v.stopsList(end) {
		return nil
	}
	return names
}

// subjectOwners reads the owners that open [from, to), where only adverbs,
// times and notes may stand between them and to (a word of duty).
func (v *view) subjectOwners(from, to int) []string {
	names, end := v.ownerListAt(from, to, listPeople)
	if end < 0 || !v.adverbial(end, to) {
		return nil
	}
	return names
}

// subjectStart returns where the subject of a word at offset at begins: after
// the clause punctuation before it (skipping brackets: 各牵头单位（无牵头单位的，
// 责任单位即为牵头单位，下同）要…), past the connectives that open the clause
// (同时，特别是, 近期). It looks back at most maxDutySubject runes: no list of
// owners with its notes is longer, and a paragraph without punctuation
// (一要二要…, 64 KB of them) is not read back to its start for every cue.
func (v *view) subjectStart(from, at int) int {
	k := at
	for k > from && at-k < maxDutySubject {
		r := v.r[k-1]
		if isCloseBracket(r) {
			if o := v.openBracket(from, k-1); o >= 0 {
				k = o
				continue
			}
			break
		}
		if isSubjectBoundary(r) {
			break
		}
		k--
	}
	skipped := false
	for k < at {
		t, ok := v.tokenAt(k)
		if !ok || int(t.End) > at || !(leadPos(t.Pos()) || (t.Text == "是" && skipped)) {
			break
		}
		k, skipped = int(t.End), true
	}
	return k
}

// leadPos reports the tags of the words that may open a clause before its
// subject: conjunctions (同时), adverbs (特别是), times (近期).
func leadPos(pos string) bool {
	return strings.HasPrefix(pos, "c") || strings.HasPrefix(pos, "d") || pos == "t"
}

// isSubjectBoundary reports the runes that end the clause before a subject.
func isSubjectBoundary(r rune) bool {
	switch r {
	case ',', '，', '。', '；', ';', '：', ':', '！', '？', '!', '?', '(', '（', '〔', '[', '【':
		return true
	}
	return unicode.IsSpace(r)
}

func isOpenBracket(r rune) bool {
	switch r {
	case '(', '（', '〔', '[', '【':
		return true
	}
	return false
}

func isCloseBracket(r rune) bool {
	switch r {
	case ')', '）', '〕', ']', '】':
		return true
	}
	return false
}

// openBracket returns the offset of the bracket that the one at close
// closes, searching back to from, or -1.
func (v *view) openBracket(from, close int) int {
	for k := close - 1; k >= from; k-- {
		if isOpenBracket(v.r[k]) {
			return k
		}
		if isCloseBracket(v.r[k]) || isStop(v.r[k]) {
			return -1
		}
	}
	return -1
}

// closeBracket returns the offset after the bracket that the one at open
// opens, looking up to to, or -1.
func (v *view) closeBracket(open, to int) int {
	for k := open + 1; k < to; k++ {
		if isCloseBracket(v.r[k]) {
			return k + 1
		}
		if isOpenBracket(v.r[k]) || isStop(v.r[k]) {
			return -1
		}
	}
	return -1
}

// adverbial reports whether [from, to) holds only what may stand between an
// owner and its word of duty: adverbs (也, 切实, 按职责分工), times (每月10日前),
// prepositions of time or place (于, 在) and notes in brackets.
func (v *view) adverbial(from, to int) bool {
	for k := from; k < to; {
		switch r := v.r[k]; {
		case isSpace(r):
			k++
			continue
		case isOpenBracket(r):
			if e := v.closeBracket(k, to); e > 0 {
				k = e
				continue
			}
			return false
		}
		if w := hasWordAt(v.r, k, ownerAdverbs); w > 0 {
			k += w
			continue
		}
		t, ok := v.tokenAt(k)
		if !ok || !adverbialPos(t) {
			return false
		}
		k = int(t.End)
	}
	return true
}

func adverbialPos(t segment.Token) bool {
	switch {
	case t.Pos() == "x":
		return isDigit([]rune(t.Text)[0])
	case t.Pos() == "":
		return false
	}
	switch t.Pos()[0] {
	case 'd', 'a', 't', 'm', 'q', 'f', 'p', 'r':
		return true
	}
	return false
}

// hasWordAt returns the length in runes of the first of words written at
// r[i:], or 0.
func hasWordAt(r []rune, i int, words [][]rune) int {
	for _, w := range words {
		if hasRunesAt(r, i, w) {
			return len(w)
		}
	}
	return 0
}

func runesOf(words []string) [][]rune {
	out := make([][]rune, len(words))
	for i, w := range words {
		out[i] = []rune(w)
	}
	return out
}

// listKind says where a list of owners stands.
type listKind uint8

const (
	// listPeople allows persons named without a title (郝井保负责).
	listPeople listKind = 1 << iota
	// listAlone is a list that stands alone, after a responsibility label
	// or in a bracket of units: no verb before it governs its first name
	// (责任单位：立山经济开发区, where 立 reads as a verb).
	listAlone
)

// ownerListAt reads the list of owners that starts at from, before to:
// names joined by 、，及 和 与 会同 (or spaces on a responsibility line), a
// note in brackets after a name dropped, and a closing 等 (等有关部门,
// 等相关部会) dropped. It returns the names and where the list ends, or
// end < 0 when no owner starts at from; kind says where the list stands.
func (v *view) ownerListAt(from, to int, kind listKind) (names []string, end int) {
	end = -1
	for k := from; k < to; {
		e, name := v.ownerName(k, to, kind)
		if e < 0 && len(names) > 0 {
			e, name = v.bareSuffix(k, to)
		}
		if e < 0 {
			break
		}
		names, end = append(names, name), e
		end = v.skipNote(end, to)
		if end < to && v.r[end] == '等' {
			end = v.skipEtc(end+1, to)
			break
		}
		sep := v.listSeparator(end, to)
		if sep == 0 {
			break
		}
		k = end + sep
	}
	return names, end
}

// bareSuffix reads, after a name in a list, a bare organisation word that
// the level before it qualifies: 政府 of 各级党委和政府, 自治区 and 直辖市 of
// 各省、自治区、直辖市.
func (v *view) bareSuffix(k, to int) (int, string) {
	t, ok := v.tokenAt(k)
	if !ok || int(t.End)-int(t.Start) < 2 || !segment.IsOrgSuffix(t.Text) || v.nameLimit(k, to) != int(t.End) {
		return -1, ""
	}
	return int(t.End), t.Text
}

// skipNote returns the offset after a bracketed note at k (州发改委（牵头）), or k.
func (v *view) skipNote(k, to int) int {
	if k < to && isOpenBracket(v.r[k]) {
		if e := v.closeBracket(k, to); e > 0 {
			return e
		}
	}
	return k
}

// skipEtc returns the offset after the group word that may follow 等:
// 等有关部门, 等相关部会, 等单位.
func (v *view) skipEtc(k, to int) int {
	if t, ok := v.tokenAt(k); ok && int(t.End) <= to && (t.Text == "有关" || t.Text == "相关") {
		k = int(t.End)
	}
	if t, ok := v.tokenAt(k); ok && int(t.End) <= to && (segment.IsOrgSuffix(t.Text) || segment.ClassOf(t.Text).Has(segment.Collective)) {
		k = int(t.End)
	}
	return k
}

// letterToken reports whether the segmenter cut the letter at k as a word
// of its own.
func (v *view) letterToken(k int) bool {
	t, ok := v.tokenAt(k)
	return ok && int(t.End) == k+1
}

func isListLetter(r rune) bool { return r == '和' || r == '及' || r == '与' }

// listSeparator returns the length of the list separator at k, or 0.
func (v *view) listSeparator(k, to int) int {
	if k >= to {
		return 0
	}
	switch r := v.r[k]; {
	case r == '、' || r == ',' || r == '，' || r == '/' || isSpace(r): // 政務司司長辦公室/勞工及福利局
		n := 1
		for k+n < to && isSpace(v.r[k+n]) {
			n++
		}
		return n
	}
	t, ok := v.tokenAt(k)
	if ok && int(t.End) <= to && ownerJoins[t.Text] {
		return int(t.End) - int(t.Start)
	}
	if isListLetter(v.r[k]) && !v.letterToken(k) {
		return 1 // 和 of 和县 after 县应急局 (splitsNames)
	}
	return 0
}

// stopsList reports the runes at which a list of owners cannot go on to a
// predicate: the end of a clause.
func (v *view) stopsList(k int) bool {
	return k >= len(v.r) || isClausePunct(v.r[k]) || isHeadingEnd(v.r[k])
}

// ownerName reads one owner at from, before to: it returns the end of the
// name (with a bracket that is part of it) and the name, or -1.
func (v *view) ownerName(from, to int, kind listKind) (int, string) {
	if from >= to || from >= len(v.r) || !(v.tokenStartsAt(from) || (from > 0 && isListLetter(v.r[from-1]))) {
		return -1, ""
	}
	limit := v.nameLimit(from, to)
	if limit <= from {
		return -1, ""
	}
	// a person named alone: 郝井保负责, 牵头领导：王五
	if kind&listPeople != 0 && v.isPerson(from, limit) {
		return limit, v.nameText(from, limit)
	}
	// the longest name made of name-like words: 市政府各部门, 内政部营建署,
	// 凯里市事业单位招聘工作领导小组办公室; not 各单位于…报送市政府办公室.
	e := -1
	for k := from; k < limit; {
		if isOpenBracket(v.r[k]) {
			// nameLimit let in only brackets that are part of the name
			b := v.closeBracket(k, limit+1)
			if b < 0 || b > limit {
				break
			}
			k = b
		} else {
			t, ok := v.tokenFrom(k)
			if !ok || !v.nameWord(t, k == from) {
				break
			}
			k = min(int(t.End), limit)
		}
		if v.boundaryAt(k) && v.isName(from, k) {
			e = k
		}
	}
	if e < 0 || (kind&listAlone == 0 && v.governed(from, e)) {
		return -1, ""
	}
	return e, v.nameText(from, e)
}

// placeholder reports a rune that stands for a masked letter (*, ×, 某).
func (v *view) placeholder(r rune) bool { return v.p.Lexicon.IsPunct(r, "placeholder") }

// tokenFrom returns the token that starts at k, or the rest of the one k
// falls in (和县 cut after 县应急局和: 县 of 县住建局).
func (v *view) tokenFrom(k int) (segment.Token, bool) {
	if k < 0 || k >= len(v.tokAt) || v.tokAt[k] < 0 {
		return segment.Token{}, false
	}
	t := v.toks[v.tokAt[k]]
	if int(t.Start) != k {
		t.Text, t.Start = string(v.r[k:int(t.End)]), int32(k)
	}
	return t, true
}

// nameWord reports whether the word t can be part of a name: not an adverb
// (全面加强…, 切实把…), a preposition (在重点防火村), a conjunction (or 及其 of
// 招聘单位及其主管部门), a number or a time; 的 only before a title (各部门的
// 负责同志); a verb only inside a name (招聘单位, 行政审批, 营建署), not before
// the name that is its object (拨付市政府办公室).
func (v *view) nameWord(t segment.Token, first bool) bool {
	switch {
	case strings.IndexFunc(t.Text, func(r rune) bool { return !v.placeholder(r) }) < 0:
		return true
	case t.Text == "及其":
		return !first
	case t.Text == "的":
		next, ok := v.tokenAt(int(t.End))
		return !first && ok && segment.IsTitle(next.Text)
	case t.Pos() == "" || (first && hasWordAt(v.r, int(t.Start), ownerAdverbs) > 0):
		return false
	case strings.HasPrefix(t.Pos(), "v") && t.Pos() != "vn" && t.Pos() != "vg":
		return !v.nameFollows(int(t.End)) // a bound verb morpheme takes no object: 督 of 区委督委办
	}
	switch t.Pos()[0] {
	case 'd', 'p', 'c', 'u', 'm', 't', 'q', 'f', 'x', 'i', 'w', 'e', 'y', 'o':
		return false
	}
	return t.Pos() != "ad" // 严格落实…
}

// nameFollows reports a whole name starting at k: a name the segmenter tags
// (区财政局/nt), one the lexicon lists, or a collective (各部门).
func (v *view) nameFollows(k int) bool {
	t, ok := v.tokenAt(k)
	return ok && (t.Pos() == "nt" || t.Pos() == "nr" || t.Pos() == "ns" || strings.HasPrefix(t.Text, "各") ||
		segment.ClassOf(t.Text)&(segment.Org|segment.Collective|segment.Title) != 0)
}

// nameText is the name at [from, to) as the view writes it, without notes.
func (v *view) nameText(from, to int) string {
	return strings.TrimSpace(string(v.r[from:to]))
}

// nameLimit is where a name starting at from must end: at punctuation, a
// list separator, 等, a word of duty or 的 not followed by a title, at most
// maxName runes on. A short bracket without a note is part of the name
// (各镇（街道）, 各乡镇（场、区））.
func (v *view) nameLimit(from, to int) int {
	to = min(to, len(v.r))
	k := from
	for k < to && k-from <= maxName {
		r := v.r[k]
		if isOpenBracket(r) {
			e := v.closeBracket(k, to)
			if e < 0 || e-k-2 > maxNameBracket || containsAny(string(v.r[k:e]), noteWords) || !nameBracket(v.r[k+1:e-1]) {
				return k
			}
			k = e
			continue
		}
		if v.placeholder(r) {
			k++ // **自然资源和规划分局: a name the page has masked
			continue
		}
		if isSpace(r) || r == '、' || r == '等' || unicode.IsPunct(r) {
			return k
		}
		if k > from && v.splitsNames(from, k, to) {
			return k
		}
		if k > from && v.tokenStartsAt(k) && v.endsName(from, k) {
			return k
		}
		k++
	}
	if k-from > maxName {
		return from
	}
	return k
}

// splitsNames reports a one-letter separator at k between two names that
// the segmenter has cut otherwise: 县应急局和县住建局 (和县 is a county), while
// 区自然资源和规划局 and 住房和城乡建设局 stay whole.
func (v *view) splitsNames(from, k, to int) bool {
	switch v.r[k] {
	case '和', '及', '与':
	default:
		return false
	}
	if v.letterToken(k) || hasRunesAt(v.r, k, []rune("及其")) || !v.isName(from, k) {
		return false
	}
	for e := k + 2; e <= to && e-k <= maxName; e++ {
		if isPunctOrSpace(v.r[e-1]) {
			return false
		}
		if v.boundaryAt(e) && v.isName(k+1, e) {
			return true
		}
	}
	return false
}

// nameBracket reports the content of a bracket that can be part of a name:
// letters and 、 only (市、区).
func nameBracket(rs []rune) bool {
	for _, r := range rs {
		if r != '、' && !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return len(rs) > 0
}

// endsName reports whether the token at k ends a name that runs from from
// up to it: a list separator (和, 会同, not 及其: a name with 和 is one word
// of the lexicon, 区自然资源和规划局), a word of duty (要, 负责, 牵头, 务必),
// 配合, or 的 not followed by a title (各部门的负责同志 is one owner).
func (v *view) endsName(from, k int) bool {
	t, ok := v.tokenAt(k)
	if !ok {
		return false
	}
	switch {
	case ownerJoins[t.Text], t.Text == "配合":
		return true
	case t.Text == "的":
		next, ok := v.tokenAt(int(t.End))
		return !ok || !segment.IsTitle(next.Text)
	}
	for _, h := range v.p.CuesIn(k, k+maxCueRunes, lexicon.Instruct) {
		if int(h.Start) == k && !v.inNoun(int(h.Start), int(h.End)) {
			return true
		}
	}
	return false
}

// maxCueRunes bounds a cue word's length, to find one that starts at k.
const maxCueRunes = 16

// governed reports a name that is the object of the verb that opens it:
// 督促区财政局, 请卫福部 are no owners, while 招聘单位 (招聘 + a bare suffix) is one.
func (v *view) governed(from, to int) bool {
	t, ok := v.tokenAt(from)
	if !ok || int(t.End) >= to || !strings.HasPrefix(t.Pos(), "v") || t.Pos() == "vn" {
		return false
	}
	next, ok := v.tokenAt(int(t.End))
	return ok && !segment.IsOrgSuffix(next.Text) && v.isName(int(t.End), to)
}

// boundaryAt reports whether a name may end at k: the end of the text or
// the start of a token.
func (v *view) boundaryAt(k int) bool { return k >= len(v.r) || v.tokenStartsAt(k) }

// isName reports whether [from, to) names an owner by the lexicon: an
// organisation, a collective, a title or a titled person.
func (v *view) isName(from, to int) bool {
	core := coreName(v.r[from:to])
	if titled(core) || possessiveTitle(core) || v.titledName(from, to) {
		return true
	}
	return (ownerWord(core) || collective(core)) && !v.commonWordEnd(from, to)
}

// commonWordEnd reports a name whose last word ends with a one-letter
// organisation suffix only as a common word does (干部, 广大干部, 全部, 团队 end
// with 部, 队), unless the segmenter tags that word as a name, the lexicon
// lists it (分局, 街办) or it is a collective (各镇). Unknown pairs (经济部,
// 环保署, 卫福部) are names.
func (v *view) commonWordEnd(from, to int) bool {
	k := to
	if k > from && isCloseBracket(v.r[k-1]) {
		if o := v.openBracket(from, k-1); o > from {
			k = o // 各镇（街道）: the word before the bracket
		}
	}
	if k-from < 2 || k > len(v.tokAt) || v.tokAt[k-1] < 0 {
		return false
	}
	t := v.toks[v.tokAt[k-1]]
	if int(t.End) != k || int(t.End)-int(t.Start) < 2 || t.Pos() == "nt" || !segment.IsOrgSuffix(string(v.r[k-1])) ||
		segment.ClassOf(t.Text) != 0 {
		return false // 办公室, 分局: the lexicon's own words
	}
	pair := string(v.r[k-2 : k])
	if v.r[k-2] == '各' || segment.ClassOf(pair)&(segment.Org|segment.Collective|segment.Title|segment.OrgSuffix) != 0 {
		return false
	}
	return dictionaryWord(pair)
}

// dictionaryWord reports whether the segmenter reads w as one word that is
// not an organisation's name.
func dictionaryWord(w string) bool {
	seg, err := segment.Default()
	if err != nil {
		return false
	}
	toks := seg.Tokens(w)
	return len(toks) == 1 && toks[0].Pos() != "nt"
}

// coreName drops the brackets of a name: 各区（市）县政府 → 各区县政府.
func coreName(rs []rune) string {
	if !slices.ContainsFunc(rs, func(r rune) bool { return isOpenBracket(r) || isSpace(r) }) {
		return string(rs)
	}
	var b strings.Builder
	depth := 0
	for _, r := range rs {
		switch {
		case isOpenBracket(r):
			depth++
		case isCloseBracket(r):
			depth = max(depth-1, 0)
		case depth == 0 && !isSpace(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// ownerWord reports an organisation or a group the lexicon lists, or a name
// that ends with an organisation suffix: 州发改委, 各有关部门, 区资规分局.
func ownerWord(w string) bool {
	return segment.ClassOf(w).Has(segment.Org) || segment.ClassOf(w).Has(segment.Collective) ||
		segment.ClassOf(w).Has(segment.Title) || segment.HasOrgSuffix(w)
}

// collective reports a group named with 各: 各职能部门, 各行署, 各区各部门各单位,
// 市政府各部门, 市级各有关部门. Every part between the 各 is a unit or a level
// (区, 市级), and the last is a unit or an organisation suffix (部门, 单位).
func collective(w string) bool {
	if !strings.Contains(w, "各") {
		return false
	}
	parts := strings.Split(w, "各")
	last := parts[len(parts)-1]
	if !ownerWord(last) && !segment.IsOrgSuffix(last) {
		return false
	}
	for _, p := range parts[:len(parts)-1] {
		if p != "" && utf8.RuneCountInString(p) > 2 && !ownerWord(p) {
			return false
		}
	}
	return true
}

// titled reports a person named by a title: 分管领导, 李学文副镇长, 区委书记王强,
// 分管副区长李四.
func titled(w string) bool {
	for i := range w {
		if segment.IsTitle(w[i:]) {
			return true
		}
	}
	return false
}

// titledName reports a title followed by a person's name: 分管副区长李四,
// 区委书记王强 (not 魏春水副镇长侧重, a verb).
func (v *view) titledName(from, to int) bool {
	if to > len(v.tokAt) || v.tokAt[to-1] < 0 {
		return false
	}
	t := v.toks[v.tokAt[to-1]]
	return t.Pos() == "nr" && int(t.End) == to && int(t.Start) > from && int(t.End)-int(t.Start) <= 3 && titled(string(v.r[from:int(t.Start)]))
}

// possessiveTitle reports X的Y where X is an owner and Y a title: 各部门的负责同志.
func possessiveTitle(w string) bool {
	x, y, ok := strings.Cut(w, "的")
	return ok && (ownerWord(x) || collective(x)) && segment.IsTitle(y)
}

func hanOnly(rs []rune) bool {
	for _, r := range rs {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return len(rs) > 0
}

// isPerson reports whether [from, to) is a person's name: two to four
// letters whose first token the segmenter tags as a name (郝井保 cut as
// 郝/nr 井 保).
func (v *view) isPerson(from, to int) bool {
	n := to - from
	if n < 2 || n > 4 || !hanOnly(v.r[from:to]) {
		return false
	}
	t, ok := v.tokenAt(from)
	return ok && t.Pos() == "nr"
}

// inNoun reports whether [start, end) lies inside a longer noun token: 牵头
// of 牵头单位, 负责 of 负责同志 are no words of duty.
func (v *view) inNoun(start, end int) bool {
	if start < 0 || start >= len(v.tokAt) {
		return false
	}
	ti := v.tokAt[start]
	if ti < 0 {
		return false
	}
	t := v.toks[ti]
	return (int(t.Start) < start || int(t.End) > end) && strings.HasPrefix(t.Pos(), "n")
}

// tokenIndex returns the index of the first token that ends after offset k.
func (v *view) tokenIndex(k int) int {
	return sort.Search(len(v.toks), func(i int) bool { return int(v.toks[i].End) > k })
}

// hasToken reports whether a token w starts in [from, to).
func (v *view) hasToken(from, to int, w string) bool {
	for ti := v.tokenIndex(from); ti < len(v.toks) && int(v.toks[ti].Start) < to; ti++ {
		if v.toks[ti].Text == w && int(v.toks[ti].Start) >= from {
			return true
		}
	}
	return false
}

// blank reports whether [from, to) holds only punctuation and spaces.
func (v *view) blank(from, to int) bool {
	for k := from; k < to && k < len(v.r); k++ {
		if !isPunctOrSpace(v.r[k]) {
			return false
		}
	}
	return true
}

// sentenceEndIn reports a sentence end in [from, to).
func (v *view) sentenceEndIn(from, to int) bool {
	for k := from; k < to && k < len(v.r); k++ {
		if isStop(v.r[k]) {
			return true
		}
	}
	return false
}

func isPunctOrSpace(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) }

// runOwners reads X负责 / X牵头 in the clause right before the first item
// of n's run, which hands the whole run to X: 各行业主管部门负责，①引导….
func (d *doc) runOwners(n *node) []string {
	if n.parent == nil {
		return nil
	}
	first := n.first
	if first == nil || first.m.paraStart {
		return nil
	}
	v := d.views[first.m.para]
	k := first.m.start
	for k > 0 && (isSpace(v.r[k-1]) || v.r[k-1] == ',' || v.r[k-1] == '，' || v.r[k-1] == ':' || v.r[k-1] == '：') {
		k--
	}
	for _, h := range v.p.CuesIn(max(k-maxCueRunes, 0), k, lexicon.Instruct) {
		if int(h.End) == k && (h.Word == "负责" || h.Word == "牵头") {
			return v.subjectOwners(v.subjectStart(0, int(h.Start)), int(h.Start))
		}
	}
	return nil
}

// ownersBefore reads the subject [from, to) of a bare item's 要 (各乡镇、各部门要…),
// nil when it names no owner (当前要…, 我们要…).
func (v *view) ownersBefore(from, to int) []string {
	return v.subjectOwners(v.subjectStart(from, to), to)
}

func hasSuffix(s string, suffixes []string) bool {
	for _, x := range suffixes {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}

func dedupe(ss []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range ss {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
