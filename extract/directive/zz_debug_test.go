package directive

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/zhengling/zhengling/extract/para"
	"github.com/zhengling/zhengling/segment"
)

func TestZZDebug(t *testing.T) {
	path := os.Getenv("ZLDEBUG")
	if path == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(path)
	seg, _ := segment.Default()
	var ps []*para.Paragraph
	for _, line := range strings.Split(string(b), "\n") {
		if line = strings.TrimSpace(line); line != "" {
			ps = append(ps, para.New(len(ps), line, line, seg.Tokens(line)))
		}
	}
	d := newDoc(ps)
	for _, m := range d.candidates() {
		h, only := d.headingOf(m, -1)
		fmt.Println(m.para, m.start, m.style, m.ordinal, m.paraStart, only, headKey(h))
	}
}
