package export_test

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/zhengling/zhengling/extract"
	"github.com/zhengling/zhengling/extract/export"
)

// fixtureDocs extracts the seeds and the government pages of fixtures once
// for every test of the package, each with File set as the command sets it.
var fixtureDocs = sync.OnceValues(func() ([]*extract.Document, error) {
	seeds, _ := filepath.Glob(filepath.Join("..", "..", "fixtures", "seeds", "*.txt"))
	gov, _ := filepath.Glob(filepath.Join("..", "..", "fixtures", "pages", "gov", "*.html"))
	var docs []*extract.Document
	for _, f := range append(seeds, gov...) {
		doc, err := extractFile(f, seedDates[filepath.Base(f)])
		if err != nil {
			return nil, err
		}
		docs = append(docs, doc)
	}
	return docs, nil
})

// seedDates are the reference dates a reader of each seed would use (the
// seeds are texts without a publication date).
var seedDates = map[string]extract.Date{
	"000_89870a89919acc8f.txt": {Year: 2022, Month: 8, Day: 3},
	"001_8f0b99024fc2d402.txt": {Year: 2022, Month: 5, Day: 12},
	"002_1821f895a3fc65c9.txt": {Year: 2020, Month: 8, Day: 31},
	"003_dc844d99eb37f958.txt": {Year: 2023, Month: 10, Day: 23},
	"004_a9f72bc432a4d99b.txt": {Year: 2022, Month: 9, Day: 5},
}

func extractFile(path string, ref extract.Date) (*extract.Document, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	doc, err := extract.Bytes(data, extract.Options{ReferenceDate: ref})
	if err != nil {
		return nil, err
	}
	doc.File = path
	return doc, nil
}

func docs(t testing.TB) []*extract.Document {
	t.Helper()
	ds, err := fixtureDocs()
	if err != nil {
		t.Fatal(err)
	}
	if len(ds) < 10 {
		t.Fatalf("only %d fixture documents", len(ds))
	}
	return ds
}

// docNamed is the fixture document whose file has the given base name.
func docNamed(t testing.TB, base string) *extract.Document {
	t.Helper()
	for _, d := range docs(t) {
		if filepath.Base(d.File) == base {
			return d
		}
	}
	t.Fatalf("no fixture %s", base)
	return nil
}

// writeAll streams docs through w and closes it.
func writeAll(t testing.TB, w export.Writer, docs ...*extract.Document) {
	t.Helper()
	for _, d := range docs {
		if err := w.Write(d); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
}
