package warc

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/zhengling/zhengling/internal/warctest"
)

// FuzzRecords feeds arbitrary archives to the reader: it must end, never
// panic, name records with increasing numbers, keep every body within the
// limit, and give the same items whatever the size of the reads.
func FuzzRecords(f *testing.F) {
	// Small seeds: the fuzzer minimises every input it finds interesting.
	recs := crawl(f)[:6]
	for i := range recs {
		recs[i].Block = recs[i].Block[:min(len(recs[i].Block), 400)]
	}
	for _, gz := range []bool{false, true} {
		data, _ := warctest.Write(f, gz, recs)
		f.Add(data)
		f.Add(data[:len(data)/2])
	}
	for _, tc := range lengthCases {
		records, _ := lengthArchive(f, tc.length)
		for i, r := range records {
			records[i] = r[:min(len(r), 600)]
		}
		f.Add(bytes.Join(records, nil))
	}
	f.Add([]byte("WARC/1.1\r\n\r\n"))
	f.Add([]byte("WARC/1.1\r\nContent-Length: 99999999999\r\nWARC-Type: response\r\n\r\nHTTP/1.1 200 OK\r\n\r\n\r\nWARC/1.0\r\n"))
	const max = 1 << 16
	f.Fuzz(func(t *testing.T, data []byte) {
		whole := summary(t, Records(bytes.NewReader(data), "a.warc", Options{MaxBytes: max}), max)
		bytewise := summary(t, Records(iotest.OneByteReader(bytes.NewReader(data)), "a.warc", Options{MaxBytes: max}), max)
		if whole != bytewise {
			t.Fatalf("read whole:\n%s\nread a byte at a time:\n%s", whole, bytewise)
		}
	})
}

// summary checks the items of one reading and describes them, one line each.
func summary(t *testing.T, items func(func(Record, error) bool), max int) string {
	var b strings.Builder
	last := 0
	for rec, err := range items {
		num, ok := strings.CutPrefix(rec.Name, "a.warc#")
		n, convErr := strconv.Atoi(num)
		if !ok || convErr != nil {
			t.Fatalf("name %q is not a.warc#n", rec.Name)
		}
		if n <= last {
			t.Fatalf("record %d after %d", n, last)
		}
		last = n
		if len(rec.Body) > max {
			t.Fatalf("%d bytes past the limit", len(rec.Body))
		}
		if err != nil && !strings.HasPrefix(err.Error(), "warc: ") {
			t.Fatalf("error %q does not start warc: ", err)
		}
		fmt.Fprintf(&b, "%s %q %q %d %v\n", rec.Name, rec.URL, rec.ContentType, len(rec.Body), err)
	}
	return b.String()
}
