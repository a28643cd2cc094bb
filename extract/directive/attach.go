package directive

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
// or nil when the position lies outside every item.
func At(roots []*Directive, p, off int) *Directive {
	for _, d := range roots {
		if d.Contains(p, off) {
			if c := At(d.Children, p, off); c != nil {
				return c
			}
			return d
		}
	}
	return nil
}
