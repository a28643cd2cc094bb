package export_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/zhengling/zhengling/extract"
	"github.com/zhengling/zhengling/extract/directive"
	"github.com/zhengling/zhengling/extract/export"
)

// jsonDirective is a directive as the JSON output gives it: the ledger is
// checked against the JSON, not against the Go values it was written from.
type jsonDirective struct {
	ID, Marker, Heading string
	Owners              []string
	Deadlines           []struct {
		Text, Kind, Event string
		Date, From        *string
	}
	Targets  []struct{ Text string }
	Children []jsonDirective
}

type jsonDoc struct {
	File, URL, Title string
	Meta             struct {
		PublishedAt string `json:"published_at"`
	}
	Meeting    *struct{ Date *string }
	Directives []jsonDirective
}

// wantRows builds the ledger rows SPEC.md and LedgerHeader describe from
// one document's JSON.
func wantRows(t *testing.T, js []byte) [][]string {
	var doc jsonDoc
	if err := json.Unmarshal(js, &doc); err != nil {
		t.Fatal(err)
	}
	meeting := ""
	if doc.Meeting != nil && doc.Meeting.Date != nil {
		meeting = *doc.Meeting.Date
	}
	str := func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	}
	var rows [][]string
	var walk func(ds []jsonDirective, inherited []string)
	walk = func(ds []jsonDirective, inherited []string) {
		for _, d := range ds {
			if len(d.Owners) == 0 {
				d.Owners = inherited // the nearest ancestor's owners, in the ledger only
			}
			if len(d.Owners)+len(d.Deadlines)+len(d.Targets) > 0 {
				var value, text, kind, from, targets []string
				seen := map[string]bool{}
				for _, dl := range d.Deadlines {
					key := dl.Kind + "|" + str(dl.Date) + "|" + str(dl.From) + "|" + dl.Event
					if dl.Date == nil && dl.Event == "" {
						key += dl.Text
					}
					if seen[key] {
						continue
					}
					seen[key] = true
					v := str(dl.Date)
					if v == "" {
						v = dl.Event
					}
					if v == "" {
						v = dl.Text
					}
					value, text, kind, from = append(value, v), append(text, dl.Text), append(kind, dl.Kind), append(from, str(dl.From))
				}
				for _, tg := range d.Targets {
					targets = append(targets, tg.Text)
				}
				if strings.Join(from, "") == "" {
					from = nil
				}
				rows = append(rows, []string{d.ID, d.Marker, d.Heading, strings.Join(d.Owners, "、"),
					strings.Join(value, "；"), strings.Join(targets, "；"), doc.File,
					strings.Join(text, "；"), strings.Join(kind, "；"), strings.Join(from, "；"),
					doc.Title, doc.URL, doc.Meta.PublishedAt, meeting})
			}
			walk(d.Children, d.Owners)
		}
	}
	walk(doc.Directives, nil)
	return rows
}

// TestLedgerMatchesJSON writes the ledger of every fixture document in one
// stream, reads it back with a CSV reader and compares each row with the
// directive of the JSON output it stands for.
func TestLedgerMatchesJSON(t *testing.T) {
	var out bytes.Buffer
	w := export.NewCSV(&out)
	var want [][]string
	for _, doc := range docs(t) {
		if err := w.Write(doc); err != nil {
			t.Fatal(err)
		}
		js, err := json.Marshal(doc)
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, wantRows(t, js)...)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	body, ok := bytes.CutPrefix(out.Bytes(), []byte("\ufeff"))
	if !ok {
		t.Fatalf("no BOM: %.20q", out.String())
	}
	r := csv.NewReader(bytes.NewReader(body))
	got, err := r.ReadAll()
	if err != nil {
		t.Fatalf("the ledger does not parse as CSV: %v", err)
	}
	if !slices.Equal(got[0], export.LedgerHeader) {
		t.Errorf("header %q", got[0])
	}
	got = got[1:]
	if len(want) < 50 {
		t.Fatalf("only %d directives with an owner, deadline or target in the fixtures", len(want))
	}
	if len(got) != len(want) {
		t.Fatalf("%d rows, want %d", len(got), len(want))
	}
	for i := range want {
		if !slices.Equal(got[i], want[i]) {
			t.Errorf("row %d:\n got  %q\n want %q", i+1, got[i], want[i])
		}
	}
}

// TestLedgerRowsReadAlone: cases from real pages that a person tracking a
// task must be able to read from the row alone.
func TestLedgerRowsReadAlone(t *testing.T) {
	cols := map[string]int{}
	for i, c := range export.LedgerHeader {
		cols[c] = i
	}
	row := func(file, id string) []string {
		for _, r := range export.LedgerRows(docNamed(t, file)) {
			if r[0] == id {
				return r
			}
		}
		t.Fatalf("%s has no ledger row %s", file, id)
		return nil
	}
	for _, tc := range []struct {
		desc, file, id, col, want string
	}{
		// 2024年7月10日…2024年7月10日: one date to track, given once.
		{"a repeated date once", "kaili-gov-cn.html", "5.2.6", "deadline", "2024-07-10"},
		// 2024年7月8日09：00至2024年7月10日17：00 (three wordings of one span), then 7月12日17：00前.
		{"a span keeps its start", "kaili-gov-cn.html", "3.1", "from", "2024-07-08；"},
		{"a span and a date", "kaili-gov-cn.html", "3.1", "deadline", "2024-07-10；2024-07-12"},
		{"the kinds", "kaili-gov-cn.html", "3.1", "deadline_kind", "during；by"},
		{"the wording", "kaili-gov-cn.html", "3.1", "deadline_text", "2024年7月8日09：00至2024年7月10日17：00；2024年7月12日17：00前"},
		// 省环保督察回头看前: no date, the event is what to watch.
		{"an event deadline", "002_1821f895a3fc65c9.txt", "26.1", "deadline", "2020-09-30；2020-12-31；2020-10-20；省环保督察回头看"},
		{"the page's title", "kaili-gov-cn.html", "3.1", "title", docNamed(t, "kaili-gov-cn.html").Title},
		{"the meeting date", "000_89870a89919acc8f.txt", "2.1", "meeting_date", "2022-08-02"},
		// 三、…由凯里市事业单位招聘工作领导小组办公室会同各招聘单位及其主管部门具体组织实施:
		// its （三）网上缴费 and that item's 1． name no owner of their own.
		{"owners pass down to items that name none", "kaili-gov-cn.html", "3.3.1", "owners", "凯里市事业单位招聘工作领导小组办公室、各招聘单位及其主管部门"},
		{"an item's own owners win", "kaili-gov-cn.html", "3.1", "owners", "凯里市事业单位招聘工作领导小组办公室"},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			if got := row(tc.file, tc.id)[cols[tc.col]]; got != tc.want {
				t.Errorf("%s %s %s: got %q, want %q", tc.file, tc.id, tc.col, got, tc.want)
			}
		})
	}
	// in the JSON the children keep their own (empty) owners
	directive.Walk(docNamed(t, "kaili-gov-cn.html").Directives, func(d *extract.Directive) {
		if d.ID == "3.3.1" && len(d.Owners) != 0 {
			t.Errorf("3.3.1 owners %q in the JSON, want none", d.Owners)
		}
	})
	if docNamed(t, "kaili-gov-cn.html").Title == "" {
		t.Error("kaili-gov-cn.html has no title to check")
	}
}
