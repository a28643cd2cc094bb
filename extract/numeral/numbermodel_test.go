package numeral

import (
	"encoding/json"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"
)

// TestNumberModel runs the whole-number cases of the Recognizers-Text
// Chinese NumberModel suite (testdata/NumberModel.json, MIT licence, see
// ../testdata/README.md): inputs that are exactly one number. Forms that
// government text does not use (兆, 打, 几, 2^5, 2e5) are allowed to fail; the
// pass rate is logged and must stay above 85 %.
func TestNumberModel(t *testing.T) {
	raw, err := os.ReadFile("testdata/NumberModel.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []struct {
		Input   string
		Results []struct {
			Text       string
			Resolution struct{ Value string }
		}
	}
	if err := json.Unmarshal(raw, &cases); err != nil {
		t.Fatal(err)
	}
	pass, total := 0, 0
	for _, c := range cases {
		if len(c.Results) != 1 || strings.TrimSpace(c.Input) != strings.TrimSpace(c.Results[0].Text) {
			continue
		}
		want, err := strconv.ParseFloat(c.Results[0].Resolution.Value, 64)
		if err != nil || strings.HasPrefix(c.Input, "-") || strings.HasPrefix(c.Input, "负") || strings.HasPrefix(c.Input, "負") {
			continue // signs are the caller's
		}
		total++
		got, err := Parse(c.Input)
		if err == nil && math.Abs(got-want) <= 1e-9*math.Max(1, math.Abs(want)) {
			pass++
		} else {
			t.Logf("miss %q: got %v %v, want %v", c.Input, got, err, want)
		}
	}
	rate := float64(pass) / float64(total)
	t.Logf("NumberModel: %d/%d = %.1f%%", pass, total, 100*rate)
	if rate < 0.85 {
		t.Errorf("pass rate %.1f%% < 85%%", 100*rate)
	}
}
