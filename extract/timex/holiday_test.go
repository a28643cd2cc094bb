package timex

import "testing"

// TestHolidayDates checks lunar-go's conversion against published calendars.
func TestHolidayDates(t *testing.T) {
	tests := []struct {
		name string
		year int
		want Date
	}{
		{"春节", 2020, d(2020, 1, 25)}, {"春节", 2021, d(2021, 2, 12)}, {"春节", 2022, d(2022, 2, 1)},
		{"春节", 2023, d(2023, 1, 22)}, {"春节", 2024, d(2024, 2, 10)}, {"春节", 2025, d(2025, 1, 29)},
		{"元宵节", 2023, d(2023, 2, 5)}, {"元宵节", 2024, d(2024, 2, 24)},
		{"清明节", 2022, d(2022, 4, 5)}, {"清明节", 2023, d(2023, 4, 5)}, {"清明节", 2024, d(2024, 4, 4)},
		{"端午节", 2022, d(2022, 6, 3)}, {"端午节", 2023, d(2023, 6, 22)}, {"端午节", 2024, d(2024, 6, 10)},
		{"中秋节", 2020, d(2020, 10, 1)}, {"中秋节", 2022, d(2022, 9, 10)}, {"中秋节", 2023, d(2023, 9, 29)},
		{"中秋节", 2024, d(2024, 9, 17)}, {"重阳节", 2023, d(2023, 10, 23)}, {"七夕节", 2023, d(2023, 8, 22)},
		{"除夕", 2022, d(2023, 1, 21)}, {"除夕", 2023, d(2024, 2, 9)},
		{"元旦", 2024, d(2024, 1, 1)}, {"劳动节", 2024, d(2024, 5, 1)}, {"国庆节", 2024, d(2024, 10, 1)},
	}
	for _, tt := range tests {
		h := holidayNamed(tt.name)
		if h == nil {
			t.Fatalf("no holiday %s", tt.name)
		}
		if got := h.date(tt.year); got != tt.want {
			t.Errorf("%s %d: got %s, want %s", tt.name, tt.year, got, tt.want)
		}
	}
}

// TestHolidayNext: a holiday deadline means the coming one.
func TestHolidayNext(t *testing.T) {
	tests := []struct {
		name, ref string
		want      Date
	}{
		{"春节", "2022-11-10", d(2023, 1, 22)},
		{"春节", "2023-01-22", d(2023, 1, 22)},
		{"春节", "2023-01-23", d(2024, 2, 10)},
		{"国庆节", "2022-09-05", d(2022, 10, 1)},
		{"国庆节", "2022-10-02", d(2023, 10, 1)},
		{"除夕", "2023-12-01", d(2024, 2, 9)},
	}
	for _, tt := range tests {
		ref, _ := ParseDate(tt.ref)
		if got := holidayNamed(tt.name).next(ref, 0); got != tt.want {
			t.Errorf("%s after %s: got %s, want %s", tt.name, tt.ref, got, tt.want)
		}
	}
	if got := holidayNamed("春节").next(Date{}, 0); !got.IsZero() {
		t.Errorf("no reference: got %s, want null", got)
	}
}
