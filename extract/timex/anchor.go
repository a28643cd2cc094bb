package timex

import "github.com/zhengling/zhengling/segment/lexicon"

// anchorOpeners introduce an event a task must precede: 必须在 10 月中旬省环保督察回头看前
// (seed002), 必须在黔东南州人力资源和社会保障局正式批准备案之前作出选择 (kaili page).
var anchorOpeners = []string{"赶在", "在", "于"}

// pronounEvents are not events: 在此之前, 在这之前.
var pronounEvents = []rune("此这那之其上")

const maxEventRunes = 30

// notEventBefore end words with 前 that are no event: 困难面前, 排名靠前,
// 目前, 提前 (seed002).
var notEventBefore = []rune("面靠眼跟当目提日此先空生超向往从之以")

// anchorTasks right after the 前 make 在…前 a requirement too: 在全国“两会”召开前完成….
var anchorTasks = lexicon.Default().Words("verb.anchor")

// anchors finds …在<event>前 deadlines whose event is not a date; cands are
// the date expressions already found, which take precedence.
func anchors(v view, cands []cand) []cand {
	var out []cand
	for i := 0; i < len(v.r); i++ {
		if v.r[i] != '前' || isNotBeforeWord(v.at(i+1)) {
			continue
		}
		end := i + 1
		stop := i
		if v.at(i-1) == '之' || v.at(i-1) == '以' {
			stop = i - 1
		}
		if containsRune(notEventBefore, v.at(stop-1)) {
			continue
		}
		open, evStart, ok := anchorOpen(v, stop)
		if !ok || !v.cueBefore(open, 8, lexicon.Instruct, lexicon.Goal, lexicon.Urge) && v.prefixAt(end, anchorTasks) == "" {
			continue
		}
		evStart = skipLeadingDate(v, cands, evStart, stop)
		if evStart < 0 || stop-evStart < 2 || covered(cands, open, end) || containsRune(pronounEvents, v.at(evStart)) {
			continue
		}
		out = append(out, cand{start: evStart, end: end, by: true, event: v.str(evStart, stop)})
	}
	return out
}

// anchorOpen finds the opener of the event that ends at stop, within the clause.
func anchorOpen(v view, stop int) (open, evStart int, ok bool) {
	for k := stop - 1; k >= 0 && stop-k <= maxEventRunes; k-- {
		if c := v.r[k]; isClauseEnd(c) && c != '“' && c != '”' || c == '、' {
			return 0, 0, false
		}
		if w := v.suffixBefore(k, anchorOpeners); w != "" {
			return k - len([]rune(w)), v.spaces(k), true
		}
	}
	return 0, 0, false
}

// skipLeadingDate moves the event start past a date written at its head
// (10 月中旬省环保督察回头看: the event is 省环保督察回头看); -1 when a date
// ends right at stop, so the expression is a date, not an event.
func skipLeadingDate(v view, cands []cand, evStart, stop int) int {
	for _, c := range cands {
		if c.start >= evStart && c.start < stop {
			if c.end >= stop {
				return -1
			}
			if c.start == evStart {
				evStart = c.end
				for evStart < stop && v.r[evStart] == ' ' {
					evStart++
				}
			} else {
				return -1
			}
		}
	}
	return evStart
}

// covered: a date expression already ends at this 前.
func covered(cands []cand, open, end int) bool {
	for _, c := range cands {
		if c.end == end && c.start >= open {
			return true
		}
	}
	return false
}

func containsRune(rs []rune, r rune) bool {
	for _, c := range rs {
		if c == r {
			return true
		}
	}
	return false
}
