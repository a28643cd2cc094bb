package clause_test

import (
	"strings"
	"testing"

	"github.com/longbridgeapp/opencc"

	"github.com/zhengling/zhengling/extract/clause"
	"github.com/zhengling/zhengling/extract/directive"
	"github.com/zhengling/zhengling/extract/hanzi"
	"github.com/zhengling/zhengling/extract/para"
	"github.com/zhengling/zhengling/extract/timex"
	"github.com/zhengling/zhengling/segment"
	"github.com/zhengling/zhengling/segment/lexicon"
)

// read runs the pipeline up to the clause reading on lines of text, as
// package extract does: paragraphs, outline, time expressions, reading.
func read(t testing.TB, lx *lexicon.Lexicon, title, ref string, lines ...string) []*para.Paragraph {
	t.Helper()
	seg, err := segment.Default()
	if err != nil {
		t.Fatal(err)
	}
	var paras []*para.Paragraph
	for i, l := range lines {
		v := hanzi.View(l)
		paras = append(paras, para.New(i, l, v, seg.Tokens(v), lx))
	}
	var refDate timex.Date
	if ref != "" {
		if refDate, err = timex.ParseDate(ref); err != nil {
			t.Fatal(err)
		}
	}
	var items []clause.Section
	directive.Walk(directive.Parse(paras), func(d *directive.Directive) {
		items = append(items, clause.Section{Para: d.Para, Start: d.Start, EndPara: d.LastPara(), End: d.End, Heading: hanzi.View(d.Heading)})
	})
	exprs, _ := timex.Find(paras, refDate)
	clause.Read(clause.Document{Title: title, Paras: paras, Times: exprs, Ref: refDate,
		Sections: clause.Sections(items, paras, lx), Lexicon: lx})
	return paras
}

// want is the expected reading of the clause that holds a text.
type want struct {
	in     string // a substring of the clause (source script)
	stance string // lexicon class, "" for none
	frame  para.Frame
}

// readingCorpus: documents (title, reference date, paragraphs) with the
// reading of some of their clauses. Negative rows: report sentences that
// must not read as goals, goal sentences that must not read as reports.
var readingCorpus = []struct {
	name, title, ref string
	lines            []string
	want             []want
}{
	{"a period heading its sentence dates the sentence (dev 016)", "", "2023-10-30",
		[]string{"根据初步核算,前三季度,全市地区生产总值同比增长5.5%,规模以上工业增加值增长4.5%,固定资产投资增长9.0%。"},
		[]want{{"规模以上工业增加值增长4.5%", "", para.FramePast}, {"固定资产投资增长9.0%", "", para.FramePast}}},
	{"a forecast is no goal (dev 015)", "", "2023-10-20",
		[]string{"预计1-9月份,全镇实现地区生产总值同比增长约5.5%,规上工业增加值稳步攀升。"},
		[]want{{"预计1-9月份", lexicon.Forecast, para.FrameNone}, {"全镇实现地区生产总值同比增长约5.5%", lexicon.Compare, para.FrameNone}}},
	{"到2025年 runs through the paragraph (dev 034)", "", "2023-10-30",
		[]string{"通知指出,到2025年,基本建成具有杭州特色的健康治理体系,城市健康治理水平显著提升。全力打赢污染防治攻坚战。建立科学完备的三级供水体系,农村自来水普及率99.93%以上、城乡规模化供水工程人口覆盖率达96%。"},
		[]want{{"城市健康治理水平显著提升", "", para.FrameAhead}, {"农村自来水普及率99.93%以上", "", para.FrameAhead}}},
	{"今年以来 reports; a sentence that obliges is not dated by it (seed002)", "", "2020-08-31",
		[]string{"今年以来,我州深化“放管服”改革,梳理出减税费、降成本、缓期限、优服务等 350 条优惠政策。要全面落实工程建设项目审批制度改革,将工业生产许可证再压减一半以上。"},
		[]want{{"梳理出减税费", "", para.FramePast}, {"将工业生产许可证再压减一半以上", lexicon.Goal, para.FrameNone}}},
	{"a day dates its event, not the paragraph (seed000)", "", "2022-08-03",
		[]string{"8月2日下午,区委副书记、区长蒋海华主持召开区政府常务会议。会议强调,要抓好上半年工作总结分析。"},
		[]want{{"区委副书记", "", para.FramePast}, {"要抓好上半年工作总结分析", lexicon.Instruct, para.FrameNone}}},
	{"a goal list opening the paragraph governs it to its end (dev 024)", "", "2018-03-06",
		[]string{"今年发展的预期目标是:国内生产总值增长6.5%左右,在实际工作中争取更好结果。居民消费价格涨幅3%左右,城镇新增就业1100万人以上。"},
		[]want{{"国内生产总值增长6.5%左右", lexicon.Goal, para.FrameNone}, {"居民消费价格涨幅3%左右", lexicon.Goal, para.FrameNone}}},
	{"a base year after 比 or 较 dates no clause: the period heading the sentence does (taihainet.com)", "", "2016-01-20",
		[]string{"“十三五”期间,漳州要提前实现GDP和城乡居民收入比2010年翻一番的目标。", "全市实现生产总值较2019年增长12%。"},
		[]want{{"比2010年翻一番", lexicon.Instruct, para.FrameAhead}, {"较2019年增长12%", "", para.FrameNone}}},
	{"其中 continues the goal the paragraph before ended on; a report is not continued (taihainet.com)", "", "2016-01-20",
		[]string{"“十三五”是漳州加速工业化、城市化发展的关键期,漳州的目标是全面建成小康社会,实现经济社会发展再上一个台阶。",
			"其中,全市经济保持高于全省平均水平1.5个百分点的增长,地区生产总值年均增长10%。",
			"去年全市地区生产总值增长8%。", "其中,第二产业增长9%。"},
		[]want{{"地区生产总值年均增长10%", lexicon.Goal, para.FrameNone}, {"第二产业增长9%", "", para.FrameNone}}},
	{"a work report's current year is ahead, a news report's is not", "2018年政府工作报告", "2018-03-06",
		[]string{"今年发展的主要预期目标是:国内生产总值增长6.5%左右。"},
		[]want{{"今年发展的主要预期目标是", lexicon.Goal, para.FrameAhead}}},
	{"…and in news the current year stays open", "全县经济运行平稳", "2018-03-06",
		[]string{"今年全县地区生产总值增长6.5%左右。"},
		[]want{{"今年全县地区生产总值增长6.5%左右", "", para.FrameNone}}},
	{"section headings pass their reading down", "", "2024-02-01",
		[]string{"一、2023年工作回顾", "我们坚持项目为王,全年实施重点项目320个。", "二、主要预期目标", "地区生产总值增长6%左右。"},
		[]want{{"全年实施重点项目320个", "", para.FramePast}, {"地区生产总值增长6%左右", lexicon.Goal, para.FrameAhead}}},
	{"a period qualifying a noun dates nothing (seed002)", "", "2020-08-31",
		[]string{"根据2021年国省预算内投资安排领域和“十四五”规划5大类31个方向要求,谋划上报一批好项目。"},
		[]want{{"5大类31个方向要求", lexicon.Goal, para.FrameNone}}},
	{"an eligibility condition (kaili)", "", "2024-06-27",
		[]string{"年龄在18周岁及以上、35周岁及以下。"},
		[]want{{"年龄在18周岁及以上", lexicon.Condition, para.FrameNone}}},
	{"a condition section passes its stance down", "", "2024-06-27",
		[]string{"报名条件", "服务满12个月及以上。"},
		[]want{{"服务满12个月及以上", lexicon.Condition, para.FrameNone}}},
	{"a thing done is a report, whatever goal cue its sentence has (dev 052)", "", "2023-03-20",
		[]string{"着力当前,确保按时完成今年的160万棒黑木耳种植任务,组织了一次村集体经济产业发展大检查活动,随之约谈了3个后进村。"},
		[]want{{"组织了一次村集体经济产业发展大检查活动", lexicon.Report, para.FrameNone}, {"随之约谈了3个后进村", lexicon.Report, para.FrameNone}}},
	{"确保 governs its sentence (seed000)", "", "2022-08-03",
		[]string{"要确保三季度、全年指标都大幅提升,满意率达到98%以上。"},
		[]want{{"满意率达到98%以上", lexicon.Goal, para.FrameNone}}},
}

func TestReadingCorpus(t *testing.T) {
	s2t, err := opencc.New("s2t")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range readingCorpus {
		check(t, tt.name, read(t, nil, tt.title, tt.ref, tt.lines...), tt.want)
		// the traditional copy of a page reads the same
		trad := make([]string, len(tt.lines))
		for i, l := range tt.lines {
			if trad[i], err = s2t.Convert(l); err != nil {
				t.Fatal(err)
			}
		}
		title, _ := s2t.Convert(tt.title)
		var tw []want
		for _, w := range tt.want {
			in, _ := s2t.Convert(w.in)
			tw = append(tw, want{in, w.stance, w.frame})
		}
		check(t, tt.name+" (traditional)", read(t, nil, title, tt.ref, trad...), tw)
	}
}

func check(t *testing.T, name string, paras []*para.Paragraph, ws []want) {
	t.Helper()
	for _, w := range ws {
		c := find(paras, w.in)
		if c == nil {
			t.Errorf("%s: no clause holds %q", name, w.in)
			continue
		}
		if c.Stance != w.stance || c.Frame != w.frame {
			t.Errorf("%s: %q read as stance %q (by %q), frame %v (by %q); want %q, %v",
				name, w.in, c.Stance, c.StanceBy, c.Frame, c.FrameBy, w.stance, w.frame)
		}
	}
}

// find returns the clause whose text holds s.
func find(paras []*para.Paragraph, s string) *para.Clause {
	for _, p := range paras {
		for k := range p.Clauses {
			c := &p.Clauses[k]
			if strings.Contains(p.Text(int(c.Start), int(c.End)), s) || strings.Contains(s, p.Text(int(c.Start), int(c.End))) && int(c.End) > int(c.Start) &&
				strings.HasPrefix(s, p.Text(int(c.Start), int(c.End))) {
				return c
			}
		}
	}
	return nil
}

// TestLexiconRowChangesTheReading: a cue added to the lexicon reaches the
// reading without any other change.
func TestLexiconRowChangesTheReading(t *testing.T) {
	line := "全县上下誓要打赢脱贫攻坚战,贫困发生率降至1%以下。"
	before := find(read(t, nil, "", "2020-01-10", line), "贫困发生率降至1%以下")
	lx, err := lexicon.Default().With("誓要\tgoal\tsentence\t全县上下誓要打赢脱贫攻坚战")
	if err != nil {
		t.Fatal(err)
	}
	after := find(read(t, lx, "", "2020-01-10", line), "贫困发生率降至1%以下")
	if before.Stance != "" || after.Stance != lexicon.Goal {
		t.Errorf("stance before %q, after %q; want \"\" then goal", before.Stance, after.Stance)
	}
}

func BenchmarkRead(b *testing.B) {
	lines := []string{"一、2023年工作回顾", "过去一年,全市地区生产总值增长5.6%,一般公共预算收入增长8.1%。",
		"二、主要预期目标", "今年发展的主要预期目标是:地区生产总值增长6%左右;城镇新增就业5万人以上。"}
	for b.Loop() {
		read(b, nil, "政府工作报告", "2024-02-01", lines...)
	}
}
