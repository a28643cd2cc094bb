package directive

import (
	"sort"
	"strconv"
)

// Walk calls fn for every directive of the outline, parents before children.
func Walk(roots []*Directive, fn func(*Directive)) {
	for _, d := range roots {
		fn(d)
		Walk(d.Children, fn)
	}
}

// LastPara is the paragraph the item ends in.
func (d *Directive) LastPara() int {
	if d.EndPara != nil {
		return *d.EndPara
	}
	return d.Para
}

// Contains reports whether rune offset off of paragraph p lies inside the item.
func (d *Directive) Contains(p, off int) bool {
	after := p > d.Para || (p == d.Para && off >= d.Start)
	last := d.LastPara()
	before := p < last || (p == last && off < d.End)
	return after && before
}

// At returns the innermost directive containing offset off of paragraph p,
// or nil when the position lies outside every item. Siblings follow each
// other without overlap, so at each level a binary search finds the one
// item that may hold the position: O(depth · log items) a query.
func At(roots []*Directive, p, off int) *Directive {
	for level, found := roots, (*Directive)(nil); ; {
		// the first item that starts after the position; the one before it
		// is the only candidate
		i := sort.Search(len(level), func(i int) bool {
			d := level[i]
			return d.Para > p || (d.Para == p && d.Start > off)
		})
		if i == 0 || !level[i-1].Contains(p, off) {
			return found
		}
		found = level[i-1]
		level = found.Children
	}
}

// Shift moves the outline of a later part of a long document, read alone,
// into the whole document: paras is added to every paragraph index and
// items to the position of every top-level item, the first number of each
// id (a part's "2.1" after 5 items before it becomes "7.1").
func Shift(roots []*Directive, paras, items int) {
	for i, d := range roots {
		old, top := len(d.ID), strconv.Itoa(i+1+items)
		Walk([]*Directive{d}, func(x *Directive) {
			x.ID = top + x.ID[old:]
			x.Para += paras
			if x.EndPara != nil {
				e := *x.EndPara + paras
				x.EndPara = &e
			}
		})
	}
}
