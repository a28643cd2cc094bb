package clean

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite the golden files of the fixture pages")

// govCases are the gold expectations of the real government pages
// (../shared/eval/gold), copied here.
var govCases = []struct {
	file string
	seedCase
}{
	{"gov/cmse-gov-cn.html", seedCase{
		title: "载人航天工程全线备战空间站建造任务",
		start: "元旦佳节，当千家万户团聚喜迎新年时", end: "我们期待中国载人航天传承战斗精神、续写辉煌篇章！",
		absent: []string{"发布日期: 2021-01-05", "信息来源:", "字号:", "[打印]", "责任编辑", "友情链接", "京ICP备20027467号-1",
			"版权所有：中国载人航天工程官方网站", "载人航天官方微信", "综合新闻", "邮箱登录"},
		meta: Meta{Source: "中国空间技术研究院、中国运载火箭技术研究院等", PublishedAt: "2021-01-05"},
	}},
	{"gov/fgw-zj-gov-cn.html", seedCase{
		title: "1-10月德清县固定资产投资结构趋稳趋优",
		start: "1-10月，全县固定资产投资完成246.79亿元", end: "总体全县投资结构趋稳趋优。（德清县发改局）",
		absent: []string{"当前位置：", "发布日期：2016-11-22", "浏览次数", "信息来源：省发改委", "打印", "关闭",
			"网站标识码：3300000020", "浙ICP备05018911号", "技术支持：浙江省经济信息中心", "安全隐私", "Produced By"},
		meta: Meta{Source: "省发改委", PublishedAt: "2016-11-22T09:53:00+08:00"},
	}},
	{"gov/gov-cn-gongbao.html", seedCase{
		title: "全国人民代表大会常务委员会关于批准财政部发行特别国债购买外汇及调整2007年末国债余额限额的决议",
		start: "第十届全国人民代表大会常务委员会第二十八次会议，听取了财政部部长金人庆代表国务院",
		end:   "批准2007年末国债余额限额调整为53365.53亿元。",
		absent: []string{"扫一扫在手机打开当前页", "网站标识码bm01000001", "京ICP备05070218号", "主办单位：国务院办公厅",
			"字号：默认", "相关稿件", "国务院客户端", "版权所有：中国政府网", "驻港澳机构网站", "2007年第23号"},
	}},
	{"gov/kaili-gov-cn.html", seedCase{
		title: "凯里市教育系统2024年公开招聘事业单位工作人员实施方案",
		start: "根据《贵州省事业单位新增人员公开招聘暂行办法》（黔人发〔2006〕4号）", end: "附件4：减免报名费申请.doc",
		absent: []string{"您当前所在位置", "发布时间：", "上一篇：", "下一篇：", "政府网站标识码：5226010001", "黔ICP备16008583号",
			"贵公网安备", "推荐使用1920*1080分辨率", "您访问的链接即将离开", "无障碍浏览版", "下午好，请登录", "地址：凯里市行政中心C座3楼"},
		meta: Meta{Source: "凯里市人力资源和社会保障局", PublishedAt: "2024-06-27T16:18:00+08:00"},
	}},
	{"gov/shanxi-gov-cn.html", seedCase{
		title: "山西品牌丝路行（南美站）正式启动",
		start: "跨越千山万水，行程近两万公里，山西品牌丝路行首次登陆巴西", end: "南美站活动将先后在巴西、乌拉圭、阿根廷举行。（张巨峰）",
		absent: []string{"扫一扫在手机打开当前页面", "网站标识码：1400000045", "晋ICP备12000773号", "主办：山西省人民政府办公厅",
			"切換到繁體", "无障碍浏览", "热门搜索", "字体：", "山西要闻", "山西省人民政府网提示"},
		meta: Meta{Source: "山西日报", PublishedAt: "2019-09-18T06:23:00+08:00"},
	}},
	// hand-made variations of the shapes generic extractors get wrong
	{"variants/br-body.html", seedCase{
		title: "莱山区政府第八次常务会议",
		start: "8月2日下午，区委副书记、区长蒋海华主持召开区政府常务会议。", end: "确保各项工作不撒不漏。",
		absent: []string{"访问次数", "字号", "打印本页", "Produced By", "网站标识码"},
		meta:   Meta{Source: "莱山区政府办", PublishedAt: "2022-08-03T16:42:00+08:00"},
	}},
	{"variants/notice-index-table.html", seedCase{
		title: "关于调整2024年度区政府常务会议议题申报时间的通知",
		start: "各街道办事处，区政府各部门、各直属单位：", end: "2024年3月1日",
		absent: []string{"索引号", "113706130042791846", "发布机构", "分享到", "ICP"},
		meta: Meta{IndexNo: "113706130042791846/2024-00112", DocNo: "烟莱政办字〔2024〕5号", Publisher: "莱山区政府办",
			Category: "综合政务", WrittenDate: "2024-03-01", PublishedAt: "2024-03-04"},
	}},
	{"variants/saved-css-base64.html", seedCase{
		title: "莱山区召开安全生产工作会议",
		start: "8月3日上午，莱山区召开安全生产工作会议", end: "等方面的隐患。",
		absent: []string{"base64", "font-family", "TRS_Editor", "mso-spacerun", "_hmt"},
		meta:   Meta{Source: "区应急管理局", PublishedAt: "2022-08-03T09:30:00+08:00"},
	}},
	{"variants/unknown-template.html", seedCase{
		title: "海州区召开全面振兴新突破三年行动推进会议",
		start: "10月23日，阜新市海州区召开", end: "韩家店镇、各街道党政负责同志参加会议。",
		absent: []string{"热点新闻", "上一篇", "辽ICP备", "网站首页", "第三季度经济运行分析会"},
		meta:   Meta{Source: "海州区融媒体中心", PublishedAt: "2023-10-24T08:51:00+08:00"},
	}},
	{"variants/trad-big5.html", seedCase{
		title: "在全區7-8月高質量發展重點工作調度會上的講話",
		start: "同志們:", end: "助力項目快建設、早投產。",
		absent:          []string{"(qū)", "(fā)", "首頁", "版權所有", "ICP"},
		warningPrefixes: []string{"mojibake: ?偟膩碚f"},
	}},
	{"variants/split-trs.html", seedCase{
		title: "区政府工作报告",
		start: "一、过去一年工作回顾。", end: "确保年底前完成各项任务。",
		absent: []string{"广告", "首页", "版权所有"},
	}},
	{"variants/summary-box.html", seedCase{
		title: "关于做好2024年防汛工作的通知",
		start: "各乡镇人民政府，县政府各部门：", end: "特此通知。",
		absent: []string{"摘要", "版权所有"},
	}},
	{"variants/shanxi-gbk.html", seedCase{
		title: "山西品牌丝路行（南美站）正式启动",
		start: "跨越千山万水", end: "（张巨峰）", meta: Meta{Source: "山西日报", PublishedAt: "2019-09-18T06:23:00+08:00"},
	}},
	{"variants/shanxi-undeclared-gbk.html", seedCase{title: "山西品牌丝路行（南美站）正式启动", start: "跨越千山万水", end: "（张巨峰）"}},
	{"variants/shanxi-wrong-decl.html", seedCase{title: "山西品牌丝路行（南美站）正式启动", start: "跨越千山万水", end: "（张巨峰）"}},
}

func TestHTMLGold(t *testing.T) {
	for _, c := range govCases {
		t.Run(c.file, func(t *testing.T) {
			p := loadPage(t, c.file)
			checkPage(t, p, c.seedCase)
		})
	}
}

func loadPage(t testing.TB, rel string) *Page {
	t.Helper()
	return loadFile(t, filepath.Join("../../fixtures/pages", rel))
}

// loadFile cleans the page or text in a file.
func loadFile(t testing.TB, path string) *Page {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	p, err := Bytes(b, "")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestHTMLShapes is a corpus of small page shapes and their paragraphs.
func TestHTMLShapes(t *testing.T) {
	cases := []struct {
		name, in string
		want     []string
	}{
		{"text straight under body", "<html><body>会议强调，要确保各项工作不撒不漏。<br>第二段，要坚持问题导向。</body></html>",
			[]string{"会议强调，要确保各项工作不撒不漏。", "第二段，要坚持问题导向。"}},
		{"fragment", "<p>会议强调，要确保各项工作不撒不漏。</p>", []string{"会议强调，要确保各项工作不撒不漏。"}},
		{"a fragment of several paragraphs is all text",
			`<p class="ql-block"> 10月12日下午,区政府组织各街办召开“三秋”工作推进会。</p> <p class="ql-block"> 各街办汇报了“三秋”工作开展情况;各包抓部门汇报了工作推进措施。</p> <p class="ql-block"> 张跃进副区长对当前三秋工作进行了详细分析,并做出以下要求:一是要高度重视,充分发动干部投身三秋工作。二是要想尽办法全力做好抢收抢种。</p>`,
			[]string{"10月12日下午,区政府组织各街办召开“三秋”工作推进会。", "各街办汇报了“三秋”工作开展情况;各包抓部门汇报了工作推进措施。", "张跃进副区长对当前三秋工作进行了详细分析,并做出以下要求:一是要高度重视,充分发动干部投身三秋工作。二是要想尽办法全力做好抢收抢种。"}},
		{"a page with a head is no fragment: the densest prose wins",
			`<html><head><title>区政府召开三秋工作推进会</title></head><body><div class="nav"><a href="/">首页</a> <a href="/xw">新闻</a></div><div><p>10月12日下午,区政府组织各街办召开“三秋”工作推进会,各街办汇报了工作开展情况。</p><p>会议要求,要高度重视,充分发动干部投身三秋工作,全力做好抢收抢种。</p></div><div class="footer">版权所有：某某区人民政府</div></body></html>`,
			[]string{"10月12日下午,区政府组织各街办召开“三秋”工作推进会,各街办汇报了工作开展情况。", "会议要求,要高度重视,充分发动干部投身三秋工作,全力做好抢收抢种。"}},
		{"pre keeps its lines", "<html><body><pre>一、总体要求\n为深入贯彻落实，制定本方案。</pre></body></html>",
			[]string{"一、总体要求", "为深入贯彻落实，制定本方案。"}},
		{"strong inside br text is not repeated",
			`<div class="TRS_Editor">会议指出，要全面加强全区政府系统政治思想建设。<br><strong>一要抓好上半年工作总结分析。</strong>以半年模拟考核为基础，统筹全年所有考核指标。<br><b>二要</b>谋划好下半年和明年重点项目。</div>`,
			[]string{"会议指出，要全面加强全区政府系统政治思想建设。", "一要抓好上半年工作总结分析。以半年模拟考核为基础，统筹全年所有考核指标。", "二要谋划好下半年和明年重点项目。"}},
		{"list items one per paragraph",
			`<div id="zoom"><p>会议决定：</p><ol><li>1、小山坡农家院拆迁实行倒计时，由李学文副镇长负责，8月底前完工。</li><li>2、云居寺小广场及周边换进的脏乱差问题由魏春水副镇长侧重负责。</li></ol></div>`,
			[]string{"会议决定：", "1、小山坡农家院拆迁实行倒计时，由李学文副镇长负责，8月底前完工。", "2、云居寺小广场及周边换进的脏乱差问题由魏春水副镇长侧重负责。"}},
		{"table cells", `<div class="TRS_Editor"><p>各单位完成情况如下，请对照落实。</p><table><tr><td>莱山街道</td><td>完成率98%</td></tr></table></div>`,
			[]string{"各单位完成情况如下，请对照落实。", "莱山街道", "完成率98%"}},
		{"related-article links above the article", `<div class="TRS_Editor"><p><strong>相关新闻：</strong></p><p><strong><a href="/zt">直播2019年苹果发布会(英文原声+中文字幕)</a></strong></p><p>新浪科技讯 北京时间9月11日凌晨消息，苹果2019秋季发布会开幕。</p><p>新品名为iPhone 11，采用双摄像头。</p></div>`,
			[]string{"新浪科技讯 北京时间9月11日凌晨消息，苹果2019秋季发布会开幕。", "新品名为iPhone 11，采用双摄像头。"}},
		{"product label under the last image", `<div class="article-content"><p><span class="bjh-p">经过多次改良版型，方便实用，这款休闲裤抗静电而且不易黏灰尘。</span></p><div class="img-container"><img src="a.jpg"></div><p><span class="bjh-p"><span class="bjh-br"></span></span></p><p><span class="bjh-p">17冬新款休闲裤明星同款运动长裤</span></p></div>`,
			[]string{"经过多次改良版型，方便实用，这款休闲裤抗静电而且不易黏灰尘。"}},
		{"a signature without an image stays", `<div class="TRS_Editor"><p>请各单位认真贯彻执行。</p><p>凯里市人民政府办公室</p></div>`,
			[]string{"请各单位认真贯彻执行。", "凯里市人民政府办公室"}},
		{"an image inside the last paragraph's text is no caption", `<div class="TRS_Editor"><p>请各单位认真贯彻执行。</p><p>凯里市<img src="seal.png">人民政府办公室</p></div>`,
			[]string{"请各单位认真贯彻执行。", "凯里市人民政府办公室"}},
		{"a signature under the seal's image stays", `<div class="TRS_Editor"><p>请各单位认真贯彻执行。</p><p><img src="seal.png"></p><p>凯里市人民政府办公室</p><p><img src="seal.png">2024年7月1日</p></div>`,
			[]string{"请各单位认真贯彻执行。", "凯里市人民政府办公室", "2024年7月1日"}},
		{"what follows the editor's credit is the site's", `<div class="article"><p>近日，广东江门警方接到一名72岁事主报警，称其接到一通陌生来电后，被层层套路，最终被诈骗上百万元。</p><p>江门警方提示，接到自称是公安、检察院、法院、银行等单位人员的来电切勿轻易相信。</p><p>采写：南都记者 余毅菁 向雪妮</p><p>责任编辑：<span></span></p><blockquote><p>香港警方：8.31示威行动未发生致命事件，谴责造谣者</p><p>港铁公司车务营运总监黄琨暐表示，8月31日晚，港铁公司于22点53分启动疏散程序。</p></blockquote>,南方都市报</div>`,
			[]string{"近日，广东江门警方接到一名72岁事主报警，称其接到一通陌生来电后，被层层套路，最终被诈骗上百万元。", "江门警方提示，接到自称是公安、检察院、法院、银行等单位人员的来电切勿轻易相信。", "采写：南都记者 余毅菁 向雪妮"}},
		{"an editor's line near the top does not cut", `<div class="TRS_Editor"><p>责任编辑：周雁</p><p>会议强调，要确保各项工作不撒不漏。</p><p>会议要求，各单位要对照任务清单逐项落实。</p></div>`,
			[]string{"会议强调，要确保各项工作不撒不漏。", "会议要求，各单位要对照任务清单逐项落实。"}},
		{"the title again under the article", `<title>区政府召开常务会议</title><div class="TRS_Editor"><p>会议强调，要确保各项工作不撒不漏。</p><p>会议要求，各单位要对照任务清单逐项落实。</p><p>区政府召开常务会议</p></div>`,
			[]string{"会议强调，要确保各项工作不撒不漏。", "会议要求，各单位要对照任务清单逐项落实。"}},
		{"a line twice under the article", `<div class="TRS_Editor"><p>会议强调，要确保各项工作不撒不漏。</p><p>会议要求，各单位要对照任务清单逐项落实。</p><p>请点击 mbgs777 咨询范文</p><p>请点击 mbgs777 咨询范文</p></div>`,
			[]string{"会议强调，要确保各项工作不撒不漏。", "会议要求，各单位要对照任务清单逐项落实。"}},
		{"hidden and script text dropped", `<div class="TRS_Editor"><p>会议强调，要确保各项工作不撒不漏。</p><div style="display: none">隐藏的统计代码文字内容</div><script>document.write("脚本里的文字内容")</script></div>`,
			[]string{"会议强调，要确保各项工作不撒不漏。"}},
	}
	for _, c := range cases {
		p, err := Bytes([]byte(c.in), "")
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if strings.Join(p.Paragraphs, "|") != strings.Join(c.want, "|") {
			t.Errorf("%s:\n got %q\nwant %q", c.name, p.Paragraphs, c.want)
		}
	}
}

func TestPageURL(t *testing.T) {
	want := map[string]string{
		"gov/fgw-zj-gov-cn.html":         "http://fgw.zj.gov.cn/art/2016/11/22/art_1621004_30332664.html", // <meta name="url">
		"gov/cmse-gov-cn.html":           "http://www.cmse.gov.cn/xwzx/zhxw/202101/t20210106_47506.html",  // first comment
		"variants/saved-css-base64.html": "http://www.laishan.gov.cn/art/2022/8/3/art_1234_5678901.html",  // saved from url=
		"variants/br-body.html":          "",
	}
	for f, u := range want {
		if got := loadPage(t, f).URL; got != u {
			t.Errorf("%s: URL %q, want %q", f, got, u)
		}
	}
}

func TestEncodingsOfVariants(t *testing.T) {
	want := map[string]string{
		"variants/shanxi-gbk.html": EncGBK, "variants/shanxi-wrong-decl.html": EncGBK,
		"variants/trad-big5.html": EncBig5, "gov/shanxi-gov-cn.html": EncUTF8,
	}
	for f, enc := range want {
		if got := loadPage(t, f).Encoding; got != enc {
			t.Errorf("%s: encoding %s, want %s", f, got, enc)
		}
	}
	a, b := loadPage(t, "variants/trad-big5.html"), loadPage(t, "variants/trad-utf8.html")
	samePage(t, "big5 vs utf-8", b, a)
}

// golden is what a golden file holds for one fixture page.
type golden struct {
	Title      string   `json:"title"`
	Encoding   string   `json:"encoding"`
	Meta       Meta     `json:"meta"`
	Paragraphs []string `json:"paragraphs"`
	Warnings   []string `json:"warnings"`
}

// TestGolden compares every fixture page with its golden file
// (testdata/golden/<dir>/<name>.golden); go test -update rewrites them.
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("../../fixtures/pages/*/*.html")
	if len(files) == 0 {
		t.Skip("no fixture pages")
	}
	for _, f := range files {
		rel, _ := filepath.Rel("../../fixtures/pages", f)
		t.Run(rel, func(t *testing.T) {
			p := loadPage(t, rel)
			if len(p.Paragraphs) == 0 {
				t.Fatal("empty body")
			}
			got, _ := json.MarshalIndent(golden{p.Title, p.Encoding, p.Meta, p.Paragraphs, p.Warnings}, "", " ")
			path := filepath.Join("testdata/golden", strings.TrimSuffix(rel, ".html")+".golden")
			if *update {
				os.MkdirAll(filepath.Dir(path), 0o755)
				if err := os.WriteFile(path, append(got, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("no golden file (run go test -update): %v", err)
			}
			if !bytes.Equal(bytes.TrimSpace(want), bytes.TrimSpace(got)) {
				t.Errorf("differs from %s:\n%s", path, firstDiff(string(want), string(got)))
			}
		})
	}
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) || i < len(bl); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return "want: " + x + "\n got: " + y
		}
	}
	return ""
}

// TestHTMLHostileInput: pathological markup still gives the page's text,
// and its cost is bounded by the input, asserted as bytes allocated (a
// linear bound) rather than as wall time, which a busy machine or -race
// stretches.
func TestHTMLHostileInput(t *testing.T) {
	deep := strings.Repeat("<div>", 50000) + "会议强调，要确保各项工作不撒不漏。" + strings.Repeat("</div>", 50000)
	for _, c := range []struct {
		desc, in string
		want     string // a paragraph holds it; "" for no body text
	}{
		{"deep nesting", deep, "会议强调，要确保各项工作不撒不漏。"},
		{"deep inline", strings.Repeat("<span><b>", 50000) + "正文。", "正文。"},
		{"unclosed table", strings.Repeat("<table><tr><td>", 20000) + "单元格", "单元格"},
		{"only script", "<html><script>var a='会议强调，要';</script></html>", ""},
		{"empty", "<html></html>", ""},
		{"markers no end", "<html><body><!--ZJEG_RSS.content.begin--><p>正文，只有开始标记。</p></body></html>", "正文，只有开始标记。"},
		{"garbage entities", strings.Repeat("&#x1F600;&#0;&#xD800;", 10000), ""},
	} {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		p, err := HTML(strings.NewReader(c.in), "")
		runtime.ReadMemStats(&after)
		if err != nil || p == nil {
			t.Errorf("%s: %v", c.desc, err)
			continue
		}
		text := strings.Join(p.Paragraphs, "\n")
		if c.want != "" && !strings.Contains(text, c.want) {
			t.Errorf("%s: paragraphs %.80q, want %q among them", c.desc, text, c.want)
		}
		if strings.Contains(text, "var a") || !utf8.ValidString(text) || strings.ContainsRune(text, 0) {
			t.Errorf("%s: paragraphs %.80q", c.desc, text)
		}
		// 85 to 95 bytes per input byte for the deep documents today; a
		// quadratic step would allocate gigabytes here.
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 300*uint64(len(c.in))+1<<20 {
			t.Errorf("%s: %d bytes allocated for %d bytes of input", c.desc, alloc, len(c.in))
		}
	}
}

func FuzzBytes(f *testing.F) {
	for _, rel := range []string{"variants/br-body.html", "variants/notice-index-table.html", "variants/trad-big5.html"} {
		if b, err := os.ReadFile(filepath.Join("../../fixtures/pages", rel)); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("<html><body><div class=TRS_Editor><p>一、<br><strong>二、</strong></div>"))
	f.Add([]byte("索引号: 1\n发布日期: 2022- 08- 03\n正文。"))
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := Bytes(b, "")
		if err != nil {
			return
		}
		if p == nil {
			t.Fatal("nil page without error")
		}
		for _, para := range p.Paragraphs {
			if para == "" {
				t.Error("empty paragraph")
			}
		}
	})
}

func BenchmarkHTML(b *testing.B) {
	files, _ := filepath.Glob("../../fixtures/pages/*/*.html")
	var pages [][]byte
	size := 0
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, raw)
		size += len(raw)
	}
	if len(pages) == 0 {
		b.Skip("no fixture pages")
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, raw := range pages {
			if _, err := Bytes(raw, ""); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(len(pages)*b.N)/b.Elapsed().Seconds(), "pages/s")
}

// TestStripLeakedTag: the remains of a tag written out as text by a broken
// save leave the start of a block; prose with quotes stays.
func TestStripLeakedTag(t *testing.T) {
	cases := []struct{ in, want string }{
		{`日k线图pcms-style=\\"font-L\\">意外总是猝不及防,`, "意外总是猝不及防,"},
		{`style="text-indent:2em">会议强调，要确保各项工作不撒不漏。`, "会议强调，要确保各项工作不撒不漏。"},
		{`会议强调，要确保各项工作不撒不漏。`, "会议强调，要确保各项工作不撒不漏。"},
		{`他说：“要把“为民”">二字落到实处。`, `他说：“要把“为民”">二字落到实处。`},
		{`会议指出，本次调整涉及a="1">的参数，请各单位知悉。`, `会议指出，本次调整涉及a="1">的参数，请各单位知悉。`},
		{`class="x">`, `class="x">`},
	}
	for _, c := range cases {
		if got := stripLeakedTag(c.in); got != c.want {
			t.Errorf("stripLeakedTag(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
