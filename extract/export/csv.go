package export

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"github.com/zhengling/zhengling/extract"
)

// LedgerHeader is the CSV task ledger's header row: SPEC.md's columns, then
// what a person tracking the task needs without opening the page.
var LedgerHeader = []string{
	"id", "marker", "heading", "owners", "deadline", "target", "file",
	"deadline_text", "deadline_kind", "from", "title", "url", "published", "meeting_date",
}

// ledgerSep joins the several deadlines or targets of one directive. The
// deadline columns (deadline, deadline_text, deadline_kind, from) list the
// same deadlines in the same order, so the n-th parts belong together.
const ledgerSep = "；"

// utf8BOM makes spreadsheet programs read the ledger as UTF-8.
const utf8BOM = "\ufeff"

// CSV writes the task ledger for a stream of documents: the BOM and header
// on the first Write, then one row per ledger-worthy directive.
type CSV struct {
	w       *csv.Writer
	out     io.Writer
	started bool
}

// NewCSV returns a ledger writer on w.
func NewCSV(w io.Writer) *CSV { return &CSV{w: csv.NewWriter(w), out: w} }

// Write appends doc's rows.
func (c *CSV) Write(doc *extract.Document) error {
	if err := c.start(); err != nil {
		return err
	}
	for _, row := range LedgerRows(doc) {
		if err := c.w.Write(row); err != nil {
			return fmt.Errorf("export: csv: %w", err)
		}
	}
	c.w.Flush()
	return c.w.Error()
}

// Close writes the header if no document was written, and flushes.
func (c *CSV) Close() error {
	if err := c.start(); err != nil {
		return err
	}
	c.w.Flush()
	return c.w.Error()
}

func (c *CSV) start() error {
	if c.started {
		return nil
	}
	c.started = true
	if _, err := io.WriteString(c.out, utf8BOM); err != nil {
		return fmt.Errorf("export: csv: %w", err)
	}
	return c.w.Write(LedgerHeader)
}

// LedgerRows returns one row per directive of doc that has an owner, a
// deadline or a target, in outline order, with LedgerHeader's columns. An
// item that names no owner of its own takes its nearest ancestor's (SPEC:
// owners apply to the children only in the ledger): （一）…（责任单位：市财政局）
// makes 市财政局 the owner of its 1. 2. 3.
func LedgerRows(doc *extract.Document) [][]string {
	var rows [][]string
	meeting := ""
	if doc.Meeting != nil && !doc.Meeting.Date.IsZero() {
		meeting = doc.Meeting.Date.String()
	}
	var walk func(ds []*extract.Directive, inherited []string)
	walk = func(ds []*extract.Directive, inherited []string) {
		for _, d := range ds {
			owners := d.Owners
			if len(owners) == 0 {
				owners = inherited
			}
			if len(owners) > 0 || len(d.Deadlines) > 0 || len(d.Targets) > 0 {
				rows = append(rows, ledgerRow(doc, d, owners, meeting))
			}
			walk(d.Children, owners)
		}
	}
	walk(doc.Directives, nil)
	return rows
}

func ledgerRow(doc *extract.Document, d *extract.Directive, owners []string, meeting string) []string {
	dls := UniqueDeadlines(d.Deadlines)
	return []string{
		d.ID, d.Marker, d.Heading, strings.Join(owners, "、"),
		joinEach(dls, deadlineValue), joinEach(d.Targets, func(t extract.Target) string { return t.Text }), doc.File,
		joinEach(dls, func(dl extract.Deadline) string { return dl.Text }),
		joinEach(dls, func(dl extract.Deadline) string { return dl.Kind }),
		joinEach(dls, func(dl extract.Deadline) string { return dateOrEmpty(dl.From) }),
		doc.Title, doc.URL, doc.Meta.PublishedAt, meeting,
	}
}

// UniqueDeadlines returns dls without repeats: a deadline the text states
// twice (确保7月10日前完成…，7月10日前报送…) is one date to track. Two
// deadlines are the same when kind, date, start and event agree; the first
// wording is kept.
func UniqueDeadlines(dls []extract.Deadline) []extract.Deadline {
	type key struct {
		kind, event string
		date, from  extract.Date
	}
	seen := make(map[key]bool, len(dls))
	out := make([]extract.Deadline, 0, len(dls))
	for _, dl := range dls {
		k := key{dl.Kind, dl.Event, dl.Date, dl.From}
		if dl.Date.IsZero() && dl.Event == "" {
			k.event = dl.Text // nothing resolved: only the same wording repeats
		}
		if !seen[k] {
			seen[k] = true
			out = append(out, dl)
		}
	}
	return out
}

// deadlineValue is a deadline as the ledger's deadline column gives it:
// its date, or its event when the date is unknown, or its text.
func deadlineValue(dl extract.Deadline) string {
	switch {
	case !dl.Date.IsZero():
		return dl.Date.String()
	case dl.Event != "":
		return dl.Event
	}
	return dl.Text
}

func dateOrEmpty(d extract.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

// joinEach joins f of each item with ledgerSep; a list whose parts are all
// empty gives "" rather than a row of separators.
func joinEach[T any](items []T, f func(T) string) string {
	parts := make([]string, len(items))
	empty := true
	for i, it := range items {
		parts[i] = f(it)
		empty = empty && parts[i] == ""
	}
	if empty {
		return ""
	}
	return strings.Join(parts, ledgerSep)
}
