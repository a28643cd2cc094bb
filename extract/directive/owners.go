package directive

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Owner patterns, read on the simplified view of an item's own text:
// 由李学文副镇长负责 (seed002), 由魏春水副镇长侧重负责, 由招聘单位及其主管部门具体负责实施
// (kaili), 州农业农村局牵头起草… (seed002), 州工信局、财政局牵头, 郝井保负责项目手续办理
// are read by ownerBefore; the rest by these expressions.
var (
	// 责任单位：州农业农村局、州林业局; 牵头单位：区城管局；配合单位：区财政局
	// (a plan's line after its item: the lead unit owns the task, the units
	// that assist are not owners); 主责单位：区住建局.
	// The list ends at a clause mark, a space or a closing bracket: （牵头单位：
	// 区政务服务数据管理局 配合单位：…）, （责任单位：区住建局，各镇街按职责分工负责）.
	reDutyOwner = regexp.MustCompile(`(?:责任|牵头|主责)(?:单位|部门|领导|人)\s*[:：]\s*((?:[^。；;（()）]|[（(][^()（）]*[)）])+)`)
	// 分管领导要多关心 (seed002, the subject of a heading's clause).
	reHeadingSubject = regexp.MustCompile(`(?:^|[,，；;\s])([^,，。；;：:\s]{2,12}?)要`)
	// 州发改委（牵头）: a note after an owner.
	reBracketNote = regexp.MustCompile(`[(（][^()（）]*[)）]`)
	// 州工信局、财政局; 两办督查室和区纪委监委; 区住建局会同区财政局负责: a list of owners.
	reOwnerList = regexp.MustCompile(`[、,，]|会同|以及|和|与|及`)
)

// orgSuffixes end the names of units and groups that take on a task.
var orgSuffixes = []string{
	"局", "委", "办", "厅", "部", "署", "院", "所", "中心", "站", "队", "处", "科", "室", "组", // 州农业农村局, 州发改委, 州金融办, 热线办
	"政府", "党委", "街道", "园区", "乡镇", "镇", "乡", "村", "社区", "片区", // 各街道园区
	"镇街", "县区", "区县", "县市区", "市州", // 各镇街按职责分工负责
	"部门", "单位", "机构", "机关", "企业", "公司", "集团", "银行", "学校", "医院", "协会", // 各行业主管部门, 招聘单位及其主管部门
	"专班", "指挥部", "委员会", "领导小组", "领导", "同志", "干部", "班子", // 分管领导
}

// titleSuffixes end a person's title: 李学文副镇长, 宿建军副镇长.
var titleSuffixes = []string{
	"镇长", "乡长", "区长", "县长", "市长", "州长", "省长", "主任", "书记", "局长", "部长",
	"秘书长", "主席", "处长", "科长", "所长", "站长", "队长", "院长", "校长", "经理", "董事长", "总监",
}

// ownerAdverbs are words that end the span before 负责/牵头 without naming
// anyone: 全程负责, 亲自负责, 安排专人负责 is not an owner.
// 区农业农村局、区住建局按职责分工负责 names the two units.
var ownerAdverbs = []string{"按照职责分工", "按职责分工", "按照职责", "按职责", "具体", "侧重", "统一", "全面", "全程", "亲自", "主要", "专门", "直接", "共同", "分别", "各自", "切实", "也要", "还要", "要", "将", "继续"}

// owners collects the item's owners from its own text, the clause that
// introduces its run (各行业主管部门负责，①引导… in seed000), its heading and
// the subject of a bare item, simplified and without duplicates.
func (d *doc) owners(n *node, own []span, heading span) []string {
	var out []string
	out = append(out, n.m.owners...)
	for _, s := range own {
		out = append(out, d.segmentOwners(s)...)
	}
	out = append(out, d.runOwners(n)...)
	out = append(out, d.headingOwners(n, heading)...)
	return dedupe(out)
}

// segmentOwners reads 由X负责, X牵头, X负责 and 责任单位：X in one segment.
func (d *doc) segmentOwners(s span) []string {
	text := d.paras[s.para].SimpleText(s.start, s.end)
	var found []foundOwners
	for _, w := range ownerVerbs {
		for at := 0; ; {
			k := strings.Index(text[at:], w)
			if k < 0 {
				break
			}
			k += at
			at = k + len(w)
			found = append(found, foundOwners{k, d.ownerBefore(s, text, k, w)})
		}
	}
	if strings.Contains(text, "责任") || strings.Contains(text, "牵头") || strings.Contains(text, "主责") {
		for _, m := range reDutyOwner.FindAllStringSubmatchIndex(text, -1) {
			found = append(found, foundOwners{m[0], d.dutyList(s, text, m[2], m[3])})
		}
	}
	// in the order of the text: （责任单位：区住建局，各镇街按职责分工负责）
	sort.SliceStable(found, func(i, j int) bool { return found[i].at < found[j].at })
	var out []string
	for _, f := range found {
		out = append(out, f.names...)
	}
	return out
}

// assistWords end the lead units of a duty note: （牵头单位：区政务服务数据
// 管理局 配合单位：区直各相关部门）, 协办单位, 参与单位.
var assistWords = []string{"配合", "协办", "参与", "完成时限", "完成时间", "时间节点"}

// dutyList reads the units of a duty note text[from:to] (byte offsets of the
// segment's text): lists split by commas and spaces, each one checked as an
// owner list, with the 按职责分工负责 that closes one dropped (（责任单位：市
// 自然资源局，各县〔市、区〕政府）, （责任单位：区住建局，各镇街按职责分工负责）).
func (d *doc) dutyList(s span, text string, from, to int) []string {
	x := text[from:to]
	for _, w := range assistWords {
		if k := strings.Index(x, w); k >= 0 {
			x = x[:k]
		}
	}
	var out []string
	at := from
	for _, chunk := range strings.FieldsFunc(x, isDutySep) {
		k := strings.Index(text[at:], chunk) + at
		at = k + len(chunk)
		for _, w := range ownerVerbs {
			chunk, _ = strings.CutSuffix(chunk, w)
		}
		out = append(out, d.ownerList(s.para, chunk, s.start+utf8.RuneCountInString(text[:k]))...)
	}
	return out
}

func isDutySep(r rune) bool { return r == ',' || r == '，' || unicode.IsSpace(r) }

// foundOwners are the owners read at byte offset at of a segment's text.
type foundOwners struct {
	at    int
	names []string
}

// ownerVerbs are the verbs whose subject or 由-phrase is an owner.
var ownerVerbs = []string{"负责", "牵头"}

// maxOwner bounds the owner phrase in runes.
const maxOwner = 24

// ownerBefore reads the owner of the verb w at byte k of text: the
// 由-phrase of its clause (由李学文副镇长负责) or the clause itself when the
// verb closes a clause-initial subject (州农业农村局牵头起草…).
func (d *doc) ownerBefore(s span, text string, k int, w string) []string {
	after, _ := utf8.DecodeRuneInString(text[k+len(w):])
	if !verbUse(w, after) {
		return nil
	}
	from := strings.LastIndexFunc(text[:k], isClauseBoundary) + 1
	if from > 0 {
		_, size := utf8.DecodeRuneInString(text[from-1:])
		from += size - 1
	}
	x := text[from:k]
	if by := strings.LastIndex(x, "由"); by >= 0 {
		from += by + len("由")
		x = text[from:k]
	} else if s.beforeChild && strings.TrimFunc(text[k+len(w):], isPunctOrSpace) == "" {
		return nil // 各行业主管部门负责，①…: the run's owner (runOwners), not the parent's
	}
	if n := utf8.RuneCountInString(x); n < 2 || n > maxOwner {
		return nil
	}
	return d.ownerList(s.para, x, s.start+utf8.RuneCountInString(text[:from]))
}

// isClauseBoundary reports the runes that end the clause an owner opens.
func isClauseBoundary(r rune) bool {
	switch r {
	case ',', '，', '。', '；', ';', '：', ':', '(', '（':
		return true // （国家发展改革委、财政部按职责分工负责）
	}
	return unicode.IsSpace(r)
}

func isPunctOrSpace(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) }

func verbUse(word string, after rune) bool {
	if word == "负责" {
		return after != '人' && after != '同'
	}
	return after != '单' && after != '部' && after != '领'
}

// runOwners reads X负责 / X牵头 in the clause right before the first item
// of n's run, which hands the whole run to X.
func (d *doc) runOwners(n *node) []string {
	first := d.runFirst(n)
	if first == nil || first.m.paraStart {
		return nil
	}
	v := d.views[first.m.para]
	k := first.m.start
	for k > 0 && (isSpace(v.r[k-1]) || v.r[k-1] == ',' || v.r[k-1] == '，' || v.r[k-1] == ':' || v.r[k-1] == '：') {
		k--
	}
	from := k
	for from > 0 && !isClausePunct(v.r[from-1]) {
		from--
	}
	clause := string(v.r[from:k])
	for _, w := range []string{"负责", "牵头"} {
		if x, ok := strings.CutSuffix(clause, w); ok {
			return d.ownerList(first.m.para, x, from)
		}
	}
	return nil
}

// runFirst returns the first sibling of n's run.
func (d *doc) runFirst(n *node) *node {
	if n.parent == nil {
		return nil
	}
	return n.first
}

// headingOwners reads the subject of a clause of the heading: X要….
func (d *doc) headingOwners(n *node, heading span) []string {
	if n.m.style == StyleBare {
		return nil
	}
	h := d.paras[heading.para].SimpleText(heading.start, heading.end)
	if !strings.Contains(h, "要") {
		return nil
	}
	var out []string
	for _, m := range reHeadingSubject.FindAllStringSubmatch(h, -1) {
		if endsYaoWord(m[1]) {
			continue // 报考人员根据所要报的岗位要求 (kaili): 所要 is no 要 of duty
		}
		for _, x := range splitOwners(m[1]) {
			if !hasSuffix(x, orgSuffixes) && !hasSuffix(x, titleSuffixes) {
				return nil
			}
		}
		out = append(out, splitOwners(m[1])...)
	}
	return out
}

// yaoWords are words that end in 要 without being the verb of duty.
var yaoWords = map[rune]bool{'所': true, '需': true, '主': true, '重': true, '只': true, '想': true, '将': true, '必': true, '纪': true, '提': true, '摘': true, '概': true, '首': true}

// endsYaoWord reports whether the letter before 要 makes a word with it.
func endsYaoWord(subject string) bool {
	r, _ := utf8.DecodeLastRuneInString(subject)
	return yaoWords[r]
}

// ownerList validates X (at rune offset off of paragraph pi when known, -1
// otherwise) and splits it into owners: every part must name a unit, a
// titled person or a person.
func (d *doc) ownerList(pi int, x string, off int) []string {
	if strings.ContainsAny(x, "(（") {
		if y := dropNotes(x); y != x {
			x, off = y, -1 // 州发改委（牵头）
		}
	}
	x = trimAdverbs(strings.TrimSpace(x))
	if x == "" {
		return nil
	}
	parts := splitOwners(x)
	if len(parts) > 1 && !d.allOwnerLike(pi, x, parts, off) {
		parts = []string{x}
	}
	if !d.allOwnerLike(pi, x, parts, off) {
		return nil
	}
	return parts
}

// noteWords mark a bracket as a note on an owner's role, dropped: 州发改委
// （牵头）, 区城管局（排名第一的为牵头单位）. Other brackets are part of the name:
// 各镇（街道）.
var noteWords = []string{"牵头", "配合", "负责", "主责", "协办", "排名", "排第", "列第", "为准"}

// dropNotes removes the role notes in brackets.
func dropNotes(x string) string {
	return reBracketNote.ReplaceAllStringFunc(x, func(b string) string {
		if containsAny(b, noteWords) {
			return ""
		}
		return b
	})
}

// allOwnerLike reports whether every part of x (found at rune offset off of
// paragraph pi, -1 when unknown) names an owner: 张三、李四 are both names.
func (d *doc) allOwnerLike(pi int, x string, parts []string, off int) bool {
	at := 0
	for _, p := range parts {
		poff := -1
		if k := strings.Index(x[at:], p); k >= 0 && off >= 0 {
			poff = off + utf8.RuneCountInString(x[:at+k])
			at += k + len(p)
		}
		core := p
		if strings.ContainsAny(p, "(（") {
			core = reBracketNote.ReplaceAllString(p, "") // 各镇（街道）
		}
		if !hasSuffix(core, orgSuffixes) && !hasSuffix(core, titleSuffixes) && !titledName(core) && !d.personAt(pi, p, poff) {
			return false
		}
	}
	return true
}

// titledName reports a title followed by a name of two or three letters:
// 分管副区长李四, 区委书记王强.
func titledName(x string) bool {
	for _, t := range titleSuffixes {
		k := strings.LastIndex(x, t)
		if k <= 0 && !strings.HasPrefix(x, t) {
			continue
		}
		name := []rune(x[k+len(t):])
		if len(name) < 2 || len(name) > 3 {
			continue
		}
		han := true
		for _, r := range name {
			han = han && unicode.Is(unicode.Han, r)
		}
		if han {
			return true
		}
	}
	return false
}

// personAt reports whether x, found at rune offset off of paragraph pi, is a
// person's name: two to four letters whose first token the segmenter tags
// as a name (郝井保 cut as 郝/nr 井 保).
func (d *doc) personAt(pi int, x string, off int) bool {
	n := utf8.RuneCountInString(x)
	if off < 0 || n < 2 || n > 4 {
		return false
	}
	for _, r := range x {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	t, ok := d.views[pi].tokenAt(off)
	return ok && t.Pos == "nr"
}

func splitOwners(x string) []string {
	var out []string
	for _, p := range reOwnerList.Split(x, -1) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	// 招聘单位及其主管部门 is one owner: keep it whole when a part is only 其….
	for _, p := range out {
		if strings.HasPrefix(p, "其") {
			return []string{x}
		}
	}
	return out
}

func trimAdverbs(x string) string {
	for changed := true; changed; {
		changed = false
		for _, a := range ownerAdverbs {
			if s, ok := strings.CutSuffix(x, a); ok && s != "" {
				x, changed = s, true
			}
		}
	}
	for _, a := range ownerAdverbs {
		if x == a {
			return ""
		}
	}
	return x
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
