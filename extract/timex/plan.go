package timex

// Five-year-plan periods (SPEC v1.1): “十三五” = 2016–2020, “十四五” =
// 2021–2025, “十五五” = 2026–2030. 到“十四五”末 is a limit at the plan's last
// year's end, “十四五”期间 and “十四五”时期 its five years; “十四五”规划 names
// the plan (its role decides that).

// planFirstYear returns the first year of the n-th five-year plan from the
// sixth on (the sixth ran 1981–1985).
func planFirstYear(n int) int { return 1981 + 5*(n-6) }

// planEnds after a plan's name: its end (末, 期末) or its whole span.
var (
	planEndWords  = []string{"末期", "期末", "末"}
	planSpanWords = []string{"期间", "时期", "以来"}
)

// parseFiveYear reads 十X五 at i, quoted or not: “十四五”末, 十三五期间.
func parseFiveYear(v view, i int) (cand, bool) {
	if v.at(i) != '十' || isHanDigit(v.at(i-1)) || isDigit(v.at(i-1)) || v.at(i+2) != '五' {
		return cand{}, false
	}
	x, _, ok := hanDigitValue(v.at(i + 1))
	if !ok || x < 1 || x > 6 {
		return cand{}, false // 十一五 … 十六五
	}
	n := 10 + x
	j := i + 3
	if isCloseQuote(v.at(j)) {
		j++
	}
	start := i
	if isOpenQuote(v.at(i - 1)) {
		start = i - 1 // the quotes are part of the name
	}
	first := planFirstYear(n)
	last := atom{start: start, end: j, year: first + 4, grain: grainYear, reported: true}
	c := cand{start: start, end: j, atoms: []atom{last}, plan: true}
	if w := v.prefixAt(j, planEndWords); w != "" {
		c.atoms[0].end = j + len([]rune(w))
		c.end, c.by = c.atoms[0].end, true
		return c, true
	}
	from := atom{start: start, end: i + 3, year: first, grain: grainYear, reported: true}
	c.from = &from
	if w := v.prefixAt(j, planSpanWords); w != "" {
		c.end = j + len([]rune(w))
		c.atoms[0].end = c.end
	}
	return c, true
}

// hanDigitValue reads one plain Chinese digit.
func hanDigitValue(r rune) (int, int, bool) {
	d := hanDigit(r)
	return d, 1, d > 0
}
