package clean

import (
	"bytes"
	"errors"
	"fmt"
	"mime"
	"regexp"
	"strings"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Encoding names reported in Page.Encoding.
const (
	EncUTF8    = "utf-8"
	EncGBK     = "gbk"
	EncGB18030 = "gb18030"
	EncBig5    = "big5"
	EncUTF16LE = "utf-16le"
	EncUTF16BE = "utf-16be"
)

// ErrEmpty is returned for input without any byte.
var ErrEmpty = errors.New("clean: empty input")

// prescanLimit is how far into the bytes a <meta charset> is looked for
// (the HTML standard's prescan reads 1024 bytes; saved pages put long
// comments and scripts first, so look further).
const prescanLimit = 8192

// metaCharset finds <meta charset=gbk> and <meta http-equiv="Content-Type"
// content="text/html; charset=gb2312"> in the ASCII-lowered prescan window.
var metaCharset = regexp.MustCompile(`<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_\-:.]+)`)

// Decode converts b to UTF-8. The charset is chosen in this order: a byte
// order mark; the charset of contentType (an HTTP Content-Type header, may be
// empty); a <meta charset> or http-equiv declaration; else a detector. A
// declaration that the bytes contradict (declared GBK but valid UTF-8,
// declared UTF-8 but invalid, a Latin charset on Chinese bytes) is overruled
// by the detector. encoding names the charset used (EncUTF8, EncGBK, …).
func Decode(b []byte, contentType string) (text string, enc string, err error) {
	out, enc, err := decodeBytes(b, contentType)
	if err != nil || len(out) == 0 {
		return "", enc, err
	}
	if len(out) <= len(b) && &out[0] == &b[len(b)-len(out)] {
		return string(out), enc, nil // valid UTF-8: b itself, the caller's
	}
	// out is a fresh buffer nothing else holds: the string shares it.
	return unsafe.String(&out[0], len(out)), enc, nil
}

// decodeBytes is Decode without the string: valid UTF-8 comes back as
// (the tail of) b itself, uncopied.
func decodeBytes(b []byte, contentType string) (text []byte, enc string, err error) {
	if len(b) == 0 {
		return nil, EncUTF8, ErrEmpty
	}
	if name, body, ok := bom(b); ok {
		s, err := decodeWith(name, body)
		return s, name, err
	}
	declared := charsetParam(contentType)
	if declared == "" {
		declared = sniffMeta(b)
	}
	var memo decodeMemo
	name := chooseEncoding(b, declared, &memo)
	s, err := memo.decode(name, b)
	return s, name, err
}

// decodeMemo keeps the one text a charset check already decoded, so the
// chosen charset is not decoded a second time.
type decodeMemo struct {
	name string
	text []byte
	err  error
}

func (m *decodeMemo) decode(name string, b []byte) ([]byte, error) {
	if m.name != name {
		m.text, m.err = decodeWith(name, b)
		m.name = name
	}
	return m.text, m.err
}

func bom(b []byte) (name string, body []byte, ok bool) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		return EncUTF8, b[3:], true
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return EncUTF16LE, b[2:], true
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return EncUTF16BE, b[2:], true
	}
	return "", nil, false
}

// charsetParam returns the charset parameter of a Content-Type header.
func charsetParam(contentType string) string {
	if contentType == "" {
		return ""
	}
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		return ""
	}
	return strings.ToLower(strings.TrimSpace(params["charset"]))
}

func sniffMeta(b []byte) string {
	head := b
	if len(head) > prescanLimit {
		head = head[:prescanLimit]
	}
	m := metaCharset.FindSubmatch(bytes.ToLower(head))
	if m == nil {
		return ""
	}
	return string(m[1])
}

// chooseEncoding settles the charset from a declaration (possibly empty)
// and the bytes themselves.
func chooseEncoding(b []byte, declared string, memo *decodeMemo) string {
	canon := canonical(declared)
	valid := utf8.Valid(b)
	switch canon {
	case EncUTF8:
		if valid {
			return EncUTF8
		}
	case EncGBK, EncGB18030, EncBig5:
		// GBK/Big5 text with Chinese in it is practically never valid
		// UTF-8; a page that is has been re-saved as UTF-8 by a browser.
		if valid && hasMultibyte(b) {
			return EncUTF8
		}
		if !valid && decodeErrors(canon, b, memo) <= detectTolerance(b) {
			return canon
		}
	case "":
	default:
		// valid multi-byte UTF-8 is practically never meant as Latin-1
		if valid && hasMultibyte(b) {
			return EncUTF8
		}
		if _, err := htmlindex.Get(canon); err == nil && !looksCJKBytes(b) {
			return canon
		}
	}
	return detect(b, memo)
}

// canonical folds the many names of the Chinese charsets.
func canonical(name string) string {
	switch strings.ToLower(strings.TrimSpace(name)) {
	case "":
		return ""
	case "utf-8", "utf8", "unicode-1-1-utf-8":
		return EncUTF8
	case "gbk", "gb2312", "gb_2312-80", "x-gbk", "cp936", "windows-936", "euc-cn", "csgb2312", "iso-ir-58", "chinese":
		return EncGBK
	case "gb18030":
		return EncGB18030
	case "big5", "big5-hkscs", "cn-big5", "x-x-big5", "csbig5", "cp950":
		return EncBig5
	}
	return strings.ToLower(strings.TrimSpace(name))
}

func hasMultibyte(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return true
		}
	}
	return false
}

// looksCJKBytes reports whether a good share of the bytes are high bytes,
// as in any Chinese text and no Latin-1 one.
func looksCJKBytes(b []byte) bool {
	high := 0
	for _, c := range b {
		if c >= 0x80 {
			high++
		}
	}
	return high > 64 && high*10 > len(b)
}

// detectTolerance is how many undecodable sequences a declared charset may
// produce before the declaration is distrusted: saved pages carry a few
// broken bytes (a truncated title, a stray Windows-1252 quote).
func detectTolerance(b []byte) int { return 2 + len(b)/20000 }

// detect chooses between UTF-8, GB18030 (reported as gbk when no four-byte
// sequence occurs) and Big5 by decoding validity and how many of the
// decoded Han characters are common ones.
func detect(b []byte, memo *decodeMemo) string {
	if utf8.Valid(b) {
		return EncUTF8
	}
	type cand struct {
		name  string
		score int
	}
	best := cand{EncUTF8, scoreBytes(b)}
	var bestText decodeMemo
	for _, name := range []string{EncGBK, EncBig5} {
		var m decodeMemo
		if name == memo.name {
			m = *memo
		}
		s, err := m.decode(name, b)
		if err != nil {
			continue
		}
		if sc := scoreBytes(s); sc > best.score { // s is valid: as scoreText
			best = cand{name, sc}
			bestText = m
		}
	}
	if bestText.name != "" {
		*memo = bestText
	}
	if best.name == EncGBK && hasGB18030FourByte(b) {
		return EncGB18030
	}
	return best.name
}

// scoreText rewards common Han characters and punishes replacement
// characters and rare ones: the wrong double-byte decoder yields rare
// characters (偟膩碚) or errors.
func scoreText(s string) int {
	score := 0
	for _, r := range s {
		score += runeScore(r)
	}
	return score
}

func runeScore(r rune) int {
	switch {
	case r == utf8.RuneError:
		return -8
	case r < 0x80:
	case r < 0x10000 && commonHan[r]:
		return 2
	case r >= 0x3400 && r <= 0x9FFF:
		return -1
	case r >= 0x3000 && r <= 0x303F, r >= 0xFF00 && r <= 0xFFEF:
		return 1
	case r >= 0xE000 && r <= 0xF8FF: // private use: undecodable in practice
		return -4
	}
	return 0
}

// scoreBytes is scoreText of b with each run of invalid bytes read as one
// replacement character (bytes.ToValidUTF8), without building that text.
func scoreBytes(b []byte) int {
	score := 0
	inRun := false
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		b = b[size:]
		invalid := r == utf8.RuneError && size == 1
		if invalid && inRun {
			continue
		}
		inRun = invalid
		score += runeScore(r)
	}
	return score
}

// hasGB18030FourByte reports a four-byte GB18030 sequence (byte, digit,
// byte, digit), which GBK does not have.
func hasGB18030FourByte(b []byte) bool {
	for i := 0; i+3 < len(b); i++ {
		c := b[i]
		if c < 0x81 || c == 0xFF {
			continue
		}
		if b[i+1] >= '0' && b[i+1] <= '9' && b[i+2] >= 0x81 && b[i+2] != 0xFF && b[i+3] >= '0' && b[i+3] <= '9' {
			return true
		}
		i++ // skip the trail byte of a two-byte sequence
	}
	return false
}

// decoderFor returns the x/text encoding of a charset name. GBK is read
// with the GB18030 decoder, its superset.
func decoderFor(name string) (encoding.Encoding, error) {
	switch name {
	case EncUTF8:
		return nil, nil
	case EncGBK, EncGB18030:
		return simplifiedchinese.GB18030, nil
	case EncBig5:
		return traditionalchinese.Big5, nil
	case EncUTF16LE:
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), nil
	case EncUTF16BE:
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), nil
	}
	e, err := htmlindex.Get(name)
	if err != nil {
		return nil, fmt.Errorf("clean: unknown charset %q: %w", name, err)
	}
	return e, nil
}

// decodeWith decodes b as the charset name into valid UTF-8; valid UTF-8
// input is returned as is.
func decodeWith(name string, b []byte) ([]byte, error) {
	e, err := decoderFor(name)
	if err != nil {
		return nil, err
	}
	if e == nil {
		if utf8.Valid(b) {
			return b, nil
		}
		return bytes.ToValidUTF8(b, []byte("\uFFFD")), nil
	}
	// Chinese text grows by half (two bytes become three): one buffer of
	// that size spares the decoder's doubling.
	out, _, err := transform.Append(e.NewDecoder(), make([]byte, 0, len(b)+len(b)/2+16), b)
	if err != nil {
		return nil, fmt.Errorf("clean: decode %s: %w", name, err)
	}
	return out, nil
}

// decodeErrors counts the replacement characters decoding b as name gives.
func decodeErrors(name string, b []byte, memo *decodeMemo) int {
	s, err := memo.decode(name, b)
	if err != nil {
		return len(b)
	}
	return bytes.Count(s, []byte("\uFFFD"))
}

// htmlSignatures are the tags whose presence near the start makes bytes
// HTML, whatever the file is called.
var htmlSignatures = [][]byte{
	[]byte("<!doctype html"), []byte("<html"), []byte("<head"), []byte("<body"),
	[]byte("<meta "), []byte("<title"), []byte("<div"), []byte("<p>"), []byte("<p "),
	[]byte("<br"), []byte("<table"), []byte("<script"), []byte("<span"), []byte("<a href"),
}

// sniffLimit is how many leading bytes LooksLikeHTML reads.
const sniffLimit = 4096

// LooksLikeHTML reports whether b is HTML by its content: it starts (after
// a BOM, whitespace and comments) with a tag, or carries several HTML tags
// near its start.
func LooksLikeHTML(b []byte) bool {
	head := b[:min(len(b), sniffLimit)]
	if name, body, ok := bom(head); ok {
		head = body
		if name != EncUTF8 { // UTF-16: its tags are ASCII once decoded
			head, _ = decodeWith(name, body[:len(body)&^1])
		}
	}
	low := bytes.ToLower(head)
	trimmed := bytes.TrimLeft(low, " \t\r\n\f")
	hits := 0
	for _, sig := range htmlSignatures {
		if bytes.Contains(low, sig) {
			hits++
			if bytes.HasPrefix(trimmed, sig) {
				return true
			}
		}
	}
	if bytes.HasPrefix(trimmed, []byte("<")) && hits >= 1 {
		return true
	}
	return hits >= 3
}
