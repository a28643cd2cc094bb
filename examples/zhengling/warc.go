package main

// enumerateWARC sends the HTML response records of a WARC file.
func enumerateWARC(path string, maxBytes int64, send func(*input) bool) bool {
	return send(&input{name: path, err: errWARCUnsupported})
}
