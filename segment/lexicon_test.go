package segment

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// lexiconCorpus: real sentences (seed reports, gold pages) and what the
// lexicon must make of them. want lists "text/pos" tokens that must appear,
// not lists texts that must not be tokens.
var lexiconCorpus = []struct {
	desc      string
	text      string
	want, not []string
}{
	// Markers.
	{"yao marker", "一要抓好上半年工作总结分析。", []string{"一要/m", "上半年/t"}, nil},
	{"shi marker", "一是加快债券建设支出进度。二要谋划好下半年和明年重点项目。", []string{"一是/m", "二要/m"}, nil},
	{"di marker", "第一,要以奋发有为的精神状态", []string{"第一/m"}, nil},
	{"marker run-in", "第三,要着力推进高质量发展。一要全力保住市场主体。", []string{"第三/m", "一要/m"}, nil},
	// A minimal pair: 统一 (13986) outweighs the marker 一是 (1000).
	{"统一是 is not 一是", "认识统一是行动自觉的前提", []string{"统一/vn", "是/v"}, []string{"一是"}},
	{"统一 before 要", "全面构建亲清统一的新型政商关系", []string{"统一"}, []string{"一要"}},
	{"之一", "是全省重点项目之一", []string{"之一"}, nil},
	// Deadlines.
	{"month-end", "由李学文副镇长负责,8月底前完成。", []string{"月底前/t"}, nil},
	{"year-end", "要加快民权保税物流中心建设,确保年底前竣工投用", []string{"年底前/t"}, []string{"年底"}},
	{"mid-month", "必须在 10 月中旬省环保督察回头看前", []string{"中旬/t"}, nil},
	{"this month-end", "确保本月底经费落实到位", []string{"本月底/t"}, nil},
	{"holiday", "确保国庆节前完成", []string{"国庆节前/t"}, []string{"国庆", "节前"}},
	{"quarter end", "三季度末前全部到位", []string{"三季度末/t"}, nil},
	{"quarter", "决战四季度,确保完成全年各项目标任务", []string{"四季度/t"}, nil},
	// Cues and comparators.
	{"lead", "州金融办牵头,对前两轮签约项目履约情况进行调度", []string{"牵头/v"}, nil},
	{"cut back", "将“三公”经费支出压减20%以上", []string{"压减/v", "以上/f"}, nil},
	{"floor", "各县市要按照不低于每人10元的全省统一标准要求", []string{"不低于/v"}, nil},
	{"within", "报名缴费成功人数比例在1:3以内", []string{"以内/f"}, nil},
	{"ensure and strive", "确保三季度、全年指标都大幅提升,力争全年实现翻番", []string{"确保/v", "力争/v"}, nil},
	// Organisations.
	{"count of bureaus", "10个招商局要切实发挥招商引资主力军的作用", []string{"10/x", "个/q", "招商局/nt"}, nil},
	{"prefixed bureau", "市自然资源和规划局要高度重视", []string{"市自然资源和规划局/nt"}, nil},
	{"district bureau", "区财政局牵头,区自然资源和规划局配合", []string{"区财政局/nt", "区自然资源和规划局/nt"}, nil},
	{"abbreviated commission", "州发改委牵头,对照省里工作要求", []string{"州发改委/nt"}, nil},
	{"two owners", "州工信局、财政局牵头,9 月底前完成办法起草", []string{"州工信局/nt", "财政局/nt"}, nil},
	{"prefecture bureau", "本次招聘在黔东南州人力资源和社会保障局统一指导监督下", []string{"人力资源和社会保障局/nt"}, nil},
	{"development zone", "开发区财政局负责", []string{"开发区", "财政局/nt"}, []string{"区财政局"}},
	{"provincial department", "要抓好省生态环境厅关于地表水环境质量状况预警函所", []string{"省生态环境厅/nt"}, nil},
	{"office", "州推进办已根据国省州相关政策", []string{"州推进办/nt"}, nil},
	{"collective", "各县市区、州直牵头单位要高度重视", []string{"各县市区/nt", "牵头单位/nt"}, nil},
	{"committee", "区党工委管委会班子领导", []string{"区党工委/nt", "管委会/nt"}, nil},
	// Titles.
	{"deputy town head", "由李学文副镇长负责", []string{"李学文/nr", "副镇长/nnt"}, nil},
	{"deputy district head", "各位常委和分管副区长要加强对分管部门的督促检查", []string{"常委/nnt", "副区长/nnt"}, nil},
	{"district head", "区委副书记、区长蒋海华主持召开区政府常务会议", []string{"区委副书记/nnt", "区长/nnt"}, nil},
	{"committee head", "开发区管委会主任、党工委副书记孙爱华", []string{"管委会主任/nnt", "党工委副书记/nnt"}, nil},
}

func TestLexiconSegments(t *testing.T) {
	s := mustDefault(t)
	for _, tc := range lexiconCorpus {
		t.Run(tc.desc, func(t *testing.T) {
			toks := s.Tokens(tc.text)
			have := map[string]bool{}
			for _, tk := range toks {
				have[tk.Text+"/"+tk.Pos()] = true
				have[tk.Text] = true
			}
			for _, w := range tc.want {
				if !have[w] {
					t.Errorf("%s: no token %q in %s", tc.text, w, show(toks))
				}
			}
			for _, w := range tc.not {
				if have[w] {
					t.Errorf("%s: unwanted token %q in %s", tc.text, w, show(toks))
				}
			}
		})
	}
}

func show(toks []Token) string {
	var b strings.Builder
	for i, tk := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(tk.Text + "/" + tk.Pos())
	}
	return b.String()
}

func TestClassOf(t *testing.T) {
	for _, tc := range []struct {
		word string
		want Class
	}{
		{"一要", Marker},
		{"十是", Marker},
		{"第十", Marker},
		{"月底前", Deadline},
		{"上半年", Deadline},
		{"确保", Cue},
		{"力争", Cue | Comparator},
		{"不低于", Comparator},
		{"招商局", Org},
		{"州发改委", Org},
		{"区自然资源和规划局", Org},
		{"管委会", Org | OrgSuffix},
		{"各县市区", Collective},
		{"中心", OrgSuffix},
		{"副镇长", Title},
		{"党工委书记", Title},
		{"统一", 0},
		{"", 0},
	} {
		if got := ClassOf(tc.word); got != tc.want {
			t.Errorf("ClassOf(%q) = %v, want %v", tc.word, got, tc.want)
		}
	}
}

func TestOrgSuffix(t *testing.T) {
	for _, tc := range []struct {
		word       string
		is, ending bool
	}{
		{"局", true, false},
		{"招商局", false, true},
		{"保税物流中心", false, true},
		{"开发区管委会", false, true},
		{"街道办事处", false, true},
		{"中心", true, false},
		{"格局", false, true}, // lexical only: callers check the token is a name (nt) or an owner slot
		{"主任", false, false},
		{"", false, false},
	} {
		if got := IsOrgSuffix(tc.word); got != tc.is {
			t.Errorf("IsOrgSuffix(%q) = %v, want %v", tc.word, got, tc.is)
		}
		if got := HasOrgSuffix(tc.word); got != tc.ending {
			t.Errorf("HasOrgSuffix(%q) = %v, want %v", tc.word, got, tc.ending)
		}
	}
}

func TestIsTitle(t *testing.T) {
	for word, want := range map[string]bool{"区长": true, "副区长": true, "常务副市长": true, "区党工委": false, "蒋海华": false} {
		if got := IsTitle(word); got != want {
			t.Errorf("IsTitle(%q) = %v, want %v", word, got, want)
		}
	}
}

// The compiled dictionary must be built from the lexicon as it is now.
// TestCompiledDictionaryMatchesGSE: the compiled dictionary holds the
// dictionary of the gse that go.mod requires, so a gse update cannot pass on
// an old dictionary.
func TestCompiledDictionaryMatchesGSE(t *testing.T) {
	s := mustDefault(t)
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Version}} {{.Dir}}", "github.com/go-ego/gse").Output()
	if err != nil {
		t.Fatalf("go list -m github.com/go-ego/gse: %v", err)
	}
	version, dir, _ := strings.Cut(strings.TrimSpace(string(out)), " ")
	if s.dict.from.GSEVersion != version {
		t.Fatalf("dict/zh_s.dict holds gse %s's dictionary, go.mod requires %s: run go generate ./segment", s.dict.from.GSEVersion, version)
	}
	b, err := os.ReadFile(filepath.Join(dir, "data", "dict", "zh", "s_1.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if sum := sha256.Sum256(b); hex.EncodeToString(sum[:]) != s.dict.from.GSEDictHash {
		t.Fatalf("dict/zh_s.dict was built from another s_1.txt than gse %s's: run go generate ./segment", version)
	}
}

func TestCompiledDictionaryIsCurrent(t *testing.T) {
	s := mustDefault(t)
	if err := lexiconError(); err != nil {
		t.Fatal(err)
	}
	if got, want := s.dict.from.Hash, lexiconClasses().hash; got != want {
		t.Fatalf("dict/zh_s.dict was built from lexicon %s, lexicon/ is %s: run go generate ./segment", got[:12], want[:12])
	}
}
