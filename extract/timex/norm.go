package timex

import (
	"sort"
	"strings"

	"github.com/zhengling/zhengling/extract/para"
)

// foldRune maps the characters the recognisers look at to one canonical
// form, so that a paragraph whose simplified view is incomplete still reads
// right: full-width digits and punctuation (９月１５日), and the traditional
// forms of the time words themselves (國慶節前, 每週). It never changes the
// number of runes, so offsets stay those of the paragraph.
func foldRune(r rune) rune {
	switch {
	case r >= '０' && r <= '９':
		return '0' + (r - '０')
	case r == '：':
		return ':'
	case r == '－' || r == '—' || r == '–' || r == '～' || r == '~' || r == '─':
		return '-'
	case r == '　' || r == '\u00a0' || r == '\t':
		return ' '
	case r == '＊' || r == '※':
		return '*'
	case r == 'X' || r == 'Ｘ' || r == 'ｘ' || r == '×' || r == '╳':
		return 'x'
	case r == '，':
		return ','
	case r == '；':
		return ';'
	}
	if r >= 0x4E00 && r < 0xA000 && tradKeys[r>>6]&(1<<(r&63)) != 0 {
		return tradFold[r]
	}
	return r
}

// tradKeys is the set of tradFold's keys, so that the common case (a
// character that needs no folding) costs no map lookup.
var tradKeys = func() (set [0xA000 >> 6]uint64) {
	for r := range tradFold {
		set[r>>6] |= 1 << (r & 63)
	}
	return set
}()

// tradFold holds the traditional forms of the characters in this package's
// word tables (國慶節 → 国庆节, 截至報名時止 → 截至报名时止); the full
// conversion is the hanzi package's job, this keeps timex correct without it.
var tradFold = map[rune]rune{
	'國': '国', '慶': '庆', '節': '节', '週': '周', '個': '个', '後': '后',
	'內': '内', '當': '当', '號': '号', '開': '开', '會': '会', '議': '议',
	'區': '区', '長': '长', '書': '书', '記': '记', '縣': '县', '鎮': '镇',
	'為': '为', '於': '于', '與': '与', '實': '实', '確': '确', '務': '务',
	'須': '须', '爭': '争', '將': '将', '時': '时', '間': '间', '進': '进',
	'報': '报', '彙': '汇', '匯': '汇', '總': '总', '結': '结', '況': '况',
	'來': '来', '從': '从', '舉': '举', '辦': '办', '視': '视', '調': '调',
	'參': '参', '戰': '战', '頭': '头', '計': '计', '劃': '划', '勞': '劳',
	'動': '动', '陽': '阳', '兩': '两', '約': '约', '達': '达', '現': '现',
	'際': '际', '專': '专', '領': '领', '導': '导', '決': '决', '備': '备',
	'準': '准', '屆': '届', '環': '环', '歷': '历', '數': '数', '規': '规',
	'標': '标', '門': '门', '邊': '边', '統': '统', '見': '见', '習': '习',
	'訪': '访', '佈': '布', '簽': '签', '過': '过', '傳': '传', '場': '场',
	'暫': '暂', '處': '处', '員': '员', '層': '层', '級': '级', '經': '经',
	'濟': '济', '項': '项', '組': '组', '織': '织', '廳': '厅', '黨': '党',
	'幹': '干', '鄉': '乡', '體': '体', '點': '点', '啟': '启', '啓': '启',
	'屬': '属', '凈': '净', '審': '审', '證': '证',
}

// view is the folded simplified text of one paragraph, as runes and as
// UTF-8 with each rune's byte offset, so that word tests compare bytes.
type view struct {
	p   *para.Paragraph
	r   []rune
	b   string
	off []int32 // off[i] is the byte offset of rune i; off[len(r)] = len(b)
}

func newView(p *para.Paragraph) view {
	n := len(p.SimpleRunes())
	r := make([]rune, 0, n)
	off := make([]int32, 0, n+1)
	changed := false
	for at, c := range p.Simple {
		f := foldRune(c)
		changed = changed || f != c
		r = append(r, f)
		off = append(off, int32(at))
	}
	if len(r) != n { // p.Simple is not p's view (cannot happen with para.New)
		r = append(r[:0], p.SimpleRunes()...)
		changed = true
	}
	b := p.Simple
	if changed {
		b = string(r)
		off = off[:0]
		for at := range b {
			off = append(off, int32(at))
		}
	}
	off = append(off, int32(len(b)))
	return view{p: p, r: r, b: b, off: off}
}

// insideWord reports whether offset i falls inside a token of the
// segmenter: in 韩国庆熙大学 the 国 of 国庆 is inside the token 韩国.
func (v view) insideWord(i int) bool {
	toks := v.p.Tokens
	k := sort.Search(len(toks), func(j int) bool { return toks[j].End > i })
	return k < len(toks) && toks[k].Start < i
}

// at returns the rune at i, or 0 outside the text.
func (v view) at(i int) rune {
	if i < 0 || i >= len(v.r) {
		return 0
	}
	return v.r[i]
}

// has reports whether the text at i starts with s.
func (v view) has(i int, s string) bool {
	if i < 0 || i > len(v.r) {
		return false
	}
	return strings.HasPrefix(v.b[v.off[i]:], s)
}

// prefixAt returns the first word of words that the text at i starts with.
func (v view) prefixAt(i int, words []string) string {
	for _, w := range words {
		if v.has(i, w) {
			return w
		}
	}
	return ""
}

// suffixBefore returns the first word of words that ends right before i.
func (v view) suffixBefore(i int, words []string) string {
	if i < 0 || i > len(v.r) {
		return ""
	}
	head := v.b[:v.off[i]]
	for _, w := range words {
		if strings.HasSuffix(head, w) {
			return w
		}
	}
	return ""
}

// spaces skips blanks from i.
func (v view) spaces(i int) int {
	for i < len(v.r) && v.r[i] == ' ' {
		i++
	}
	return i
}

// spacesBack returns the start of the run of blanks that ends at i.
func (v view) spacesBack(i int) int {
	for i > 0 && v.r[i-1] == ' ' {
		i--
	}
	return i
}

func (v view) str(start, end int) string {
	if start < 0 {
		start = 0
	}
	if end > len(v.r) {
		end = len(v.r)
	}
	if start >= end {
		return ""
	}
	return string(v.r[start:end])
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// isPlaceholder reports a template blank standing for a number (9月*日, xx月底).
func isPlaceholder(r rune) bool { return r == '*' || r == 'x' || r == '某' }
