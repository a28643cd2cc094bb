package clean

import "testing"

// TestSpacedMeta: 信息公开 tables saved as text print labels without colons,
// some spaced out; other lines must not read as metadata.
func TestSpacedMeta(t *testing.T) {
	tests := []struct {
		line string
		want []pair // nil: not a metadata line
	}{
		{"索 引 号 MB1534522/2023-05475 发文日期 2023-01-03", []pair{{fIndexNo, "MB1534522/2023-05475"}, {fWritten, "2023-01-03"}}},
		{"发布机构 区人民政府办公室 文    号 蔡政办〔2023〕1号", []pair{{fPublisher, "区人民政府办公室"}, {fDocNo, "蔡政办〔2023〕1号"}}},
		{"索 引 号 20180001  公开方式 主动公开  公开日期 2018-01-31", []pair{{fIndexNo, "20180001"}, {fNone, "主动公开"}, {fPublished, "2018-01-31"}}},
		{"时间 就是 生命", nil},             // one label only
		{"会议 强调 要 抓好 落实 工作", nil},     // no label at the start
		{"来源 新华社 记者 张三 李四", nil},      // one label, then words
		{"2023年 全区 经济 工作 会议 召开", nil}, // a title with spaces
	}
	for _, tc := range tests {
		t.Run(tc.line, func(t *testing.T) {
			got, ok := parseSpacedMeta(tc.line, view(tc.line))
			if ok != (tc.want != nil) {
				t.Fatalf("ok %v, got %v, want %v", ok, got, tc.want)
			}
			if len(got) != len(tc.want) {
				t.Fatalf("got %v, want %v", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("pair %d: got %v, want %v", i, got[i], tc.want[i])
				}
			}
		})
	}
}

// TestSpacedMetaPage: the whole header of a page saved as text.
func TestSpacedMetaPage(t *testing.T) {
	p := Text("关于印发2023年主要目标任务责任分解方案的通知\n2023-01-05 10:00 区人民政府办公室\n索 引 号 MB1534522/2023-05475 发文日期 2023-01-03\n发布机构 区人民政府办公室 文    号 蔡政办〔2023〕1号\n分   类 政务公开 有 效 性 有效\n\n各街道办事处、乡人民政府，区人民政府各部门：\n现将方案印发给你们，请认真贯彻执行。")
	m := p.Meta
	if m.IndexNo != "MB1534522/2023-05475" || m.DocNo != "蔡政办〔2023〕1号" || m.Publisher != "区人民政府办公室" ||
		m.Category != "政务公开" || m.WrittenDate != "2023-01-03" {
		t.Errorf("meta %+v", m)
	}
	if len(p.Paragraphs) == 0 || p.Paragraphs[0] != "各街道办事处、乡人民政府，区人民政府各部门：" {
		t.Errorf("body starts %q", p.Paragraphs)
	}
}

// TestNumbersOnLinesOfTheirOwn: copies of PDF or Word documents put each
// number on a line of its own; the sentence is joined whole, and a counter
// under a dateline still leaves.
func TestNumbersOnLinesOfTheirOwn(t *testing.T) {
	p := Text("同志们:\n在\n2022\n年时间刚刚过半的关键节点上,我们召开这次会议,确保全年目标任务高质量完成。\n会前,我们集中用了\n1\n天半的时间,深入\n11\n个镇和经开区对\n18\n个项目进行了现场观摩。")
	want := []string{"同志们:", "在2022年时间刚刚过半的关键节点上,我们召开这次会议,确保全年目标任务高质量完成。",
		"会前,我们集中用了1天半的时间,深入11个镇和经开区对18个项目进行了现场观摩。"}
	if len(p.Paragraphs) != len(want) {
		t.Fatalf("got %q, want %q", p.Paragraphs, want)
	}
	for i := range want {
		if p.Paragraphs[i] != want[i] {
			t.Errorf("paragraph %d: got %q, want %q", i, p.Paragraphs[i], want[i])
		}
	}
	q := Text("会议标题\n\n   2022-05-12 连云港开发区\n64\n核心提示:5月7日下午,开发区召开会议,研究部署工作。")
	if len(q.Paragraphs) == 0 || q.Paragraphs[0] == "64" {
		t.Errorf("the counter stays: %q", q.Paragraphs)
	}
}
