package export

import (
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	ics "github.com/arran4/golang-ical"

	"github.com/zhengling/zhengling/extract"
	"github.com/zhengling/zhengling/extract/directive"
	"github.com/zhengling/zhengling/extract/timex"
)

// ProductID names zhengling in the calendars it writes.
const ProductID = "-//zhengling//zhengling 1.0//ZH"

var beijing = time.FixedZone("CST", 8*3600)

// icsConfig is RFC 5545's line format: CRLF ends every line and lines
// longer than 75 octets are folded (never inside a UTF-8 sequence).
var icsConfig = &ics.SerializationConfiguration{MaxLength: 75, PropertyMaxLength: 75, NewLine: "\r\n"}

// Calendar writes one iCalendar (RFC 5545) for a stream of documents: one
// VTODO per directive with a dated deadline, written as each document
// comes, so memory does not grow with the batch.
//
// A VTODO's DUE is the directive's last dated deadline (a DATE: the last
// day allowed); a span (kind "during", 7月1日至10日) also gets DTSTART.
// SUMMARY is the heading, DESCRIPTION the item's text, owners and
// deadlines, URL the page. The UID depends only on the page and the
// directive, so a client re-importing a calendar updates its tasks instead of
// duplicating them.
type Calendar struct {
	// Stamp is the DTSTAMP of every VTODO; NewCalendar sets it to now. Set
	// it before the first Write for reproducible output.
	Stamp   time.Time
	out     *errWriter
	started bool
}

// NewCalendar returns a calendar writer on w.
func NewCalendar(w io.Writer) *Calendar {
	return &Calendar{Stamp: time.Now().UTC(), out: &errWriter{w: w}}
}

// Write appends a VTODO for each directive of doc with a dated deadline.
func (c *Calendar) Write(doc *extract.Document) error {
	c.start()
	directive.Walk(doc.Directives, func(d *extract.Directive) {
		if todo := c.todo(doc, d); todo != nil {
			_ = todo.SerializeTo(c.out, icsConfig) // errors are kept by c.out
		}
	})
	return c.out.result()
}

// Close ends the calendar; with no Write before, it writes an empty one.
func (c *Calendar) Close() error {
	c.start()
	io.WriteString(c.out, "END:VCALENDAR\r\n")
	return c.out.result()
}

func (c *Calendar) start() {
	if c.started {
		return
	}
	c.started = true
	cal := ics.NewCalendarFor("zhengling")
	cal.SetProductId(ProductID)
	cal.SetMethod(ics.MethodPublish)
	io.WriteString(c.out, "BEGIN:VCALENDAR\r\n")
	for _, p := range cal.CalendarProperties {
		_ = p.SerializeTo(c.out, icsConfig)
	}
}

// todo is the VTODO of d, or nil when d has no dated deadline.
func (c *Calendar) todo(doc *extract.Document, d *extract.Directive) *ics.VTodo {
	due, ok := lastDated(d.Deadlines)
	if !ok {
		return nil
	}
	todo := ics.NewTodo(uid(doc, d))
	todo.SetDtStampTime(c.Stamp)
	if due.Kind == timex.KindDuring && !due.From.IsZero() {
		todo.SetAllDayStartAt(due.From.Time(beijing))
	}
	todo.SetAllDayDueAt(due.Date.Time(beijing))
	todo.SetSummary(summary(d))
	todo.SetDescription(description(doc, d))
	if u, err := url.Parse(doc.URL); err == nil && (u.Scheme == "http" || u.Scheme == "https") {
		todo.SetURL(u.String())
	}
	if len(d.Owners) > 0 {
		todo.AddProperty(ics.ComponentPropertyCategories, strings.Join(d.Owners, ","))
	}
	return todo
}

// lastDated is the deadline with the latest resolved date.
func lastDated(dls []extract.Deadline) (extract.Deadline, bool) {
	var due extract.Deadline
	for _, dl := range dls {
		if !dl.Date.IsZero() && (due.Date.IsZero() || due.Date.Before(dl.Date)) {
			due = dl
		}
	}
	return due, !due.Date.IsZero()
}

// summary is the item's heading; an item without one is named by its marker.
func summary(d *extract.Directive) string {
	if d.Heading != "" {
		return d.Heading
	}
	return d.Marker
}

func description(doc *extract.Document, d *extract.Directive) string {
	var b strings.Builder
	b.WriteString(d.Text)
	if len(d.Owners) > 0 {
		fmt.Fprintf(&b, "\n责任: %s", strings.Join(d.Owners, "、"))
	}
	for _, dl := range UniqueDeadlines(d.Deadlines) {
		fmt.Fprintf(&b, "\n期限: %s (%s)", dl.Text, deadlineValue(dl))
	}
	if doc.Title != "" {
		fmt.Fprintf(&b, "\n来源: %s", doc.Title)
	}
	if doc.URL != "" {
		fmt.Fprintf(&b, " %s", doc.URL)
	}
	return b.String()
}

// uid is stable across runs: the same directive of the same page gets the
// same UID. The page is its URL when known (a file name changes with where
// the page was saved), else its file.
func uid(doc *extract.Document, d *extract.Directive) string {
	page := doc.URL
	if page == "" {
		page = doc.File
	}
	h := sha1.Sum([]byte(page + "\x00" + doc.Title + "\x00" + d.ID + "\x00" + d.Heading))
	return hex.EncodeToString(h[:10]) + "@zhengling"
}

// errWriter keeps the first write error, so that a serialiser that ignores
// errors still reports them.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}

func (e *errWriter) result() error {
	if e.err != nil {
		return fmt.Errorf("export: ics: %w", e.err)
	}
	return nil
}
