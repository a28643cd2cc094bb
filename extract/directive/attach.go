package directive

import "sort"

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
