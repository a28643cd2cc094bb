package timex

import "testing"

// TestHolidayYears: every holiday resolves in every year a text can write
// with four digits, without a panic of the calendar library.
func TestHolidayYears(t *testing.T) {
	for y := minYear; y <= maxYear; y += 7 {
		for _, h := range holidays {
			if d := h.date(y); d.IsZero() && y >= 1900 && y <= 2100 {
				t.Errorf("%s %d: no date", h.name, y)
			}
		}
	}
}
