package serve

import (
	"mime"
	"strconv"
	"strings"
)

// negotiate picks, from the media types offered (in the server's order of
// preference), the one the Accept header rates highest (RFC 9110, section
// 12.5.1): an exact type wins over type/* and */*, a q of 0 refuses, and
// offered[0] is the answer to a missing or empty header. It returns "" when
// nothing offered is acceptable.
func negotiate(accept string, offered []string) string {
	if strings.TrimSpace(accept) == "" {
		return offered[0]
	}
	best, bestQ, bestSpec := "", 0.0, -1
	for _, o := range offered {
		q, spec := quality(accept, o)
		if q > bestQ || (q == bestQ && q > 0 && spec > bestSpec) {
			best, bestQ, bestSpec = o, q, spec
		}
	}
	return best
}

// quality is the q the Accept header gives media type t, taken from its
// most specific range that matches (3: exact, 2: type/*, 1: */*), and that
// specificity; 0 and -1 when no range matches.
func quality(accept, t string) (float64, int) {
	typ, _, _ := strings.Cut(t, "/")
	q, spec := 0.0, -1
	for _, r := range strings.Split(accept, ",") {
		mt, params, err := mime.ParseMediaType(strings.TrimSpace(r))
		if err != nil {
			continue
		}
		s := -1
		switch {
		case mt == t:
			s = 3
		case mt == typ+"/*":
			s = 2
		case mt == "*/*":
			s = 1
		}
		if s <= spec {
			continue
		}
		rq := 1.0
		if v, ok := params["q"]; ok {
			if rq, err = strconv.ParseFloat(v, 64); err != nil || rq < 0 || rq > 1 {
				continue
			}
		}
		q, spec = rq, s
	}
	return q, spec
}
