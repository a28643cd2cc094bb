package clean

import (
	"bytes"
	"strings"
)

// Bytes cleans a page given as bytes, HTML or plain text. (Interim version:
// replaced by the charset-aware one.)
func Bytes(b []byte, contentType string) (*Page, error) {
	head := strings.ToLower(string(b[:min(len(b), 1024)]))
	if strings.Contains(head, "<html") || strings.Contains(head, "<!doctype") {
		return HTML(bytes.NewReader(b), contentType)
	}
	return Text(string(b)), nil
}
