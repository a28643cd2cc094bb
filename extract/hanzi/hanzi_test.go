package hanzi

import (
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestView is a corpus of source paragraphs (seed 004, the seeds' simplified
// text, full-width forms) and the exact view each must give.
func TestView(t *testing.T) {
	cases := []struct{ in, want string }{
		{"在全區7-8月高質量發展重點工作調度會上的講話", "在全区7-8月高质量发展重点工作调度会上的讲话"},
		{"第二，要防患未然，堅決筑牢安全生產防線。", "第二,要防患未然,坚决筑牢安全生产防线。"},
		{"確保國慶節前完成，９月底前全部到位", "确保国庆节前完成,9月底前全部到位"},
		{"（一）招聘對象（滿足下列相關條件）：", "(一)招聘对象(满足下列相关条件):"},
		{"乾隆年間的乾淨衣服", "乾隆年间的干净衣服"}, // phrase conversion: 乾隆 stays, 乾淨 → 干净
		{"8月2日下午,区委副书记、区长蒋海华主持召开区政府常务会议。", "8月2日下午,区委副书记、区长蒋海华主持召开区政府常务会议。"},
		{"显著提高，著作权", "显著提高,著作权"}, // simplified text is left alone
		{"满意率达到９８％以上", "满意率达到98%以上"},
		{"全角　空格", "全角 空格"},
		{"", ""},
		{"?偟膩碚f", "?偟腻碚f"}, // garbled runs are converted like any text
	}
	for _, c := range cases {
		got := View(c.in)
		if got != c.want {
			t.Errorf("View(%q) = %q, want %q", c.in, got, c.want)
		}
		if utf8.RuneCountInString(got) != utf8.RuneCountInString(c.in) {
			t.Errorf("View(%q) changes the rune count", c.in)
		}
	}
}

func TestDetect(t *testing.T) {
	cases := []struct {
		paras []string
		want  string
	}{
		{[]string{"今天的會議,主要任務是安排部署9-10月份重點工作", "第二,要防患未然,堅決筑牢安全生產防線。"}, Traditional},
		{[]string{"8月2日下午,区委副书记、区长蒋海华主持召开区政府常务会议。"}, Simplified},
		{[]string{"两岸同胞共同纪念台湾光复,《臺灣通史》作者连横的后人出席。"}, Simplified}, // one stray traditional title
		{nil, Simplified},
		{[]string{"2022-08-03 16:42"}, Simplified},
	}
	for _, c := range cases {
		if got := Detect(c.paras); got != c.want {
			t.Errorf("Detect(%q) = %s, want %s", c.paras, got, c.want)
		}
	}
}

func TestMojibake(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"今天上午,我們用半天時間集中觀摩了**個項目?偟膩碚f,大家能夠克服", []string{"?偟膩碚f"}},
		{"一是要聚焦目標抓攻堅!八拇蠹摇鳖I導、五大招商專班", []string{"!八拇蠹摇鳖I"}},
		{"这是为什么?我们要认真思考!大家说", nil}, // half-width punctuation, not mojibake
		{"替换字符\uFFFD\uFFFD出现", []string{"\uFFFD\uFFFD出现"}},
		{"正常文本。", nil},
	}
	for _, c := range cases {
		if got := Mojibake(c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("Mojibake(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestFold(t *testing.T) {
	for in, want := range map[rune]rune{'（': '(', '：': ':', '１': '1', 'Ａ': 'A', '　': ' ', '。': '。', '、': '、', '“': '“'} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSimplify(t *testing.T) {
	if got := Simplify("州農業農村局"); got != "州农业农村局" {
		t.Errorf("Simplify = %q", got)
	}
}

func FuzzView(f *testing.F) {
	f.Add("在全區(qū)7-8月高質量發(fā)展重點工作調度會上的講話")
	f.Add("乾隆年間的乾淨衣服，９８％")
	f.Add("\xff\xfe無效")
	f.Fuzz(func(t *testing.T, s string) {
		v := View(s)
		if utf8.RuneCountInString(v) != utf8.RuneCountInString(s) {
			t.Fatalf("View(%q) = %q: rune count %d != %d", s, v, utf8.RuneCountInString(v), utf8.RuneCountInString(s))
		}
		for _, m := range Mojibake(s) {
			if !strings.Contains(string([]rune(s)), m) {
				t.Errorf("mojibake run %q not in input", m)
			}
		}
	})
}

var benchText = strings.Repeat("今天的會議，主要任務是安排部署9-10月份重點工作，以平穩健康的經濟環境、國泰民安的社會環境、風清氣正的政治環境迎接黨的二十大勝利召開。", 20)

func BenchmarkViewTraditional(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	for b.Loop() {
		View(benchText)
	}
}

func BenchmarkViewSimplified(b *testing.B) {
	s := Simplify(benchText)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		View(s)
	}
}

func TestIsHan(t *testing.T) {
	for r := rune(0); r < 0x30000; r++ {
		if IsHan(r) != unicode.Is(unicode.Han, r) {
			t.Fatalf("IsHan(%U) = %v", r, IsHan(r))
		}
	}
}

// TestViewFastPaths: the views built without a rune slice equal the
// rune-by-rune definition (fold every rune; no traditional rune here).
func TestViewFastPaths(t *testing.T) {
	for _, s := range []string{"", "abc", "会议强调", "会议强调：要加快（１）", "\xff\xfe无效，", "ok\u3000ok", "\uFFFD已", "x\xe4\xb8"} {
		rs := []rune(s)
		for i, r := range rs {
			rs[i] = Fold(r)
		}
		if got := View(s); got != string(rs) {
			t.Errorf("View(%q) = %q, want %q", s, got, string(rs))
		}
	}
}
