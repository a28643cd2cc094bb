package clean

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTooDenseForTree: pages over 256 KB with a node for fewer than 12
// bytes are too dense for a tree; real pages, however long, and small pages
// of any shape are not.
func TestTooDenseForTree(t *testing.T) {
	real, err := os.ReadFile(filepath.Join("..", "..", "fixtures", "pages", "gov", "shanxi-gov-cn.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		page  []byte
		dense bool
	}{
		{"one-letter paragraphs", bytes.Repeat([]byte("<p>y</p>"), 40_000), true},
		{"one-letter lines", bytes.Repeat([]byte("y<br>"), 60_000), true},
		{"table cells", bytes.Repeat([]byte("<tr><td>1</td><td>2</td></tr>"), 10_000), true},
		{"small, of any shape", bytes.Repeat([]byte("<p>y</p>"), 30_000), false},
		{"the densest real page, thrice", bytes.Repeat(real, 3), false},
		{"short sentences", bytes.Repeat([]byte("<p>会议要求，各部门要抓好落实。</p>"), 10_000), false},
	} {
		n, dense := tooDenseForTree(tc.page)
		if dense != tc.dense {
			t.Errorf("%s (%d bytes, %d nodes): dense %v, want %v", tc.name, len(tc.page), n, dense, tc.dense)
		}
	}
}

// TestDensePageReadAsText: a page too dense for a tree keeps every
// paragraph, in order, and says why it was read as text.
func TestDensePageReadAsText(t *testing.T) {
	var b strings.Builder
	b.WriteString("<html><body>")
	for i := range 40_000 {
		fmt.Fprintf(&b, "<p>%d</p>", i)
	}
	b.WriteString("</body></html>")
	p, err := HTMLBytes([]byte(b.String()), "")
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Paragraphs) != 40_000 || p.Paragraphs[0] != "0" || p.Paragraphs[39_999] != "39999" {
		t.Errorf("%d paragraphs, first %q", len(p.Paragraphs), p.Paragraphs[:min(3, len(p.Paragraphs))])
	}
	if !strings.Contains(strings.Join(p.Warnings, "\n"), "too many for a tree; read as text") {
		t.Errorf("warnings %q", p.Warnings)
	}
}
