package export_test

import (
	"bytes"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	goical "github.com/emersion/go-ical"

	"github.com/zhengling/zhengling/extract"
	"github.com/zhengling/zhengling/extract/directive"
	"github.com/zhengling/zhengling/extract/export"
)

var stamp = time.Date(2024, 7, 1, 8, 0, 0, 0, time.UTC)

// calendarOf writes the calendar of docs in one stream.
func calendarOf(t *testing.T, docs []*extract.Document) []byte { return calendarAt(t, stamp, docs...) }

// calendarAt is calendarOf with its DTSTAMP.
func calendarAt(t *testing.T, at time.Time, docs ...*extract.Document) []byte {
	t.Helper()
	var out bytes.Buffer
	c := export.NewCalendar(&out)
	c.Stamp = at
	writeAll(t, c, docs...)
	return out.Bytes()
}

// TestCalendarLines checks RFC 5545's line format byte by byte: CRLF after
// every line, no line over 75 octets, a fold only between UTF-8 sequences
// and followed by one space.
func TestCalendarLines(t *testing.T) {
	b := calendarOf(t, docs(t))
	if !bytes.HasSuffix(b, []byte("END:VCALENDAR\r\n")) {
		t.Errorf("calendar ends with %q", b[max(0, len(b)-20):])
	}
	lines := bytes.Split(b[:len(b)-2], []byte("\r\n"))
	folded := 0
	for i, l := range lines {
		if bytes.ContainsAny(l, "\r\n") {
			t.Fatalf("line %d has a bare CR or LF: %q", i+1, l)
		}
		if len(l) > 75 {
			t.Errorf("line %d is %d octets: %q", i+1, len(l), l)
		}
		if !utf8.Valid(l) {
			t.Errorf("line %d is folded inside a UTF-8 sequence: %q", i+1, l)
		}
		if len(l) > 0 && l[0] == ' ' {
			folded++
		}
	}
	if folded == 0 {
		t.Error("no folded line: the long descriptions were not folded")
	}
}

// TestCalendarParses reads the calendar with an independent parser and
// checks each VTODO against the directive it stands for.
func TestCalendarParses(t *testing.T) {
	ds := docs(t)
	cal, err := goical.NewDecoder(bytes.NewReader(calendarOf(t, ds))).Decode()
	if err != nil {
		t.Fatalf("calendar does not parse: %v", err)
	}
	if cal.Props.Get(goical.PropProductID) == nil || cal.Props.Get(goical.PropVersion) == nil {
		t.Errorf("calendar lacks PRODID or VERSION")
	}
	type item struct {
		doc *extract.Document
		d   *extract.Directive
	}
	var want []item
	for _, doc := range ds {
		directive.Walk(doc.Directives, func(d *extract.Directive) {
			for _, dl := range d.Deadlines {
				if !dl.Date.IsZero() {
					want = append(want, item{doc, d})
					return
				}
			}
		})
	}
	if len(cal.Children) != len(want) || len(want) < 20 {
		t.Fatalf("%d VTODOs, want %d (one per directive with a dated deadline)", len(cal.Children), len(want))
	}
	uids := map[string]bool{}
	for i, c := range cal.Children {
		w := want[i]
		if c.Name != goical.CompToDo {
			t.Fatalf("component %s", c.Name)
		}
		uid := c.Props.Get(goical.PropUID).Value
		if uids[uid] {
			t.Errorf("UID %s twice", uid)
		}
		uids[uid] = true
		if got, _ := c.Props.Text(goical.PropSummary); got != w.d.Heading && w.d.Heading != "" {
			t.Errorf("%s %s: SUMMARY %q, want the heading %q", w.doc.File, w.d.ID, got, w.d.Heading)
		}
		desc, _ := c.Props.Text(goical.PropDescription)
		if !strings.HasPrefix(desc, w.d.Text) {
			t.Errorf("%s %s: DESCRIPTION does not start with the item's text: %.60q", w.doc.File, w.d.ID, desc)
		}
		for _, o := range w.d.Owners {
			if !strings.Contains(desc, o) {
				t.Errorf("%s %s: DESCRIPTION lacks owner %s", w.doc.File, w.d.ID, o)
			}
		}
		due := c.Props.Get(goical.PropDue)
		if due == nil || due.ValueType() != goical.ValueDate {
			t.Errorf("%s %s: DUE missing or not a DATE: %v", w.doc.File, w.d.ID, due)
		}
		if w.doc.URL != "" {
			if u := c.Props.Get(goical.PropURL); u == nil || u.Value != w.doc.URL {
				t.Errorf("%s %s: URL %v, want %s", w.doc.File, w.d.ID, u, w.doc.URL)
			}
		}
	}
}

// TestCalendarDates: DUE is the last dated deadline, and a span's first day
// is DTSTART; the cases are real items.
func TestCalendarDates(t *testing.T) {
	for _, tc := range []struct {
		file, summary, start, due string
	}{
		// 请于2024年7月24日09：00至2024年7月26日17：00登录…打印准考证.
		{"kaili-gov-cn.html", "网上打印笔试准考证", "20240724", "20240726"},
		// 2024年7月8日09：00至2024年7月11日17：00 with 7月10日…至7月11日 inside it.
		{"kaili-gov-cn.html", "网上资格初审", "20240708", "20240711"},
		// 确保8月底前完成债券资金支出.
		{"000_89870a89919acc8f.txt", "加快债券建设支出进度", "", "20220831"},
		// 5月、6月 (两个月集中攻坚) is a span of two months.
		{"001_8f0b99024fc2d402.txt", "狠抓项目建设", "20220501", "20220630"},
	} {
		t.Run(tc.summary, func(t *testing.T) {
			cal, err := goical.NewDecoder(bytes.NewReader(calendarOf(t, []*extract.Document{docNamed(t, tc.file)}))).Decode()
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range cal.Children {
				if got, _ := c.Props.Text(goical.PropSummary); got != tc.summary {
					continue
				}
				start := ""
				if p := c.Props.Get(goical.PropDateTimeStart); p != nil {
					start = p.Value
				}
				if due := c.Props.Get(goical.PropDue).Value; start != tc.start || due != tc.due {
					t.Errorf("DTSTART %q DUE %q, want %q %q", start, due, tc.start, tc.due)
				}
				return
			}
			t.Errorf("no VTODO with SUMMARY %s", tc.summary)
		})
	}
}

// TestCalendarUIDStable: the same input gives the same UIDs whatever the
// run and its stamp; a page with a URL keeps them when saved elsewhere.
func TestCalendarUIDStable(t *testing.T) {
	uids := func(d *extract.Document, at time.Time) string {
		cal, err := goical.NewDecoder(bytes.NewReader(calendarAt(t, at, d))).Decode()
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, c := range cal.Children {
			ids = append(ids, c.Props.Get(goical.PropUID).Value)
		}
		if len(ids) == 0 {
			t.Fatalf("%s: no VTODO", d.File)
		}
		return strings.Join(ids, " ")
	}
	doc := docNamed(t, "kaili-gov-cn.html")
	if a, b := uids(doc, stamp), uids(doc, stamp.Add(time.Hour)); a != b {
		t.Errorf("UIDs differ between runs:\n%s\n%s", a, b)
	}
	withURL := *doc
	withURL.URL = "https://www.kaili.gov.cn/zwgk/a.html"
	moved := withURL
	moved.File = "elsewhere/" + doc.File
	if a, b := uids(&withURL, stamp), uids(&moved, stamp); a != b {
		t.Errorf("UIDs change with the folder of a page with a URL:\n%s\n%s", a, b)
	}
	if a, b := uids(doc, stamp), uids(&withURL, stamp); a == b {
		t.Errorf("two pages share UIDs")
	}
}

// TestCalendarEmpty: a batch with no deadline still gives a valid calendar.
func TestCalendarEmpty(t *testing.T) {
	var out bytes.Buffer
	if err := export.NewCalendar(&out).Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := goical.NewDecoder(&out).Decode(); err != nil {
		t.Errorf("empty calendar does not parse: %v", err)
	}
}
