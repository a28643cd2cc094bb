package export_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/zhengling/zhengling/extract"
	"github.com/zhengling/zhengling/extract/directive"
	"github.com/zhengling/zhengling/extract/export"
	"github.com/zhengling/zhengling/extract/hanzi"
)

// report renders docs as one HTML report.
func report(t testing.TB, docs ...*extract.Document) []byte {
	t.Helper()
	var out bytes.Buffer
	writeAll(t, export.NewHTML(&out, export.HTMLOptions{}), docs...)
	return out.Bytes()
}

func parse(t testing.TB, b []byte) *goquery.Document {
	t.Helper()
	q, err := goquery.NewDocumentFromReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return q
}

// spanJSON is what a highlighted span stands for in the JSON output.
type spanJSON struct{ Text string }

// jsonSpans are the texts of a document's deadlines, targets, figures and
// percentages, by the prefix of their ids in the report.
func jsonSpans(t testing.TB, doc *extract.Document) map[string][]spanJSON {
	t.Helper()
	b, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	var v struct {
		Deadlines, Targets, Figures, Percentages []spanJSON
	}
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	return map[string][]spanJSON{"dl": v.Deadlines, "tg": v.Targets, "fg": v.Figures, "pc": v.Percentages}
}

// TestHTMLSpansMatchJSON: in the report of every fixture document, each
// highlight's text is the JSON "text" of what it marks, and every deadline
// and target of the JSON is highlighted.
func TestHTMLSpansMatchJSON(t *testing.T) {
	ds := docs(t)
	q := parse(t, report(t, ds...))
	for n, doc := range ds {
		prefix := "d" + strconv.Itoa(n+1)
		want := jsonSpans(t, doc)
		found := map[string]int{}
		q.Find("#" + prefix + " .text mark[id]").Each(func(_ int, m *goquery.Selection) {
			id, _ := m.Attr("id")
			kind, idx := id[len(prefix):len(prefix)+2], id[len(prefix)+2:]
			i, err := strconv.Atoi(idx)
			if err != nil || i >= len(want[kind]) {
				t.Errorf("%s: mark %s stands for nothing in the JSON", doc.File, id)
				return
			}
			if got := m.Text(); got != want[kind][i].Text {
				t.Errorf("%s: mark %s reads %q, JSON text %q", doc.File, id, got, want[kind][i].Text)
			}
			found[kind]++
		})
		for _, kind := range []string{"dl", "tg"} {
			if found[kind] != len(want[kind]) {
				t.Errorf("%s: %d of %d %s highlighted", doc.File, found[kind], len(want[kind]), kind)
			}
		}
		for _, kind := range []string{"fg", "pc"} {
			if found[kind] < len(want[kind])*9/10 {
				t.Errorf("%s: only %d of %d %s highlighted", doc.File, found[kind], len(want[kind]), kind)
			}
		}
		// An owner's highlight reads the owner (in simplified script).
		q.Find("#" + prefix + " .text mark.ow").Each(func(_ int, m *goquery.Selection) {
			if title, _ := m.Attr("title"); title != "责任："+hanzi.View(m.Text()) {
				t.Errorf("%s: owner mark %q has title %q", doc.File, m.Text(), title)
			}
		})
	}
	owners := 0
	for _, doc := range ds {
		directive.Walk(doc.Directives, func(d *extract.Directive) { owners += len(d.Owners) })
	}
	if n := q.Find(".text mark.ow").Length(); n != owners {
		t.Errorf("%d of %d owners highlighted in the fixtures", n, owners)
	}
}

// TestHTMLOutline: every directive is an item of the outline with its id,
// marker and heading, nested as in the JSON, and links to its marker in the
// text.
func TestHTMLOutline(t *testing.T) {
	for n, doc := range docs(t) {
		q := parse(t, report(t, doc))
		count := 0
		directive.Walk(doc.Directives, func(d *extract.Directive) {
			count++
			li := q.Find(`li[data-id="` + d.ID + `"]`)
			if li.Length() != 1 {
				t.Errorf("%s: %d outline items for %s", doc.File, li.Length(), d.ID)
				return
			}
			if m, h := li.ChildrenFiltered("a").Find(".marker").Text(), li.ChildrenFiltered("a").Find(".heading").Text(); m != d.Marker || h != d.Heading {
				t.Errorf("%s %s: outline shows %q %q, want %q %q", doc.File, d.ID, m, h, d.Marker, d.Heading)
			}
			if got := li.ChildrenFiltered("ol").ChildrenFiltered("li").Length(); got != len(d.Children) {
				t.Errorf("%s %s: %d children in the outline, want %d", doc.File, d.ID, got, len(d.Children))
			}
			href, _ := li.ChildrenFiltered("a").Attr("href")
			if target := q.Find(href); target.Length() != 1 || target.Text() != d.Marker {
				t.Errorf("%s %s: the outline links to %s, which reads %q", doc.File, d.ID, href, target.Text())
			}
		})
		if got := q.Find("li[data-id]").Length(); got != count {
			t.Errorf("%s: %d outline items, want %d", doc.File, got, count)
		}
		_ = n
	}
}

// TestHTMLSize: the report of fixtures/pages/gov stays under 3 × the size
// of its JSON Lines.
func TestHTMLSize(t *testing.T) {
	var gov []*extract.Document
	var jsonl bytes.Buffer
	for _, d := range docs(t) {
		if strings.Contains(d.File, filepath.Join("pages", "gov")) {
			gov = append(gov, d)
			if err := export.JSONLine(&jsonl, d); err != nil {
				t.Fatal(err)
			}
		}
	}
	if len(gov) != 5 {
		t.Fatalf("%d government pages", len(gov))
	}
	h := report(t, gov...)
	ratio := float64(len(h)) / float64(jsonl.Len())
	t.Logf("report %d bytes, JSON Lines %d bytes: %.2f×", len(h), jsonl.Len(), ratio)
	if ratio >= 3 {
		t.Errorf("the report is %.2f× its JSON", ratio)
	}
}

// TestHTMLSelfContained: no script, no resource from elsewhere, a policy
// that forbids both, and links only inside the page or to the pages' URLs.
func TestHTMLSelfContained(t *testing.T) {
	q := parse(t, report(t, docs(t)...))
	if n := q.Find("script, iframe, object, embed, img, link[rel=stylesheet]").Length(); n != 0 {
		t.Errorf("%d elements load or run something", n)
	}
	if csp, _ := q.Find(`meta[http-equiv="Content-Security-Policy"]`).Attr("content"); !strings.Contains(csp, "default-src 'none'") {
		t.Errorf("content security policy %q", csp)
	}
	q.Find("[src], [href]").Each(func(_ int, s *goquery.Selection) {
		for _, a := range []string{"src", "href"} {
			v, ok := s.Attr(a)
			if ok && !strings.HasPrefix(v, "#") && !strings.HasPrefix(v, "http") && v != "data:," {
				t.Errorf("%s=%q", a, v)
			}
		}
	})
	if q.Find("#toc li").Length() != len(docs(t)) {
		t.Errorf("the contents list has %d entries for %d documents", q.Find("#toc li").Length(), len(docs(t)))
	}
}

// TestHTMLEscapes: markup and javascript: URLs in a page stay text.
func TestHTMLEscapes(t *testing.T) {
	doc := &extract.Document{
		File: `<img src=x onerror=alert(1)>.html`, URL: "javascript:alert(1)", Title: "<script>alert(1)</script>",
		Script: "simplified", Paragraphs: []string{`一要抓好</p><script>alert(2)</script>落实。`},
		Deadlines: []extract.Deadline{{Text: "</p><script>", Kind: "by", Para: 0, Start: 4, End: 16}},
	}
	b := report(t, doc)
	q := parse(t, b)
	if n := q.Find("script, img").Length(); n != 0 {
		t.Errorf("%d injected elements:\n%s", n, b)
	}
	if q.Find(`a[href^="javascript"]`).Length() != 0 {
		t.Errorf("a javascript: link")
	}
	if got := q.Find("#d1dl0").Text(); got != "</p><script>" {
		t.Errorf("the deadline reads %q", got)
	}
	if got := q.Find("h2").First().Text(); got != doc.Title {
		t.Errorf("title %q", got)
	}
}

// TestHTMLCrossingSpans: an owner's name that crosses a deadline's start
// (区发改局 and 局完成债券资金支出。, found by FuzzHTML) gives way: the
// deadline is highlighted whole, the owner not; an owner inside a deadline
// nests in it.
func TestHTMLCrossingSpans(t *testing.T) {
	text := "一要抓好项目建设。区发改局完成债券资金支出。"
	for _, c := range []struct {
		desc        string
		owner       string
		ownerMarked bool
	}{
		{"crossing", "改局", false},
		{"inside", "债券", true},
	} {
		doc := &extract.Document{
			Paragraphs: []string{text},
			Deadlines:  []extract.Deadline{{Text: "局完成债券资金支出。", Kind: "by", Para: 0, Start: 12, End: 22}},
			Directives: []*extract.Directive{{ID: "1", Marker: "一要", Owners: []string{c.owner}, Start: 0, End: 22}},
		}
		q := parse(t, report(t, doc))
		if got := q.Find("#d1dl0").Text(); got != "局完成债券资金支出。" {
			t.Errorf("%s: the deadline reads %q", c.desc, got)
		}
		if got := q.Find("#d1p0 mark.ow").Length() == 1; got != c.ownerMarked {
			t.Errorf("%s: owner highlighted %v, want %v", c.desc, got, c.ownerMarked)
		}
		if got := q.Find("#d1p0").Text(); got != text {
			t.Errorf("%s: paragraph reads %q", c.desc, got)
		}
	}
}

// TestHTMLTraditional: a traditional page keeps its text in its script,
// marked zh-Hant, while the labels stay simplified; an owner found through
// the simplified view is highlighted in the source text.
func TestHTMLTraditional(t *testing.T) {
	doc := extractReport(t, meetingReportTraditional)
	if doc.Script != "traditional" || len(doc.Directives) != 2 || len(doc.Directives[0].Owners) != 1 {
		t.Fatalf("script %s, %d directives: the extraction changed, pick another text", doc.Script, len(doc.Directives))
	}
	q := parse(t, report(t, doc))
	if lang, _ := q.Find(".text").Attr("lang"); lang != "zh-Hant" {
		t.Errorf("text lang %q", lang)
	}
	if got := q.Find(".text h3").Text(); got != "正文" {
		t.Errorf("label %q", got)
	}
	var paras []string
	q.Find(".text p").Each(func(_ int, p *goquery.Selection) { paras = append(paras, p.Text()) })
	if strings.Join(paras, "\n") != strings.Join(doc.Paragraphs, "\n") {
		t.Errorf("text\n%q\nwant\n%q", paras, doc.Paragraphs)
	}
	if got := q.Find(".text mark.ow").Text(); got != "區發改局" {
		t.Errorf("owner highlighted as %q, want 區發改局", got)
	}
	if got := q.Find(".text mark.dl").Text(); got != "8月底前" {
		t.Errorf("deadline highlighted as %q", got)
	}
}

// TestHTMLBatchWithError: a failed input gets a section and a line of the
// contents list; an empty report is still a page.
func TestHTMLBatchWithError(t *testing.T) {
	var out bytes.Buffer
	h := export.NewHTML(&out, export.HTMLOptions{Title: "八月督查"})
	if err := h.Write(docNamed(t, "000_89870a89919acc8f.txt")); err != nil {
		t.Fatal(err)
	}
	if err := h.WriteError("broken.html", errors.New("read: no such file")); err != nil {
		t.Fatal(err)
	}
	if err := h.Write(&extract.Document{}); err != nil { // nothing at all, not even a file name
		t.Fatal(err)
	}
	if err := h.Close(); err != nil {
		t.Fatal(err)
	}
	q := parse(t, out.Bytes())
	if got := q.Find("title").Text(); got != "八月督查" {
		t.Errorf("title %q", got)
	}
	if got := q.Find("#d2 .error").Text(); !strings.Contains(got, "read: no such file") {
		t.Errorf("error section %q", got)
	}
	if got := q.Find("#d3 h2").Text(); got != "（无标题）" {
		t.Errorf("an untitled document is headed %q", got)
	}
	if got := q.Find("#toc li").Length(); got != 3 {
		t.Errorf("%d contents entries", got)
	}
	out.Reset()
	if err := export.NewHTML(&out, export.HTMLOptions{}).Close(); err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(out.String(), "</html>\n") || !strings.Contains(out.String(), export.DefaultHTMLTitle) {
		t.Errorf("empty report: %q", out.String())
	}
}

// TestHTMLGolden pins the whole report of a small meeting report; run with
// -update to rewrite testdata/report.html.golden after checking a change.
func TestHTMLGolden(t *testing.T) {
	doc := extractReport(t, meetingReport)
	doc.File = "report.txt"
	got := report(t, doc)
	golden := filepath.Join("testdata", "report.html.golden")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("report differs from %s (run go test ./extract/export -update after checking the change)", golden)
	}
}

// meetingReport is a short standing-meeting report (extract's Example), and
// meetingReportTraditional its traditional copy.
const (
	meetingReport = `区政府召开第五次常务会议
8月2日下午，区长主持召开区政府常务会议。
会议对当前重点工作进行了安排部署：
一要抓好项目建设。区发改局牵头，确保8月底前完成债券资金支出。
二要抓好政务热线工作。确保满意率达到98%以上。`
	meetingReportTraditional = `區政府召開第五次常務會議
8月2日下午，區長主持召開區政府常務會議。
會議對當前重點工作進行了安排部署：
一要抓好項目建設。區發改局牽頭，確保8月底前完成債券資金支出。
二要抓好政務熱線工作。確保滿意率達到98%以上。`
)

// extractReport extracts text as read on the day after the meeting.
func extractReport(t *testing.T, text string) *extract.Document {
	t.Helper()
	doc, err := extract.Text(text, extract.Options{ReferenceDate: extract.Date{Year: 2022, Month: 8, Day: 3}})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// FuzzHTML: whatever the text and offsets a document holds, the report is
// written without panic, its text reads as the paragraph, and a valid span
// is highlighted with its text.
func FuzzHTML(f *testing.F) {
	f.Add("一要抓好项目建设。区发改局牵头，确保8月底前完成债券资金支出。", 18, 22, "区发改局", 0)
	f.Add("<b>x</b>&amp;", 0, 3, "x", 3)
	f.Add("甲乙", 1, 9, "", -1)
	f.Add("\xff\xfe半角", 0, 1, "半", 2)
	f.Fuzz(func(t *testing.T, text string, start, end int, owner string, marker int) {
		runes := []rune(text)
		dlText := ""
		if start >= 0 && start < end && end <= len(runes) {
			dlText = string(runes[start:end])
		}
		doc := &extract.Document{
			Paragraphs: []string{text},
			Deadlines:  []extract.Deadline{{Text: dlText, Kind: "by", Para: 0, Start: start, End: end}},
			Directives: []*extract.Directive{{ID: "1", Marker: "一要", Owners: []string{owner}, Start: marker, End: end}},
		}
		q := parse(t, report(t, doc))
		if got, want := q.Find("#d1p0").Text(), strings.ToValidUTF8(text, "\uFFFD"); got != want && utf8Valid(text) {
			t.Errorf("paragraph reads %q, want %q", got, want)
		}
		if dlText != "" && utf8Valid(text) {
			if got := q.Find("#d1dl0").Text(); got != dlText {
				t.Errorf("deadline reads %q, want %q", got, dlText)
			}
		}
	})
}

func utf8Valid(s string) bool {
	return strings.ToValidUTF8(s, "\uFFFD") == s && !strings.ContainsAny(s, "\x00\r")
}

// BenchmarkHTML writes the report of seed 002 (64 KB of text, 113 items).
func BenchmarkHTML(b *testing.B) {
	doc := docNamed(b, "002_1821f895a3fc65c9.txt")
	var out bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		out.Reset()
		writeAll(b, export.NewHTML(&out, export.HTMLOptions{}), doc)
	}
	b.SetBytes(int64(out.Len()))
}

// BenchmarkCSV and BenchmarkCalendar write the ledger and the calendar of
// every fixture document.
func BenchmarkCSV(b *testing.B) {
	ds := docs(b)
	b.ReportAllocs()
	for b.Loop() {
		writeAll(b, export.NewCSV(io.Discard), ds...)
	}
}

func BenchmarkCalendar(b *testing.B) {
	ds := docs(b)
	b.ReportAllocs()
	for b.Loop() {
		writeAll(b, export.NewCalendar(io.Discard), ds...)
	}
}
