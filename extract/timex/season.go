package timex

import "time"

// seasons are periods of the working year that a task must precede without a
// calendar date: 汛期前完成病险水库除险加固, 入汛前, 开学前, 春耕前, 供暖季前.
// They give an event deadline with date null, as 省环保督察回头看前 does.
var seasons = []struct{ word, event string }{
	{"主汛期", "主汛期"}, {"汛期", "汛期"}, {"入汛", "入汛"}, {"汛前", "汛期"}, {"雨季", "雨季"}, {"旱季", "旱季"},
	{"开学", "开学"}, {"春耕", "春耕"}, {"秋收", "秋收"}, {"三夏", "三夏"}, {"夏收", "夏收"}, {"麦收", "麦收"},
	{"秋冬季", "秋冬季"}, {"冬春季", "冬春季"}, {"供暖季", "供暖季"}, {"采暖季", "采暖季"}, {"供暖期", "供暖期"},
	{"采暖期", "采暖期"}, {"封冻", "封冻"}, {"上冻", "上冻"}, {"旅游旺季", "旅游旺季"},
	{"暑期", "暑期"}, {"暑假", "暑假"}, {"寒假", "寒假"}, {"年度考核", "年度考核"}, // 明年暑期前必须完成的工程项目 (dev 046)
}

// seasonTails join a season and its 前: 汛期来临前, 开学之前.
var seasonTails = []string{"来临之前", "来临前", "到来之前", "到来前", "之前", "以前", "前"}

// parseSeason reads <season>[来临]前 at i.
func parseSeason(v view, i int) (cand, bool) {
	for _, s := range seasons {
		if !v.has(i, s.word) || v.insideWord(i) {
			continue
		}
		j := i + len([]rune(s.word))
		if s.word == "汛前" {
			return cand{start: i, end: j, by: true, event: s.event}, !containsRune(notBefore, v.at(j))
		}
		w := v.prefixAt(j, seasonTails)
		if w == "" {
			return cand{}, false
		}
		end := j + len([]rune(w))
		if containsRune(notBefore, v.at(end)) || containsRune(notDateBefore, v.at(end)) {
			return cand{}, false // 冬季前线, 开学前后
		}
		return cand{start: i, end: end, by: true, event: s.event}, true
	}
	return cand{}, false
}

// festivals are holiday seasons without one calendar day: 研究部署“双节”期间
// 重点工作, 全力做好节日期间各项服务保障工作. With 期间 or 假期 they give a
// during deadline with date null when the text schedules their work.
var festivals = []string{"双节", "两节", "节假日", "节日"}

// festivalSpans join a festival and its span.
var festivalSpans = []string{"期间", "假期"}

// parseFestival reads <festival>期间 at i, quoted or not: “双节”期间.
func parseFestival(v view, i int) (cand, bool) {
	start := i
	if isOpenQuote(v.at(i)) {
		i++
	}
	w := v.prefixAt(i, festivals)
	if w == "" || v.insideWord(i) {
		return cand{}, false
	}
	j := i + len([]rune(w))
	if isCloseQuote(v.at(j)) {
		j++
		if start == i && isOpenQuote(v.at(i-1)) {
			start-- // the quotes go together: “双节”期间, not 双节”期间
		}
	}
	s := v.prefixAt(j, festivalSpans)
	if s == "" {
		return cand{}, false
	}
	return cand{start: start, end: j + len([]rune(s)), event: w, festival: true}, true
}

// festivalPair is the two holidays 双节 and 两节 stand for in the season of
// the reference date: 中秋 and 国庆 from July to National Day's week
// (研究部署“双节”期间重点工作 on 2025-09-25), 元旦 and the next 春节 in
// November and December (做好元旦春节“两节”期间安全生产工作). Elsewhere in
// the year, or without a reference date, it is none (SPEC: 国庆中秋期间 is
// during, from the first to the last day of both).
func festivalPair(event string, ref Date) ([]atom, bool) {
	if event != "双节" && event != "两节" || ref.IsZero() {
		return nil, false
	}
	names, year := []string(nil), ref.Year
	switch {
	case ref.Month >= time.July && (ref.Month < time.October || ref.Month == time.October && ref.Day <= 7):
		names = []string{"中秋节", "国庆节"}
	case ref.Month >= time.November:
		names, year = []string{"元旦", "春节"}, ref.Year+1
	default:
		return nil, false
	}
	var out []atom
	for _, n := range names {
		h := holidayNamed(n)
		if h == nil {
			return nil, false
		}
		out = append(out, atom{holiday: h, grain: grainDay, year: year})
	}
	return out, true
}

// holidayNamed is the holiday of the given name, or nil.
func holidayNamed(name string) *holiday {
	for _, h := range holidays {
		if h.name == name {
			return h
		}
	}
	return nil
}
