package clean

import (
	"bytes"
	"encoding/json"
	"strings"
)

// galleryKeys are the JSON fields in which a photo-gallery page keeps the
// text of all its pictures, one caption each, while its HTML shows only
// the current picture's (今日头条图集: gallery: JSON.parse("{\"count\":10,…,
// \"sub_abstracts\":[\"当全世界绝大部分国家都在为…的蒙古国。\",…]}")).
var galleryKeys = []string{"sub_abstracts"}

// maxGalleryScan bounds the bytes read after a gallery key.
const maxGalleryScan = 1 << 20

// galleryParagraphs returns the captions of the page's gallery when the
// body read from the HTML is just the gallery's first caption (with its
// "1/10" counter): the captions are then the article. ok is false when
// the page holds no such gallery.
func galleryParagraphs(page []byte, body []string) (captions []string, ok bool) {
	if len(body) != 1 {
		return nil, false
	}
	for _, key := range galleryKeys {
		list := galleryList(page, key)
		if len(list) < 2 {
			continue
		}
		for _, c := range list {
			if c = collapseSpace(c); c != "" {
				captions = append(captions, c)
			}
		}
		if len(captions) >= 2 && strings.Contains(body[0], captions[0]) {
			return captions, true
		}
		captions = nil
	}
	return nil, false
}

// galleryList decodes the string array under key, written either as plain
// JSON in a script or as JSON escaped inside a JavaScript string literal.
func galleryList(page []byte, key string) []string {
	plain := []byte(`"` + key + `":[`)
	if i := bytes.Index(page, plain); i >= 0 {
		return decodeStrings(page[i+len(plain)-1:])
	}
	escaped := []byte(`\"` + key + `\":[`)
	i := bytes.Index(page, escaped)
	if i < 0 {
		return nil
	}
	rest := page[i:min(len(page), i+maxGalleryScan)]
	var text string // the literal's rest, unescaped
	if json.Unmarshal(append(append([]byte{'"'}, rest[:literalEnd(rest)]...), '"'), &text) != nil {
		return nil
	}
	j := strings.IndexByte(text, '[')
	if j < 0 {
		return nil
	}
	return decodeStrings([]byte(text[j:]))
}

// literalEnd is the offset of the quote that closes the string literal s
// is inside of (escaped quotes and backslashes skipped), or len(s).
func literalEnd(s []byte) int {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '"':
			return i
		}
	}
	return len(s)
}

// decodeStrings decodes the JSON array of strings at the start of b.
func decodeStrings(b []byte) []string {
	var list []string
	if json.NewDecoder(bytes.NewReader(b[:min(len(b), maxGalleryScan)])).Decode(&list) != nil {
		return nil
	}
	return list
}
