package lexicon

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestDefaultLoads: every embedded table parses, every row has a known class
// and an example, and no word is listed twice in one class.
func TestDefaultLoads(t *testing.T) {
	lx, err := Load(files)
	if err != nil {
		t.Fatal(err)
	}
	if len(lx.entries) < 100 {
		t.Fatalf("only %d rows loaded", len(lx.entries))
	}
	seen := map[string]string{}
	for _, e := range lx.entries {
		key := e.Class + "\x00" + e.Word
		if prev, ok := seen[key]; ok {
			t.Errorf("%s: %q listed twice in %s (first at %s)", e.Pos, e.Word, e.Class, prev)
		}
		seen[key] = e.Pos
		if !strings.HasPrefix(e.Class, "punct.") && !strings.HasPrefix(e.Example, "like ") && !strings.Contains(e.Example, stripMarks(e.Word)) {
			t.Errorf("%s: the example %q does not contain %q", e.Pos, e.Example, e.Word)
		}
	}
}

// stripMarks drops the ASCII colon some cue words end with (目标:), which an
// example may write full-width.
func stripMarks(w string) string { return strings.TrimRight(w, ":") }

func TestLoadRejects(t *testing.T) {
	for _, bad := range []string{
		"确保\tgoal\tsentence\n",                  // three fields
		"确保\tgaol\t-\t确保完成\n",                   // unknown class
		"确保\tgoal\tsentense\t确保完成\n",            // unknown flag
		"确保\tgoal\t-\t\n",                       // no example
		"确 保\tgoal\t-\t确保完成\n",                  // a space in the word
		"\tgoal\t-\t确保完成\n",                     // no word
		"确保\tgoal\tnotafter\t确保完成\n",            // a flag that needs a value
		"确保\tgoal\tsentence,weak,bogus\t确保完成\n", // one bad flag among good ones
	} {
		if _, err := Load(fstest.MapFS{"x.tsv": {Data: []byte(bad)}}); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestFlagsAndContext(t *testing.T) {
	lx, err := Load(fstest.MapFS{"x.tsv": {Data: []byte(
		"# comment\n要\tinstruct\tweak,notafter=主重,notbefore=求\t各县市要按照…\n确保\tgoal\tsentence\t确保完成\n")}})
	if err != nil {
		t.Fatal(err)
	}
	yao := lx.Entries(Instruct)[0]
	if !yao.Has(Weak) || yao.Has(Sentence) || yao.NotAfter != "主重" || yao.NotBefore != "求" || yao.Pos != "x.tsv:2" {
		t.Errorf("要 parsed as %+v", *yao)
	}
	ix := lx.Index(Instruct, Goal)
	var got []string
	for _, h := range ix.Scan([]rune("主要任务是确保要求各县要抓紧"), nil) {
		got = append(got, h.Word)
	}
	// 主要 and 要求 are no 要; 确保 and the last 要 are cues.
	if strings.Join(got, " ") != "确保 要" {
		t.Errorf("Scan = %q", got)
	}
}

// TestScanCorpus: the embedded stance table on real sentences.
func TestScanCorpus(t *testing.T) {
	lx := Default()
	ix := lx.Index(StanceClasses...)
	tokens := func(s string, starts ...int) func(int) bool {
		set := map[int]bool{}
		for _, s := range starts {
			set[s] = true
		}
		return func(i int) bool { return set[i] }
	}
	for _, tt := range []struct {
		in        string
		wordStart func(int) bool // nil: every offset starts a word
		want      string
	}{
		{"确保省重点项目完成投资 64 亿元以上", nil, "确保/goal"},
		{"全市固定资产投资同比增长 4.9%", nil, "同比/compare"},
		{"基本农田保护率已将近90%", nil, "已/report"},
		{"主要预期目标是:地区生产总值增长6%左右", nil, "预期/goal 目标是/goal"},
		{"项目建成后,预计年产值可达15亿元", nil, "预计/forecast"},
		{"重要的是抓好落实", nil, ""},                                                                          // 重要 is no 要
		{"一般公共预算收入完成年度目标的61.2%", tokens("一般公共预算收入完成年度目标的61.2%", 0, 2, 6, 8, 10, 12, 14), "目标的/report"}, // progress, not a goal
		{"公共服务", tokens("公共服务", 0, 2), ""},                                                             // 共 inside 公共 is no cue
		{"各县(市、区)共谋划了 1000 多个项目", nil, "共/report"},
		{"已经提交报名申请的必须在24小时内审核确认", nil, "已经/report 必须/instruct"},
		{"請各單位于3月31日前報送", nil, ""}, // the table is simplified: the view must be too
	} {
		var got []string
		for _, h := range ix.Scan([]rune(tt.in), tt.wordStart) {
			got = append(got, h.Word+"/"+h.Class)
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("%s: %q, want %q", tt.in, strings.Join(got, " "), tt.want)
		}
	}
}

// TestWith: a row added at run time is found, the original is unchanged.
func TestWith(t *testing.T) {
	base := Default()
	lx, err := base.With("誓要\tgoal\tsentence\t全县上下誓要打赢脱贫攻坚战")
	if err != nil {
		t.Fatal(err)
	}
	if !lx.Set(Goal)["誓要"] || base.Set(Goal)["誓要"] {
		t.Error("With must add to the copy only")
	}
	if _, err := base.With("誓要\tgoal\t-"); err == nil {
		t.Error("a bad extra row must be refused")
	}
}

func TestPunct(t *testing.T) {
	lx := Default()
	clause := lx.PunctSet("clause")
	for _, r := range ",，;；:：。!！?？" {
		if !clause(r) {
			t.Errorf("%q is a clause mark", r)
		}
	}
	for _, r := range "、《的a 0" {
		if clause(r) {
			t.Errorf("%q is no clause mark", r)
		}
	}
	if !lx.IsPunct('\n', "sentence") || lx.IsPunct('，', "sentence") || !lx.IsPunct('、', "list") {
		t.Error("sentence and list classes")
	}
}

func FuzzScan(f *testing.F) {
	for _, s := range []string{"确保8月底前完成", "要要要求", "", "\xff要", "主要重要需要"} {
		f.Add(s)
	}
	ix := Default().Index(StanceClasses...)
	f.Fuzz(func(t *testing.T, s string) {
		rs := []rune(s)
		last := 0
		for _, h := range ix.Scan(rs, func(i int) bool { return i%2 == 0 }) {
			if int(h.Start) < 0 || int(h.End) > len(rs) || int(h.Start) >= int(h.End) || string(rs[int(h.Start):int(h.End)]) != h.Word || int(h.End) < last {
				t.Fatalf("bad hit %+v in %q", h, s)
			}
			last = int(h.End)
		}
	})
}

func BenchmarkScan(b *testing.B) {
	text := []rune(strings.Repeat("会议强调,要确保全年实现地区生产总值增长6%以上,已完成投资同比增长12%。", 50))
	ix := Default().Index(StanceClasses...)
	b.SetBytes(int64(len(string(text))))
	for b.Loop() {
		ix.Scan(text, nil)
	}
}
