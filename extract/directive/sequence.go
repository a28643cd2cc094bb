package directive

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/zhengling/zhengling/extract/para"
)

// maxWindow is how many paragraphs after a run-in 一是 (一要, ①…) its 二是
// may appear: a lone run-in 一是 is a word of a sentence, not a list.
const maxWindow = 30

// validate keeps the candidates that belong to a real numbered series:
//   - a marker at a paragraph start is kept (一、 and （一） open items even
//     when the page lost the rest of the series, as seed004's 第二 and 二、);
//   - a run-in 1 is kept when a 2 of its style follows (hasSecond);
//   - a run-in n>1 is kept when the last kept marker of its style is n-1
//     (…目标任务。二要紧抓… after 一要), or when it opens a sentence.
//
// 最后 takes the number after the last kept 首先/其次/再次.
func validate(ms []mark) []mark {
	last := map[string]int{}
	var out []mark
	for i, m := range ms {
		if m.style == StyleSequence && m.ordinal == 0 {
			if last[m.style] == 0 {
				continue
			}
			m.ordinal = last[m.style] + 1
		}
		if !keepMark(ms, i, m, last[m.style]) {
			continue
		}
		last[m.style] = m.ordinal
		out = append(out, m)
	}
	return out
}

func keepMark(ms []mark, i int, m mark, lastOrdinal int) bool {
	switch {
	case m.style == StyleSequence:
		return m.ordinal == lastOrdinal+1 && (m.ordinal > 1 || hasSecond(ms, i))
	case m.paraStart:
		return true
	case m.ordinal == 1:
		return hasSecond(ms, i)
	case m.ordinal == lastOrdinal+1:
		return true
	default:
		// 。三是坚持用改革的办法…: a sentence that opens with a low number
		// is an item whose predecessors the page lost (seed002)
		return m.afterStop && lastOrdinal == 0 && m.ordinal <= 3
	}
}

// hasSecond reports whether the run-in first item ms[i] is followed by a
// second item of its style before the next first one, before the next item
// of a series that began before it (the container's next sibling: 第二，
// after 第一，…一要…) and within maxWindow paragraphs.
func hasSecond(ms []mark, i int) bool {
	m := ms[i]
	started := map[string]bool{}
	for _, n := range ms[i+1:] {
		if n.para > m.para+maxWindow {
			return false
		}
		if n.style != m.style {
			if n.ordinal == 1 {
				started[n.style] = true
			} else if n.paraStart && !started[n.style] {
				return false
			}
			continue
		}
		if n.ordinal == 2 || (m.style == StyleSequence && n.ordinal == 0) {
			return true
		}
		if n.ordinal == 1 {
			return false
		}
	}
	return false
}

// partBreak matches the title line of a new part of a compilation:
// 第三篇:镇重点项目汇报会纪要, 篇二:在重点工作推进会上的讲话 (seed002).
var partBreak = regexp.MustCompile(`^\s*(第[一二三四五六七八九十]+篇|篇[一二三四五六七八九十]+)`)

// salutation matches the line that opens a speech: 同志们： (seed002, seed004).
var salutation = regexp.MustCompile(`^\s*同志们\s*[:：,，!！]?\s*$`)

// isBreak reports whether the paragraph starts a new document part: no item
// continues over it and the outline starts again at the top level.
func isBreak(p *para.Paragraph) bool {
	return partBreak.MatchString(p.Simple) || salutation.MatchString(p.Simple)
}

// dropOutline removes the items of a table of contents: heading-only items
// whose marker and heading come again in a later paragraph (seed002's 篇一
// outline repeats the speech's 一、(一)…(四) before the speech itself).
// Nothing is dropped unless at least minOutline items repeat.
func dropOutline(ms []mark, heads []string, headingOnly []bool) []mark {
	type key struct {
		style   string
		ordinal int
		head    string
	}
	lastPara := map[key]int{}
	for i, m := range ms {
		lastPara[key{m.style, m.ordinal, heads[i]}] = m.para
	}
	drop := make([]bool, len(ms))
	n := 0
	for i, m := range ms {
		if headingOnly[i] && heads[i] != "" && lastPara[key{m.style, m.ordinal, heads[i]}] > m.para {
			drop[i] = true
			n++
		}
	}
	if n < minOutline {
		return ms
	}
	var out []mark
	for i, m := range ms {
		if !drop[i] {
			out = append(out, m)
		}
	}
	return out
}

// minOutline is the smallest table of contents dropOutline removes.
const minOutline = 2

// headKey is the comparable form of a heading: its first eight letters
// without spaces or punctuation.
func headKey(h string) string {
	var b strings.Builder
	n := 0
	for _, r := range h {
		if unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) {
			continue
		}
		b.WriteRune(r)
		if n++; n == 8 {
			break
		}
	}
	return b.String()
}
