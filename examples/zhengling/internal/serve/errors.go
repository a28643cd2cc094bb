package serve

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"strconv"

	"github.com/zhengling/zhengling/extract"
	"github.com/zhengling/zhengling/extract/export"
)

// Errors of the server's own making; the library's (extract.ErrEmpty, …)
// are passed on with their text, as the command prints them.
var errOverloaded = errors.New("serve: overloaded: every worker is busy and the queue is full; retry later")

// tooLargeError is a page over --max-bytes, said as the command says it.
type tooLargeError int64

func (e tooLargeError) Error() string { return fmt.Sprintf("larger than --max-bytes %d", int64(e)) }

func (tooLargeError) Unwrap() error { return extract.ErrTooLarge }

// badRequestError is a query parameter, form field or batch record that
// is wrong in itself, before any extraction.
type badRequestError struct{ err error }

func (e badRequestError) Error() string { return e.err.Error() }

func (e badRequestError) Unwrap() error { return e.err }

func badRequest(format string, args ...any) error {
	return badRequestError{fmt.Errorf(format, args...)}
}

// timeoutError is a page not done within --timeout.
type timeoutError struct {
	limit string
	err   error
}

func (e timeoutError) Error() string {
	return "deadline exceeded: not done within --timeout " + e.limit
}

func (e timeoutError) Unwrap() error { return e.err }

// panicError is a panic recovered during an extraction: a bug, answered 500.
type panicError struct{ value any }

func (e panicError) Error() string { return "internal error" }

// classify gives the HTTP status and the metric kind of an error.
func classify(err error) (int, string) {
	var (
		bad  badRequestError
		pnc  panicError
		tmo  timeoutError
		big  *http.MaxBytesError
		slow interface{ Timeout() bool }
	)
	switch {
	case errors.As(err, &pnc):
		return http.StatusInternalServerError, kindPanic
	case errors.Is(err, errOverloaded):
		return http.StatusTooManyRequests, kindOverloaded
	case errors.Is(err, extract.ErrTooLarge), errors.As(err, &big):
		return http.StatusRequestEntityTooLarge, kindTooLarge
	case errors.As(err, &tmo):
		return http.StatusServiceUnavailable, kindTimeout
	case errors.Is(err, context.Canceled): // the client went away: nobody reads the status
		return http.StatusServiceUnavailable, kindCanceled
	case errors.Is(err, os.ErrDeadlineExceeded), errors.As(err, &slow) && slow.Timeout():
		return http.StatusRequestTimeout, kindSlowClient
	case errors.As(err, &bad):
		return http.StatusBadRequest, kindBadRequest
	}
	return http.StatusUnprocessableEntity, kindBadInput
}

// fail answers a request that failed with its status and the command's
// error line, {"file": …, "error": …}, and counts it.
func (s *Server) fail(w http.ResponseWriter, file string, err error) {
	status, kind := classify(err)
	s.metrics.fail(kind)
	s.writeError(w, status, file, err)
}

func (s *Server) writeError(w http.ResponseWriter, status int, file string, err error) {
	h := w.Header()
	h.Set("Content-Type", mediaJSON)
	if status == http.StatusTooManyRequests || status == http.StatusServiceUnavailable {
		h.Set("Retry-After", strconv.Itoa(retryAfterSeconds))
	}
	if status == http.StatusRequestEntityTooLarge || status == http.StatusRequestTimeout {
		h.Set("Connection", "close") // the rest of the body is not read
	}
	w.WriteHeader(status)
	_ = export.JSONLine(w, export.ErrorLine{File: file, Error: err.Error()})
}

// retryAfterSeconds is the Retry-After of a 429 or 503: one second is
// several hundred pages on two workers, long enough for the queue to move.
const retryAfterSeconds = 1
