package clean

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// readmeTableMarker opens the table of chrome rules in the README.
const readmeTableMarker = "<!-- chrome rules: checked by TestReadmeChromeTable"

// codeSpanRE is one `example` of the table's example column.
var codeSpanRE = regexp.MustCompile("`([^`]+)`")

// TestReadmeChromeTable keeps the README's table of chrome rules true: each
// example is put into a small text at the place the table names (top,
// middle or bottom) and must have the effect the table says.
func TestReadmeChromeTable(t *testing.T) {
	raw, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Skip("README not present:", err)
	}
	_, table, ok := strings.Cut(string(raw), readmeTableMarker)
	if !ok {
		t.Fatal("README has no table of chrome rules")
	}
	rows := 0
	for _, row := range strings.Split(table, "\n")[1:] {
		if !strings.HasPrefix(row, "|") {
			if rows > 0 {
				break
			}
			continue
		}
		cells := splitRow(row)
		if len(cells) != 5 || cells[0] == "kind" || strings.HasPrefix(cells[0], "---") {
			continue
		}
		rows++
		kind, where, effect := cells[0], cells[3], cells[4]
		var examples []string
		for _, m := range codeSpanRE.FindAllStringSubmatch(cells[2], -1) {
			examples = append(examples, m[1])
		}
		if kind == "echoes" {
			examples = []string{readmeTitle}
		}
		if len(examples) == 0 {
			t.Errorf("%s: no example", kind)
		}
		for _, ex := range examples {
			checkReadmeRow(t, kind, ex, where, effect)
		}
	}
	if rows < 10 {
		t.Errorf("only %d rows read", rows)
	}
}

const (
	readmeTitle = "区政府召开常务会议"
	readmeP1    = "会议强调，要确保各项工作不撒不漏。"
	readmeP2    = "会议要求，各单位要对照任务清单逐项落实。"
	readmeAfter = "后续推广内容请见下文"
)

func checkReadmeRow(t *testing.T, kind, ex, where, effect string) {
	t.Helper()
	lines := []string{readmeTitle, readmeP1, readmeP2}
	switch where {
	case "top":
		lines = []string{readmeTitle, ex, readmeP1, readmeP2}
	case "middle":
		lines = []string{readmeTitle, readmeP1, ex, readmeP2}
	case "bottom":
		lines = append(lines, ex)
	default:
		t.Fatalf("%s: where %q", kind, where)
	}
	if strings.HasPrefix(effect, "cuts the rest") {
		lines = append(lines, readmeAfter)
	}
	p := Text(strings.Join(lines, "\n"))
	body := strings.Join(p.Paragraphs, "\n")
	warnings := strings.Join(p.Warnings, "\n")
	if !strings.Contains(body, readmeP1) || !strings.Contains(body, readmeP2) {
		t.Errorf("%s %q: text lost: %q", kind, ex, p.Paragraphs)
	}
	kept := strings.Contains(body, ex)
	switch {
	case effect == "removed":
		if kept {
			t.Errorf("%s %q: kept: %q", kind, ex, p.Paragraphs)
		}
	case strings.HasPrefix(effect, "kept, warns"):
		if !kept || !strings.Contains(warnings, warningPrefix(effect)+" "+ex) {
			t.Errorf("%s %q: kept %v, warnings %q", kind, ex, kept, p.Warnings)
		}
	case strings.HasPrefix(effect, "removed, warns"), strings.HasPrefix(effect, "cuts the rest"):
		if kept || !strings.Contains(warnings, warningPrefix(effect)) || strings.Contains(body, readmeAfter) {
			t.Errorf("%s %q: %q, warnings %q", kind, ex, p.Paragraphs, p.Warnings)
		}
	default:
		t.Errorf("%s: effect %q", kind, effect)
	}
}

// warningPrefix is the `prefix:` an effect names.
func warningPrefix(effect string) string {
	if m := codeSpanRE.FindStringSubmatch(effect); m != nil {
		return m[1]
	}
	return "\x00"
}

// splitRow splits a Markdown table row at its unescaped bars.
func splitRow(row string) []string {
	row = strings.Trim(strings.TrimSpace(row), "|")
	var cells []string
	var cur strings.Builder
	for i := 0; i < len(row); i++ {
		switch {
		case row[i] == '\\' && i+1 < len(row) && row[i+1] == '|':
			cur.WriteByte('|')
			i++
		case row[i] == '|':
			cells = append(cells, strings.TrimSpace(cur.String()))
			cur.Reset()
		default:
			cur.WriteByte(row[i])
		}
	}
	return append(cells, strings.TrimSpace(cur.String()))
}
