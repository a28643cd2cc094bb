package extract_test

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"

	"github.com/zhengling/zhengling/extract"
	"github.com/zhengling/zhengling/extract/directive"
)

// newsCorpus is the negative corpus: the news pages of fixtures/pages/news
// give orders to nobody, so a deadline or a target found in them is a wrong
// reading. Each page lists what it yields. Right readings go in directives
// (SPEC counts any numbered series as directives, even in a news story);
// wrong readings the recognisers still make go in falseDeadlines and
// falseTargets, quoted, until a fix removes them — the test then fails and
// the row must be emptied. A new wrong reading fails the test at once.
var newsCorpus = []struct {
	file                         string
	directives                   int
	falseDeadlines, falseTargets []string
}{
	{file: "163-2.html"},
	{file: "baijiahao-2.html"},
	{file: "cjn-1.html"},
	{file: "csdn-1.html"},
	{file: "guancha-2.html"},
	{file: "hexun-1.html"},
	// 从目前6个月免签证居留延长至12月: 12 months of stay, not a December deadline.
	{file: "huanqiu-1.html", falseDeadlines: []string{"12月"}},
	{file: "ifeng-ifeng.html"},
	{file: "mingridapan-1.html"},
	{file: "people-1.html"},
	{file: "qq-qq.html"},
	// 华为历经…的3年准备与2年研发，以及至少超过3000名工程师的持续攻关: a reported count.
	{file: "sina-sina.html", falseTargets: []string{"以及至少超过3000名"}},
	// 伊戈尔：拟1079.6万元收购控股子公司…股权: a company's deal, which SPEC's 拟
	// makes a goal; no ledger tracks it.
	{file: "stcn-1.html", falseTargets: []string{"拟1079.6万元"}},
	// 中华人民共和国监察法 reposted by a university: its （一）…（九） lists under
	// articles are numbered series; its 第一条… articles are not items.
	{file: "sxmu-1.html", directives: 48},
	// 广州南沙国际邮轮母港将于11月17日正式开港: a forecast of an event, not a deadline.
	{file: "thepaper-2.html", falseDeadlines: []string{"11月17日", "今年11月17日"}},
	// A commentary quoting an article's 第一/第二/第三 and 一是/二是 parts, and
	// 各级党委(党组)要按照党中央部署…: a directive reported by the news.
	{file: "thepaper-3.html", directives: 12},
	{file: "toutiao-4.html"},
	{file: "xinhuanet-1.html"},
	{file: "zsnews-1.html"},
	{file: "zyyfy-1.html"},
}

// lawArticle is the marker of a law's article (第一条), which SPEC says is no item.
var lawArticle = regexp.MustCompile(`^第.+条`)

// TestNewsNegativeCorpus runs every news page of fixtures and compares what
// it yields with newsCorpus.
func TestNewsNegativeCorpus(t *testing.T) {
	pages, _ := filepath.Glob(filepath.Join("..", "fixtures", "pages", "news", "*.html"))
	if len(pages) != len(newsCorpus) {
		t.Errorf("%d news pages, %d rows in newsCorpus: give each page its row", len(pages), len(newsCorpus))
	}
	wrong := 0
	for _, row := range newsCorpus {
		t.Run(row.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("..", "fixtures", "pages", "news", row.file))
			if err != nil {
				t.Fatal(err)
			}
			doc, err := extract.Bytes(data, extract.Options{})
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			directive.Walk(doc.Directives, func(d *extract.Directive) {
				n++
				if lawArticle.MatchString(d.Marker) {
					t.Errorf("law article %q made an item", d.Marker)
				}
			})
			if n != row.directives {
				t.Errorf("%d directives, want %d", n, row.directives)
			}
			var dls, tgs []string
			for _, dl := range doc.Deadlines {
				dls = append(dls, dl.Text)
			}
			for _, tg := range doc.Targets {
				tgs = append(tgs, tg.Text)
			}
			if !slices.Equal(dls, row.falseDeadlines) {
				t.Errorf("deadlines %q, known wrong ones %q", dls, row.falseDeadlines)
			}
			if !slices.Equal(tgs, row.falseTargets) {
				t.Errorf("targets %q, known wrong ones %q", tgs, row.falseTargets)
			}
		})
		wrong += len(row.falseDeadlines) + len(row.falseTargets)
	}
	t.Logf("%d news pages, %d wrong readings known", len(newsCorpus), wrong)
}
