package serve

import "testing"

// TestNegotiate is a corpus of Accept headers, most of them what real
// clients send, with the format each must get.
func TestNegotiate(t *testing.T) {
	offered := []string{mediaJSON, mediaCSV, mediaCalendar, mediaHTML}
	cases := []struct{ desc, accept, want string }{
		{"no header: JSON", "", mediaJSON},
		{"curl's default", "*/*", mediaJSON},
		{"Firefox page load", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", mediaHTML},
		{"Chrome page load", "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7", mediaHTML},
		{"python requests", "*/*", mediaJSON},
		{"the ledger", "text/csv", mediaCSV},
		{"a calendar client", "text/calendar", mediaCalendar},
		{"JSON asked by name", "application/json", mediaJSON},
		{"text/* picks the first text type offered", "text/*", mediaCSV},
		{"q orders", "text/csv;q=0.5, text/calendar", mediaCalendar},
		{"exact beats a wildcard's q", "text/*;q=0.9, text/csv;q=0.1", mediaCalendar},
		{"q=0 refuses", "application/json;q=0, */*", mediaCSV},
		{"case of the type", "Text/HTML", mediaHTML},
		{"parameters are ignored", "text/html; charset=utf-8", mediaHTML},
		// negative rows: nothing acceptable
		{"only a type not offered", "application/xml", ""},
		{"all refused", "*/*;q=0", ""},
		{"garbage", "not a media type", ""},
		{"q out of range", "text/csv;q=2", ""},
	}
	for _, c := range cases {
		t.Run(c.desc, func(t *testing.T) {
			if got := negotiate(c.accept, offered); got != c.want {
				t.Errorf("negotiate(%q) = %q, want %q", c.accept, got, c.want)
			}
		})
	}
}
