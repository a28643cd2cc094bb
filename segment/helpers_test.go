package segment

import (
	"os"
	"path/filepath"
	"testing"
)

// corpusFiles are real texts: the five seed reports and a sample of the
// paragraphs of the saved government and news pages.
var corpusFiles = []string{
	"000_89870a89919acc8f.txt",
	"001_8f0b99024fc2d402.txt",
	"002_1821f895a3fc65c9.txt",
	"003_dc844d99eb37f958.txt",
	"004_a9f72bc432a4d99b.txt",
	"pages.txt",
}

func readTestdata(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func mustDefault(t testing.TB) *Segmenter {
	t.Helper()
	s, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return s
}
