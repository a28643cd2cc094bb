package warc

import (
	"fmt"
	"io"
	"path/filepath"
	"testing"

	"github.com/zhengling/zhengling/internal/warctest"
)

// seeds are the five text files of fixtures/seeds, the pages of the test crawl.
var seeds = func() []string {
	var paths []string
	for _, f := range []string{
		"000_89870a89919acc8f.txt",
		"001_8f0b99024fc2d402.txt",
		"002_1821f895a3fc65c9.txt",
		"003_dc844d99eb37f958.txt",
		"004_a9f72bc432a4d99b.txt",
	} {
		paths = append(paths, filepath.Join("..", "..", "fixtures", "seeds", f))
	}
	return paths
}()

func crawl(t testing.TB) []warctest.Rec { return warctest.Crawl(t, seeds) }

// item is one thing Records yields.
type item struct {
	rec Record
	err error
}

func readAll(t testing.TB, r io.Reader, opts Options) []item {
	t.Helper()
	var items []item
	for rec, err := range Records(r, "a.warc", opts) {
		items = append(items, item{rec, err})
	}
	return items
}

// lengthArchive is the archive of a lengthCases row, as its records: four
// pages, the third with the Content-Length given.
func lengthArchive(t testing.TB, length string) (records [][]byte, pages []warctest.Rec) {
	for i := range 4 {
		page := warctest.SeedHTML(t, seeds[i], "")
		uri := fmt.Sprintf("http://www.example.gov.cn/%d.html", i+1)
		block := warctest.HTTPResponse("200 OK", "text/html", nil, page)
		cl := fmt.Sprint(len(block))
		r := warctest.Rec{URI: uri, Page: page, HTTPType: "text/html"}
		if i == 2 {
			cl, r.Page = length, nil
		}
		records = append(records, warctest.Raw(i, uri, cl, block))
		pages = append(pages, r)
	}
	return records, pages
}
