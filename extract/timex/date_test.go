package timex

import (
	"encoding/json"
	"testing"
)

func TestDateJSON(t *testing.T) {
	tests := []struct {
		d    Date
		json string
	}{
		{d(2022, 8, 31), `"2022-08-31"`},
		{d(2011, 10, 31), `"2011-10-31"`},
		{Date{}, `null`},
	}
	for _, tt := range tests {
		b, err := json.Marshal(tt.d)
		if err != nil || string(b) != tt.json {
			t.Errorf("marshal %v: %s, %v; want %s", tt.d, b, err, tt.json)
		}
		var back Date
		if err := json.Unmarshal(b, &back); err != nil || back != tt.d {
			t.Errorf("unmarshal %s: %v, %v; want %v", b, back, err, tt.d)
		}
	}
	var bad Date
	if err := json.Unmarshal([]byte(`"2022-13-01"`), &bad); err == nil {
		t.Error("2022-13-01 parsed")
	}
}

func TestDeadlineJSON(t *testing.T) {
	dl := Deadline{Text: "8月底前", Kind: KindBy, Date: d(2022, 8, 31), Precision: PrecisionMonth}
	b, err := json.Marshal(dl)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"text":"8月底前","kind":"by","date":"2022-08-31","from":null,"precision":"month","event":"","para":0,"start":0,"end":0}`
	if string(b) != want {
		t.Errorf("got  %s\nwant %s", b, want)
	}
}

func TestNewDateNormalises(t *testing.T) {
	if got := NewDate(2022, 13, 1); got != d(2023, 1, 1) {
		t.Errorf("month 13: %s", got)
	}
	if got := d(2024, 2, 1).EndOfMonth(); got != d(2024, 2, 29) {
		t.Errorf("end of February 2024: %s", got)
	}
	if !d(2022, 8, 30).Before(d(2022, 8, 31)) || d(2022, 8, 31).Before(d(2022, 8, 31)) {
		t.Error("Before")
	}
}
