package segment

import (
	"unicode"
	"unicode/utf8"
)

// isRune reports whether unit is one valid rune, as kids index them.
func (d *dictionary) isRune(unit []byte) bool {
	r, n := utf8.DecodeRune(unit)
	return n == len(unit) && !(r == utf8.RuneError && n == 1)
}

// pseudoDistance is the cost gse gives a character no dictionary word
// covers (its pseudo token, POS "x").
const pseudoDistance = 32

// unit is one gse "word" of a text: a run of ASCII/Latin letters and digits,
// or any other single character (an invalid byte is a unit of its own).
type unit struct{ start, end int32 } // byte offsets: a text's units are many (one per Han rune)

// units splits text as gse's SplitTextToWords does: runes of at most two
// UTF-8 bytes that are letters or numbers form runs; everything else is a
// unit per rune.
func units(text []byte, out []unit) []unit {
	if n := runeStarts(text); cap(out) < n {
		// at most one unit a rune: no regrowing on a long text, and room
		// to spare for the next, pooled
		out = make([]unit, 0, max(n, 2*cap(out)))
	}
	out = out[:0]
	run := -1
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRune(text[i:])
		if size <= 2 && (unicode.IsLetter(r) || unicode.IsNumber(r)) {
			if run < 0 {
				run = i
			}
			i += size
			continue
		}
		if run >= 0 {
			out = append(out, unit{int32(run), int32(i)})
			run = -1
		}
		out = append(out, unit{int32(i), int32(i + size)})
		i += size
	}
	if run >= 0 {
		out = append(out, unit{int32(run), int32(len(text))})
	}
	return out
}

// runeStarts counts the bytes that start a rune or are invalid: the runes
// of text, at most (utf8.RuneCount allocates here).
func runeStarts(text []byte) int {
	n := 0
	for _, c := range text {
		if c&0xC0 != 0x80 {
			n++
		}
	}
	return n
}

// lowerASCII lower-cases A–Z as gse does before looking words up.
func lowerASCII(dst []byte, text string) []byte {
	dst = append(dst[:0], text...)
	for i, c := range dst {
		if 'A' <= c && c <= 'Z' {
			dst[i] = c + 'a' - 'A'
		}
	}
	return dst
}

// jumper is the best path found to the end of a unit: its cost, and the
// last word of that path — its entry (-1: a pseudo token of one unit) and
// its length in units, packed in 8 bytes, since a text has a jumper a unit.
type jumper struct {
	dist float32
	last uint32 // entry+1 << unitBits | units
}

// unitBits holds a word's length in units; the entries fit in the rest
// (loadDictionary checks both).
const (
	unitBits   = 8
	maxUnits   = 1<<unitBits - 1
	maxEntries = 1<<(32-unitBits) - 2
)

func (j jumper) entry() int32 { return int32(j.last>>unitBits) - 1 }
func (j jumper) n() int       { return int(j.last & maxUnits) }

// update is gse's updateJumper: a strictly shorter path wins, so of equal
// paths the first one found stays.
func (j *jumper) update(base, dist float32, entry, n int) {
	d := base + dist
	if j.dist == 0 || j.dist > d {
		j.dist, j.last = d, uint32(entry+1)<<unitBits|uint32(n)
	}
}

// scratch holds a cut's buffers; pooled so warm cuts do not allocate them.
type scratch struct {
	lower   []byte
	units   []unit
	jumpers []jumper
}

// shortestPath is gse's Segmenter.segmentWords (non-search mode) over d:
// for each unit, every dictionary word starting there extends the best path
// ending just before it; a unit no word starts with gets a pseudo token.
// It returns the jumpers; the path is read back from the end.
func (d *dictionary) shortestPath(s *scratch) []jumper {
	us := s.units
	js := s.jumpers[:0]
	js = append(js, make([]jumper, len(us))...)
	for cur := range us {
		var base float32
		if cur > 0 {
			base = js[cur-1].dist
		}
		found, firstLen := 0, 0
		first := s.lower[us[cur].start:us[cur].end]
		lo, hi, exact := d.start(first)
		for k := cur; k < len(us) && lo < hi; k++ {
			prefix := s.lower[us[cur].start:us[k].end]
			switch {
			case exact && k == cur:
				// byRune gave the keys starting with this one-rune unit.
			case exact && k == cur+1 && d.isRune(s.lower[us[k].start:us[k].end]):
				r1, _ := utf8.DecodeRune(first)
				r2, _ := utf8.DecodeRune(s.lower[us[k].start:])
				lo, hi = d.second(r1, r2)
			default:
				lo, hi = d.narrow(lo, hi, int(us[k].start-us[cur].start), prefix)
			}
			if lo < hi && len(d.key(lo)) == len(prefix) {
				js[k].update(base, d.dist[lo], lo, k-cur+1)
				if found++; found == 1 {
					firstLen = k - cur + 1
				}
			}
		}
		if found == 0 || firstLen > 1 {
			js[cur].update(base, pseudoDistance, -1, 1)
		}
	}
	s.jumpers = js
	return js
}
