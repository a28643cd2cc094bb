package directive

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// checkOutline verifies the invariants every outline keeps, whatever the input.
func checkOutline(t *testing.T, ds []*Directive, parent *Directive, prefix string, lens map[int]int) {
	t.Helper()
	for i, d := range ds {
		id := prefix + itoa(i+1)
		if d.ID != id {
			t.Fatalf("id %q, want %q", d.ID, id)
		}
		if d.Level != strings.Count(id, ".")+1 || d.Level > maxDepth {
			t.Fatalf("%s: level %d", id, d.Level)
		}
		n, ok := lens[d.Para]
		if !ok || d.Start < 0 || d.Start > n {
			t.Fatalf("%s: start %d in paragraph %d of %d runes", id, d.Start, d.Para, n)
		}
		last := d.LastPara()
		if m, ok := lens[last]; !ok || last < d.Para || d.End < 0 || d.End > m || (last == d.Para && d.End < d.Start) {
			t.Fatalf("%s: ends at %d:%d", id, last, d.End)
		}
		if parent != nil && (!parent.Contains(d.Para, d.Start) || last > parent.LastPara()) {
			t.Fatalf("%s: outside its parent %s", id, parent.ID)
		}
		checkOutline(t, d.Children, d, id+".", lens)
	}
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

func FuzzParse(f *testing.F) {
	for _, c := range markerCorpus {
		f.Add(c.text)
	}
	for _, c := range treeCorpus {
		f.Add(c.text)
	}
	for _, c := range instructsCorpus {
		f.Add(c.text)
	}
	for _, c := range ownersCorpus {
		f.Add(c.text)
	}
	for _, c := range ownerFormsCorpus {
		f.Add(c.text)
	}
	f.Add("①\n(\n第一,\n一、\n要")
	f.Add("（ 一 ）\n：一、二、\n牵头单位：（ 配合单位：")
	f.Fuzz(func(t *testing.T, text string) {
		ps := testParas(t, text)
		lens := map[int]int{}
		for _, p := range ps {
			lens[p.Index] = p.Len()
		}
		ds := Parse(ps)
		checkOutline(t, ds, nil, "", lens)
		var simple strings.Builder
		for _, p := range ps {
			simple.WriteString(p.Simple + "\n")
		}
		Walk(ds, func(d *Directive) {
			for _, o := range d.Owners {
				if o == "" || !strings.Contains(simple.String(), o) {
					t.Errorf("item %s: owner %q is not written in the text", d.ID, o)
				}
			}
		})
	})
}

func TestOutlineInvariants(t *testing.T) {
	names, _ := filepath.Glob("testdata/holdout/*.txt")
	var texts []string
	for _, c := range outlineCorpus {
		texts = append(texts, c.text)
	}
	for _, n := range names {
		texts = append(texts, strings.TrimPrefix(n, "testdata/"))
	}
	for _, name := range texts {
		ps := testParas(t, readTestdata(t, name))
		lens := map[int]int{}
		for _, p := range ps {
			lens[p.Index] = p.Len()
		}
		checkOutline(t, Parse(ps), nil, "", lens)
	}
}

func BenchmarkParse(b *testing.B) {
	text := readTestdata(b, "seed002.txt")
	ps := testParas(b, text)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Parse(ps)
	}
}

// BenchmarkParseMany is a 180 KB page of numbered lines, the worst case for
// the sequence and outline passes.
func BenchmarkParseMany(b *testing.B) {
	var sb strings.Builder
	for i := 0; sb.Len() < 180_000; i++ {
		fmt.Fprintf(&sb, "%d．报考人员根据所要报的岗位要求，如实填写相关报名信息。①一是核对；②二是提交。\n", i%60+1)
		if i%60 == 59 {
			sb.WriteString("（一）招聘条件\n")
		}
	}
	text := sb.String()
	ps := testParas(b, text)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Parse(ps)
	}
}
