package quantity

import (
	"fmt"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/zhengling/zhengling/extract/hanzi"
	"github.com/zhengling/zhengling/extract/para"
	"github.com/zhengling/zhengling/extract/timex"
	"github.com/zhengling/zhengling/segment"
)

func paragraph(t testing.TB, s string) *para.Paragraph {
	t.Helper()
	seg, err := segment.Default()
	if err != nil {
		t.Fatal(err)
	}
	v := hanzi.View(s)
	return para.New(0, s, v, seg.Tokens(v), nil)
}

// q is an expected target or figure: value, unit, comparator, change,
// approx, and max for a range (0 for none).
type q struct {
	value  float64
	unit   string
	cmp    string
	change string
	approx bool
	max    float64
}

// findCorpus: real sentences from the seeds, gold documents and pages, with
// the targets and figures they hold. Each row exercises a rule of tables.go
// or classify.go.
var findCorpus = []struct {
	text    string
	targets []q
	figures []q
}{
	// suffix 以上 (>=), 达到 = level; inside a 要 clause: targets (seed000)
	{"要紧盯“满意率达到98%以上,解决率达到92%以上”的总目标", []q{{98, "%", ">=", "", false, 0}, {92, "%", ">=", "", false, 0}}, nil},
	// 确保 (seed001)
	{"确保上半年开工80%以上。", []q{{80, "%", ">=", "", false, 0}}, nil},
	// 确保 governs both parts joined by 、; 64 亿 with a space (seed002)
	{"确保省重点项目完成投资 64 亿元以上、州重点项目完成投资500亿元以上。",
		[]q{{6.4e9, "元", ">=", "", false, 0}, {5e10, "元", ">=", "", false, 0}}, nil},
	// 目标 after the number: target; 仅 before the number: figure (seed002)
	{"从1-7月来看,全州仅新增34家“四上”企业,离今年新增200家的目标任务差距很大",
		[]q{{200, "家", "=", "", false, 0}}, []q{{34, "家", "=", "", false, 0}}},
	// 稳定在 level; 万 multiplied out (seed002)
	{"确保农村劳动力转移就业稳定在84万人以上、新增城镇就业2.3万人。",
		[]q{{840000, "人", ">=", "", false, 0}, {23000, "人", "=", "", false, 0}}, nil},
	// 压减 + 以上: a decrease of at least (seed002)
	{"将“三公”经费支出压减20%以上、非急需非刚性支出压减50%以上,对非“三保”支出,要坚决管住",
		[]q{{20, "%", ">=", "decrease", false, 0}, {50, "%", ">=", "decrease", false, 0}}, nil},
	// 一半 is 50 %; 压缩到 X 至 Y is a level between (seed002)
	{"将工业生产许可证再压减一半以上,工程、能源、交通和水利等建设项目审批时间压缩到 50 至100 个工作日。",
		[]q{{50, "%", ">=", "decrease", false, 0}, {50, "工作日", "between", "", false, 100}}, nil},
	// the bare lower end of a range shares the upper end's 万/亿 (G20 notice)
	{"市场严查,一律查到罚款8-10万元,拘留15天。", nil, []q{{80000, "元", "between", "", false, 100000}}},
	// 不低于 with a gap (seed002)
	{"各县市要按照不低于每人10元的全省统一标准要求,尽快落实普查经费", []q{{10, "元", ">=", "", false, 0}}, nil},
	// 至少 with a space; sentence-wide 确保 over the next clause (seed002)
	{"确保每个州直牵头部门及湘西经开区至少有1项获省政府督查激励,每个县市有2项以上获省政府督查激励。",
		[]q{{1, "项", ">=", "", false, 0}, {2, "项", ">=", "", false, 0}}, nil},
	// 批准: amounts a decision fixes; 调整为 is not 为 (gongbao)
	{"会议决定：批准发行15500亿元特别国债购买外汇，批准2007年末国债余额限额调整为53365.53亿元。",
		[]q{{1.55e12, "元", "=", "", false, 0}, {5.336553e12, "元", "=", "", false, 0}}, nil},
	// 目标是 governs the clauses of its sentence after the colon
	{"主要预期目标是：地区生产总值增长6%左右，城镇新增就业1万人。",
		[]q{{6, "%", "~", "increase", true, 0}, {10000, "人", "=", "", false, 0}}, nil},
	// a list cue governs the ；-separated items of its sentence
	{"主要预期目标是：地区生产总值增长7%左右；一般公共预算收入增长6%；城镇登记失业率控制在4.5%以内。",
		[]q{{7, "%", "~", "increase", true, 0}, {6, "%", "=", "increase", false, 0}, {4.5, "%", "<=", "", false, 0}}, nil},
	// 计划 sets a plan; 完成年度计划 reports progress against it
	{"年度计划投资150亿元", []q{{1.5e10, "元", "=", "", false, 0}}, nil},
	{"项目投资完成年度计划的82.3%", nil, []q{{82.3, "%", "=", "", false, 0}}},
	{"8个省级重点项目完成投资10.55亿元，完成年度投资计划的103.95%", nil,
		[]q{{8, "个", "=", "", false, 0}, {10.55e8, "元", "=", "", false, 0}, {103.95, "%", "=", "", false, 0}}},
	// 较去年 compares with last year: a figure
	{"销售毛利率较去年同期下滑4.51个百分点", nil, []q{{4.51, "个百分点", "=", "decrease", false, 0}}},
	// an explicit bound of a requirement (kaili)
	// a unit written once at the end of a list gives each value (SPEC v1.1, issue 11)
	{"增速分别高于全省平均水平0.3、0.5个百分点", nil, []q{{0.3, "个百分点", "=", "", false, 0}, {0.5, "个百分点", "=", "", false, 0}}},
	{"年龄在18周岁及以上", nil, []q{{18, "周岁", ">=", "", false, 0}}}, // SPEC v1.1: an eligibility condition is a figure
	// a subsidy cap is a policy parameter: a figure, even in a notice that instructs (tainan.gov.tw, tongzhou)
	{"本局將於明年新設一老人日間關懷站,最高補助新臺幣135萬元整", nil, []q{{1.35e6, "元", "=", "", false, 0}}}, // 最高 stands too far before the number to bound it
	{"支持原创内容创作、文化科技融合，最高资助150万元。", nil, []q{{1.5e6, "元", "<=", "", false, 0}}},
	{"每人限申请1次。", nil, []q{{1, "次", "<=", "", false, 0}}},
	{"今年预期目标:居民消费价格涨幅3%左右。", []q{{3, "%", "~", "increase", true, 0}}, nil},
	{"今年最高气温达到38℃。", nil, nil},
	// 须 with a bound (kaili)
	{"均须满12个月及以上", []q{{12, "个月", ">=", "", false, 0}}, nil},
	// weak cue 要求 with a plain count of lists: no target; a count of lists
	// is incidental, no figure either (GOLD: optional) (seed002)
	{"我们还要求各县(市、区)拉出高成长型中小微企业、外贸型企业等3个清单,进行重点扶持", nil, nil},
	// a demonstrative refers back; aspects of a speech are no statistic (seed002)
	{"这4个县(市)都在应对今年疫情影响", nil, nil},
	{"重点抓好4个方面的工作", nil, nil},
	// a tally after 等 is a real count (seed002)
	{"州推进办已梳理出减税费、降成本、缓期限、优服务等 350 条优惠政策", nil, []q{{350, "条", "=", "", false, 0}}},
	// unit prices and conversions are no figures (news)
	{"收购均价每斤1.32元,小麦每斤卖1.35元", nil, nil},
	{"售价699美元（约合人民币4971元）,64GB售5499元", nil, nil},
	{"充电宝价格为3.5元/小时,部分网点5元/斤", nil, nil},
	// 负增长 is a decrease; 倍 takes Chinese numerals; a value joined by 和
	// shares the verb before it
	{"房地产开发投资负增长3.5%", nil, []q{{3.5, "%", "=", "decrease", false, 0}}},
	{"其中，出口额增长一倍，进口额增长两成。", nil, []q{{1, "倍", "=", "increase", false, 0}, {20, "%", "=", "increase", false, 0}}},
	{"实现旅游综合收入120亿元，分别增长15%和18%。", nil,
		[]q{{1.2e10, "元", "=", "", false, 0}, {15, "%", "=", "increase", false, 0}, {18, "%", "=", "increase", false, 0}}},
	{"财政部：金融企业拨备覆盖率超过监管要求两倍视为存在隐藏利润倾向", nil, nil},
	// 在X以上的 + noun is a class
	{"对投资额在5000万元以上的项目实行领导包联", nil, nil},
	// a price word before a deal value does not make it a price (stcn)
	{"中标价7亿元", nil, []q{{7e8, "元", "=", "", false, 0}}},
	// a day range is a date (news)
	{"5月10-12日,年会在长春召开", nil, nil},

	// 同比 + 增长: figure, increase; county rates after 有, signed (seed002)
	{"1-8 月份,全市规模以上工业增加值同比增长2.3%,其中低于全市平均水平的有虞城县2.1%、民权县2.0%、夏邑县 2.0%,示范区-7.9%。", nil,
		[]q{{2.3, "%", "=", "increase", false, 0}, {2.1, "%", "=", "", false, 0}, {2.0, "%", "=", "", false, 0}, {2.0, "%", "=", "", false, 0}, {-7.9, "%", "=", "", false, 0}}},
	// counts of enterprises (seed002)
	{"从 1-9 月份新增“四上”企业上报数来看,全市新增规上工业企业34家,其中永城市21家,虞城县8家", nil,
		[]q{{34, "家", "=", "", false, 0}, {21, "家", "=", "", false, 0}, {8, "家", "=", "", false, 0}}},
	// 截至 governs the sentence; 超过了 (>) (seed002)
	{"截至8月底,全市金融机构新增存贷比达到87.6%,有的银行超过了200%。", nil,
		[]q{{87.6, "%", "=", "", false, 0}, {200, "%", ">", "", false, 0}}},
	// 多 inside the number: approx (seed002)
	{"目前,各县(市、区)共谋划了 1000 多个项目、总投资 5000多亿元。", nil,
		[]q{{1000, "个", "=", "", true, 0}, {5e11, "元", "=", "", true, 0}}},
	// 已 + 将近 (seed002)
	{"目前,我市基本农田保护率已将近90%,用地约束将越来越紧", nil, []q{{90, "%", "=", "", true, 0}}},
	// 万 + 人口 implies people (seed002)
	{"我州1.56万剩余贫困人口已经全部达到脱贫条件", nil, []q{{15600, "人", "=", "", false, 0}}},
	// 只有, 仅为 (seed002)
	{"全州人普经费保障率只有10.7%,人均仅为1.1元。", nil, []q{{10.7, "%", "=", "", false, 0}, {1.1, "元", "=", "", false, 0}}},
	// 近: approx; 名 counts people (seed002)
	{"涉及全州近300万人口,需动员近2万名普查指导员和普查员进行普查", nil,
		[]q{{3e6, "人", "=", "", true, 0}, {20000, "人", "=", "", true, 0}}},
	// 不到 (<) (seed002)
	{"比重实现程度还不到 50%,要精准施策", nil, []q{{50, "%", "<", "", false, 0}}},
	// 大约 (~), 小项 → 项 (seed002)
	{"我州很有希望获得督查激励的事项大约有27小项", nil, []q{{27, "项", "~", "", true, 0}}},
	// durations with a bound: 左右 (~) and 内 (<=); 日 → 天 (seed002)
	{"目前建筑工程类项目审批能够在72日左右完成,但这与我省有些地市70日内完成相比,还有一定差距。", nil,
		[]q{{72, "天", "~", "", true, 0}, {70, "天", "<=", "", false, 0}}},
	// a statistics report (fgw.zj)
	{"1-10月，全县固定资产投资完成246.79亿元，完成年度计划82.3%，同比增长15.3%，位列三县两区第一。", nil,
		[]q{{2.4679e10, "元", "=", "", false, 0}, {82.3, "%", "=", "", false, 0}, {15.3, "%", "=", "increase", false, 0}}},
	// Chinese numerals with 万 (shanxi)
	{"跨越千山万水，行程近两万公里，山西品牌丝路行首次登陆巴西", nil, []q{{20000, "公里", "=", "", true, 0}}},
	// 超 alone (>); 超额 and 超市 are no comparators (wzrb.com.cn)
	{"去年全市完成交通投资超2000亿元，超额完成年度计划。", nil, []q{{2e11, "元", ">", "", false, 0}}},
	{"全市新建超市12家", nil, []q{{12, "家", "=", "", false, 0}}},
	// 超过 (>) and 近 (shanxi)
	{"这里聚集了超过90%的在巴中国移民和近200家中资企业", nil, []q{{90, "%", ">", "", false, 0}, {200, "家", "=", "", true, 0}}},
	// a lone 万 before 余 (seed002)
	{"发放各类宣传资料万余份", nil, []q{{10000, "份", "=", "", true, 0}}},
	// a range of percentages with a change
	{"力争全年地区生产总值增长5%-10%", []q{{5, "%", "between", "increase", false, 10}}, nil},
	// 三分之一 is a share (33.33 %) but no percent expression
	{"贫困人口约占三分之一", nil, []q{{100.0 / 3, "%", "~", "", true, 0}}},

	// 约 inside 签约 is no approximation; 多 is (seed002)
	{"此前,我们已连续开展了两轮政银企对接活动,签约资金100多亿元", nil, []q{{1e10, "元", "=", "", true, 0}}},
	// 不得超过 (<=) with a modal cue (seed002)
	{"两侧用地范围以外绿化带宽度不得超过5米", []q{{5, "米", "<=", "", false, 0}}, nil},
	// negated strict comparators turn around (163.com)
	{"这一比例不会超过15%", nil, []q{{15, "%", "<=", "", false, 0}}},
	{"室外新风口与污染物排放口的距离不能小于1.5米", nil, []q{{1.5, "米", ">=", "", false, 0}}},
	// 几十万 has no value; the other end of the range stands alone (thepaper)
	{"一个点位的进场费从几十万元到100多万元不等", nil, []q{{1e6, "元", "=", "", true, 0}}},
	// foreign currencies keep their unit (baijiahao)
	{"她每小时的收入高达100英镑", nil, []q{{100, "英镑", "=", "", false, 0}}},

	// 倍 is a unit of its own; 增长 makes it a change
	{"全年出口额同比增长1.5倍", nil, []q{{1.5, "倍", "=", "increase", false, 0}}},
	// 位 counts people, but 位于 is no unit
	{"共邀请12位专家参加评审,项目位于3号地块", nil, []q{{12, "人", "=", "", false, 0}}},

	// 人口 before a 万-count implies people; a bound before a noun is a class
	{"全市户籍人口531.59万, 60周岁以上老年人口87.36万人", nil,
		[]q{{5315900, "人", "=", "", false, 0}, {873600, "人", "=", "", false, 0}}},
	// 收窄 is a decrease
	{"居民消费价格涨幅较上年同期收窄3.7个百分点", nil, []q{{3.7, "个百分点", "=", "decrease", false, 0}}},

	// not quantities
	{"两路口学校建设等89个投资1000万元以上重大项目完成投资67.44亿元", nil, // a class bound
		[]q{{89, "个", "=", "", false, 0}, {6.744e9, "元", "=", "", false, 0}}},
	{"围绕国控点周边半径5公里,加快推进空气质量标准站建设", nil, nil},                   // a measure of place (seed001)
	{"把“十五条硬措施”“八抓二十项”创新举措和应知应会知识讲清楚", nil, nil},               // Chinese counts in names (seed000)
	{"10个招商局要切实发挥招商引资主力军的作用", nil, nil},                        // the subject of an instruction (seed003)
	{"②对群众一周内重复投诉5件以上、多次投诉未解决事项以及部门之间来回推诿扯皮的,要每周分析", nil, nil}, // a condition (seed000)
	{"第七次全国人口普查是今年政府的一项重要工作", nil, nil},                        // an ordinal (seed002)
	{"要抓好矮寨奇观景区创建 5A 验收工作,要鼓励支持商场、4S店开展展会", nil, nil},          // codes (seed002)
	{"商丘保税物流中心 1210 模式获批后引入了阿里等平台", nil, nil},                  // no unit (seed002)
	{"与 2018 年比,从“占据”后三名到全部摆脱", nil, nil},                      // a year (seed002)
	{"(三)认真做好2012人社工作绩效指标考评工作。", nil, nil},                     // 人社 is no count of people (seed002)
	{"脱贫攻坚距年底收官只剩下四个月时间", nil, nil},                            // a duration without a bound (seed002)
	{"须提供户口簿原件及复印件各1份", nil, nil},                              // copies to hand in (kaili)
	{"考生考试综合成绩＝笔试成绩×50％＋面试（专业测试）成绩×50％", nil, nil},             // formula weights (kaili)
	{"确保6月份达到Ⅲ类水质。", nil, nil},                                 // a class (seed001)
	{"制定《营商环境创新2022年行动计划》", nil, nil},                          // a title (seed000)
	{"8月2日下午,区委副书记、区长蒋海华主持召开区政府常务会议。", nil, nil},               // a date (seed000)
	{"2011年6月7日9:00,大石窝镇党委、政府召开会议", nil, nil},                  // a date and time (seed002)
	{"要牢固树立过紧日子思想,把每一分钱都用在刀刃上", nil, nil},                      // 一分 is no quantity
	{"统一成本核算,一成不变", nil, nil},                                  // 一成 inside words
}

func TestFindCorpus(t *testing.T) {
	for _, c := range findCorpus {
		p := paragraph(t, c.text)
		r := Find(p, Context{})
		checkQuantities(t, c.text, "target", r.Targets, c.targets)
		checkQuantities(t, c.text, "figure", r.Figures, c.figures)
		for _, x := range append(r.Targets, r.Figures...) {
			checkOffsets(t, p, x.Start, x.End, x.Text)
		}
	}
}

// metricCorpus: the measured noun phrase and the text span.
var metricCorpus = []struct{ text, metric, span string }{
	{"全州人普经费保障率只有10.7%", "全州人普经费保障率", "全州人普经费保障率只有10.7%"},
	{"人均仅为1.1元", "人均", "人均仅为1.1元"},
	{"将“三公”经费支出压减20%以上", "“三公”经费支出", "“三公”经费支出压减20%以上"},
	{"全县固定资产投资完成246.79亿元", "全县固定资产投资", "全县固定资产投资完成246.79亿元"},
	{"今年省政府下达25条督查激励措施", "今年省政府", "今年省政府下达25条"},
	{"全县固定资产投资完成246.79亿元，同比增长15.3%", "全县固定资产投资", "同比增长15.3%"}, // inherited
	{"社会消费品零售总额完成312.5亿元（含网络零售额），同比增长8.3%", "社会消费品零售总额", "同比增长8.3%"},
	{"一般公共预算收入完成62.3亿元，同口径增长4.5%", "一般公共预算收入", "同口径增长4.5%"},
	{"全年地区生产总值386.52亿元，比上年增长6.2%", "全年地区生产总值", "比上年增长6.2%"},
	{"（1）新改建农村户厕1200座", "新改建农村户厕", "新改建农村户厕1200座"}, // markers are no part of it
	{"2．改造提升镇级污水管网15公里", "改造提升镇级污水管网", "改造提升镇级污水管网15公里"},
	{"二是新建高标准农田10万亩", "新建高标准农田", "新建高标准农田10万亩"},
	{"第一产业增加值42.18亿元", "第一产业增加值", "第一产业增加值42.18亿元"},                           // 增加值 is no verb
	{"2024年全县一般公共预算收入预期增长5%左右，安排195850万元", "2024年全县一般公共预算收入预期", "安排195850万元"}, // a bare verb inherits
	{"10月底前推动32个省市重点项目全部开工", "省市重点项目", "32个"},                                 // the noun after a count
}

func TestMetric(t *testing.T) {
	for _, c := range metricCorpus {
		r := Find(paragraph(t, c.text), Context{})
		all := append(r.Targets, r.Figures...)
		if len(all) == 0 {
			t.Errorf("%s: no quantity", c.text)
			continue
		}
		last := all[len(all)-1]
		if last.Metric != c.metric || last.Text != c.span {
			t.Errorf("%s: metric %q text %q, want %q %q", c.text, last.Metric, last.Text, c.metric, c.span)
		}
	}
}

func checkQuantities(t *testing.T, text, kind string, got []Target, want []q) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: %d %ss %v, want %d", text, len(got), kind, summary(got), len(want))
		return
	}
	for i, w := range want {
		g := got[i]
		ok := math.Abs(g.Value-w.value) < 1e-6*math.Max(1, math.Abs(w.value)) && g.Unit == w.unit &&
			g.Comparator == w.cmp && g.Change == w.change && g.Approx == w.approx
		if w.max != 0 {
			ok = ok && g.Max != nil && *g.Max == w.max
		} else {
			ok = ok && g.Max == nil
		}
		if !ok {
			t.Errorf("%s: %s %d = %+v, want %+v", text, kind, i, g, w)
		}
	}
}

func summary(ts []Target) []string {
	var out []string
	for _, t := range ts {
		out = append(out, t.Text)
	}
	return out
}

func checkOffsets(t *testing.T, p *para.Paragraph, start, end int, text string) {
	t.Helper()
	if start < 0 || start > end || end > p.Len() {
		t.Errorf("%s: offsets %d..%d outside 0..%d", p.Source, start, end, p.Len())
	}
	if text != "" && !strings.Contains(p.Source, text) {
		t.Errorf("%s: text %q is not a substring", p.Source, text)
	}
}

// percentCorpus: every percent expression, goal or not.
var percentCorpus = []struct {
	text string
	want []float64
	unit string // unit of the first, when not %
}{
	{"满意率达到98%以上,解决率达到92%以上", []float64{98, 92}, ""},
	{"百分之九十的群众表示满意", []float64{90}, ""},
	{"九成以上的村", []float64{90}, ""},
	{"两成", []float64{20}, ""},
	{"千分之一", []float64{0.1}, ""},
	{"比上年提高２．４个百分点", []float64{2.4}, "个百分点"},
	{"负3.9%", []float64{-3.9}, ""},
	{"示范区-7.9%,柘城县-3.6%", []float64{-7.9, -3.6}, ""},
	{"工业生产许可证再压减一半以上", []float64{50}, ""},
	{"增长5%-10%", []float64{5, 10}, ""},
	{"找出酒精量在5-20%之间的产品", []float64{5, 20}, ""}, // Recognizers lists only 20%
	{"增速回落1-2个百分点", []float64{1, 2}, "个百分点"},
	{"全市平均水平(0.8%)", []float64{0.8}, ""},
	{"排名前5%的企业", []float64{5}, ""},
	{"比上年提高2百分点", []float64{2}, "个百分点"},
	{"政策执行不能七折八扣", nil, ""},
	{"主要指标——增长5%", []float64{5}, ""}, // a dash, not a minus
	{"良率大约五到六成", []float64{50, 60}, ""},
	{"约占全县的三分之一", nil, ""},
	{"确保百分百完成整改", []float64{100}, ""},
	{"另一半由企业自筹", nil, ""},
	{"统一成本核算,一成不变", nil, ""},
	{"做到上半年时间过半,任务过半", nil, ""},
	{"访问 https://www.test.com/search?q=30%25%2020%", nil, ""},
	{"城镇登记失业率为xxx%", nil, ""},
	{"完成率**%", nil, ""},
}

func TestPercentCorpus(t *testing.T) {
	for _, c := range percentCorpus {
		p := paragraph(t, c.text)
		r := Find(p, Context{})
		var got []float64
		for _, x := range r.Percentages {
			got = append(got, x.Value)
			checkOffsets(t, p, x.Start, x.End, x.Text)
		}
		if !equalFloats(got, c.want) {
			t.Errorf("%s: percentages %v, want %v", c.text, got, c.want)
			continue
		}
		if c.unit != "" && r.Percentages[0].Unit != c.unit {
			t.Errorf("%s: unit %q, want %q", c.text, r.Percentages[0].Unit, c.unit)
		}
	}
}

func equalFloats(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if math.Abs(a[i]-b[i]) > 1e-9 {
			return false
		}
	}
	return true
}

// placeholderCorpus: template blanks never give values, only a warning
// naming their clause.
var placeholderCorpus = []struct {
	text string
	want []string
}{
	{"一季度城镇新增就业xxx人,城镇登记失业率为xxx%,城乡劳动者职业培训xxx人。",
		[]string{"placeholder: 一季度城镇新增就业xxx人", "placeholder: 城镇登记失业率为xxx%", "placeholder: 城乡劳动者职业培训xxx人"}},
	{"合计发放xxx万元,有力地推进了工作", []string{"placeholder: 合计发放xxx万元"}},
	{"涉及××个单位", []string{"placeholder: 涉及××个单位"}},
	{"安排**天时间", []string{"placeholder: 安排**天时间"}},
	{"招商引资簽約*個項目", []string{"placeholder: 招商引资簽約*個項目"}},
	{"城镇登记失业率为X%", []string{"placeholder: 城镇登记失业率为X%"}},
	{"9月*日前完成", nil},         // a date blank: the time recogniser's
	{"使用大于1366*768分辨率", nil}, // a product, not a blank
	{"特别是要对接好****项目", nil},   // a blanked name, not a count
	{"XXL码的服装", nil},         // letters
}

func TestPlaceholders(t *testing.T) {
	for _, c := range placeholderCorpus {
		r := Find(paragraph(t, c.text), Context{})
		if strings.Join(r.Warnings, "|") != strings.Join(c.want, "|") {
			t.Errorf("%s: warnings %q, want %q", c.text, r.Warnings, c.want)
		}
		if len(r.Percentages)+len(r.Targets)+len(r.Figures) != 0 {
			t.Errorf("%s: a blank gave values: %+v", c.text, r)
		}
	}
}

// overflowCorpus: numbers beyond float64, as written or once scaled: no
// value, one overflow warning for the clause, and the values around them
// kept. (The 百分之17977…亿亿亿, 278 zeros, is 1.7977e306 %: near
// the top of float64 but within it, see TestNearFloat64Max.)
var overflowCorpus = []struct {
	text   string
	warn   string // the clause the warning quotes, shortened
	values []float64
}{
	{"百分之17977" + strings.Repeat("0", 300) + "亿亿亿", "百分之17977000000000000…00000000000000000亿亿亿", nil},
	{"增长" + strings.Repeat("9", 300) + "亿亿‰", "增长999999999999999999…99999999999999999亿亿‰", nil},
	{"增长" + strings.Repeat("9", 400) + "%，投资64亿元", "增长999999999999999999…9999999999999999999%", []float64{6.4e9}},
	{"完成1" + strings.Repeat("0", 300) + "万亿元、增长15%", "完成100000000000000000…00000000000万亿元、增长15%", []float64{15}},
	// The range fails; its first end stays a value.
	{"下降5%-" + strings.Repeat("8", 320) + "%", "下降5%-888888888888888…8888888888888888888%", []float64{5}},
}

func TestOverflow(t *testing.T) {
	for _, c := range overflowCorpus {
		r := Find(paragraph(t, c.text), Context{})
		want := "overflow: a number beyond float64, no value given: " + c.warn
		if len(r.Warnings) != 1 || r.Warnings[0] != want {
			t.Errorf("%.30s…: warnings %q, want %q", c.text, r.Warnings, want)
		}
		var got []float64
		for _, x := range append(r.Targets, r.Figures...) {
			got = append(got, x.Value)
		}
		if fmt.Sprint(got) != fmt.Sprint(c.values) {
			t.Errorf("%.30s…: values %v, want %v", c.text, got, c.values)
		}
		for _, x := range r.Percentages {
			if math.IsInf(x.Value, 0) || math.IsNaN(x.Value) {
				t.Errorf("%.30s…: percentage %v", c.text, x.Value)
			}
		}
	}
}

// exactCorpus: values to the last bit, as the decimal written reads: the
// digits in full, percent scales moving the point.
var exactCorpus = []struct {
	text string
	want float64 // the first value found, target, figure or percentage
}{
	{"全年投资1234567890123元。", 1234567890123}, // 13 digits, once cut to 12
	{"不良率控制在3‰以内。", 0.3},                   // 3 * 0.1 is 0.30000000000000004
	{"满意度达到7.3成。", 73},
	{"商品打9.9折。", 99},
	{"占比千分之三。", 0.3},
	{"资金39.66亿元。", 3966000000},
	{"投资0.7千万元。", 7e6},
}

func TestExactValues(t *testing.T) {
	for _, c := range exactCorpus {
		r := Find(paragraph(t, c.text), Context{})
		var got []float64
		for _, x := range append(r.Targets, r.Figures...) {
			got = append(got, x.Value)
		}
		for _, x := range r.Percentages {
			got = append(got, x.Value)
		}
		if len(got) == 0 || got[0] != c.want {
			t.Errorf("%s: values %v, want exactly %v", c.text, got, c.want)
		}
	}
}

// TestNearFloat64Max: the reproducer, 1.7977e306 %, is a value
// (it overflowed once, through a ×100 and a rounding).
func TestNearFloat64Max(t *testing.T) {
	r := Find(paragraph(t, "百分之17977"+strings.Repeat("0", 278)+"亿亿亿"), Context{})
	if len(r.Percentages) != 1 || r.Percentages[0].Value != 1.7977e306 || len(r.Warnings) != 0 {
		t.Errorf("percentages %+v warnings %q, want one of 1.7977e306", r.Percentages, r.Warnings)
	}
}

func FuzzFind(f *testing.F) {
	for _, c := range findCorpus {
		f.Add(c.text)
	}
	for _, c := range percentCorpus {
		f.Add(c.text)
	}
	for _, c := range placeholderCorpus {
		f.Add(c.text)
	}
	for _, c := range overflowCorpus {
		f.Add(c.text)
	}
	f.Add("投资" + strings.Repeat("9", 300) + "亿亿亿元，增长百分之" + strings.Repeat("9", 300) + "亿亿亿")
	seg, err := segment.Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v := hanzi.View(s)
		p := para.New(0, s, v, seg.Tokens(v), nil)
		r := Find(p, Context{})
		for _, x := range append(r.Targets, r.Figures...) {
			if x.Start < 0 || x.Start > x.End || x.End > p.Len() || math.IsNaN(x.Value) || math.IsInf(x.Value, 0) {
				t.Fatalf("%q: bad quantity %+v", s, x)
			}
		}
		for _, x := range r.Percentages {
			if x.Start < 0 || x.Start > x.End || x.End > p.Len() || math.IsNaN(x.Value) || math.IsInf(x.Value, 0) {
				t.Fatalf("%q: bad percentage %+v", s, x)
			}
		}
	})
}

func BenchmarkFind(b *testing.B) {
	raw, err := os.ReadFile("testdata/seed002-figures.txt")
	if err != nil {
		b.Fatal(err)
	}
	p := paragraph(b, strings.TrimSpace(string(raw)))
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		Find(p, Context{})
	}
}

// TestContext: the directive context and the time expressions of the
// paragraph.
func TestContext(t *testing.T) {
	always := func(int) bool { return true }

	// a change verb inside an instructing item sets a goal; in a report it
	// states a result
	p := paragraph(t, "单位地区生产总值能耗下降3%")
	if r := Find(p, Context{Instructing: always}); len(r.Targets) != 1 || r.Targets[0].Change != ChangeDecrease {
		t.Errorf("instructing: %+v", r)
	}
	if r := Find(p, Context{}); len(r.Figures) != 1 || len(r.Targets) != 0 {
		t.Errorf("report: %+v", r)
	}

	// a bound inside an instructing item is a goal, unless it is a
	// benchmark the text compares with (seed002, kaili)
	p = paragraph(t, "自接到考察通知之日起15日内")
	if r := Find(p, Context{Instructing: always}); len(r.Targets) != 1 {
		t.Errorf("bound: %+v", r)
	}
	p = paragraph(t, "但这与我省有些地市70日内完成相比,还有一定差距")
	if r := Find(p, Context{Instructing: always}); len(r.Figures) != 1 {
		t.Errorf("benchmark: %+v", r)
	}

	// a target takes the deadline of its clause
	s := "确保年底前完成投资500亿元以上"
	p = paragraph(t, s)
	at := strings.Index(s, "年底前")
	start := len([]rune(s[:at]))
	times := []timex.Expr{{Deadline: timex.Deadline{Text: "年底前", Kind: timex.KindBy, Start: start, End: start + 3}, Role: timex.RoleDeadline}}
	r := Find(p, Context{Times: times})
	if len(r.Targets) != 1 || r.Targets[0].Deadline == nil || r.Targets[0].Deadline.Text != "年底前" {
		t.Errorf("deadline: %+v", r.Targets)
	}

	// a value with a deadline in its clause is a goal
	s = "9月底前完成投资3亿元"
	p = paragraph(t, s)
	times = []timex.Expr{{Deadline: timex.Deadline{Text: "9月底前", Kind: timex.KindBy, Start: 0, End: 4}, Role: timex.RoleDeadline}}
	if r = Find(p, Context{Times: times}); len(r.Targets) != 1 || r.Targets[0].Deadline == nil {
		t.Errorf("due: %+v", r)
	}

	// a figure takes the period of its sentence
	s = "1-8 月份,全市规模以上工业增加值同比增长2.3%"
	p = paragraph(t, s)
	times = []timex.Expr{{Deadline: timex.Deadline{Text: "1-8 月份", Kind: timex.KindDuring, Start: 0, End: 6}, Role: timex.RolePeriod}}
	r = Find(p, Context{Times: times})
	if len(r.Figures) != 1 || r.Figures[0].Period != "1-8 月份" || r.Figures[0].Deadline == nil {
		t.Errorf("period: %+v", r.Figures)
	}
	// without time expressions the period is read from the text
	if r = Find(p, Context{}); len(r.Figures) != 1 || r.Figures[0].Period != "1-8 月份" {
		t.Errorf("fallback period: %+v", r.Figures)
	}
}

// TestTraditional: a traditional mirror gives the values of its simplified
// original (the paragraph's view is simplified by package hanzi, the one
// fold every recogniser reads).
func TestTraditional(t *testing.T) {
	const src = "確保農村勞動力轉移就業穩定在84萬人以上、新增城鎮就業2.3萬人，森林覆蓋率達**%。"
	seg, err := segment.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, view := range []string{hanzi.View(src)} {
		p := para.New(0, src, view, seg.Tokens(view), nil)
		r := Find(p, Context{})
		if len(r.Targets) != 2 || r.Targets[0].Value != 840000 || r.Targets[0].Comparator != CmpGE || r.Targets[1].Value != 23000 {
			t.Errorf("view %q: targets %+v", view, r.Targets)
		}
		if len(r.Warnings) != 1 || !strings.HasPrefix(r.Warnings[0], "placeholder: 森林覆蓋率達**%") {
			t.Errorf("view %q: warnings %q", view, r.Warnings)
		}
		for _, x := range r.Targets {
			if !strings.Contains(src, x.Text) {
				t.Errorf("text %q is not source script", x.Text)
			}
		}
	}
}

// instructingCorpus: sentences inside an instructing item (Context.Instructing
// true), with the deadline and period expressions timex gives them. Each
// row exercises a rule of side() for instructions.
var instructingCorpus = []struct {
	text              string
	deadlines, period []string // substrings that are RoleDeadline / RolePeriod expressions
	targets, figures  []q
}{
	// a comparison cue with a bound inside an instruction is a goal
	{"市应急管理局负责，7月中旬前开展一次全覆盖隐患排查，事故起数同比下降10%以上。", []string{"7月中旬前"}, nil,
		[]q{{10, "%", ">=", "decrease", false, 0}}, nil},
	// …but without bound or deadline it reports
	{"上半年全区一般公共预算收入同比下降5%，要开源节流。", nil, []string{"上半年"}, nil,
		[]q{{5, "%", "=", "decrease", false, 0}}},
	// a reported period before a bounded comparison keeps it a figure
	{"1-8月份，全区规上工业增加值同比增长10%以上，要巩固好势头。", nil, []string{"1-8月份"}, nil,
		[]q{{10, "%", ">=", "increase", false, 0}}},
	// a deadline in the next clause governs the count before it
	{"新建污水管网45公里，春节前完成主体工程。", []string{"春节前"}, nil,
		[]q{{45, "公里", "=", "", false, 0}}, nil},
	{"（1）新改建农村户厕1200座，10月底前全面完工。", []string{"10月底前"}, nil,
		[]q{{1200, "座", "=", "", false, 0}}, nil},
	// a plan verb leads the count
	{"新建垃圾中转站3座，配备分类收集车辆20台，实现农村生活垃圾收运处置体系行政村全覆盖。", nil, nil,
		[]q{{3, "座", "=", "", false, 0}, {20, "台", "=", "", false, 0}}, nil},
	// narrated results stay figures: 了, 已经
	{"国家铁路集团有限公司把商丘铁路物流基地列入了77个国家二级铁路物流基地,完成时限是2022年。", []string{"2022年"}, nil,
		nil, []q{{77, "个", "=", "", false, 0}}},
	{"脱贫攻坚距年底收官只剩下四个月时间,我州1.56万剩余贫困人口已经全部达到脱贫条件", []string{"年底"}, nil,
		nil, []q{{15600, "人", "=", "", false, 0}}},
	// a forecast governs its sentence; a prefix bound in an instruction is a goal
	{"项目建成后，预计年产值可达15亿元，新增就业岗位800个。", nil, nil,
		nil, []q{{1.5e9, "元", "=", "", false, 0}, {800, "个", "=", "", false, 0}}},
	{"按照每户不超过3000元的标准给予补助。", nil, nil,
		[]q{{3000, "元", "<=", "", false, 0}}, nil},
	// progress against a year's goal reports, also inside an instruction
	{"但也要看到，全区一般公共预算收入完成年度目标的61.2%，低于时序进度5.5个百分点。", nil, nil,
		nil, []q{{61.2, "%", "=", "", false, 0}, {5.5, "个百分点", "=", "", false, 0}}},
	// a tally after 等 sums up a list
	{"城镇老旧小区改造、农村公用厕所等6项省定民生实事,要加快进度,确保年底前全面交账", []string{"年底前"}, nil,
		nil, []q{{6, "项", "=", "", false, 0}}},
	// a count whose sentence has a period before it reports (seed002)
	{"从 1-9 月份新增企业上报数来看,全市新增规上工业企业34家;全市新增资质内建筑企业 40 家。", nil, []string{"1-9 月份"},
		nil, []q{{34, "家", "=", "", false, 0}, {40, "家", "=", "", false, 0}}},
}

func TestInstructingCorpus(t *testing.T) {
	always := func(int) bool { return true }
	for _, c := range instructingCorpus {
		p := paragraph(t, c.text)
		var times []timex.Expr
		add := func(words []string, role timex.Role) {
			for _, w := range words {
				at := strings.Index(c.text, w)
				if at < 0 {
					t.Fatalf("%q not in %q", w, c.text)
				}
				s := len([]rune(c.text[:at]))
				times = append(times, timex.Expr{Deadline: timex.Deadline{Text: w, Start: s, End: s + len([]rune(w))}, Role: role})
			}
		}
		add(c.deadlines, timex.RoleDeadline)
		add(c.period, timex.RolePeriod)
		r := Find(p, Context{Instructing: always, Times: times})
		checkQuantities(t, c.text, "target", r.Targets, c.targets)
		checkQuantities(t, c.text, "figure", r.Figures, c.figures)
	}
}

// headCorpus: outside any instruction, a 到…年 deadline heading a sentence
// governs its clauses; a window (5月20日-31日) or a reporting paragraph does not.
var headCorpus = []struct {
	text      string
	deadlines []string
	kind      string
	targets   []q
	figures   []q
}{
	{"到2025年，全市地区生产总值突破5000亿元，城镇化率达到65%。", []string{"2025年"}, timex.KindBy,
		[]q{{5e11, "元", ">", "", false, 0}, {65, "%", "=", "", false, 0}}, nil},
	{"5月20日-31日，璜塘、江阴南、江阴、江阴北4个收费站将封闭。", []string{"5月20日-31日"}, timex.KindDuring,
		nil, []q{{4, "个", "=", "", false, 0}}},
	{"到2025年，单位地区生产总值能耗比上年下降13.5%。", []string{"2025年"}, timex.KindBy,
		[]q{{13.5, "%", "=", "decrease", false, 0}}, nil}, // the head governs a comparison too
	{"截至8月底,全市金融机构新增存贷比达到87.6%", []string{"8月底"}, timex.KindBy,
		nil, []q{{87.6, "%", "=", "", false, 0}}}, // 截至 reports (seed002)
}

func TestDeadlineHead(t *testing.T) {
	for _, c := range headCorpus {
		p := paragraph(t, c.text)
		var times []timex.Expr
		for _, w := range c.deadlines {
			at := strings.Index(c.text, w)
			s := len([]rune(c.text[:at]))
			times = append(times, timex.Expr{Deadline: timex.Deadline{Text: w, Kind: c.kind, Start: s, End: s + len([]rune(w))}, Role: timex.RoleDeadline})
		}
		r := Find(p, Context{Times: times})
		checkQuantities(t, c.text, "target", r.Targets, c.targets)
		checkQuantities(t, c.text, "figure", r.Figures, c.figures)
	}
}

// TestTargetDeadline: a target takes the deadline of its own clause or one
// heading its sentence, never one of a later clause (issue 12).
func TestTargetDeadline(t *testing.T) {
	for _, tt := range []struct {
		text, deadline, want string // deadline: the time expression; want: "" for none
	}{
		{"到2025年,全市主要农作物耕种收综合机械化率达到85%", "到2025年", "到2025年"},
		{"9月底前完成投资3亿元", "9月底前", "9月底前"},
		{"新建污水管网45公里,春节前完成主体工程", "春节前", ""},
	} {
		p := paragraph(t, tt.text)
		at := len([]rune(tt.text[:strings.Index(tt.text, tt.deadline)]))
		times := []timex.Expr{{Deadline: timex.Deadline{Text: tt.deadline, Kind: timex.KindBy, Start: at, End: at + len([]rune(tt.deadline))}, Role: timex.RoleDeadline}}
		r := Find(p, Context{Times: times, Instructing: func(int) bool { return true }})
		if len(r.Targets) != 1 {
			t.Errorf("%s: targets %+v", tt.text, r.Targets)
			continue
		}
		got := ""
		if d := r.Targets[0].Deadline; d != nil {
			got = d.Text
		}
		if got != tt.want {
			t.Errorf("%s: deadline %q, want %q", tt.text, got, tt.want)
		}
	}
}
