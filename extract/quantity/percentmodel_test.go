package quantity_test

import (
	"encoding/json"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/zhengling/zhengling/extract"
)

// peerCase is one case of the Recognizers-Text PercentModel suite.
type peerCase struct {
	Input   string `json:"Input"`
	Results []struct {
		Text       string `json:"Text"`
		Resolution struct {
			Value string `json:"value"`
		} `json:"Resolution"`
	} `json:"Results"`
}

// TestPercentModel feeds every case of the peer suite through the whole
// pipeline as a small text document (a title line, then the case) and
// compares the values of its percentages with the suite's.
func TestPercentModel(t *testing.T) {
	raw, err := os.ReadFile("testdata/PercentModel.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []peerCase
	if err := json.Unmarshal(raw, &cases); err != nil {
		t.Fatal(err)
	}
	pass := 0
	for _, c := range cases {
		want := peerValues(t, c)
		doc, err := extract.Text("测试\n"+c.Input, extract.Options{})
		if err != nil {
			t.Fatalf("%q: %v", c.Input, err)
		}
		var got []float64
		for _, p := range doc.Percentages {
			got = append(got, p.Value)
		}
		if sameValues(got, want) {
			pass++
		} else {
			t.Logf("miss %q: got %v, want %v", c.Input, got, want)
		}
	}
	rate := float64(pass) / float64(len(cases))
	t.Logf("PercentModel: %d/%d = %.1f%%", pass, len(cases), 100*rate)
	if rate < 0.8 {
		t.Errorf("pass rate %.1f%% < 80%%", 100*rate)
	}
}

func peerValues(t *testing.T, c peerCase) []float64 {
	var out []float64
	for _, r := range c.Results {
		v, err := strconv.ParseFloat(strings.TrimSuffix(r.Resolution.Value, "%"), 64)
		if err != nil {
			t.Fatalf("%q: bad value %q", c.Input, r.Resolution.Value)
		}
		out = append(out, v)
	}
	return out
}

func sameValues(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	sort.Float64s(a)
	sort.Float64s(b)
	for i := range a {
		if math.Abs(a[i]-b[i]) > 1e-9*math.Max(1, math.Abs(b[i])) {
			return false
		}
	}
	return true
}
