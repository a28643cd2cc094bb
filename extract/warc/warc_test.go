package warc

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"github.com/nlnwa/gowarc"
	"github.com/zhengling/zhengling/internal/warctest"
)

var update = flag.Bool("update", false, "rewrite the test archives in testdata/")

// readers are the ways an archive arrives: whole, one byte per Read (every
// buffer boundary is crossed), and in odd halves.
var readers = []struct {
	desc string
	wrap func(io.Reader) io.Reader
}{
	{"whole", func(r io.Reader) io.Reader { return r }},
	{"one byte a read", iotest.OneByteReader},
	{"half reads", iotest.HalfReader},
}

// checkPages checks that items are exactly the pages of recs, in order,
// named after their record's position.
func checkPages(t *testing.T, items []item, recs []warctest.Rec) {
	t.Helper()
	i := 0
	for n, r := range recs {
		if r.Page == nil {
			continue
		}
		if i >= len(items) {
			t.Fatalf("only %d items, want a page for record %d", len(items), n+1)
		}
		it := items[i]
		i++
		if want := fmt.Sprintf("a.warc#%d", n+1); it.rec.Name != want || it.err != nil {
			t.Errorf("item %d: %s %v, want %s", i, it.rec.Name, it.err, want)
		}
		if !bytes.Equal(it.rec.Body, r.Page) {
			t.Errorf("%s: body of %d bytes, want the %d-byte page (%.60q)", it.rec.Name, len(it.rec.Body), len(r.Page), it.rec.Body)
		}
		if it.rec.URL != r.URI || it.rec.ContentType != r.HTTPType {
			t.Errorf("%s: url %q content type %q, want %q %q", it.rec.Name, it.rec.URL, it.rec.ContentType, r.URI, r.HTTPType)
		}
		if want := time.Date(2022, 8, 3, 8, 42, 0, 0, time.UTC); !it.rec.Date.Equal(want) {
			t.Errorf("%s: date %v, want %v", it.rec.Name, it.rec.Date, want)
		}
	}
	if i != len(items) {
		t.Errorf("%d items, want %d: %v", len(items), i, items[i:])
	}
}

// TestRecords reads the test crawl plain, gzipped record by record and
// gzipped whole, each from a reader that cannot be reopened, whole or in
// small reads.
func TestRecords(t *testing.T) {
	recs := crawl(t)
	for _, mode := range []string{"plain", "gzip per record", "gzip whole"} {
		data, _ := warctest.Write(t, mode == "gzip per record", recs)
		if mode == "gzip whole" {
			data = warctest.Gzip(t, data)
		}
		for _, rd := range readers {
			t.Run(mode+"/"+rd.desc, func(t *testing.T) {
				checkPages(t, readAll(t, rd.wrap(bytes.NewReader(data)), Options{}), recs)
			})
		}
	}
}

// TestRecordsBreak: a loop that breaks stops the reading.
func TestRecordsBreak(t *testing.T) {
	data, _ := warctest.Write(t, true, crawl(t))
	n := 0
	for range Records(bytes.NewReader(data), "a.warc", Options{}) {
		n++
		break
	}
	if n != 1 {
		t.Errorf("%d items after break, want 1", n)
	}
}

// TestDamagedRecord: a record that cannot be read gives one error, named
// after it, and the pages around it all come out.
func TestDamagedRecord(t *testing.T) {
	const damaged = 9 // 1-based: the d.html page
	recs := crawl(t)
	for _, gz := range []bool{false, true} {
		t.Run(fmt.Sprint("gzip=", gz), func(t *testing.T) {
			data, offsets := warctest.Write(t, gz, recs)
			warctest.Corrupt(data, offsets, damaged, gz)
			items := readAll(t, bytes.NewReader(data), Options{})
			var errs []item
			for _, it := range items {
				if it.err != nil {
					errs = append(errs, it)
				}
			}
			if len(errs) != 1 || errs[0].rec.Name != fmt.Sprintf("a.warc#%d", damaged) || !strings.HasPrefix(errs[0].err.Error(), "warc: ") {
				t.Fatalf("errors %v, want one warc: error for record %d", errs, damaged)
			}
			want := append([]warctest.Rec(nil), recs...)
			want[damaged-1].Page = nil
			var pages []item
			for _, it := range items {
				if it.err == nil {
					pages = append(pages, it)
				}
			}
			checkPages(t, pages, want)
		})
	}
}

// TestTruncated: an archive cut inside its last record gives the pages
// before it and one error line for the cut record.
func TestTruncated(t *testing.T) {
	recs := crawl(t)
	for _, gz := range []bool{false, true} {
		t.Run(fmt.Sprint("gzip=", gz), func(t *testing.T) {
			data, offsets := warctest.Write(t, gz, recs)
			n := len(recs)
			cut := offsets[n-1] + (offsets[n]-offsets[n-1])*2/3
			items := readAll(t, bytes.NewReader(data[:cut]), Options{})
			last := items[len(items)-1]
			if last.rec.Name != fmt.Sprintf("a.warc#%d", n) || last.err == nil {
				t.Fatalf("last item %v, want the error of record %d", last, n)
			}
			if !strings.Contains(last.err.Error(), "truncated") && !strings.Contains(last.err.Error(), "unexpected EOF") {
				t.Errorf("error %q does not say the record was cut", last.err)
			}
			want := append([]warctest.Rec(nil), recs...)
			want[n-1].Page = nil
			checkPages(t, items[:len(items)-1], want)
		})
	}
}

// lengthCases are records whose Content-Length lies, each between two
// good pages: the bad record gives one error, the next record is read.
var lengthCases = []struct {
	file, length, wantErr string
}{
	{"negative-length", "-5", `Content-Length "-5" is not a length`},
	{"nonnumeric-length", "12ab", `Content-Length "12ab" is not a length`},
	{"empty-length", "", `Content-Length "" is not a length`},
	{"overflowing-length", "99999999999999999999999999", "out of range"},
	// Within int64 but past the end of the archive.
	{"beyond-file-length", "99999999999", "record truncated: Content-Length 99999999999"},
}

// TestContentLength reads the archives of testdata/*-length.warc, plain
// and gzipped record by record: a Content-Length that is negative, not a
// number, or reaches past the end costs its own record, no more.
func TestContentLength(t *testing.T) {
	for _, tc := range lengthCases {
		records, pages := lengthArchive(t, tc.length)
		path := filepath.Join("testdata", tc.file+".warc")
		if *update {
			if err := os.WriteFile(path, bytes.Join(records, nil), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		plain, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (go test -update writes it)", err)
		}
		if !bytes.Equal(plain, bytes.Join(records, nil)) {
			t.Fatalf("%s differs from the archive the test makes (go test -update)", path)
		}
		var gz []byte
		for _, r := range records {
			gz = append(gz, warctest.Gzip(t, r)...)
		}
		for _, a := range []struct {
			desc string
			data []byte
		}{{"plain", plain}, {"gzip per record", gz}} {
			for _, rd := range readers {
				t.Run(tc.file+"/"+a.desc+"/"+rd.desc, func(t *testing.T) {
					items := readAll(t, rd.wrap(bytes.NewReader(a.data)), Options{})
					if len(items) != 4 {
						t.Fatalf("%d items, want 3 pages and 1 error: %v", len(items), items)
					}
					bad := items[2]
					if bad.rec.Name != "a.warc#3" || bad.err == nil || !strings.Contains(bad.err.Error(), tc.wantErr) {
						t.Fatalf("item 3 = %s %v, want the error of a.warc#3 with %q", bad.rec.Name, bad.err, tc.wantErr)
					}
					if bad.rec.URL != pages[2].URI {
						t.Errorf("error of a.warc#3 has url %q, want %q", bad.rec.URL, pages[2].URI)
					}
					checkPages(t, append(items[:2:2], items[3]), pages)
				})
			}
		}
	}
}

// TestBeyondFileLast: a Content-Length past the end in the last record;
// nothing follows it to recover.
func TestBeyondFileLast(t *testing.T) {
	records, pages := lengthArchive(t, "99999999999")
	items := readAll(t, bytes.NewReader(bytes.Join(records[:3], nil)), Options{})
	if len(items) != 3 || items[2].err == nil || items[2].rec.Name != "a.warc#3" {
		t.Fatalf("items %v, want 2 pages and the error of a.warc#3", items)
	}
	checkPages(t, items[:2], pages[:2])
}

// TestMaxBytes: the limit applies to each record's body, stored and decoded.
func TestMaxBytes(t *testing.T) {
	recs := crawl(t)
	data, _ := warctest.Write(t, true, recs)
	// seeds[2] (record 8) is 64 KB of text; every other page is under 20 KB.
	const max = 40000
	for _, it := range readAll(t, bytes.NewReader(data), Options{MaxBytes: max}) {
		tooLarge := errors.Is(it.err, ErrTooLarge)
		if want := it.rec.Name == "a.warc#8"; tooLarge != want {
			t.Errorf("%s: error %v, want ErrTooLarge %v", it.rec.Name, it.err, want)
		}
		if len(it.rec.Body) > max {
			t.Errorf("%s: %d bytes, over the limit", it.rec.Name, len(it.rec.Body))
		}
	}
	// Stored small, inflating past the limit: a gzip bomb.
	bomb := []warctest.Rec{{Type: gowarc.Response, URI: "http://a/b.html", ContentType: warctest.ResponseType,
		Block: warctest.HTTPResponse("200 OK", "text/html", []string{"Content-Encoding: gzip"}, warctest.Gzip(t, bytes.Repeat([]byte("<p>a</p>"), 100000)))}}
	data, _ = warctest.Write(t, false, bomb)
	items := readAll(t, bytes.NewReader(data), Options{MaxBytes: max})
	if len(items) != 1 || !errors.Is(items[0].err, ErrTooLarge) {
		t.Errorf("gzip bomb: %v, want ErrTooLarge", items)
	}
}

func TestSniff(t *testing.T) {
	data, _ := warctest.Write(t, false, crawl(t))
	gz, _ := warctest.Write(t, true, crawl(t))
	for _, tc := range []struct {
		desc string
		in   []byte
		want bool
	}{
		{"plain archive", data, true},
		{"gzip per record", gz, true},
		{"gzip whole", warctest.Gzip(t, data), true},
		{"just a version line", []byte("WARC/1.0\r\n"), true},
		{"html page", warctest.SeedHTML(t, seeds[0], ""), false},
		{"gzipped page", warctest.Gzip(t, warctest.SeedHTML(t, seeds[0], "")), false},
		{"gzip magic alone", []byte{0x1f, 0x8b, 0x08}, false},
		{"empty", nil, false},
	} {
		br := bufio.NewReader(bytes.NewReader(tc.in))
		if got := Sniff(br); got != tc.want {
			t.Errorf("%s: Sniff = %v, want %v", tc.desc, got, tc.want)
		}
		if rest, _ := io.ReadAll(br); !bytes.Equal(rest, tc.in) {
			t.Errorf("%s: Sniff consumed input", tc.desc)
		}
	}
}

// TestJunk: bytes between records are one error named after the record
// number they take; the records around them are read.
func TestJunk(t *testing.T) {
	records, pages := lengthArchive(t, "0")
	records[2] = []byte("this is not a record\r\n")
	pages[2].Page = nil
	items := readAll(t, bytes.NewReader(bytes.Join(records, nil)), Options{})
	if len(items) != 4 || items[2].err == nil || items[2].rec.Name != "a.warc#3" {
		t.Fatalf("items %v, want an error for a.warc#3 among 3 pages", items)
	}
	checkPages(t, append(items[:2:2], items[3]), pages)
}

// TestReadError: a read error of the archive ends it with that error.
func TestReadError(t *testing.T) {
	data, _ := warctest.Write(t, false, crawl(t))
	boom := errors.New("disk gone")
	items := readAll(t, io.MultiReader(bytes.NewReader(data[:len(data)/2]), iotest.ErrReader(boom)), Options{})
	last := items[len(items)-1]
	if !errors.Is(last.err, boom) {
		t.Errorf("last item %v, want the read error", last)
	}
}

func TestIsHTMLType(t *testing.T) {
	for ct, want := range map[string]bool{
		"text/html":                          true,
		"text/html; charset=utf-8":           true,
		"TEXT/HTML;charset=GBK":              true,
		"application/xhtml+xml":              true,
		"text/html;;charset=gb2312":          true, // malformed, still HTML
		"text/plain; charset=utf-8":          false,
		"image/png":                          false,
		"application/json":                   false,
		"text/html-sandboxed":                false,
		"application/vnd.ms-excel;name=a.xl": false,
	} {
		if got := isHTMLType(ct); got != want {
			t.Errorf("isHTMLType(%q) = %v, want %v", ct, got, want)
		}
	}
}

func TestDecodeContent(t *testing.T) {
	body := []byte("<html><p>会议强调，要统筹兼顾。</p></html>")
	for _, tc := range []struct {
		desc, coding string
		in           []byte
		want         []byte
		wantErr      string
	}{
		{"identity", "", body, body, ""},
		{"gzip", "gzip", warctest.Gzip(t, body), body, ""},
		{"x-gzip upper case", " X-GZIP ", warctest.Gzip(t, body), body, ""},
		{"gzip header but stored decoded", "gzip", body, body, ""},
		{"gzip bomb over max", "gzip", warctest.Gzip(t, bytes.Repeat([]byte("a"), 100000)), nil, "larger than the limit"},
		{"truncated gzip", "gzip", warctest.Gzip(t, body)[:20], nil, "Content-Encoding gzip"},
		{"brotli", "br", body, nil, "unsupported Content-Encoding"},
	} {
		got, err := decodeContent(tc.in, tc.coding, 50000)
		if tc.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("%s: err %v, want %q", tc.desc, err, tc.wantErr)
			}
			continue
		}
		if err != nil || !bytes.Equal(got, tc.want) {
			t.Errorf("%s: %q, %v", tc.desc, got, err)
		}
	}
}
