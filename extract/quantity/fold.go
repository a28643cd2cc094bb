package quantity

import "unicode/utf8"

// foldRunes returns the paragraph view the recogniser matches on: the
// simplified view with full-width ASCII folded and the traditional forms of
// the characters its tables use mapped to simplified (個→个, 點→点, 萬→万),
// one rune per rune, so that it works the same whether or not the script
// stage has converted the text.
func foldRunes(s []rune) []rune {
	out := make([]rune, len(s))
	for i, r := range s {
		out[i] = foldRune(r)
	}
	return out
}

func foldRune(r rune) rune {
	switch {
	case r >= '！' && r <= '～':
		return r - '！' + '!'
	case r == '\u3000' || r == '\u00a0':
		return ' '
	case r == '−' || r == '—' || r == '–':
		return '-'
	}
	if s, ok := tradFold[r]; ok {
		return s
	}
	return r
}

// tradFold covers the traditional characters of the numeral, unit and cue
// tables (seed004 is a traditional mirror: 個項目, 萬元, 確保).
var tradFold = map[rune]rune{
	'個': '个', '點': '点', '萬': '万', '億': '亿', '兩': '两', '項': '项', '處': '处', '條': '条', '戶': '户', '張': '张',
	'臺': '台', '輛': '辆', '場': '场', '間': '间', '噸': '吨', '畝': '亩', '內': '内', '約': '约', '餘': '余', '負': '负',
	'確': '确', '爭': '争', '達': '达', '為': '为', '標': '标', '壓': '压', '減': '减', '較': '较', '與': '与', '僅': '仅',
	'計': '计', '發': '发', '現': '现', '經': '经', '長': '长', '貳': '贰', '陸': '陆', '參': '参', '準': '准', '數': '数',
	'總': '总', '務': '务', '將': '将', '對': '对', '實': '实', '過': '过', '們': '们', '時': '时', '質': '质', '際': '际',
	'應': '应', '夠': '够', '會': '会', '歲': '岁', '週': '周', '於': '于', '從': '从', '據': '据', '統': '统', '價': '价',
	'報': '报', '幣': '币', '資': '资', '產': '产', '業': '业', '開': '开', '設': '设', '區': '区', '縣': '县', '縮': '缩',
	'調': '调', '額': '额', '佔': '占', '廣': '广', '穩': '稳', '證': '证', '鎮': '镇', '環': '环', '寬': '宽', '緊': '紧',
	'費': '费', '銷': '销', '單': '单', '級': '级', '層': '层', '頃': '顷', '齡': '龄', '歷': '历', '滿': '满', '進': '进',
	'還': '还', '專': '专', '嚴': '严', '紀': '纪', '須': '须', '規': '规', '許': '许', '劃': '划', '聯': '联', '議': '议',
	'訂': '订', '衛': '卫', '員': '员', '劑': '剂', '樓': '楼', '車': '车', '輪': '轮', '徑': '径', '離': '离', '碼': '码',
	'號': '号', '郵': '邮', '話': '话',
}

// hasPrefixAt reports whether w is written at rs[i:].
func hasPrefixAt(rs []rune, i int, w string) bool {
	for _, r := range w {
		if i >= len(rs) || rs[i] != r {
			return false
		}
		i++
	}
	return true
}

// hasSuffixAt reports whether w ends at rs[:e].
func hasSuffixAt(rs []rune, e int, w string) bool {
	for len(w) > 0 {
		r, size := utf8.DecodeLastRuneInString(w)
		e--
		if e < 0 || e >= len(rs) || rs[e] != r {
			return false
		}
		w = w[:len(w)-size]
	}
	return true
}
