package directive

import (
	"unicode"

	"github.com/zhengling/zhengling/extract/numeral"
	"github.com/zhengling/zhengling/extract/para"
	"github.com/zhengling/zhengling/segment"
	"github.com/zhengling/zhengling/segment/lexicon"
)

// mark is one candidate item marker found in a paragraph. Offsets are runes
// into the paragraph: [start, end) is the marker as written, body is where
// the item's words begin (after the marker and the punctuation right after it).
type mark struct {
	para      int
	start     int
	end       int
	body      int
	style     string
	ordinal   int  // 1-based; 0 for 最后 (the next number of its run)
	paraStart bool // the marker opens its paragraph
	afterStop bool // the marker follows a sentence end (。！？) or opens the paragraph
	owners    []string
}

// markerRule recognises one numbering style at rune offset i of a paragraph.
// It returns the marker's end, the body's start and the ordinal, or ok=false.
type markerRule struct {
	style string
	match func(v *view, i int) (end, body, ordinal int, ok bool)
}

// markerRules is the table of numbering styles, most specific first. Every
// row names a real example from the corpus it was written for.
var markerRules = []markerRule{
	// 一、会议传达学习了习近平总书记重要讲话 (seed000); 十一、本《实施方案》 (kaili).
	// Only at a paragraph start: run-in "九、十月份" is a list of months.
	{StyleChapter, matchChapter},
	// （一）招聘对象 (kaili); 任务 (一)扬优势、补短板 (seed002, run in).
	{StyleParen, matchParen},
	// 第二,要防患未然 (seed004); 篇二 第一,要坚决打赢 (seed002). Not 第一方阵, 第一议题.
	{StyleDi, matchDi},
	// 一要抓好上半年工作总结分析 (seed000); …目标任务。二要紧抓 (seed003). Not 进一步要, 一要素.
	{StyleYao, matchYao},
	// 一是加快债券建设支出进度 (seed000); 一是要切實開展 (seed004). Not 统一是, 一是一、二是二.
	{StyleShi, matchShi},
	// 1．具有国家承认的学历 (kaili); 1、项目起步区规划 (seed002). Not 2022年, 1.56万, 1-8月份.
	{StyleArabic, matchArabic},
	// （1）仍在岗服务的“四项目人员” (kaili).
	{StyleParenArabic, matchParenArabic},
	// 1）统筹推进复工复产；2）… and ⑴…⑵… (plans written with a closing
	// bracket only, or with the parenthesised digits of Unicode).
	{StyleParenArabic, matchHalfParenArabic},
	// ①做好业务培训；②每月将新注册企业推送 (seed000); ❶❷ likewise.
	{StyleCircled, matchCircled},
	// 首先，要提高认识。其次要压实责任。最后，… (speeches). Not 最后关头, 最后一公里.
	{StyleSequence, matchSequence},
}

// view is a paragraph prepared for marker scanning.
type view struct {
	p     *para.Paragraph
	r     []rune  // simplified, width-folded
	tokAt []int32 // index into toks of the token covering each rune, -1 if none
	toks  []segment.Token
	lead  int // offset of the first non-space rune
}

func newView(p *para.Paragraph) *view {
	v := &view{p: p, r: p.SimpleRunes(), toks: p.Tokens}
	v.tokAt = make([]int32, len(v.r))
	for i := range v.tokAt {
		v.tokAt[i] = -1
	}
	for ti, t := range v.toks {
		for k := max(int(t.Start), 0); k < int(t.End) && k < len(v.r); k++ {
			v.tokAt[k] = int32(ti)
		}
	}
	for v.lead < len(v.r) && isSpace(v.r[v.lead]) {
		v.lead++
	}
	return v
}

// tokenStartsAt reports whether a token begins at rune i (true when the
// paragraph has no tokens there, so that untokenised text still scans).
func (v *view) tokenStartsAt(i int) bool {
	ti := v.tokAt[i]
	return ti < 0 || int(v.toks[ti].Start) == i
}

// tokenAt returns the token that starts at rune i, if any.
func (v *view) tokenAt(i int) (segment.Token, bool) {
	if i < 0 || i >= len(v.r) {
		return segment.Token{}, false
	}
	ti := v.tokAt[i]
	if ti < 0 || int(v.toks[ti].Start) != i {
		return segment.Token{}, false
	}
	return v.toks[ti], true
}

// prevNonSpace returns the rune before offset i, skipping spaces, or 0.
func (v *view) prevNonSpace(i int) rune {
	for k := i - 1; k >= 0; k-- {
		if !isSpace(v.r[k]) {
			return v.r[k]
		}
	}
	return 0
}

func (v *view) at(i int) rune {
	if i < 0 || i >= len(v.r) {
		return 0
	}
	return v.r[i]
}

// scanMarks returns every candidate marker of the paragraph, in order.
func scanMarks(v *view) []mark {

	var out []mark
	for i := v.lead; i < len(v.r); i++ {
		if !mayStartMarker(v.r[i]) {
			continue
		}
		for _, rule := range markerRules {
			end, body, ord, ok := rule.match(v, i)
			if !ok {
				continue
			}
			prev := v.prevNonSpace(i)
			m := mark{
				para: v.p.Index, start: i, end: end, body: skipPunct(v.r, body),
				style: rule.style, ordinal: ord,
				paraStart: i == v.lead,
				afterStop: i == v.lead || isStop(prev),
			}
			if n := len(out); n > 0 && v.blank(out[n-1].body, i) {
				// ①②③…, （一）（二）项所列情形: an item of no words is no
				// directive. (The last of a paragraph stays: its heading may
				// stand on the next line.)
				out[n-1] = m
			} else {
				out = append(out, m)
			}
			i = end - 1
			break
		}
	}
	return out
}

// mayStartMarker reports whether some rule of markerRules can match at a
// rune: the first letters of every marker style.
func mayStartMarker(r rune) bool {
	switch {
	case isHanDigit(r), isDigit(r), r >= '①' && r <= '⑳':
		return true
	}
	switch r {
	case '(', '（', '第', '首', '其', '再', '最':
		return true
	}
	if (r >= '⑴' && r <= '⒇') || (r >= '❶' && r <= '❿') {
		return true
	}
	return false
}

// clauseStart reports whether offset i may open a numbered run-in item:
// the paragraph start, after a space or after clause punctuation.
func (v *view) clauseStart(i int) bool {
	if i == v.lead {
		return true
	}
	if i > 0 && isSpace(v.r[i-1]) {
		return true
	}
	return isClausePunct(v.prevNonSpace(i))
}

func matchChapter(v *view, i int) (int, int, int, bool) {
	// 会议议定以下事项：一、同意…。二、原则同意…: run in after a sentence or a
	// colon (validate keeps it only when its 二、 follows).
	if i != v.lead && !isRunInChapterStart(v.prevNonSpace(i)) {
		return 0, 0, 0, false
	}
	n, k := readHanNumber(v.r, i)
	if n == 0 || !isChapterSep(v.at(k)) || isHanDigit(v.at(k+1)) {
		return 0, 0, 0, false
	}
	// 一、2024年工作开展情况 opens a part; 一.5 and a run-in 一、2 do not
	if isDigit(v.at(k+1)) && (v.at(k) != '、' || i != v.lead) {
		return 0, 0, 0, false
	}
	return k + 1, k + 1, n, true
}

// isRunInChapterStart reports the marks after which a run-in 一、 may begin;
// not a comma: 分为一、二、三类, 这一、二季度.
func isRunInChapterStart(r rune) bool { return isStop(r) || r == ':' || r == '：' || isSemicolon(r) }

// isChapterSep reports the mark after a chapter numeral: 一、 and, in some
// plans, 一．/一.
func isChapterSep(r rune) bool { return r == '、' || r == '.' || r == '．' }

func matchParen(v *view, i int) (int, int, int, bool) {
	if v.r[i] != '(' {
		return 0, 0, 0, false
	}
	// （ 一 ） as Word exports it: spaces inside the brackets
	n, k := readHanNumber(v.r, skipSpaces(v.r, i+1))
	if n == 0 {
		return 0, 0, 0, false
	}
	if k = skipSpaces(v.r, k); v.at(k) != ')' {
		return 0, 0, 0, false
	}
	return k + 1, k + 1, n, true
}

func skipSpaces(r []rune, i int) int {
	for i < len(r) && isSpace(r[i]) {
		i++
	}
	return i
}

func matchParenArabic(v *view, i int) (int, int, int, bool) {
	if v.r[i] != '(' {
		return 0, 0, 0, false
	}
	n, k := readDigits(v.r, i+1)
	if k == i+1 || k-i-1 > 2 || v.at(k) != ')' || n == 0 {
		return 0, 0, 0, false
	}
	return k + 1, k + 1, n, true
}

func matchDi(v *view, i int) (int, int, int, bool) {
	if v.r[i] != '第' || !v.clauseStart(i) {
		return 0, 0, 0, false
	}
	n, k := readHanNumber(v.r, i+1)
	if n == 0 || !isListComma(v.at(k)) {
		return 0, 0, 0, false
	}
	return k, k + 1, n, true
}

// nounYao are words that begin with 要 but are nouns: 一要素 is "one factor".
var nounYao = map[string]bool{"要素": true, "要点": true, "要件": true, "要害": true, "要务": true, "要领": true, "要闻": true, "要塞": true, "要地": true, "要员": true, "要事": true}

func matchYao(v *view, i int) (int, int, int, bool) {
	n, k := readHanNumber(v.r, i)
	if n == 0 || v.at(k) != '要' || !numberStartsWord(v, i) {
		return 0, 0, 0, false
	}
	if t, ok := v.tokenAt(k); ok && nounYao[t.Text] {
		return 0, 0, 0, false
	}
	return k + 1, k + 1, n, true
}

// wordShi are words that begin with 是: 这一是非 is not a marker.
var wordShi = map[string]bool{"是非": true, "是否": true, "是不是": true}

func matchShi(v *view, i int) (int, int, int, bool) {
	n, k := readHanNumber(v.r, i)
	if n == 0 || v.at(k) != '是' || !numberStartsWord(v, i) {
		return 0, 0, 0, false
	}
	// 一是一、二是二: a numeral after 是 makes it an idiom, not a list.
	if isHanDigit(v.at(k + 1)) {
		return 0, 0, 0, false
	}
	if t, ok := v.tokenAt(k); ok && wordShi[t.Text] {
		return 0, 0, 0, false
	}
	return k + 1, k + 1, n, true
}

// numberStartsWord guards 一要/一是 against numerals inside words (统一是,
// 进一步要, 唯一是): the numeral must begin a token and not follow 第 or a digit.
func numberStartsWord(v *view, i int) bool {
	if !v.tokenStartsAt(i) {
		return false
	}
	prev := v.at(i - 1)
	return prev != '第' && !isHanDigit(prev) && !isDigit(prev)
}

func matchArabic(v *view, i int) (int, int, int, bool) {
	if !isDigit(v.r[i]) || !v.clauseStart(i) {
		return 0, 0, 0, false
	}
	if p := v.at(i - 1); isDigit(p) || p == '.' || isASCIILetter(p) {
		return 0, 0, 0, false
	}
	n, k := readDigits(v.r, i)
	if k-i > 2 || n == 0 || !isArabicSep(v.at(k)) {
		return 0, 0, 0, false
	}
	// 1.56万, 1、2批: a digit after the separator is a number, not a marker —
	// but 1、55歲以上原住民長者 opening a paragraph is an item, as 一、2024年… is.
	if nx := v.at(k + 1); nx == '%' || nx == 0 || isDigit(nx) && !leadItemNumber(v, n, i, k) {
		return 0, 0, 0, false
	}
	return k + 1, k + 1, n, true
}

// leadItemNumber reports a number right after the 、 of an Arabic marker n
// that opens the paragraph, when it is no list of numbers: not the next
// number (3、4月份, 5、6号楼), nor followed by another 、 (1、2、3), nor a
// decimal: 1、55歲以上原住民長者.
func leadItemNumber(v *view, n, i, k int) bool {
	if i != v.lead || v.at(k) != '、' {
		return false
	}
	m, e := readDigits(v.r, k+1)
	next := v.at(e)
	return m != n+1 && next != '、' && next != '.' && next != ',' && next != '，' && next != 0
}

func matchCircled(v *view, i int) (int, int, int, bool) {
	switch r := v.r[i]; {
	case r >= '①' && r <= '⑳':
		return i + 1, i + 1, int(r-'①') + 1, true
	case r >= '❶' && r <= '❿':
		return i + 1, i + 1, int(r-'❶') + 1, true
	}
	return 0, 0, 0, false
}

func matchHalfParenArabic(v *view, i int) (int, int, int, bool) {
	if r := v.r[i]; r >= '⑴' && r <= '⒇' {
		return i + 1, i + 1, int(r-'⑴') + 1, true
	}
	if !isDigit(v.r[i]) || !v.clauseStart(i) || v.at(i-1) == '(' || isDigit(v.at(i-1)) {
		return 0, 0, 0, false
	}
	n, k := readDigits(v.r, i)
	if k-i > 2 || n == 0 || v.at(k) != ')' {
		return 0, 0, 0, false
	}
	return k + 1, k + 1, n, true
}

// sequenceWords maps the ordinal adverbs to their numbers; 最后 takes the
// next number of its run (0 here).
var sequenceWords = []struct {
	word    []rune
	ordinal int
}{{[]rune("首先"), 1}, {[]rune("其次"), 2}, {[]rune("再次"), 3}, {[]rune("最后"), 0}}

func matchSequence(v *view, i int) (int, int, int, bool) {
	if !(i == v.lead || isStop(v.prevNonSpace(i)) || isSemicolon(v.prevNonSpace(i))) {
		return 0, 0, 0, false
	}
	for _, w := range sequenceWords {
		wr := w.word
		if hasRunesAt(v.r, i, wr) && (isListComma(v.at(i+len(wr))) || v.at(i+len(wr)) == '要') {
			return i + len(wr), i + len(wr), w.ordinal, true
		}
	}
	return 0, 0, 0, false
}

func hasRunesAt(r []rune, i int, w []rune) bool {
	if i+len(w) > len(r) {
		return false
	}
	for k, c := range w {
		if r[i+k] != c {
			return false
		}
	}
	return true
}

// hanDigit returns the value of a numeral of 一、 一要 第一 （一）: 一 to 九
// and 十, 0 for others (两, 〇 and financial forms number no items).
func hanDigit(r rune) int {
	n, _, ok := numeral.Tens([]rune{r}, 0)
	if !ok {
		return 0
	}
	return n
}

func isHanDigit(r rune) bool { return hanDigit(r) != 0 }

// readHanNumber reads a Chinese numeral 一…九十九 at i (numeral.Tens) and
// returns its value and the offset after it; 0 when there is none.
func readHanNumber(r []rune, i int) (int, int) {
	n, k, ok := numeral.Tens(r, i)
	if !ok {
		return 0, i
	}
	return n, k
}

func readDigits(r []rune, i int) (int, int) {
	n, k := 0, i
	for k < len(r) && isDigit(r[k]) && k-i < 4 {
		n = n*10 + int(r[k]-'0')
		k++
	}
	return n, k
}

func isDigit(r rune) bool       { return r >= '0' && r <= '9' }
func isASCIILetter(r rune) bool { return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') }
func isSpace(r rune) bool       { return unicode.IsSpace(r) || r == 0xFEFF || r == 0x200B }
func isArabicSep(r rune) bool   { return r == '、' || r == '.' || r == '．' }
func isListComma(r rune) bool   { return r == ',' || r == '，' || r == '、' }
func isSemicolon(r rune) bool   { return r == ';' || r == '；' }

// isStop reports sentence-final punctuation, isClausePunct the punctuation
// after which a run-in item may begin, isHeadingEnd the punctuation that ends
// a heading (SPEC: 。；：！？): the lexicon's punctuation classes.
var (
	isStop        = lexicon.Default().PunctSet("stop")
	isClausePunct = lexicon.Default().PunctSet("runin")
	isHeadingEnd  = lexicon.Default().PunctSet("heading")
)

// skipPunct moves i past spaces and the punctuation right after a marker.
func skipPunct(r []rune, i int) int {
	for i < len(r) {
		switch c := r[i]; {
		case isSpace(c), c == ',', c == '，', c == '、', c == ':', c == '：', c == '.', c == '．':
			i++
		default:
			return i
		}
	}
	return i
}
