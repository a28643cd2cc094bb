package serve

import (
	"bufio"
	"bytes"
	"slices"
	"sync"
	"testing"

	"github.com/zhengling/zhengling/extract"
)

// FuzzNegotiate: any Accept header gives an offered type or "".
func FuzzNegotiate(f *testing.F) {
	for _, s := range []string{"", "*/*", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/csv;q=0", "a/b;q=NaN", "text/*;q=1e400", ",,;;==", "text/html;q=0.5;q=1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, accept string) {
		if got := negotiate(accept, extractFormats); got != "" && !slices.Contains(extractFormats, got) {
			t.Errorf("negotiate(%q) = %q", accept, got)
		}
	})
}

var fuzzServer = sync.OnceValues(func() (*Server, error) { return New(Config{MaxBytes: 300}) })

// FuzzJSONLRecords: any upload gives records that each have a name and a
// page within the line limit (or an error), never more records than lines,
// and reading ends.
func FuzzJSONLRecords(f *testing.F) {
	for _, s := range []string{
		"{\"body\": \"会议强调\"}\n{\"body_base64\": \"5Lya\"}\n",
		"{\"file\": \"a\", \"url\": \"http://a\", \"date\": \"2022-08-03\", \"body\": \"x\"}",
		"\n\n{}\n{\"body\": 1}\n{\"body\": \"a\", \"body_base64\": \"YQ==\"}",
		"{\"body\": \"" + string(bytes.Repeat([]byte("x"), 1000)) + "\"}\nnot json\n",
		"{\"date\": \"2022-13-01\", \"body\": \"\\u0000\"}\r\n",
	} {
		f.Add([]byte(s))
	}
	s, err := fuzzServer()
	if err != nil {
		f.Fatal(err)
	}
	limit := s.cfg.MaxBytes/3*4 + 64<<10
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<20 {
			return
		}
		n := 0
		for rec := range s.jsonlRecords(bufio.NewReader(bytes.NewReader(data)), "fuzz", extract.Options{}) {
			n++
			if rec.name == "" {
				t.Errorf("record %d without a name", n)
			}
			if int64(len(rec.data)) > limit {
				t.Errorf("record %d: %d bytes, error %v", n, len(rec.data), rec.err)
			}
		}
		if lines := bytes.Count(data, []byte("\n")) + 1; n > lines {
			t.Errorf("%d records from %d lines", n, lines)
		}
	})
}
