package clean

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/zhengling/zhengling/extract/hanzi"
)

// seedCase is what the gold annotations of a seed fix about its cleaning
// (copied from the eval's gold files, so that the test runs without them).
type seedCase struct {
	file            string
	title           string // "" = not checked
	start, end      string
	absent          []string
	meta            Meta
	warningPrefixes []string
}

var seedCases = []seedCase{
	{
		file:  "000_89870a89919acc8f.txt",
		title: "莱山区政府第八次常务会议",
		start: "8月2日下午,区委副书记、区长蒋海华主持召开区政府常务会议。",
		end:   "确保各项工作不撒不漏。",
		absent: []string{"Produced By", "大汉版通", "访问次数", "字号", "索引号", "政府信息公开>", "发布机构",
			"【常务会议】"},
		meta: Meta{IndexNo: "113706130042791846/2022-03924", Publisher: "莱山区政府办", Source: "莱山区政府办",
			Category: "区政府会议", WrittenDate: "2022-08-03", PublishedAt: "2022-08-03T16:42:00+08:00"},
	},
	{
		file:   "001_8f0b99024fc2d402.txt",
		title:  "连云港开发区召开区党工委(扩大)会暨疫情防控工作领导小组会议",
		start:  "5月7日下午,开发区召开区党工委(扩大)会暨疫情防控工作领导小组会议,市委常委、区党工委书记商振江出席会议并讲话",
		end:    "提高预警信息发现能力。",
		absent: []string{"核心提示", "免责声明", "粤ICP备", "网站首页", "推荐图文", "点击排行", "氢能科技", "科技是第一生产力", "更多>同类资讯"},
		meta:   Meta{PublishedAt: "2022-05-12", Source: "连云港开发区"},
	},
	{
		file:  "002_1821f895a3fc65c9.txt",
		start: "第一篇:第一季度重点项目重点工作汇报会讲话", // a compilation: its part headings stay
		end:   "如期全面建成小康社会。",
	},
	{
		file:   "003_dc844d99eb37f958.txt",
		start:  "10月23日,阜新市海州区召开全面振兴新突破三年行动领导小组(扩大)会议",
		end:    "韩家店镇、各街道党政负责同志参加会议。",
		absent: []string{"打开网易新闻", "查看精彩图片"},
	},
	{
		file:            "004_a9f72bc432a4d99b.txt",
		title:           "在全區7-8月高質量發展重點工作調度會上的講話",
		start:           "同志們:",
		end:             "及時研究解決項目推進各",
		absent:          []string{"(qū)", "(fā)", "(jīng)", "(zhàn)", "新文秘網", "120pk", "正式會員可完整閱讀", "未完,全文共", "收藏《"},
		warningPrefixes: []string{"truncated: 未完,全文共7174字", "truncated: 省略897字", "mojibake: ?偟膩碚f"},
	},
}

func TestTextSeeds(t *testing.T) {
	for _, c := range seedCases {
		t.Run(c.file, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("../../fixtures/seeds", c.file))
			if err != nil {
				t.Skip("seed not present:", err)
			}
			p, err := Bytes(b, "")
			if err != nil {
				t.Fatal(err)
			}
			checkPage(t, p, c)
			for _, para := range p.Paragraphs {
				if v := hanzi.View(para); utf8.RuneCountInString(v) != utf8.RuneCountInString(para) {
					t.Errorf("view not rune-aligned: %q", para)
				}
			}
		})
	}
}

func checkPage(t *testing.T, p *Page, c seedCase) {
	t.Helper()
	if len(p.Paragraphs) == 0 {
		t.Fatal("no paragraphs")
	}
	if c.title != "" && p.Title != c.title {
		t.Errorf("title %q, want %q", p.Title, c.title)
	}
	if !strings.HasPrefix(p.Paragraphs[0], c.start) {
		t.Errorf("body starts %q, want %q", p.Paragraphs[0], c.start)
	}
	if last := p.Paragraphs[len(p.Paragraphs)-1]; !strings.HasSuffix(last, c.end) {
		t.Errorf("body ends %q, want %q", last, c.end)
	}
	body := strings.Join(p.Paragraphs, "\n")
	for _, a := range c.absent {
		if strings.Contains(body, a) {
			t.Errorf("body keeps %q", a)
		}
	}
	if c.meta != (Meta{}) {
		got := p.Meta
		got.SiteName, got.Column, got.Keywords, got.Author = "", "", "", ""
		if got != c.meta {
			t.Errorf("meta\n got %+v\nwant %+v", got, c.meta)
		}
	}
	for _, w := range c.warningPrefixes {
		found := false
		for _, g := range p.Warnings {
			found = found || strings.HasPrefix(g, w)
		}
		if !found {
			t.Errorf("no warning %q in %q", w, p.Warnings)
		}
	}
}

func TestTextEdgeCases(t *testing.T) {
	cases := []struct {
		name  string
		in    string
		want  []string
		title string
	}{
		{"empty", "", nil, ""},
		{"only chrome", "首页\n>政府信息公开>政务专题\nProduced By 大汉网络", nil, ""},
		{"title then an item heading",
			"关于印发莱山区安全生产工作方案的通知\n一、总体要求\n为深入贯彻落实安全生产工作部署，确保全区安全形势持续稳定，制定本方案。",
			[]string{"一、总体要求", "为深入贯彻落实安全生产工作部署，确保全区安全形势持续稳定，制定本方案。"},
			"关于印发莱山区安全生产工作方案的通知"},
		{"an outline above the first sentence is kept",
			"一、总体要求\n二、重点任务\n三、保障措施\n工作安排\n为深入贯彻落实安全生产工作部署，确保全区安全形势持续稳定，制定本方案。",
			[]string{"一、总体要求", "二、重点任务", "三、保障措施", "工作安排", "为深入贯彻落实安全生产工作部署，确保全区安全形势持续稳定，制定本方案。"}, ""},
		{"CRLF", "会议强调:\r\n要慎终如始抓好疫情防控。\r\n", []string{"会议强调:", "要慎终如始抓好疫情防控。"}, ""},
		{"paywall inside a line",
			"三是要聚焦開工抓調度。對已簽約項目要精準制定推進各 ……(未完,全文共7174字,當前僅顯示2519字,請閱讀下面提示信息。",
			[]string{"三是要聚焦開工抓調度。對已簽約項目要精準制定推進各"}, ""},
		{"a broken copy starts lines with punctuation (o6s1.cn)",
			"3月6日\n,區長楊波主持召開區長碰頭會,安排部署當前工作。楊波要求,一要及早部署起好步。要集中心思\n,確保首季“開門紅”;要迅速部署\n。千方百計招項目,全力以赴推項目。",
			[]string{"3月6日,區長楊波主持召開區長碰頭會,安排部署當前工作。楊波要求,一要及早部署起好步。要集中心思,確保首季“開門紅”;要迅速部署。千方百計招項目,全力以赴推項目。"}, ""},
		{"a news dateline starts the body (taiwan.cn)",
			"政府工作报告中这句话很少见 传递什么信号\n2017年03月06日 06:14:10  来源:新华网\n字号:\n新华社北京3月5日电 题:“增长6.5%左右,后面加了一句话”——政府工作报告的“增”与“减”引发政协委员热议\n\n新华社记者熊争艳\n\n“今年发展的预期目标,‘国内生产总值增长6.5%左右’,后面加了一句话。”",
			[]string{"新华社北京3月5日电 题:“增长6.5%左右,后面加了一句话”——政府工作报告的“增”与“减”引发政协委员热议", "新华社记者熊争艳", "“今年发展的预期目标,‘国内生产总值增长6.5%左右’,后面加了一句话。”"},
			"政府工作报告中这句话很少见 传递什么信号"},
		{"a bulletin's name is no dateline",
			"全县防汛快讯 (第5期)\n今年入汛以来，全县累计降雨量较常年偏多三成，各地要立即开展隐患排查。",
			[]string{"今年入汛以来，全县累计降雨量较常年偏多三成，各地要立即开展隐患排查。"}, "全县防汛快讯 (第5期)"},
		{"the end of a preview closes the text (huaboedu.com)",
			"同志们:\n今天,市政府召开这次工业经济运行工作会议,很重要,很有意义。\n全市规模以上工业企业实现增加值404.6亿元,增长15.5%,利润141.9亿元,......\n预览结束,免费获取全文或定制代笔此类文章!\n请点击👉 mbgs777 👈联系老师\n- 下一篇:新任区长供职",
			[]string{"同志们:", "今天,市政府召开这次工业经济运行工作会议,很重要,很有意义。", "全市规模以上工业企业实现增加值404.6亿元,增长15.5%,利润141.9亿元,......"}, ""},
		{"the title and the site's lines again under the text (zt1388.com)",
			"杭州:到2025年 基本建成具有杭州特色的健康治理体系\n\n最新信息\n\n杭州:到2025年 基本建成具有杭州特色的健康治理体系\n2023-10-30 14:57:00\n南方财经10月30日电,据杭州市人民政府网站消息,通知指出,到2025年,基本建成具有杭州特色的健康治理体系。\n免责申明: 本站部分内容转载自国内知名媒体,如有侵权请联系客服删除。\n\n杭州:到2025年 基本建成具有杭州特色的健康治理体系\n\nsitemap.xml sitemap2.xml sitemap3.xml sitemap4.xml",
			[]string{"南方财经10月30日电,据杭州市人民政府网站消息,通知指出,到2025年,基本建成具有杭州特色的健康治理体系。"},
			"杭州:到2025年 基本建成具有杭州特色的健康治理体系"},
		{"a signature that repeats the red head's issuer stays",
			"莱山区人民政府办公室\n关于做好2024年防汛工作的通知\n各乡镇人民政府，区政府各部门：\n现将有关事项通知如下，请认真贯彻执行。\n\n莱山区人民政府办公室\n\n2024年3月1日",
			[]string{"各乡镇人民政府，区政府各部门：", "现将有关事项通知如下，请认真贯彻执行。", "莱山区人民政府办公室", "2024年3月1日"},
			"关于做好2024年防汛工作的通知"},
		{"a closing line said twice in a speech's tail stays once each",
			"同志们:\n今年的任务十分艰巨，我们要迎难而上。\n\n谢谢大家！",
			[]string{"同志们:", "今年的任务十分艰巨，我们要迎难而上。", "谢谢大家！"}, ""},
		{"an opening with the day and no full stop starts the body, it is no title",
			"区政府召开区长办公会\n\n3月4日晚,区委副书记、区长李建国主持召开区长办公会\n\n会议强调,一要快速推进镇、街道创文指挥部实体化运作。",
			[]string{"3月4日晚,区委副书记、区长李建国主持召开区长办公会", "会议强调,一要快速推进镇、街道创文指挥部实体化运作。"}, "区政府召开区长办公会"},
		{"a title wrapped before its genre word (gongwk.com)",
			"在全县经济工作冲刺一季度“开门红”会议上的\n讲话\n同志们:\n今天,我们召开全县经济工作冲刺一季度“开门红”专题会\n议,主要任务是深入学习贯彻党的二十大精神。",
			[]string{"同志们:", "今天,我们召开全县经济工作冲刺一季度“开门红”专题会议,主要任务是深入学习贯彻党的二十大精神。"},
			"在全县经济工作冲刺一季度“开门红”会议上的讲话"},
		{"an issuer under a whole title is not joined to it",
			"关于做好防汛工作的通知\n县政府办\n各乡镇人民政府，县政府各部门：\n现将有关事项通知如下，请认真贯彻执行。",
			[]string{"县政府办", "各乡镇人民政府，县政府各部门：", "现将有关事项通知如下，请认真贯彻执行。"}, "关于做好防汛工作的通知"},
		{"a headline naming the meeting over its subtitle (e-paper)",
			"市政府常务会议召开\n\n研究部署“双节”期间重点工作等\n\n本报讯 (记者 林金彦 黄涛) 9月25日上午,市委副书记、市长张百顺主持召开市政府常务会议,研究部署“双节”期间重点工作等。",
			[]string{"本报讯 (记者 林金彦 黄涛) 9月25日上午,市委副书记、市长张百顺主持召开市政府常务会议,研究部署“双节”期间重点工作等。"}, "市政府常务会议召开"},
		{"the same in traditional script, no blank lines",
			"市政府召開常務會議\n全力以赴抓好疫情防控和安全穩定各項工作\n西江日報訊(記者 陸志鋒)9月29日,市長許曉雄主持召開市政府常務會議,對國慶假期的疫情防控作出部署。",
			[]string{"西江日報訊(記者 陸志鋒)9月29日,市長許曉雄主持召開市政府常務會議,對國慶假期的疫情防控作出部署。"}, "市政府召開常務會議"},
		{"a kicker above a title, neither naming a meeting: the last line is the title",
			"奋进新征程 建功新时代\n我市加快建设现代化产业体系\n本报讯 近日,我市出台实施方案,明确到2025年全市规上工业增加值年均增长8%以上。",
			[]string{"本报讯 近日,我市出台实施方案,明确到2025年全市规上工业增加值年均增长8%以上。"}, "我市加快建设现代化产业体系"},
		{"a long formal title with four issuers, then a sentence ending in an ASCII full stop",
			"成都市发展和改革委员会 中共成都市委社会工作部 成都市规划和自然资源局 成都市住房和城乡建设局 关于印发成都市城市社区嵌入式服务设施建设工程实施方案的通知\n\n各区(市)县政府(管委会),市级有关部门,有关单位:\n\n经市领导同意,现将《成都市城市社区嵌入式服务设施建设工程实施方案》印发给你们,请结合实际认真贯彻落实.",
			[]string{"各区(市)县政府(管委会),市级有关部门,有关单位:", "经市领导同意,现将《成都市城市社区嵌入式服务设施建设工程实施方案》印发给你们,请结合实际认真贯彻落实."},
			"成都市发展和改革委员会 中共成都市委社会工作部 成都市规划和自然资源局 成都市住房和城乡建设局 关于印发成都市城市社区嵌入式服务设施建设工程实施方案的通知"},
		{"a notice's title wrapped before its last words, the tail found first",
			"关于对城区环境卫生综合整治工作检查情况的\n整改通知\n\n各街道办事处：\n近期，区政府组织对城区环境卫生进行了检查，现将有关情况通知如下。",
			[]string{"各街道办事处：", "近期，区政府组织对城区环境卫生进行了检查，现将有关情况通知如下。"}, "关于对城区环境卫生综合整治工作检查情况的整改通知"},
		{"a title with its document number before it",
			"鞍立政发〔2023〕2号立山区人民政府关于印发立山区政府2023年重点工作任务分解和责任分工方案的通知\n\n各街道办事处，区政府各部门：\n现将方案印发给你们，请认真贯彻执行。",
			[]string{"各街道办事处，区政府各部门：", "现将方案印发给你们，请认真贯彻执行。"}, "立山区人民政府关于印发立山区政府2023年重点工作任务分解和责任分工方案的通知"},
		{"a dated headline under a bulleted metadata list",
			"• 索引号:11370613MB1234567X/2023-00123\n• 发布日期:2023-12-12\n2023年12月12日区政府召开第62次常务会议\n12月12日，区长张三主持召开区政府第62次常务会议。",
			[]string{"12月12日，区长张三主持召开区政府第62次常务会议。"}, "2023年12月12日区政府召开第62次常务会议"},
		{"a resolution's title over its dated meeting line (ROC era)",
			"行政院第3232次院會決議\n\n院長提示:\n民國100年1月27日第3232次會議\n下週即是農曆春節,請相關部會提出報告,並請各權責機關首長親自督導,建立緊急通報機制。",
			[]string{"院長提示:", "下週即是農曆春節,請相關部會提出報告,並請各權責機關首長親自督導,建立緊急通報機制。"}, "行政院第3232次院會決議"},
		{"a source before the date and time under the title",
			"温州“十三五”规划《纲要》预计完成31项指标\n\n温州网 2020-12-24 08:17:00\n温州网讯 2020年,是全面建成小康社会和“十三五”规划收官之年,我市关于“十三五”规划纲要执行情况如何?",
			[]string{"温州网讯 2020年,是全面建成小康社会和“十三五”规划收官之年,我市关于“十三五”规划纲要执行情况如何?"}, "温州“十三五”规划《纲要》预计完成31项指标"},
		{"a 全文 link under the title, a jump line, and the tail of a report's page",
			"鹹陽市2022年深化“放管服”改革最佳化營商環境工作要點\n全文\n以習近平新時代中國特色社會主義思想為指導,堅持穩中求進工作總基調,進一步轉變政府職能。\n[接上页] (五) 切实加强动态报告工作,要确定专人负责。\n今年经济增长目标确定为9.5%左右,主要考虑是促进发展。\n初审编辑:\n责任编辑:余梁\n本文相关新闻\n网友评论[点击评论]",
			[]string{"以習近平新時代中國特色社會主義思想為指導,堅持穩中求進工作總基調,進一步轉變政府職能。", "(五) 切实加强动态报告工作,要确定专人负责。", "今年经济增长目标确定为9.5%左右,主要考虑是促进发展。"},
			"鹹陽市2022年深化“放管服”改革最佳化營商環境工作要點"},
		{"a login wall and a 推荐内容 box after the text",
			"回顾这一年,我们喜事连连,连续第四年被评为“福建省经济实力十强县”。\n——突出提升发展质量和效益,综合实力显著增强\n(阅读全部图文内容,您需要先登录!)\n\n推荐内容",
			[]string{"回顾这一年,我们喜事连连,连续第四年被评为“福建省经济实力十强县”。", "——突出提升发展质量和效益,综合实力显著增强"}, ""},
		{"a caption marked with a triangle above a mirror's report is no title",
			"▲區域發展布局示意圖\n臺海網1月20日訊 (海峽導報記者 沈華鈴)“十三五”期間,漳州要提前實現GDP和城鄉居民收入比2010年翻一番的目標。",
			[]string{"臺海網1月20日訊 (海峽導報記者 沈華鈴)“十三五”期間,漳州要提前實現GDP和城鄉居民收入比2010年翻一番的目標。"}, ""},
		{"a heading with a comma over a line whose subject is 各… (hanzhong.gov.cn)",
			"一、高度重视,加强领导\n各承办单位要高度重视,将议案办理工作列入重要议事日程。\n二、明确责任,狠抓落实\n各承办单位要明确分管领导和具体承办人员。",
			[]string{"一、高度重视,加强领导", "各承办单位要高度重视,将议案办理工作列入重要议事日程。", "二、明确责任,狠抓落实", "各承办单位要明确分管领导和具体承办人员。"}, ""},
		{"a line ending in an ASCII full stop ends its paragraph",
			"为推进社区嵌入式服务设施建设,经市政府同意,现将《实施方案》印发给你们,请结合实际认真贯彻落实.\n开展城市社区嵌入式服务设施建设是重大民生工程。",
			[]string{"为推进社区嵌入式服务设施建设,经市政府同意,现将《实施方案》印发给你们,请结合实际认真贯彻落实.", "开展城市社区嵌入式服务设施建设是重大民生工程。"}, ""},
		{"a 信息公开 table saved with | between its cells, a note wrapped over two lines (ankang.gov.cn)",
			"汉滨区2025年政府工作报告\n文件名称 | 汉滨区2025年政府工作报告 | ||\n索引号 | /2025-0000 | 公开目录: | 工作报告 |\n文号 | 成文日期: | 2025年04月15日 | |\n有效性 | 有效 | 公开日期: | 2025-04-15 14:43 |\n2025年3月21日在汉滨区第十九届\n人民代表大会第四次会议上\n汉滨区人民政府代区长 向诗兵\n各位代表:\n现在,我代表区人民政府向大会报告工作,请予审议。",
			[]string{"各位代表:", "现在,我代表区人民政府向大会报告工作,请予审议。"}, "汉滨区2025年政府工作报告"},
		{"a photo caption saved with the text",
			"会议强调，要确保各项工作不撒不漏。\n图为会议现场。（刘通摄）\n会议要求，各单位要对照任务清单逐项落实。",
			[]string{"会议强调，要确保各项工作不撒不漏。", "会议要求，各单位要对照任务清单逐项落实。"}, ""},
	}
	for _, c := range cases {
		p := Text(c.in)
		if strings.Join(p.Paragraphs, "|") != strings.Join(c.want, "|") {
			t.Errorf("%s: %q, want %q", c.name, p.Paragraphs, c.want)
		}
		if p.Title != c.title {
			t.Errorf("%s: title %q, want %q", c.name, p.Title, c.title)
		}
	}
}

func FuzzText(f *testing.F) {
	for _, c := range seedCases {
		if b, err := os.ReadFile(filepath.Join("../../fixtures/seeds", c.file)); err == nil {
			f.Add(string(b[:min(len(b), 2000)]))
		}
	}
	f.Add("首页\n索引号:\n发布日期: 2022- 08- 03 16: 42\n\n")
	f.Add(bozhouPage)
	f.Fuzz(func(t *testing.T, s string) {
		p := Text(s)
		for _, para := range p.Paragraphs {
			if para == "" || strings.TrimSpace(para) != para {
				t.Errorf("untrimmed or empty paragraph %q", para)
			}
			if utf8.ValidString(s) && !utf8.ValidString(para) {
				t.Errorf("invalid UTF-8 paragraph")
			}
		}
	})
}

func BenchmarkText(b *testing.B) {
	raw, err := os.ReadFile("../../fixtures/seeds/002_1821f895a3fc65c9.txt")
	if err != nil {
		b.Skip(err)
	}
	s := string(raw)
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		Text(s)
	}
}
