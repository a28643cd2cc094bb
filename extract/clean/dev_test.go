package clean

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// devExpect is what a development text's gold fixes about its cleaning.
type devExpect struct {
	Title      string            `json:"title"`
	BodyStart  string            `json:"body_start"`
	BodyEnd    string            `json:"body_end"`
	BodyAbsent []string          `json:"body_absent"`
	Meta       map[string]string `json:"meta"`
}

// scorePunct is what score.py strips before comparing a body's edges.
var scorePunct = regexp.MustCompile(`[\s\x{3000}，,。．.；;：:、！!？?“”"‘’'（）()《》〈〉【】\[\]—\-…·]+`)

func scoreNorm(s string) string { return scorePunct.ReplaceAllString(s, "") }

// TestDevTexts checks the 56 development texts (testdata/dev) as score.py
// scores body.start, body.end, body.clean, title and meta.
func TestDevTexts(t *testing.T) {
	raw, err := os.ReadFile("testdata/dev/expect.json")
	if err != nil {
		t.Fatal(err)
	}
	var expect map[string]devExpect
	if err := json.Unmarshal(raw, &expect); err != nil {
		t.Fatal(err)
	}
	for name, e := range expect {
		t.Run(name, func(t *testing.T) {
			checkDev(t, loadFile(t, filepath.Join("testdata/dev", name)), e)
		})
	}
}

func checkDev(t *testing.T, p *Page, e devExpect) {
	t.Helper()
	if len(p.Paragraphs) == 0 {
		t.Fatal("no paragraphs")
	}
	if first := scoreNorm(p.Paragraphs[0]); e.BodyStart != "" && !strings.HasPrefix(first, scoreNorm(e.BodyStart)) {
		t.Errorf("body starts %q, want %q", p.Paragraphs[0], e.BodyStart)
	}
	if last := p.Paragraphs[len(p.Paragraphs)-1]; e.BodyEnd != "" && !strings.HasSuffix(scoreNorm(last), scoreNorm(e.BodyEnd)) {
		t.Errorf("body ends %q, want %q", last, e.BodyEnd)
	}
	body := strings.Join(p.Paragraphs, "\n")
	for _, a := range e.BodyAbsent {
		if strings.Contains(body, a) {
			t.Errorf("body keeps %q", a)
		}
	}
	if e.Title != "" && strings.TrimSpace(p.Title) != strings.TrimSpace(e.Title) {
		t.Errorf("title %q, want %q", p.Title, e.Title)
	}
	got := map[string]string{"index_no": p.Meta.IndexNo, "doc_no": p.Meta.DocNo, "publisher": p.Meta.Publisher,
		"source": p.Meta.Source, "category": p.Meta.Category, "written_date": p.Meta.WrittenDate, "published_at": p.Meta.PublishedAt}
	for k, v := range e.Meta {
		if got[k] != v {
			t.Errorf("meta.%s %q, want %q", k, got[k], v)
		}
	}
}
