package timex

import (
	"bufio"
	"flag"
	"os"
	"strings"
	"sync"
	"testing"
	gotime "time"

	"github.com/zhengling/zhengling/extract/hanzi"
	"github.com/zhengling/zhengling/extract/para"
	"github.com/zhengling/zhengling/segment"
)

var (
	segOnce sync.Once
	seg     *segment.Segmenter
	segErr  error
)

// paragraph builds a paragraph as the pipeline does: simplified view and tokens.
func paragraph(t testing.TB, i int, s string) *para.Paragraph {
	t.Helper()
	segOnce.Do(func() { seg, segErr = segment.Default() })
	if segErr != nil {
		t.Fatal(segErr)
	}
	v := hanzi.View(s)
	return para.New(i, s, v, seg.Tokens(v), nil)
}

var roleNames = map[Role]string{
	RoleDeadline: "deadline", RoleEventDate: "event", RolePeriod: "period",
	RoleRecurrence: "recurrence", RoleDuration: "duration",
}

// format writes exprs as the corpus does.
func format(exprs []Expr) string {
	if len(exprs) == 0 {
		return "-"
	}
	dash := func(s string) string {
		if s == "" {
			return "-"
		}
		return s
	}
	var out []string
	for _, e := range exprs {
		f := []string{e.Text, e.Kind, dash(e.Date.String()), dash(e.From.String()),
			dash(e.Precision), dash(e.Event), roleNames[e.Role]}
		if e.Approx {
			f = append(f, "approx")
		}
		out = append(out, strings.Join(f, "|"))
	}
	return strings.Join(out, " ;; ")
}

var update = flag.Bool("update", false, "rewrite testdata/corpus.tsv with the readings found (check the diff)")

// TestCorpus runs the corpus of real sentences (testdata/corpus.tsv): each
// row is a reference date, a sentence and every expression it holds.
func TestCorpus(t *testing.T) {
	f, err := os.Open("testdata/corpus.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	rows := 0
	var out []string
	defer func() {
		if *update && !t.Failed() {
			if err := os.WriteFile("testdata/corpus.tsv", []byte(strings.Join(out, "\n")+"\n"), 0o644); err != nil {
				t.Error(err)
			}
		}
	}()
	for line := 0; sc.Scan(); line++ {
		text := sc.Text()
		out = append(out, text)
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		cols := strings.Split(text, "\t")
		if len(cols) != 3 {
			t.Fatalf("line %d: want 3 columns, got %d", line+1, len(cols))
		}
		ref, err := ParseDate(cols[0])
		if err != nil {
			t.Fatalf("line %d: %v", line+1, err)
		}
		exprs, _ := Find([]*para.Paragraph{paragraph(t, 0, cols[1])}, ref)
		got := format(exprs)
		rows++
		if *update {
			out[len(out)-1] = cols[0] + "\t" + cols[1] + "\t" + got
			continue
		}
		if got != cols[2] {
			t.Errorf("line %d: %s (ref %s)\n got: %s\nwant: %s", line+1, cols[1], cols[0], got, cols[2])
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if rows < 300 {
		t.Errorf("corpus has %d rows, want at least 300", rows)
	}
}

// TestDeadlineFields checks single readings field by field, one per rule of
// SPEC.md "Deadline", so that a failure names the rule.
func TestDeadlineFields(t *testing.T) {
	tests := []struct {
		name, ref, in string
		want          Deadline
	}{
		{"X月底前", "2022-08-03", "确保8月底前完成债券资金支出", Deadline{Text: "8月底前", Kind: KindBy, Date: d(2022, 8, 31), Precision: PrecisionMonth}},
		{"上旬", "2022-08-03", "9月上旬完成", Deadline{Text: "9月上旬", Kind: KindOn, Date: d(2022, 9, 10), Precision: PrecisionXun}},
		{"中旬前", "2020-08-31", "9 月中旬前,全部完成", Deadline{Text: "9 月中旬前", Kind: KindBy, Date: d(2020, 9, 20), Precision: PrecisionXun}},
		{"下旬", "2022-08-03", "10月下旬验收", Deadline{Text: "10月下旬", Kind: KindOn, Date: d(2022, 10, 31), Precision: PrecisionXun}},
		{"初", "2022-08-03", "12月初完成", Deadline{Text: "12月初", Kind: KindOn, Date: d(2022, 12, 5), Precision: PrecisionXun}},
		{"月份", "2022-08-03", "按照8月份拉出清单", Deadline{Text: "8月份", Kind: KindOn, Date: d(2022, 8, 31), Precision: PrecisionMonth}},
		{"年底前", "2020-08-31", "确保年底前竣工投用", Deadline{Text: "年底前", Kind: KindBy, Date: d(2020, 12, 31), Precision: PrecisionYear}},
		{"年内", "2020-08-31", "确保年内创建成功", Deadline{Text: "年内", Kind: KindBy, Date: d(2020, 12, 31), Precision: PrecisionYear}},
		{"上半年", "2022-05-12", "确保上半年开工80%以上", Deadline{Text: "上半年", Kind: KindOn, Date: d(2022, 6, 30), Precision: PrecisionHalf}},
		{"year rule half", "2020-08-31", "做到上半年时间过半", Deadline{Text: "上半年", Kind: KindOn, Date: d(2021, 6, 30), Precision: PrecisionHalf}},
		{"第四季度", "2020-08-31", "确保第四季度有明显改进", Deadline{Text: "第四季度", Kind: KindOn, Date: d(2020, 12, 31), Precision: PrecisionQuarter}},
		{"前三季度", "2022-08-03", "力争前三季度实现扭亏", Deadline{Text: "前三季度", Kind: KindOn, Date: d(2022, 9, 30), Precision: PrecisionQuarter}},
		{"本月底", "2020-08-31", "确保本月底经费落实到位", Deadline{Text: "本月底", Kind: KindOn, Date: d(2020, 8, 31), Precision: PrecisionMonth}},
		{"下月底", "2022-08-03", "下月底前完成整改", Deadline{Text: "下月底前", Kind: KindBy, Date: d(2022, 9, 30), Precision: PrecisionMonth}},
		{"明年X月", "2022-08-03", "明年3月底前完成验收", Deadline{Text: "明年3月底前", Kind: KindBy, Date: d(2023, 3, 31), Precision: PrecisionMonth}},
		{"year rule month", "2022-11-15", "3月底前完成", Deadline{Text: "3月底前", Kind: KindBy, Date: d(2023, 3, 31), Precision: PrecisionMonth}},
		{"限期至", "2020-08-31", "限期至2011年10月底前动工", Deadline{Text: "限期至2011年10月底前", Kind: KindBy, Date: d(2011, 10, 31), Precision: PrecisionMonth}},
		{"截止…前", "2024-06-27", "截止2024年7月7日前须完成", Deadline{Text: "截止2024年7月7日前", Kind: KindBy, Date: d(2024, 7, 7), Precision: PrecisionDay}},
		{"span with times", "2024-06-27", "报名时间为2024年7月8日09：00至2024年7月10日17：00。", Deadline{Text: "2024年7月8日09：00至2024年7月10日17：00", Kind: KindDuring, Date: d(2024, 7, 10), From: d(2024, 7, 8), Precision: PrecisionDay}},
		{"enumeration", "2022-05-12", "明确5月、6月为“手续完善月”", Deadline{Text: "5月、6月", Kind: KindDuring, Date: d(2022, 6, 30), From: d(2022, 5, 1), Precision: PrecisionMonth}},
		{"number span", "2022-09-05", "安排部署9-10月份重点工作", Deadline{Text: "9-10月份", Kind: KindDuring, Date: d(2022, 10, 31), From: d(2022, 9, 1), Precision: PrecisionMonth}},
		{"spaces", "2020-08-31", "务必在 9 月 15 日前完成", Deadline{Text: "9 月 15 日前", Kind: KindBy, Date: d(2020, 9, 15), Precision: PrecisionDay}},
		{"full width", "2022-08-03", "９月１５日前报送", Deadline{Text: "９月１５日前", Kind: KindBy, Date: d(2022, 9, 15), Precision: PrecisionDay}},
		{"traditional", "2022-09-05", "在國慶節前,開展專項行動", Deadline{Text: "國慶節前", Kind: KindBy, Date: d(2022, 10, 1), Precision: PrecisionDay, Event: "国庆节"}},
		{"春节 lunar", "2022-11-10", "春节前发放到位", Deadline{Text: "春节前", Kind: KindBy, Date: d(2023, 1, 22), Precision: PrecisionDay, Event: "春节"}},
		{"event anchor", "2020-08-31", "必须在 10 月中旬省环保督察回头看前,按时序完成", Deadline{Text: "省环保督察回头看前", Kind: KindBy, Precision: PrecisionEvent, Event: "省环保督察回头看"}},
		{"placeholder", "2022-08-03", "xx月底前完成整改", Deadline{Text: "xx月底前", Kind: KindBy, Precision: PrecisionMonth}},
		{"本周五前", "2024-06-26", "请于本周五前报送名单", Deadline{Text: "本周五前", Kind: KindBy, Date: d(2024, 6, 28), Precision: PrecisionDay}},
		{"下周", "2024-06-26", "下周召开推进会", Deadline{Text: "下周", Kind: KindOn, Date: d(2024, 7, 7), Precision: PrecisionXun}},
		{"bare day passed", "2024-06-25", "须于20日前报送", Deadline{Text: "20日前", Kind: KindBy, Date: d(2024, 7, 20), Precision: PrecisionDay}},
		{"24时前", "2024-06-10", "请于6月15日24时前完成申报", Deadline{Text: "6月15日24时前", Kind: KindBy, Date: d(2024, 6, 15), Precision: PrecisionDay}},
		{"季末前", "2023-08-10", "要于季末前报送进展", Deadline{Text: "季末前", Kind: KindBy, Date: d(2023, 9, 30), Precision: PrecisionQuarter}},
		{"第三季度末", "2023-05-10", "力争2023年第三季度末实现竣工", Deadline{Text: "2023年第三季度末", Kind: KindOn, Date: d(2023, 9, 30), Precision: PrecisionQuarter}},
		{"年初", "2023-11-20", "力争明年年初完成验收", Deadline{Text: "明年年初", Kind: KindOn, Date: d(2024, 2, 29), Precision: PrecisionYear}},
		{"年中", "2023-03-10", "确保年中前完成主体工程", Deadline{Text: "年中前", Kind: KindBy, Date: d(2023, 6, 30), Precision: PrecisionHalf}},
		{"次年", "2023-11-20", "须在次年3月底前完成", Deadline{Text: "次年3月底前", Kind: KindBy, Date: d(2024, 3, 31), Precision: PrecisionMonth}},
		{"下半月", "2024-06-10", "确保7月下半月启动试运行", Deadline{Text: "7月下半月", Kind: KindOn, Date: d(2024, 7, 31), Precision: PrecisionXun}},
		{"汛期前", "2024-03-10", "确保汛期前完成除险加固", Deadline{Text: "汛期前", Kind: KindBy, Precision: PrecisionEvent, Event: "汛期"}},
		{"十一前", "2024-09-10", "十一前完成景区安全检查", Deadline{Text: "十一前", Kind: KindBy, Date: d(2024, 10, 1), Precision: PrecisionDay, Event: "国庆节"}},
		{"春节前后", "2024-01-10", "春节前后要加强市场监测", Deadline{Text: "春节前后", Kind: KindOn, Date: d(2024, 2, 10), Precision: PrecisionDay, Event: "春节", Approx: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ref, _ := ParseDate(tt.ref)
			exprs, _ := Find([]*para.Paragraph{paragraph(t, 0, tt.in)}, ref)
			for _, e := range exprs {
				if e.Text != tt.want.Text {
					continue
				}
				if e.Role != RoleDeadline {
					t.Fatalf("%s: role %s, want deadline", e.Text, roleNames[e.Role])
				}
				got := e.Deadline
				got.Para, got.Start, got.End = 0, 0, 0
				if got != tt.want {
					t.Fatalf("got  %+v\nwant %+v", got, tt.want)
				}
				return
			}
			t.Fatalf("no expression %q in %s", tt.want.Text, format(exprs))
		})
	}
}

func d(y, m, day int) Date { return NewDate(y, gotime.Month(m), day) }

// TestPlaceholderWarnings: template blanks give a warning and no date.
func TestPlaceholderWarnings(t *testing.T) {
	tests := []struct{ in, warn string }{
		{"9月*日至10月*日*市森林火险为橙色预警", "placeholder: 9月*日至10月*日"},
		{"xx月底前完成整改", "placeholder: xx月底前"},
		{"××月××日前报送", "placeholder: ××月××日前"},
		{"于2013年x月x日召开", "placeholder: 2013年x月x日"},
		{"20xx年12月底前完成", "placeholder: 20xx年12月底前"},
	}
	ref, _ := ParseDate("2022-09-05")
	for _, tt := range tests {
		exprs, warns := Find([]*para.Paragraph{paragraph(t, 0, tt.in)}, ref)
		if len(warns) != 1 || warns[0] != tt.warn {
			t.Errorf("%s: warnings %q, want %q", tt.in, warns, tt.warn)
		}
		for _, e := range exprs {
			if !e.Date.IsZero() || !e.From.IsZero() {
				t.Errorf("%s: %s has a date %s/%s", tt.in, e.Text, e.From, e.Date)
			}
		}
	}
}

// TestOffsets: text, offsets and paragraph index agree with the source.
func TestOffsets(t *testing.T) {
	ps := []*para.Paragraph{
		paragraph(t, 0, "8月2日下午,区委副书记、区长蒋海华主持召开区政府常务会议。"),
		paragraph(t, 1, "二要谋划好下半年和明年重点项目。一是确保8月底前完成债券资金支出。"),
	}
	ref, _ := ParseDate("2022-08-03")
	exprs, _ := Find(ps, ref)
	found := false
	for _, e := range exprs {
		if got := ps[e.Para].Text(e.Start, e.End); got != e.Text {
			t.Errorf("%q at %d:%d..%d reads %q", e.Text, e.Para, e.Start, e.End, got)
		}
		if e.Text == "8月底前" {
			found = e.Para == 1 && e.Start == 20 && e.End == 24
		}
	}
	if !found {
		t.Errorf("8月底前 not at 1:20..24 in %s", format(exprs))
	}
}

// TestNoReference: without a reference date only absolute dates resolve.
func TestNoReference(t *testing.T) {
	exprs, _ := Find([]*para.Paragraph{paragraph(t, 0, "8月底前完成,2024年12月31日前提交。")}, Date{})
	want := "8月底前|by|-|-|month|-|deadline ;; 2024年12月31日前|by|2024-12-31|-|day|-|deadline"
	if got := format(exprs); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
