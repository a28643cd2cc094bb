// Package numeral reads the numbers of Chinese text: Arabic digits in either
// width (64, ６４, 1,050, 246.79), Chinese numerals in everyday and financial
// form (十五, 两千四百五, 壹佰伍拾, 拾萬零五十六點叁叁), and their mixes
// with the multipliers 十百千万亿 (1.56万, 64 亿, 4.78万亿, 5000多亿).
//
// Scan reads one number at a rune offset and reports how far it went; it
// never looks at the unit that follows, so callers decide whether the number
// is a quantity. Spaces are allowed where real pages put them (64 亿,
// 一 百 五 十), but two Arabic groups (2019 134) never join.
package numeral

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"unicode"
)

// Number is one number found by Scan.
type Number struct {
	Value  float64
	Start  int  // rune offset of the first rune
	End    int  // rune offset after the last rune
	Arabic bool // written with Arabic digits (possibly with a Chinese multiplier)
	// Multiplied is true when a multiplier (万, 亿, 千 …) scaled the value.
	Multiplied bool
	// Approx is true when 多 or 余 sits inside the number (5000多亿, 万余).
	Approx bool
	// Fraction is true for 三分之一: Value is the ratio (1/3).
	Fraction bool
	// Vague is true for a Chinese range of neighbouring digits (二三十, 三四百):
	// its value means nothing and callers should not report it.
	Vague bool
	// Overflow is true, with Scan's ok false, for a number beyond float64
	// (9…9亿亿亿): Start and End say where it is, Value is 0.
	Overflow bool
}

// chineseDigits maps the digit characters, everyday, financial and
// traditional (一 壹 贰 貳 陆 陸 两 兩 俩 倆), to their value.
var chineseDigits = map[rune]float64{
	'〇': 0, '零': 0, '○': 0,
	'一': 1, '壹': 1, '幺': 1,
	'二': 2, '贰': 2, '貳': 2, '两': 2, '兩': 2, '俩': 2, '倆': 2,
	'三': 3, '叁': 3, '參': 3, '叄': 3,
	'四': 4, '肆': 4,
	'五': 5, '伍': 5,
	'六': 6, '陆': 6, '陸': 6,
	'七': 7, '柒': 7,
	'八': 8, '捌': 8,
	'九': 9, '玖': 9,
}

// smallUnits are the multipliers below 万; they scale the digit before them.
var smallUnits = map[rune]float64{
	'十': 10, '拾': 10,
	'百': 100, '佰': 100,
	'千': 1000, '仟': 1000,
}

// bigUnits scale everything before them (四千零五万, 4.78万亿).
var bigUnits = map[rune]float64{
	'万': 1e4, '萬': 1e4,
	'亿': 1e8, '億': 1e8,
}

// IsDigit reports whether r is an Arabic digit, ASCII or full-width.
func IsDigit(r rune) bool {
	return (r >= '0' && r <= '9') || (r >= '０' && r <= '９')
}

func digitValue(r rune) float64 {
	if r >= '０' && r <= '９' {
		return float64(r - '０')
	}
	return float64(r - '0')
}

// Digit returns the value of a Chinese digit character (〇 零 一 … 九, 两,
// financial and traditional forms), and false for any other rune.
func Digit(r rune) (int, bool) {
	if r < 0x3007 {
		return 0, false
	}
	v, ok := chineseDigits[r]
	return int(v), ok
}

// IsChineseDigit reports whether r is a Chinese digit character (零 to 九,
// 两, financial forms).
func IsChineseDigit(r rune) bool {
	if r < 0x3007 {
		return false // below 〇: no Chinese digit, and most runes of a page
	}
	_, ok := chineseDigits[r]
	return ok
}

// IsMultiplier reports whether r is one of 十百千万亿 in any form.
func IsMultiplier(r rune) bool {
	switch r {
	case '十', '拾', '百', '佰', '千', '仟', '万', '萬', '亿', '億':
		return true
	}
	return false
}

// IsSpace reports the spaces that may sit inside a number on real pages.
func IsSpace(r rune) bool { return r == ' ' || r == '\u3000' || r == '\u00a0' || r == '\t' }

func isDecimalPoint(r rune) bool { return r == '.' || r == '．' }
func isPointWord(r rune) bool    { return r == '点' || r == '點' }
func isThousandsSep(r rune) bool { return r == ',' || r == '，' }
func isApproxWord(r rune) bool   { return r == '多' || r == '余' || r == '餘' }

// skipSpaces returns the first offset at or after i that is not a space.
func skipSpaces(rs []rune, i int) int {
	for i < len(rs) && IsSpace(rs[i]) {
		i++
	}
	return i
}

// ErrNotNumber is returned by Parse for text that is not one whole number.
var ErrNotNumber = errors.New("numeral: not a number")

// Parse reads s as one whole number ("1.56万", "百分" is not one).
func Parse(s string) (float64, error) {
	rs := []rune(s)
	start := skipSpaces(rs, 0)
	n, ok := Scan(rs, start)
	if !ok || skipSpaces(rs, n.End) != len(rs) {
		return 0, ErrNotNumber
	}
	return n.Value, nil
}

// Scan reads the number that starts at rs[i], with a fraction (三分之一,
// Fraction set) or a mixed number (三百五十又3分之1) it begins. It returns
// false when no number starts there. A lone 百/千/万 counts only before 余/多 (万余份);
// a sign is the caller's business.
func Scan(rs []rune, i int) (Number, bool) {
	if i < 0 || i >= len(rs) {
		return Number{}, false
	}
	var n Number
	var ok bool
	switch r := rs[i]; {
	case IsDigit(r):
		n, ok = scanArabic(rs, i)
	case IsChineseDigit(r) || r == '十' || r == '拾':
		n, ok = scanChinese(rs, i)
	case IsMultiplier(r):
		return scanBareMultiplier(rs, i)
	}
	if ok {
		readFraction(rs, &n)
		readMixed(rs, &n)
	}
	if math.IsInf(n.Value, 0) || math.IsNaN(n.Value) {
		return Number{Start: n.Start, End: n.End, Overflow: true}, false // 9…9亿亿亿: no value to report
	}
	return n, ok
}

// readMixed adds the fraction of a mixed number: 三百五十又3分之1.
func readMixed(rs []rune, n *Number) {
	k := skipSpaces(rs, n.End)
	if n.Fraction || k >= len(rs) || rs[k] != '又' {
		return
	}
	k = skipSpaces(rs, k+1)
	var f Number
	var ok bool
	if k < len(rs) && IsDigit(rs[k]) {
		f, ok = scanArabic(rs, k)
	} else if k < len(rs) && (IsChineseDigit(rs[k]) || rs[k] == '十') {
		f, ok = scanChinese(rs, k)
	}
	if !ok {
		return
	}
	readFraction(rs, &f)
	if f.Fraction {
		n.Value += f.Value
		n.End = f.End
	}
}

// readFraction turns 三分之一, 五 分之 一, 一百分之五十五点五七九 into their
// value (numerator over denominator) and marks the number a Fraction.
func readFraction(rs []rune, n *Number) {
	k := skipSpaces(rs, n.End)
	if k >= len(rs) || rs[k] != '分' || n.Value == 0 || n.Vague {
		return
	}
	k = skipSpaces(rs, k+1)
	if k >= len(rs) || rs[k] != '之' {
		return
	}
	k = skipSpaces(rs, k+1)
	var num Number
	var ok bool
	if k < len(rs) && IsDigit(rs[k]) {
		num, ok = scanArabic(rs, k)
	} else if k < len(rs) && (IsChineseDigit(rs[k]) || rs[k] == '十' || rs[k] == '拾') {
		num, ok = scanChinese(rs, k)
	}
	if !ok || num.Vague {
		return
	}
	n.Value = ratio(num.Value, n.Value)
	n.End, n.Fraction = num.End, true
	n.Arabic = n.Arabic && num.Arabic
}

// ratio is num/den; over a power of ten (一百分之五十五点五七九) the decimal
// point moves, so the value is the decimal one, not a quotient's.
func ratio(num, den float64) float64 {
	if k := math.Round(math.Log10(den)); k >= 0 && math.Pow10(int(k)) == den {
		return Shift(num, -int(k))
	}
	return num / den
}

// Shift multiplies v by 10^places as decimal notation does, by moving the
// point of the shortest decimal that reads as v: Shift(0.3, -1) is 0.03,
// where 0.3*0.1 is 0.030000000000000002. The result is the float64 nearest
// to that decimal, ±Inf past the float64 range.
func Shift(v float64, places int) float64 {
	if places == 0 || v == 0 || math.IsInf(v, 0) || math.IsNaN(v) {
		return v
	}
	mant, exp, _ := strings.Cut(strconv.FormatFloat(v, 'e', -1, 64), "e")
	e, _ := strconv.Atoi(exp)
	return parseDecimal(mant, e+places)
}

// parseDecimal is the float64 nearest to digits × 10^exp: ±Inf past the
// float64 range, 0 below it.
func parseDecimal(digits string, exp int) float64 {
	v, _ := strconv.ParseFloat(digits+"e"+strconv.Itoa(exp), 64)
	return v
}

// scanBareMultiplier reads 万余, 百余, 千多: a multiplier with an implied one.
func scanBareMultiplier(rs []rune, i int) (Number, bool) {
	j := i + 1
	if j >= len(rs) || !isApproxWord(rs[j]) {
		return Number{}, false
	}
	return Number{Value: multiplierValue(rs[i]), Start: i, End: j + 1, Multiplied: true, Approx: true}, true
}

func multiplierValue(r rune) float64 {
	if v, ok := smallUnits[r]; ok {
		return v
	}
	return bigUnits[r]
}

// scanArabic reads digits with thousands separators, a decimal part, single
// digits spread by spaces (7 2 折), a k suffix and trailing multipliers.
func scanArabic(rs []rune, i int) (Number, bool) {
	j, digits := readDigitGroup(rs, i)
	j, digits = readThousands(rs, j, digits, j-i)
	frac := ""
	if j+1 < len(rs) && (isDecimalPoint(rs[j]) || isPointWord(rs[j])) && IsDigit(rs[j+1]) {
		var f string
		j, f = readDigitGroup(rs, j+1)
		frac = f
	} else if j-i == 1 {
		j, digits = readSpreadDigits(rs, j, digits)
	}
	s := digits
	if frac != "" {
		s += "." + frac
	}
	if s == "" {
		return Number{}, false
	}
	n := Number{Value: parseDecimal(s, 0), Start: i, End: j, Arabic: true}
	scaleArabic(rs, &n, s)
	return n, true
}

// readDigitGroup reads a run of Arabic digits and returns them as ASCII.
func readDigitGroup(rs []rune, i int) (int, string) {
	buf := make([]byte, 0, 8)
	for i < len(rs) && IsDigit(rs[i]) {
		buf = append(buf, byte('0'+digitValue(rs[i])))
		i++
	}
	return i, string(buf)
}

// readThousands joins ",ddd" groups after a leading group of 1-3 digits
// (1,050,000 and ９，９９９), but not 2019,134 or a list 1,2,3.
func readThousands(rs []rune, j int, digits string, lead int) (int, string) {
	if lead > 3 {
		return j, digits
	}
	for j+3 < len(rs)+0 && isThousandsSep(rs[j]) && threeDigits(rs, j+1) {
		_, g := readDigitGroup(rs, j+1)
		digits += g
		j += 4
	}
	return j, digits
}

// threeDigits reports whether exactly three digits start at i.
func threeDigits(rs []rune, i int) bool {
	if i+3 > len(rs) {
		return false
	}
	for k := i; k < i+3; k++ {
		if !IsDigit(rs[k]) {
			return false
		}
	}
	return i+3 == len(rs) || !IsDigit(rs[i+3])
}

// readSpreadDigits joins single digits separated by spaces (7 2 折 → 72),
// the way some pages space out every character.
func readSpreadDigits(rs []rune, j int, digits string) (int, string) {
	for {
		k := skipSpaces(rs, j)
		if k == j || k >= len(rs) || !IsDigit(rs[k]) || (k+1 < len(rs) && IsDigit(rs[k+1])) {
			return j, digits
		}
		digits += string(rune('0' + digitValue(rs[k])))
		j = k + 1
	}
}

// scaleArabic applies what may follow Arabic digits: a k suffix (15k), 多/余
// (5000多亿, 1000 多个) and multipliers read like a Chinese numeral whose
// digits are Arabic (1.56万, 64 亿, 4.78万亿, 5万4千6百), each possibly after
// spaces. Two Arabic groups join only across a multiplier. digits is the
// number as written, in ASCII: scaled by multipliers alone (1.56万, 39.66亿,
// 1.1k), the value is that decimal's, not a product's with binary noise.
func scaleArabic(rs []rune, n *Number, digits string) {
	j, exp := n.End, 0
	if k := skipSpaces(rs, j); k < len(rs) && (rs[k] == 'k' || rs[k] == 'K') && !asciiLetterAt(rs, k+1) {
		exp = 3
		n.Value = parseDecimal(digits, exp)
		n.Multiplied = true
		j = k + 1
	}
	if k := skipSpaces(rs, j); k < len(rs) && isApproxWord(rs[k]) {
		n.Approx = true
		j = k + 1
	}
	n.End = j
	k := skipSpaces(rs, j)
	if k >= len(rs) || !IsMultiplier(rs[k]) || !multiplierAllowed(rs, k) {
		return
	}
	st := chineseState{digit: n.Value, pending: true}
	last, unitsOnly := j, true
	for m := k; m < len(rs); m++ {
		if IsSpace(rs[m]) {
			continue
		}
		if IsDigit(rs[m]) {
			if st.pending && st.digit != 0 {
				break // 2019 134: a new number, not a place (1千零20 is one)
			}
			e, g := readDigitGroup(rs, m)
			st.addDigit(parseDecimal(g, 0))
			m, last, unitsOnly = e-1, e, false
			continue
		}
		if IsChineseDigit(rs[m]) && rs[m] != '零' && rs[m] != '〇' && !placeFollows(rs, m+1) {
			break // 79万两: 两 after an Arabic number is a unit (liang), not 两千
		}
		if !st.add(rs, m) {
			break
		}
		if IsMultiplier(rs[m]) {
			exp += unitExponent(rs[m])
		} else if !isApproxWord(rs[m]) {
			unitsOnly = false
		}
		last = m + 1
	}
	if !st.units {
		return
	}
	n.Value, n.End, n.Multiplied = st.value(), last, true
	if exact := parseDecimal(digits, exp); unitsOnly && math.Abs(exact-n.Value) <= 1e-9*math.Abs(exact) {
		n.Value = exact // the units multiplied the number (not 5万千, 51 000)
	}
	for q := j; q < last; q++ {
		n.Approx = n.Approx || isApproxWord(rs[q])
	}
}

// placeFollows reports a place or a multiplier right after a digit (3万5千,
// 1亿2千万): what makes a Chinese digit after an Arabic number part of it.
func placeFollows(rs []rune, k int) bool {
	k = skipSpaces(rs, k)
	return k < len(rs) && (IsMultiplier(rs[k]) || rs[k] == '十' || rs[k] == '拾')
}

// multiplierAllowed keeps 百/千 that begin a unit or a fraction word out of
// the number: 100千瓦, 千米, 百分点, 七十百分位.
func multiplierAllowed(rs []rune, k int) bool {
	if k+1 >= len(rs) {
		return true
	}
	switch rs[k+1] {
	case '分':
		return skipSpaces(rs, k+2) < len(rs) && rs[skipSpaces(rs, k+2)] == '之' // 五百分之2.2 is a fraction of 500
	case '瓦', '米', '克', '伏', '帕', '赫', '焦':
		return false
	}
	return true
}

// unitExponent is the power of ten of a multiplier: 2 for 百, 8 for 亿.
func unitExponent(r rune) int {
	return int(math.Round(math.Log10(multiplierValue(r))))
}

func asciiLetterAt(rs []rune, i int) bool {
	return i < len(rs) && i >= 0 && rs[i] < unicode.MaxASCII && unicode.IsLetter(rs[i])
}

// chineseState accumulates a Chinese numeral by sections: yi (亿 and up),
// wan (the 万 part) and sec (below 万), plus the digit not yet placed.
type chineseState struct {
	yi, wan, sec float64
	digit        float64
	pending      bool    // a digit was read since the last unit
	lastUnit     float64 // the last unit read, 0 before any
	afterZero    bool    // a 零 came since the last unit: 一千零五 is 1005
	pair         bool    // two non-zero digits in a row (九九, 二三十)
	chineseLast  bool    // the pending digit was a Chinese character
	units        bool    // any unit was read
	multiplied   bool    // a 万 or 亿 was read
	seq          []byte  // the digits as read, for 二〇二〇 and 九九
}

// scanChinese reads a Chinese numeral with an optional decimal part.
func scanChinese(rs []rune, i int) (Number, bool) {
	st := chineseState{seq: make([]byte, 0, 8)}
	j, last := i, i
	for ; j < len(rs); j++ {
		r := rs[j]
		if IsSpace(r) {
			continue
		}
		if !st.add(rs, j) {
			break
		}
		last = j + 1
	}
	if last == i {
		return Number{}, false
	}
	n := Number{Start: i, End: last, Multiplied: st.multiplied, Vague: st.pair && st.units}
	for k := i; k < last; k++ {
		n.Approx = n.Approx || isApproxWord(rs[k])
	}
	n.Value = st.value()
	n.End, n.Value = readChineseFraction(rs, n.End, n.Value)
	return n, true
}

// add reads rs[j] into the state; false means the numeral ended before it.
func (st *chineseState) add(rs []rune, j int) bool {
	r := rs[j]
	if d, ok := chineseDigits[r]; ok {
		st.addDigit(d)
		st.chineseLast = true
		return true
	}
	if u, ok := smallUnits[r]; ok && multiplierAllowed(rs, j) {
		return st.addSmallUnit(u)
	}
	if u, ok := bigUnits[r]; ok {
		return st.addBigUnit(u)
	}
	// 十余万, 一千多万: 多 inside the numeral only marks it as approximate.
	if k := skipSpaces(rs, j+1); isApproxWord(r) && k < len(rs) && IsMultiplier(rs[k]) && st.units {
		return true
	}
	return false
}

func (st *chineseState) addDigit(d float64) {
	if st.pending && st.digit != 0 && d != 0 && d < 10 {
		st.pair = true
	}
	if d < 10 {
		st.seq = append(st.seq, byte('0'+d))
	}
	st.digit, st.pending, st.chineseLast = d, true, false
	if d == 0 {
		st.afterZero = true
	}
}

func (st *chineseState) addSmallUnit(u float64) bool {
	if !st.pending && st.lastUnit != 0 && st.lastUnit < 1e4 {
		return false // 十百: two small units in a row
	}
	d := st.digit
	if !st.pending || d == 0 {
		d = 1 // 十五, 一万零十二
	}
	st.sec += d * u
	st.placed(u)
	return true
}

func (st *chineseState) addBigUnit(u float64) bool {
	part := st.sec
	if st.pending {
		part += st.digit
	}
	switch {
	case part == 0 && u == 1e4 && st.wan > 0:
		st.wan *= 1e4 // 四万万
	case part == 0 && st.yi == 0 && st.wan == 0:
		return false // a lone 万
	case u == 1e4:
		st.wan += part * 1e4
	default:
		st.yi = (st.yi + st.wan + part) * 1e8
		st.wan = 0
	}
	st.sec = 0
	st.placed(u)
	st.multiplied = true
	return true
}

// placed records that a unit consumed the pending digit.
func (st *chineseState) placed(u float64) {
	st.digit, st.pending = 0, false
	st.lastUnit, st.afterZero, st.units = u, false, true
}

// value adds the pending digit. Digits alone read one by one (二〇二〇,
// 九九); after a unit with no 零 a lone digit is the next place: 两千四百五
// is 2450, 一万三 is 13000.
func (st *chineseState) value() float64 {
	if !st.units {
		v, _ := strconv.ParseFloat(string(st.seq), 64)
		return v
	}
	d := 0.0
	if st.pending {
		d = st.digit
		if st.lastUnit >= 100 && !st.afterZero && !st.pair && st.chineseLast {
			d *= st.lastUnit / 10
		}
	}
	return st.yi + st.wan + st.sec + d
}

// readChineseFraction reads 点五, 点 叁叁, 點一一二 after a Chinese numeral:
// the integer and its decimals read as one decimal number.
func readChineseFraction(rs []rune, j int, v float64) (int, float64) {
	k := skipSpaces(rs, j)
	if k >= len(rs) || !(isPointWord(rs[k]) || isDecimalPoint(rs[k])) {
		return j, v
	}
	decimals, end := make([]byte, 0, 8), j
	for k++; k < len(rs); k++ {
		if IsSpace(rs[k]) {
			continue
		}
		if cd, ok := chineseDigits[rs[k]]; ok {
			decimals = append(decimals, byte('0'+cd))
		} else if IsDigit(rs[k]) {
			decimals = append(decimals, byte('0'+digitValue(rs[k])))
		} else {
			break
		}
		end = k + 1
	}
	if len(decimals) == 0 {
		return j, v
	}
	return end, parseDecimal(strconv.FormatFloat(v, 'f', -1, 64)+"."+string(decimals), 0)
}

// Tens reads a Chinese numeral from 一 to 九十九 written with 十 (三, 十二,
// 二十, 二十一) at rs[i:] — the numerals of items (一要, 第十二), months and
// days (十二月二十日) — and returns its value and the offset after it. ok is
// false when none starts at i or when the numeral runs on (一二三, 十十, 一百).
func Tens(rs []rune, i int) (value, end int, ok bool) {
	k := i
	for k < len(rs) && k-i < 3 && isTensRune(rs[k]) {
		k++
	}
	if k == i || k < len(rs) && isTensRune(rs[k]) {
		return 0, i, false
	}
	d := rs[i:k]
	switch {
	case len(d) == 1:
		return tensDigit(d[0]), k, true
	case len(d) == 2 && d[0] == '十' && d[1] != '十':
		return 10 + tensDigit(d[1]), k, true // 十一
	case len(d) == 2 && d[1] == '十' && d[0] != '十':
		return tensDigit(d[0]) * 10, k, true // 二十
	case len(d) == 3 && d[1] == '十' && d[0] != '十' && d[2] != '十':
		return tensDigit(d[0])*10 + tensDigit(d[2]), k, true // 二十一
	}
	return 0, i, false
}

// isTensRune reports 一 … 九 and 十: the runes of Tens (两, 〇 and the
// financial forms number no items and no days).
func isTensRune(r rune) bool { return tensDigit(r) != 0 }

func tensDigit(r rune) int {
	if r == '十' {
		return 10
	}
	if r < '一' || !strings.ContainsRune("一二三四五六七八九", r) {
		return 0
	}
	v, _ := Digit(r)
	return v
}
