// Package browser opens zhengling's HTML report (extract/export.HTML) in a
// real headless Chromium and checks what a person sees. It is a module of
// its own so that the browser driver (github.com/chromedp/chromedp) stays
// out of the library's dependencies; it has tests only.
//
//	cd examples/browser && go test ./...
//
// The test needs Chromium (Debian: apt-get install chromium; another path in
// $CHROMIUM). Without one it skips, except when $CI is set: then it fails.
package browser
