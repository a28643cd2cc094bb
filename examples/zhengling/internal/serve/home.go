package serve

import (
	_ "embed"
	"net/http"
	"strconv"
)

// homePage is the form of GET /: it posts to /v1/extract as
// multipart/form-data, and the browser's Accept asks for the HTML report.
// It is a static page, without script.
//
//go:embed home.html
var homePage []byte

func (s *Server) handleHome(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", mediaHTML+"; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(len(homePage)))
	h.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'")
	_, _ = w.Write(homePage)
}
