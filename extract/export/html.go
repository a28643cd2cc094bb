package export

import (
	"embed"
	"fmt"
	"html/template"
	"io"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/zhengling/zhengling/extract"
	"github.com/zhengling/zhengling/extract/directive"
	"github.com/zhengling/zhengling/extract/hanzi"
	"github.com/zhengling/zhengling/extract/quantity"
	"github.com/zhengling/zhengling/extract/timex"
)

// HTMLOptions configure an HTML report. The zero value is valid.
type HTMLOptions struct {
	// Title is the report's title; "" gives DefaultHTMLTitle.
	Title string
}

// DefaultHTMLTitle is the title of a report without HTMLOptions.Title.
const DefaultHTMLTitle = "政令提取报告"

// HTML writes a report for people: one self-contained page (inline CSS, no
// script, no request to any server) with, for each document, its title,
// source, dates and warnings, the outline of directives with their owners,
// deadlines and targets, a table of the deadlines by date, and the cleaned
// text with deadlines, targets, figures, percentages, owners and item
// markers highlighted where they occur. A batch ends with a contents list,
// which the page shows first.
//
// Labels are in simplified script; the documents' text stays in its own
// script (marked lang="zh-Hant" for a traditional page). Everything from
// the documents is escaped by html/template.
type HTML struct {
	w       *errWriter
	title   string
	started bool
	entries []tocEntry
}

// tocEntry is one line of the contents list.
type tocEntry struct {
	N                              int
	Title, File, Error             string
	Directives, Deadlines, Targets int
}

//go:embed templates/report.html.tmpl
var templateFS embed.FS

// reportTemplate is parsed once, on the first report.
var reportTemplate = sync.OnceValues(func() (*template.Template, error) {
	return template.New("report.html.tmpl").Funcs(template.FuncMap{
		"kindLabel": kindLabel,
	}).ParseFS(templateFS, "templates/report.html.tmpl")
})

// NewHTML returns a report writer on w.
func NewHTML(w io.Writer, opts HTMLOptions) *HTML {
	title := opts.Title
	if title == "" {
		title = DefaultHTMLTitle
	}
	return &HTML{w: &errWriter{w: w}, title: title}
}

// Write adds doc's section to the report.
func (h *HTML) Write(doc *extract.Document) error {
	if doc == nil {
		return fmt.Errorf("export: html: nil document")
	}
	n := len(h.entries) + 1
	v := newDocView(n, doc)
	h.entries = append(h.entries, tocEntry{N: n, Title: v.Title, File: doc.File,
		Directives: v.Count.Directives, Deadlines: len(doc.Deadlines), Targets: len(doc.Targets)})
	return h.execute("doc", v)
}

// WriteError adds a failed input of a batch: a short section with the
// error, listed in the contents too.
func (h *HTML) WriteError(file string, err error) error {
	n := len(h.entries) + 1
	e := tocEntry{N: n, Title: file, File: file, Error: err.Error()}
	h.entries = append(h.entries, e)
	return h.execute("failed", e)
}

// Close ends the page: the contents list of a batch (more than one input)
// and the closing tags. With no Write before, it writes an empty report.
func (h *HTML) Close() error {
	var toc []tocEntry
	if len(h.entries) > 1 {
		toc = h.entries
	}
	return h.execute("tail", toc)
}

func (h *HTML) execute(name string, data any) error {
	t, err := reportTemplate()
	if err != nil {
		return fmt.Errorf("export: html: %w", err)
	}
	if !h.started {
		h.started = true
		if err := t.ExecuteTemplate(h.w, "head", h.title); err != nil {
			return fmt.Errorf("export: html: %w", err)
		}
	}
	if err := t.ExecuteTemplate(h.w, name, data); err != nil {
		return fmt.Errorf("export: html: %w", err)
	}
	return h.w.result()
}

// docView is what the template shows of one document.
type docView struct {
	N         int
	Title     string
	Lang      string // of the document's text: zh-Hans or zh-Hant
	Meta      []metaRow
	URL       string // http(s) only, else ""
	Warnings  []string
	Count     struct{ Directives, Deadlines, Targets, Figures, Percentages int }
	Outline   []*itemView
	Deadlines []deadlineRow
	Paras     []paraView
}

type metaRow struct{ Label, Value string }

// itemView is one directive of the outline.
type itemView struct {
	ID, Marker, Heading string
	Anchor, Link        string // its id in the outline, the id of its marker in the text
	Owners              []string
	Deadlines           []chip
	Targets             []chip
	Children            []*itemView
}

// chip is a label of the outline linking to its place in the text.
type chip struct{ Text, Title, Link string }

// deadlineRow is one line of the deadline table.
type deadlineRow struct {
	When, Kind, Text, Event, Item, ItemLink, Link string
	Owners                                        string
}

func newDocView(n int, doc *extract.Document) *docView {
	v := &docView{N: n, Title: doc.Title, Lang: "zh-Hans", Warnings: doc.Warnings}
	if v.Title == "" {
		v.Title = doc.File
	}
	if v.Title == "" {
		v.Title = "（无标题）"
	}
	if doc.Script == hanzi.Traditional {
		v.Lang = "zh-Hant"
	}
	if u, err := url.Parse(doc.URL); err == nil && (u.Scheme == "http" || u.Scheme == "https") {
		v.URL = doc.URL
	}
	v.Meta = metaRows(doc)
	v.Count.Deadlines, v.Count.Targets = len(doc.Deadlines), len(doc.Targets)
	v.Count.Figures, v.Count.Percentages = len(doc.Figures), len(doc.Percentages)
	directive.Walk(doc.Directives, func(*extract.Directive) { v.Count.Directives++ })
	ids := newAnchors(n, doc)
	v.Outline = outline(doc.Directives, ids)
	v.Deadlines = deadlineTable(doc, ids)
	v.Paras = paragraphs(doc, ids)
	return v
}

// metaRows are the document's source and dates, the empty ones left out.
func metaRows(doc *extract.Document) []metaRow {
	date := func(d extract.Date) string {
		if d.IsZero() {
			return ""
		}
		return d.String()
	}
	script := "简体"
	if doc.Script == hanzi.Traditional {
		script = "繁体"
	}
	var meeting string
	if m := doc.Meeting; m != nil {
		meeting = strings.TrimSpace(strings.Join([]string{date(m.Date), m.Name, m.Host + m.HostTitle}, " "))
	}
	rows := []metaRow{
		{"文件", doc.File},
		{"发布日期", doc.Meta.PublishedAt},
		{"成文日期", doc.Meta.WrittenDate},
		{"发布机构", doc.Meta.Publisher},
		{"发文字号", doc.Meta.DocNo},
		{"索引号", doc.Meta.IndexNo},
		{"信息来源", doc.Meta.Source},
		{"会议", meeting},
		{"参照日期", date(doc.ReferenceDate)},
		{"文字", script + " · " + doc.Encoding},
	}
	return slices.DeleteFunc(rows, func(r metaRow) bool { return r.Value == "" })
}

// anchors names the places of one document the report links to.
type anchors struct {
	n         int
	deadlines map[[2]int]int // (para, start) → index in doc.Deadlines
	targets   map[[2]int]int
}

func newAnchors(n int, doc *extract.Document) *anchors {
	a := &anchors{n: n, deadlines: map[[2]int]int{}, targets: map[[2]int]int{}}
	for i, dl := range doc.Deadlines {
		a.deadlines[[2]int{dl.Para, dl.Start}] = i
	}
	for i, t := range doc.Targets {
		a.targets[[2]int{t.Para, t.Start}] = i
	}
	return a
}

func (a *anchors) id(kind string, i int) string {
	return "d" + strconv.Itoa(a.n) + kind + strconv.Itoa(i)
}

// item is the element id of directive id: dots become hyphens, so that the
// id is also a plain CSS selector.
func (a *anchors) item(prefix, id string) string {
	return "d" + strconv.Itoa(a.n) + prefix + strings.ReplaceAll(id, ".", "-")
}

func outline(ds []*extract.Directive, a *anchors) []*itemView {
	out := make([]*itemView, 0, len(ds))
	for _, d := range ds {
		it := &itemView{ID: d.ID, Marker: d.Marker, Heading: d.Heading, Owners: d.Owners,
			Anchor: a.item("o", d.ID), Link: a.item("m", d.ID)}
		for _, dl := range d.Deadlines {
			c := chip{Text: dl.Text, Title: deadlineTitle(dl)}
			if i, ok := a.deadlines[[2]int{dl.Para, dl.Start}]; ok {
				c.Link = a.id("dl", i)
			}
			it.Deadlines = append(it.Deadlines, c)
		}
		for _, t := range d.Targets {
			c := chip{Text: t.Text, Title: quantityTitle("目标", t)}
			if i, ok := a.targets[[2]int{t.Para, t.Start}]; ok {
				c.Link = a.id("tg", i)
			}
			it.Targets = append(it.Targets, c)
		}
		it.Children = outline(d.Children, a)
		out = append(out, it)
	}
	return out
}

// deadlineTable lists the document's deadlines by date; those without a
// date come last, in text order.
func deadlineTable(doc *extract.Document, a *anchors) []deadlineRow {
	order := make([]int, len(doc.Deadlines))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int {
		di, dj := doc.Deadlines[i].Date, doc.Deadlines[j].Date
		switch {
		case di == dj:
			return 0
		case di.IsZero():
			return 1
		case dj.IsZero(), di.Before(dj):
			return -1
		}
		return 1
	})
	rows := make([]deadlineRow, 0, len(order))
	for _, i := range order {
		dl := doc.Deadlines[i]
		r := deadlineRow{When: when(dl), Kind: dl.Kind, Text: dl.Text, Event: dl.Event, Link: a.id("dl", i)}
		if d := directive.At(doc.Directives, dl.Para, dl.Start); d != nil {
			r.Item, r.ItemLink, r.Owners = d.Marker+" "+d.Heading, a.item("o", d.ID), strings.Join(d.Owners, "、")
		}
		rows = append(rows, r)
	}
	return rows
}

// when is a deadline's date as the report shows it.
func when(dl extract.Deadline) string {
	switch {
	case dl.Date.IsZero():
		return "—"
	case !dl.From.IsZero():
		return dl.From.String() + " 至 " + dl.Date.String()
	}
	return dl.Date.String()
}

// kindLabel names a deadline's kind in words.
func kindLabel(kind string) string {
	switch kind {
	case timex.KindBy:
		return "截止"
	case timex.KindOn:
		return "当日"
	case timex.KindDuring:
		return "期间"
	}
	return kind
}

func deadlineTitle(dl extract.Deadline) string {
	s := "期限：" + when(dl) + "（" + kindLabel(dl.Kind) + "）"
	if dl.Event != "" {
		s += " 事件：" + dl.Event
	}
	return s
}

// comparators are the comparator symbols a reader knows.
var comparators = map[string]string{
	quantity.CmpGE: "≥", quantity.CmpGT: ">", quantity.CmpLE: "≤", quantity.CmpLT: "<",
	quantity.CmpEQ: "=", quantity.CmpApprox: "≈", quantity.CmpBetween: "介于",
}

// quantityTitle describes a target or a figure: 满意率 ≥ 98 %.
func quantityTitle(label string, q quantity.Target) string {
	var b strings.Builder
	b.WriteString(label + "：")
	if q.Metric != "" {
		b.WriteString(q.Metric + " ")
	}
	b.WriteString(comparators[q.Comparator] + " " + strconv.FormatFloat(q.Value, 'f', -1, 64))
	if q.Max != nil {
		b.WriteString("–" + strconv.FormatFloat(*q.Max, 'f', -1, 64))
	}
	b.WriteString(" " + q.Unit)
	switch q.Change {
	case quantity.ChangeIncrease:
		b.WriteString("（增加）")
	case quantity.ChangeDecrease:
		b.WriteString("（减少）")
	}
	if q.Period != "" {
		b.WriteString(" 时期：" + q.Period)
	}
	if q.Deadline != nil {
		b.WriteString(" 期限：" + when(*q.Deadline))
	}
	return b.String()
}
