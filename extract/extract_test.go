package extract

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zhengling/zhengling/extract/clean"
	"github.com/zhengling/zhengling/extract/timex"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
)

func date(t *testing.T, s string) Date {
	t.Helper()
	d, err := timex.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestReferenceDateOrder follows SPEC.md: --date, else the written or
// published date, else the meeting date, else a date in the text.
func TestReferenceDateOrder(t *testing.T) {
	meeting := &Meeting{Date: date(t, "2022-08-02")}
	tests := []struct {
		desc    string
		opts    Options
		meta    Meta
		meeting *Meeting
		note    *clean.TitleNote
		want    string
	}{
		{"flag wins", Options{ReferenceDate: date(t, "2020-01-01")}, Meta{WrittenDate: "2022-08-03"}, meeting, nil, "2020-01-01"},
		{"written date", Options{}, Meta{WrittenDate: "2022-08-03", PublishedAt: "2022-08-04T16:42:00+08:00"}, meeting, nil, "2022-08-03"},
		{"published time", Options{}, Meta{PublishedAt: "2022-08-04T16:42:00+08:00"}, meeting, nil, "2022-08-04"},
		{"meeting date", Options{}, Meta{}, meeting, nil, "2022-08-02"},
		{"the date under the title", Options{}, Meta{}, nil, &clean.TitleNote{Date: "2023-10-09"}, "2023-10-09"},
		{"published before the date under the title", Options{}, Meta{PublishedAt: "2011-03-16"}, nil, &clean.TitleNote{Date: "2011-03-02"}, "2011-03-16"},
		{"nothing", Options{}, Meta{}, nil, nil, ""},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			got := referenceDate(tc.opts, tc.meta, tc.meeting, tc.note, nil)
			if got.String() != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestEmptyInputIsAnError(t *testing.T) {
	if _, err := Text(" \n\t", Options{}); !errors.Is(err, ErrEmpty) {
		t.Errorf("Text: got %v, want ErrEmpty", err)
	}
	if _, err := Bytes([]byte("\n\n"), Options{}); !errors.Is(err, ErrEmpty) {
		t.Errorf("Bytes: got %v, want ErrEmpty", err)
	}
}

// TestListsPrintAsEmptyArrays: SPEC.md wants [] for none and null for absent values.
func TestListsPrintAsEmptyArrays(t *testing.T) {
	doc, err := Text("标题\n今天天气很好。", Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for _, k := range []string{"directives", "targets", "figures", "percentages", "deadlines", "warnings"} {
		if !strings.Contains(s, `"`+k+`":[]`) {
			t.Errorf("%s is not [] in %s", k, s)
		}
	}
	if !strings.Contains(s, `"reference_date":null`) || !strings.Contains(s, `"meeting":null`) {
		t.Errorf("absent values must be null: %s", s)
	}
}

// TestMeetingYearFromReferenceDate: a text without page dates takes the
// meeting's year from --date.
func TestMeetingYearFromReferenceDate(t *testing.T) {
	doc, err := Text("9月2日，区长李顺主持召开区政府第31次常务会议，安排部署近期重点工作。\n会议强调，要抓好安全生产。", Options{ReferenceDate: date(t, "2022-09-03")})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Meeting == nil || doc.Meeting.Date.String() != "2022-09-02" {
		t.Errorf("meeting %+v, want date 2022-09-02", doc.Meeting)
	}
}

func TestBinaryInputIsAnError(t *testing.T) {
	for _, b := range [][]byte{
		[]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
		[]byte("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\x00"),
		[]byte("PK\x03\x04\x14\x00\x06\x00"),
	} {
		if _, err := Bytes(b, Options{}); !errors.Is(err, ErrBinary) {
			t.Errorf("%q: got %v, want ErrBinary", b[:4], err)
		}
	}
	// GBK text is no binary: its bytes are all >= 0x40.
	if _, err := Bytes([]byte("\xbb\xe1\xd2\xe9\xc7\xbf\xb5\xf7\xa3\xac\xd2\xaa\xd7\xa5\xba\xc3\xb9\xa4\xd7\xf7\xa1\xa3"), Options{}); err != nil {
		t.Errorf("GBK text: %v", err)
	}
}

func TestPageWithoutBodyWarns(t *testing.T) {
	doc, err := Bytes([]byte("<html><body></body></html>"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Warnings) == 0 || !strings.HasPrefix(doc.Warnings[len(doc.Warnings)-1], "empty:") {
		t.Errorf("warnings %q, want an empty: warning", doc.Warnings)
	}
}

// TestTitleNoteGivesDateAndMeeting: the note under a resolution's title
// (gov.cn 公报, in the title's own <p>) gives the reference date and the
// meeting, which its text does not report.
func TestTitleNoteGivesDateAndMeeting(t *testing.T) {
	page := `<html><head><title>全国人民代表大会常务委员会关于批准财政部发行特别国债购买外汇及调整2007年末国债余额限额的决议</title></head><body><div id="UCAP-CONTENT">` +
		`<p align="center"><strong>全国人民代表大会常务委员会<br>关于批准财政部发行特别国债购买外汇及<br>调整2007年末国债余额限额的决议</strong><br>` +
		`（2007年6月29日第十届全国人民代表大会常务委员会第二十八次会议通过）</p>` +
		`<p>第十届全国人民代表大会常务委员会第二十八次会议，听取了财政部部长金人庆代表国务院对议案作的说明。会议决定：批准2007年末国债余额限额调整为53365.53亿元。</p></div></body></html>`
	doc, err := Bytes([]byte(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.ReferenceDate.String() != "2007-06-29" {
		t.Errorf("reference date %q", doc.ReferenceDate)
	}
	if doc.Meeting == nil || doc.Meeting.Date.String() != "2007-06-29" || doc.Meeting.Name != "第十届全国人民代表大会常务委员会第二十八次会议" {
		t.Errorf("meeting %+v", doc.Meeting)
	}
	if strings.Contains(strings.Join(doc.Paragraphs, ""), "会议通过）") {
		t.Errorf("note kept in the body: %q", doc.Paragraphs)
	}
}

// TestMaxBytes: Options.MaxBytes is the one input limit; HTML reads at most
// one byte past it.
func TestMaxBytes(t *testing.T) {
	page := []byte("<html><title>通知</title><p>会议强调，要统筹兼顾。</p></html>")
	n := int64(len(page))
	for _, tc := range []struct {
		desc string
		max  int64
		ok   bool
	}{
		{"exactly the limit", n, true},
		{"one byte over", n - 1, false},
	} {
		opts := Options{MaxBytes: tc.max}
		_, errBytes := Bytes(page, opts)
		_, errText := Text(string(page), opts)
		_, errHTML := HTML(bytes.NewReader(page), opts)
		for _, err := range []error{errBytes, errText, errHTML} {
			if tc.ok != (err == nil) || (!tc.ok && !errors.Is(err, ErrTooLarge)) {
				t.Errorf("%s: %v", tc.desc, err)
			}
		}
	}
	page = []byte(strings.Repeat("<p>统筹兼顾</p>", 10000))
	r := &io.LimitedReader{R: bytes.NewReader(page), N: int64(len(page))} // counts down what is read
	if _, err := HTML(r, Options{MaxBytes: 1000}); !errors.Is(err, ErrTooLarge) || int64(len(page))-r.N != 1001 {
		t.Errorf("read %d bytes (%v), want 1001 and ErrTooLarge", int64(len(page))-r.N, err)
	}
}

// samePage is a real page (seed 001 as HTML) and the Document its UTF-8
// bytes give, as JSON without the encoding.
func samePage(t *testing.T) (string, []byte) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "fixtures", "seeds", "001_8f0b99024fc2d402.txt"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	var b strings.Builder
	b.WriteString(`<html><head><meta charset="gbk"><title>` + lines[0] + "</title></head><body>\n")
	for _, l := range lines[1:] {
		b.WriteString("<p>" + l + "</p>\n")
	}
	b.WriteString("</body></html>\n")
	return b.String(), docJSON(t, []byte(b.String()))
}

// docJSON is the Document of b as JSON, its encoding left out.
func docJSON(t *testing.T, b []byte) []byte {
	t.Helper()
	doc, err := Bytes(b, Options{ReferenceDate: Date{Year: 2022, Month: 5, Day: 12}})
	if err != nil {
		t.Fatal(err)
	}
	doc.Encoding = ""
	out, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestUTF16BOM: UTF-16 with a byte order mark is decoded as the WHATWG
// encoding standard says (the BOM wins over the page's own <meta charset>),
// HTML and text alike: the same Document as the page in UTF-8.
func TestUTF16BOM(t *testing.T) {
	page, want := samePage(t)
	for _, c := range []struct {
		desc, enc string
		bom       []byte
		e         encoding.Encoding
	}{
		{"little endian", "utf-16le", []byte{0xFF, 0xFE}, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)},
		{"big endian", "utf-16be", []byte{0xFE, 0xFF}, unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)},
	} {
		body, err := c.e.NewEncoder().Bytes([]byte(page))
		if err != nil {
			t.Fatal(err)
		}
		in := append(append([]byte(nil), c.bom...), body...)
		doc, err := Bytes(in, Options{})
		if err != nil {
			t.Errorf("%s: %v", c.desc, err)
			continue
		}
		if doc.Encoding != c.enc {
			t.Errorf("%s: encoding %q, want %q", c.desc, doc.Encoding, c.enc)
		}
		if got := docJSON(t, in); !bytes.Equal(got, want) {
			t.Errorf("%s: the document differs from the UTF-8 page's:\n got  %.300s\n want %.300s", c.desc, got, want)
		}
	}
}

// TestStrayNUL: a NUL byte in a page that is otherwise text (HTML or plain)
// is tolerated and leaves no trace; control bytes throughout are binary.
func TestStrayNUL(t *testing.T) {
	page, want := samePage(t)
	i := strings.Index(page, "<p>") + 3
	withNUL := page[:i] + "\x00" + page[i:]
	if got := docJSON(t, []byte(withNUL)); !bytes.Equal(got, want) {
		t.Errorf("HTML with a NUL differs:\n got  %.300s\n want %.300s", got, want)
	}
	data, err := os.ReadFile(filepath.Join("..", "fixtures", "seeds", "000_89870a89919acc8f.txt"))
	if err != nil {
		t.Fatal(err)
	}
	j := len(data) / 3
	text := append(append(append([]byte(nil), data[:j]...), 0), data[j:]...)
	if got, want := docJSON(t, text), docJSON(t, data); !bytes.Equal(got, want) {
		t.Errorf("text with a NUL differs:\n got  %.300s\n want %.300s", got, want)
	}
	noisy := bytes.Repeat([]byte("会议\x00\x01"), 200)
	if _, err := Bytes(noisy, Options{}); !errors.Is(err, ErrBinary) {
		t.Errorf("control bytes throughout: %v, want ErrBinary", err)
	}
}
