package clean

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"golang.org/x/net/html"
)

func TestZZProbe(t *testing.T) {
	files, _ := filepath.Glob("../../../shared/pages/*/*.html")
	more, _ := filepath.Glob("../../../shared/eval/dev/*.txt")
	newRules := []*regexp.Regexp{}
	for _, ru := range chromeRules {
		s := ru.re.String()
		if s == uiLineExpr || s == previewEndExpr || bytes.Contains([]byte(s), []byte("欢迎")) || bytes.Contains([]byte(s), []byte("本站|本网")) || bytes.Contains([]byte(s), []byte("供稿|供图|来稿")) || bytes.Contains([]byte(s), []byte("版\\s*:")) || bytes.Contains([]byte(s), []byte("联系|咨询")) || bytes.Contains([]byte(s), []byte("[-·•*]")) {
			newRules = append(newRules, ru.re)
		}
	}
	check := func(f, text string, inContent bool) {
		l := newLine(text)
		if l.blank {
			return
		}
		for _, re := range newRules {
			if re.MatchString(l.view) {
				fmt.Printf("RULE %v %s | %s\n", inContent, filepath.Base(f), l.text)
				return
			}
		}
		if chromeShape(l.view) {
			fmt.Printf("SHAPE %v %s | %s\n", inContent, filepath.Base(f), l.text)
		}
	}
	for _, f := range files {
		b, _ := os.ReadFile(f)
		s, _, _ := decodeBytes(b, "")
		root, err := html.Parse(bytes.NewReader(s))
		if err != nil {
			continue
		}
		c, blocks := findContent(nil, root)
		_ = c
		for _, bl := range blocks {
			check(f, bl.text, bl.inContent)
		}
	}
	for _, f := range more {
		b, _ := os.ReadFile(f)
		for _, line := range bytes.Split(b, []byte("\n")) {
			check(f, string(line), true)
		}
	}
}
