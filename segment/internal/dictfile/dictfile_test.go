package dictfile

import (
	"bytes"
	"errors"
	"testing"
)

var sample = []Entry{
	{Key: "招商局", Freq: 113, Pos: "nt"},
	{Key: "一要", Freq: 1000, Pos: "m"},
	{Key: "4s店", Freq: 3, Pos: "n"},
	{Key: "招商", Freq: 1500, Pos: "n"},
	{Key: "局", Freq: 2, Pos: ""},
}

func encode(t testing.TB, es []Entry) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Encode(&buf, Source{Hash: "hash"}, es); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestRoundTrip(t *testing.T) {
	tab, err := Decode(encode(t, sample))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"4s店", "一要", "局", "招商", "招商局"} // bytewise order
	if tab.Len() != len(want) || tab.Hash != "hash" {
		t.Fatalf("Len %d hash %q, want %d \"hash\"", tab.Len(), tab.Hash, len(want))
	}
	freq := map[string]uint64{}
	pos := map[string]string{}
	for _, e := range sample {
		freq[e.Key], pos[e.Key] = e.Freq, e.Pos
	}
	for i, k := range want {
		if got := string(tab.Key(i)); got != k {
			t.Errorf("key %d = %q, want %q", i, got, k)
		}
		if uint64(tab.Freq[i]) != freq[k] || tab.Names[tab.Pos[i]] != pos[k] {
			t.Errorf("%q: freq %d pos %q, want %d %q", k, tab.Freq[i], tab.Names[tab.Pos[i]], freq[k], pos[k])
		}
	}
}

func TestEncodeRejects(t *testing.T) {
	var buf bytes.Buffer
	if err := Encode(&buf, Source{}, []Entry{{Key: "a", Freq: 2}, {Key: "a", Freq: 3}}); err == nil {
		t.Error("duplicate key accepted")
	}
	if err := Encode(&buf, Source{}, []Entry{{Key: "a", Freq: 1 << 40}}); err == nil {
		t.Error("frequency above 32 bits accepted")
	}
}

func TestDecodeRejects(t *testing.T) {
	good := encode(t, sample)
	for _, tc := range []struct {
		desc string
		data []byte
	}{
		{"empty", nil},
		{"not gzip", []byte("招商局 113 nt\n")},
		{"truncated", good[:len(good)/2]},
	} {
		if _, err := Decode(tc.data); !errors.Is(err, ErrFormat) {
			t.Errorf("%s: err = %v, want ErrFormat", tc.desc, err)
		}
	}
}

// FuzzDecode: any bytes give a table or ErrFormat, never a panic, and a
// table's keys are in range.
func FuzzDecode(f *testing.F) {
	f.Add(encode(f, sample))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		tab, err := Decode(data)
		if err != nil {
			if !errors.Is(err, ErrFormat) {
				t.Fatalf("error %v is not ErrFormat", err)
			}
			return
		}
		for i := range tab.Len() {
			_ = tab.Key(i)
			_ = tab.Names[tab.Pos[i]]
		}
	})
}
