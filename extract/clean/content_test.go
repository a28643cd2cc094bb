package clean

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// TestMatchSelectorsLikeGoquery: the one-walk selector matching finds the
// same elements, in the same order, as goquery's Find, on every fixture
// page and on hand-made class and id lists.
func TestMatchSelectorsLikeGoquery(t *testing.T) {
	files, _ := filepath.Glob("../../fixtures/pages/*/*.html")
	var pages [][]byte
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, b)
	}
	pages = append(pages, []byte(`<div class="a TRS_Editor"><p id="zoom">x</p><div class="TRS_Editorx"></div>`+
		`<div class="zw	zoom"></div><div id=" zoom"></div><article><div class="ZW" id="Zoom"></div></article></div>`))
	for _, b := range pages {
		s, _, err := Decode(b, "")
		if err != nil {
			t.Fatal(err)
		}
		root, err := html.Parse(bytes.NewReader([]byte(s)))
		if err != nil {
			t.Fatal(err)
		}
		doc := goquery.NewDocumentFromNode(root)
		got := matchSelectors(root)
		for i, cs := range contentSelectors {
			want := doc.Find(cs.sel).Nodes
			if len(want) != len(got[i]) {
				t.Fatalf("%s: %d matches, goquery %d", cs.sel, len(got[i]), len(want))
			}
			for j := range want {
				if want[j] != got[i][j] {
					t.Fatalf("%s: match %d differs", cs.sel, j)
				}
			}
		}
	}
}

// TestFlatHan: counting without the text equals counting the text.
func TestFlatHan(t *testing.T) {
	root, _ := html.Parse(bytes.NewReader([]byte(`<div>会议<script>强调</script><p>要<b>加快</b>build</p>。</div>`)))
	if got, want := flatHan(root), hanCount(flatText(root)); got != want || got != 5 {
		t.Errorf("flatHan = %d, hanCount(flatText) = %d, want 5", got, want)
	}
}

// TestClassHints: the substring test agrees with the regexps.
func TestClassHints(t *testing.T) {
	for _, cls := range []string{" ", "article-content ", "TRS_Editor zoom", "Comment-Box ", "sideBar x", "hot_news ", "ſidebar", "\u212Aeep", "news_txt", "foo bar"} {
		if got, want := hasClassHint(cls, negativeWords, negativeClass), negativeClass.MatchString(cls); got != want {
			t.Errorf("negative %q: %v, regexp %v", cls, got, want)
		}
		if got, want := hasClassHint(cls, positiveWords, positiveClass), positiveClass.MatchString(cls); got != want {
			t.Errorf("positive %q: %v, regexp %v", cls, got, want)
		}
	}
}
