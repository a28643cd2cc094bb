package clean

import (
	"strings"
	"testing"
)

// TestGalleryParagraphs: a gallery page (今日头条图集) shows one caption and
// keeps the others in a script; the captions are the article.
func TestGalleryParagraphs(t *testing.T) {
	escaped := `<script>var data = {gallery: JSON.parse("{\"count\":3,\"sub_images\":[{\"url\":\"http:\\\u002F\\\u002Fp1.pstatp.com\"}],\"sub_abstracts\":[\"当全世界绝大部分国家都在为能够吸引中国游客到来而绞尽脑汁的时候，这个国家便是蒙古国。\",\"蒙古国，历史上曾长期是我国领土的一部分。 \",\"\",\"独立出去的蒙古国，仍旧保持着游牧民族的本性。\"],\"sub_titles\":[\"最不愁吃肉的国家\"]}")};</script>`
	plain := `<script>window.g = {"sub_abstracts":["当全世界绝大部分国家都在为能够吸引中国游客到来而绞尽脑汁的时候，这个国家便是蒙古国。","蒙古国，历史上曾长期是我国领土的一部分。"]};</script>`
	first := "1/10 当全世界绝大部分国家都在为能够吸引中国游客到来而绞尽脑汁的时候，这个国家便是蒙古国。"
	cases := []struct {
		name, page string
		body       []string
		want       []string // nil: not a gallery
	}{
		{"escaped in JSON.parse", escaped, []string{first},
			[]string{"当全世界绝大部分国家都在为能够吸引中国游客到来而绞尽脑汁的时候，这个国家便是蒙古国。", "蒙古国，历史上曾长期是我国领土的一部分。", "独立出去的蒙古国，仍旧保持着游牧民族的本性。"}},
		{"plain JSON", plain, []string{first},
			[]string{"当全世界绝大部分国家都在为能够吸引中国游客到来而绞尽脑汁的时候，这个国家便是蒙古国。", "蒙古国，历史上曾长期是我国领土的一部分。"}},
		{"body of several paragraphs is kept", escaped, []string{first, "第二段。"}, nil},
		{"first caption not shown: another gallery", escaped, []string{"会议强调，要确保各项工作不撒不漏。"}, nil},
		{"no gallery", `<p>会议强调。</p>`, []string{first}, nil},
		{"cut literal", `\"sub_abstracts\":[\"当全世界`, []string{first}, nil},
	}
	for _, c := range cases {
		got, ok := galleryParagraphs([]byte(c.page), c.body)
		if ok != (c.want != nil) || strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%s: got %q (%v), want %q", c.name, got, ok, c.want)
		}
	}
}

// FuzzGalleryParagraphs: arbitrary pages never panic, and captions, when
// taken, are at least two and start with the shown one.
func FuzzGalleryParagraphs(f *testing.F) {
	f.Add([]byte(`\"sub_abstracts\":[\"甲乙\",\"丙\"]"`), "1/2 甲乙")
	f.Add([]byte(`"sub_abstracts":["甲乙","丙"]`), "甲乙")
	f.Add([]byte(`\"sub_abstracts\":[\\\"`), "x")
	f.Fuzz(func(t *testing.T, page []byte, shown string) {
		got, ok := galleryParagraphs(page, []string{shown})
		if ok && (len(got) < 2 || !strings.Contains(shown, got[0])) {
			t.Fatalf("bad captions %q for %q", got, shown)
		}
	})
}
