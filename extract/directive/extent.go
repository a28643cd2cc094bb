package directive

// wrapped reports whether the paragraph stops mid-sentence (a line cut by
// the page's layout or a truncation mark), so its text runs on in the next.
func wrapped(v *view) bool {
	for k := len(v.r) - 1; k >= 0; k-- {
		r := v.r[k]
		if isSpace(r) {
			continue
		}
		switch r {
		case '。', '！', '？', '!', '?', '；', ';', '…', ':', '：', '”', '"', ')', '）', '】', '》':
			return false
		}
		return true
	}
	return false
}

// paraEnd is the end of paragraph i, carried over the wrapped paragraphs
// that follow it up to (not into) a break or a paragraph that opens with
// an item.
func (d *doc) paraEnd(i int) pos {
	j := d.wrapEnd[i]
	return pos{j, d.paras[j].Len()}
}

// breakLimit is the end of the last paragraph before the first break after
// paragraph i.
func (d *doc) breakLimit(i int) pos {
	j := d.beforeBreak[i]
	return pos{j, d.paras[j].Len()}
}

// index precomputes paraEnd and breakLimit for every paragraph, once the
// paragraphs that open with an item are known.
func (d *doc) index(ms []mark) {
	n := len(d.paras)
	opens := make([]bool, n)
	for _, m := range ms {
		if m.paraStart {
			opens[m.para] = true
		}
	}
	d.wrapEnd = make([]int, n)
	d.beforeBreak = make([]int, n)
	for i := n - 1; i >= 0; i-- {
		d.wrapEnd[i], d.beforeBreak[i] = i, n-1
		if i+1 < n {
			if wrapped(d.views[i]) && !d.breaks[i+1] && !opens[i+1] {
				d.wrapEnd[i] = d.wrapEnd[i+1]
			}
			d.beforeBreak[i] = d.beforeBreak[i+1]
			if d.breaks[i+1] {
				d.beforeBreak[i] = i
			}
		}
	}
}

// endBefore is where an item ends when the next item at its level or above
// starts at m: just before m, or at the end of the previous paragraph when
// m opens its paragraph.
func (d *doc) endBefore(m mark) pos {
	if m.paraStart && m.para > 0 {
		return pos{m.para - 1, d.paras[m.para-1].Len()}
	}
	return pos{m.para, m.start}
}

// extend sets the extent of every item of the level, within limit.
func (d *doc) extend(level []*node, limit pos) {
	for i, n := range level {
		end := minPos(limit, d.breakLimit(n.m.para))
		if i+1 < len(level) {
			end = minPos(end, d.endBefore(level[i+1].m))
		}
		end = minPos(end, d.ownLimit(level, i, end))
		// an item holds its descendants even past its own sentence or paragraph
		if last := lastMarkEnd(n); end.before(last) {
			end = last
		}
		n.endPara, n.end = end.para, end.off
		d.extend(n.children, end)
	}
}

// lastMarkEnd is the end of the last marker of n's subtree.
func lastMarkEnd(n *node) pos {
	for len(n.children) > 0 {
		n = n.children[len(n.children)-1]
	}
	return pos{n.m.para, n.m.end}
}

// ownLimit bounds an item by its own kind: a bare item and a run-in item
// end with their paragraph (carried over wrapped lines); a run-in ① or （1）
// ends with its sentence; the last item of a run whose items are each one
// paragraph ends with its paragraph too. Nothing past bound (the end the
// item has already) matters.
func (d *doc) ownLimit(level []*node, i int, bound pos) pos {
	n := level[i]
	far := pos{len(d.paras), 0}
	switch {
	case n.m.style == StyleBare && opensBlock(d.views[n.m.para]):
		return far // 会议强调，要做好以下工作：\n一是…
	case n.m.style == StyleBare || !n.m.paraStart:
		end := d.paraEnd(n.m.para)
		if !n.m.paraStart && (n.m.style == StyleCircled || n.m.style == StyleParenArabic) {
			end = minPos(end, d.sentenceEnd(n.m, bound))
		}
		return end
	case i == len(level)-1 || level[i+1].run != n.run:
		// …unless it holds items that open later paragraphs (2.加大金融支持力度。…
		// then a paragraph of （1）（2）): then it runs on over them.
		if d.singleParagraphRun(level, i) && lastMarkEnd(n).para <= d.wrapEnd[n.m.para] {
			return d.paraEnd(n.m.para)
		}
	}
	return far
}

// sentenceEnd is the position after the first 。 after the marker, looked
// for up to bound only: the run-in ①②③… of one long line would each scan
// the line to its end.
func (d *doc) sentenceEnd(m mark, bound pos) pos {
	r := d.views[m.para].r
	stop := len(r)
	if bound.para == m.para && bound.off < stop {
		stop = bound.off
	}
	for k := m.body; k < stop; k++ {
		if r[k] == '。' {
			return pos{m.para, k + 1}
		}
	}
	return pos{m.para, stop}
}

// singleParagraphRun reports whether the earlier items of level[i]'s run
// each open a paragraph and end where the next one opens the next paragraph
// (1、…5、 under 会议认为： in seed002).
func (d *doc) singleParagraphRun(level []*node, i int) bool {
	n := level[i]
	count := 0
	for j := i - 1; j >= 0 && level[j].run == n.run; j-- {
		if !level[j].m.paraStart || level[j+1].m.para != level[j].m.para+1 {
			return false
		}
		count++
	}
	return count > 0 && !wrapped(d.views[n.m.para])
}
