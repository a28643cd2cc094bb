package quantity

import "github.com/zhengling/zhengling/segment/lexicon"

// The lexicons of the recogniser. Every row carries a real example; matching
// is on the simplified, width-folded view (see fold.go).

// unitKind says when a unit makes a number a quantity.
type unitKind int

const (
	unitCount    unitKind = iota // always: 34家, 46 处, 2.3万人
	unitDuration                 // only with a comparator or a range: 70日内, 2年以上
	unitPoints                   // 个百分点: a percentage-point difference
)

type unitRow struct {
	word string // as written (simplified)
	base string // normalised unit
	kind unitKind
}

// units are tried longest first at the rune after a number (spaces skipped).
var units = longestFirst([]unitRow{
	{"个百分点", "个百分点", unitPoints},    // 提高２．４个百分点
	{"个基点", "个基点", unitPoints},      // 欧洲央行可以再降息20个基点
	{"基点", "个基点", unitPoints},       // 降息25基点
	{"个工作日", "工作日", unitCount},      // 压缩到 50 至100 个工作日
	{"工作日", "工作日", unitCount},       // 不少于7个工作日
	{"平方公里", "平方公里", unitCount},     // 面积120平方公里
	{"微克/立方米", "微克/立方米", unitCount}, // PM2.5平均浓度控制在35微克/立方米以内
	{"毫克/立方米", "毫克/立方米", unitCount}, // 颗粒物排放浓度不高于10毫克/立方米
	{"毫克/升", "毫克/升", unitCount},     // 化学需氧量不超过50毫克/升
	{"平方米", "平方米", unitCount},       // 改造3.2万平方米
	{"立方米", "立方米", unitCount},       // 蓄水5000立方米
	{"公里", "公里", unitCount},         // 行程近两万公里
	{"千米", "公里", unitCount},         // 新建道路12千米
	{"米", "米", unitCount},           // 绿化带宽度不得超过5米
	{"公顷", "公顷", unitCount},         // 造林300公顷
	{"亩", "亩", unitCount},           // 流转土地1200亩
	{"千瓦时", "千瓦时", unitCount},       // 发电量3亿千瓦时
	{"千瓦", "千瓦", unitCount},         // 装机20万千瓦
	{"吨", "吨", unitCount},           // 粮食产量30万吨
	{"千克", "千克", unitCount},         // 每亩施肥50千克
	{"公斤", "公斤", unitCount},         // 人均口粮300公斤
	{"头", "头", unitCount},           // 年末生猪存栏36.5万头
	{"两", "两", unitCount},           // 完成自产黄金79万两 (dev 022)
	{"棒", "棒", unitCount},           // 完成今年的160万棒黑木耳种植任务 (dev 052)
	{"株", "株", unitCount},           // 种植苗木3万株
	{"棵", "棵", unitCount},           // 栽植行道树1200棵
	{"宗", "宗", unitCount},           // 完成12宗土地出让
	{"笔", "笔", unitCount},           // 发放贷款3笔
	{"栋", "栋", unitCount},           // 建设厂房3栋
	{"幢", "幢", unitCount},           // 改造危房12幢
	{"只", "只", unitCount},           // 出栏家禽50万只
	{"羽", "羽", unitCount},           // 存栏蛋鸡20万羽
	{"眼", "眼", unitCount},           // 新打机井30眼
	{"盏", "盏", unitCount},           // 安装路灯800盏
	{"艘", "艘", unitCount},           // 建造渔船20艘
	{"架", "架", unitCount},           // 引进无人机10架
	{"例", "例", unitCount},           // 累计报告病例120例
	{"起", "起", unitCount},           // 5起扶贫领域专项巡察发现问题
	{"批", "批", unitCount},           // 开展专项检查3批
	{"标箱", "标箱", unitCount},         // 集装箱吞吐量120万标箱
	{"斤", "斤", unitCount},           // 亩产预计达到1100斤
	{"倍", "倍", unitCount},           // 出口额增长1.5倍        // 粮食产量30万吨
	{"英镑", "英镑", unitCount},         // 每小时的收入高达100英镑
	{"欧元", "欧元", unitCount},         // 投资2亿欧元
	{"港元", "港元", unitCount},         // 募资10亿港元
	{"日元", "日元", unitCount},         // 援助50亿日元
	{"美元", "美元", unitCount},         // 实际利用外资1.2亿美元
	{"人民币", "元", unitCount},         // 折合人民币500万
	{"元", "元", unitCount},           // 完成投资500亿元以上
	{"人次", "人次", unitCount},         // 培训2000人次
	{"人口", "人", unitCount},          // 涉及全州近300万人口
	{"人", "人", unitCount},           // 稳定在84万人以上
	{"名", "人", unitCount},           // 需动员近2万名普查指导员
	{"位", "人", unitCount},           // 邀请12位专家        // 需动员近2万名普查指导员
	{"家", "家", unitCount},           // 新增规上工业企业34家
	{"户", "户", unitCount},           // 237户重点骨干税源企业
	{"个", "个", unitCount},           // 发现215个问题
	{"件", "件", unitCount},           // 州定20件民生实事
	{"小项", "项", unitCount},          // 大约有27小项
	{"项", "项", unitCount},           // 至少有 1项获省政府督查激励
	{"处", "处", unitCount},           // 46 处重大安全隐患
	{"条", "条", unitCount},           // 350 条优惠政策
	{"份", "份", unitCount},           // 发放各类宣传资料万余份
	{"次", "次", unitCount},           // 实施11次发射任务
	{"场", "场", unitCount},           // 举办招聘会12场
	{"所", "所", unitCount},           // 新建学校5所
	{"座", "座", unitCount},           // 改造桥梁8座
	{"台", "台", unitCount},           // 购置设备30台
	{"辆", "辆", unitCount},           // 更新公交车100辆
	{"套", "套", unitCount},           // 建设保障房500套
	{"间", "间", unitCount},           // 改造校舍20间
	{"张", "张", unitCount},           // 新增床位300张
	{"本", "本", unitCount},           // 核发《就业失业登记证》120本
	{"KB", "KB", unitCount},         // 照片30KB以上
	{"MB", "MB", unitCount},         // 文件不超过2MB
	{"小时", "小时", unitDuration},      // 必须在24小时内审核确认
	{"分钟", "分钟", unitDuration},      // 30分钟以内
	{"个月", "个月", unitDuration},      // 服务满12个月及以上
	{"周岁", "周岁", unitDuration},      // 年龄在18周岁及以上
	{"岁", "岁", unitDuration},        // 60岁以上老人; 人均预期寿命提高到80岁 (dev 036)
	{"天", "天", unitDuration},        // 7天内拒不报到的
	{"日", "天", unitDuration},        // 建筑工程类项目审批能够在72日左右完成
	{"周", "周", unitDuration},        // 2周以内
	{"年", "年", unitDuration},        // 具有2年以上基层工作经历
})

type cmpRow struct {
	word   string
	cmp    string
	approx bool
}

// prefixComparators stand just before the number (a few runes may sit
// between: 不低于每人10元, 至少有 1项, 超过了200%).
var prefixComparators = longestFirst([]cmpRow{
	{"不低于", CmpGE, false},   // 不低于每人10元的全省统一标准
	{"不少于", CmpGE, false},   // 时间不少于7个工作日
	{"不小于", CmpGE, false},   // 面积不小于50平方米
	{"至少", CmpGE, false},    // 至少有 1项获省政府督查激励
	{"最少", CmpGE, false},    // 最少安排3人
	{"不超过", CmpLE, false},   // 文件不超过2MB
	{"不高于", CmpLE, false},   // 流转价格不高于下庄村
	{"不多于", CmpLE, false},   // 每人不多于2项
	{"不大于", CmpLE, false},   // 不大于300KB
	{"控制在", CmpLE, false},   // 城镇登记失业率控制在4.5%以内
	{"最多", CmpLE, false},    // 最多跑一次
	{"最高", CmpLE, false},    // 单个项目最高可给予100万元支持, 给予最高20万元奖励: a cap
	{"限", CmpLE, false},     // 每人限申请1次
	{"超过", CmpGT, false},    // 有的银行超过了200%
	{"超", CmpGT, false},     // “十三五”期间完成交通投资超2000亿元
	{"高于", CmpGT, false},    // 增速高于全省3个百分点
	{"多于", CmpGT, false},    // 多于5家
	{"大于", CmpGT, false},    // 大于1
	{"逾", CmpGT, false},     // 逾千家企业
	{"突破", CmpGT, false},    // 全市地区生产总值突破2000亿元
	{"低于", CmpLT, false},    // 低于5%
	{"少于", CmpLT, false},    // 少于3人的
	{"小于", CmpLT, false},    // 小于300KB
	{"不到", CmpLT, false},    // 比重实现程度还不到 50%
	{"不足", CmpLT, false},    // 不足三成
	{"未满", CmpLT, false},    // 被辞退未满5年的
	{"大约", CmpApprox, true}, // 大约有27小项
	{"约", CmpApprox, true},  // 约占全县的三分之一
	{"将近", "", true},        // 基本农田保护率已将近90%
	{"接近", "", true},        // 接近九成
	{"近", "", true},         // 需动员近2万名普查指导员
})

// negatedModals may stand between 不 and a strict comparator, which the
// negation turns around: 不得超过5米 (<=), 不会超过15% (<=), 不能小于1.5米 (>=).
const negatedModals = "得能会应宜可准"

// suffixComparators follow the unit (及以上 before 以上).
var suffixComparators = longestFirst([]cmpRow{
	{"及以上", CmpGE, false},   // 年龄在18周岁及以上
	{"或以上", CmpGE, false},   // 大专或以上
	{"以上", CmpGE, false},    // 满意率达到98%以上
	{"及以下", CmpLE, false},   // 35周岁及以下
	{"以下", CmpLE, false},    // 控制在3%以下
	{"以内", CmpLE, false},    // 控制在4.5%以内
	{"之内", CmpLE, false},    // 30日之内
	{"内", CmpLE, false},     // 我省有些地市70日内完成
	{"左右", CmpApprox, true}, // 审批能够在72日左右完成
	{"上下", CmpApprox, true}, // 增长8%上下
	{"多", "", true},         // 3年多
	{"余", "", true},         // 200余家
})

type changeRow struct {
	word   string
	change string // ChangeIncrease, ChangeDecrease, or "" for a level
}

// changeVerbs stand before the value; a verb with 到/至/在/为 sets a level.
var changeVerbs = longestFirst([]changeRow{
	{"提高到", ChangeNone}, {"提高至", ChangeNone}, // 森林覆盖率提高到70%
	{"提升到", ChangeNone}, {"提升至", ChangeNone}, // 综合满意度提升到95%
	{"增长到", ChangeNone}, {"增加到", ChangeNone}, {"增至", ChangeNone}, // 床位增加到500张
	{"下降到", ChangeNone}, {"下降至", ChangeNone}, {"降低到", ChangeNone}, {"降至", ChangeNone}, // 失业率降至4%
	{"减少到", ChangeNone}, {"减少至", ChangeNone}, {"减至", ChangeNone}, // 事项减少到50项
	{"压减到", ChangeNone}, {"压减至", ChangeNone}, // 会议数量压减到20个
	{"压缩到", ChangeNone}, {"压缩至", ChangeNone}, // 审批时间压缩到 50 至100 个工作日
	{"缩短到", ChangeNone}, {"缩短至", ChangeNone}, // 办理时限缩短至3个工作日
	{"达到", ChangeNone},      // 满意率达到98%以上
	{"稳定在", ChangeNone},     // 农村劳动力转移就业稳定在84万人以上
	{"控制在", ChangeNone},     // 控制在4.5%以内
	{"保持在", ChangeNone},     // 保持在90%以上
	{"保持", ChangeNone},      // 全县地表水国控断面水质优良比例保持100%
	{"调整为", ChangeNone},     // 国债余额限额调整为53365.53亿元
	{"新增", ChangeNone},      // 全市新增规上工业企业34家: a count of new ones, not a growth
	{"负增长", ChangeDecrease}, // 房地产开发投资负增长3.5%
	{"增长", ChangeIncrease},  // 全市规模以上工业增加值同比增长2.3%
	{"提高", ChangeIncrease},  // 比上年提高2个百分点
	{"提升", ChangeIncrease},  // 提升5%
	{"增加", ChangeIncrease},  // 增加3000人
	{"上升", ChangeIncrease},  // 上升了百分之2.2
	{"上涨", ChangeIncrease},  // 价格上涨3%
	{"增", ChangeIncrease},   // 增15%
	{"涨幅", ChangeIncrease},  // 居民消费价格涨幅3%左右: the size of a rise
	{"增幅", ChangeIncrease},  // 规模以上工业增加值增幅6%
	{"降幅", ChangeDecrease},  // 单位GDP能耗降幅3%
	{"下降", ChangeDecrease},  // 能耗下降3%
	{"降低", ChangeDecrease},  // 成本降低10%
	{"减少", ChangeDecrease},  // 减少20%
	{"压减", ChangeDecrease},  // “三公”经费支出压减20%以上
	{"压缩", ChangeDecrease},  // 会议费压缩30%
	{"缩减", ChangeDecrease},  // 缩减10%
	{"削减", ChangeDecrease},  // 削减5%
	{"缩短", ChangeDecrease},  // 审批时限缩短50%
	{"下滑", ChangeDecrease},  // 产值下滑4.1%
	{"回落", ChangeDecrease},  // 增速回落1.2个百分点
	{"收窄", ChangeDecrease},  // 涨幅较上年同期收窄3.7个百分点
	{"放缓", ChangeDecrease},  // 增速放缓0.5个百分点
	{"扩大", ChangeIncrease},  // 顺差扩大12%
	{"加快", ChangeIncrease},  // 增速加快1.1个百分点
})

// Sides of a cue.
const (
	sideTarget = iota + 1
	sideFigure
)

// cueRow is a stance cue of the lexicon (segment/lexicon/stance.tsv) as the
// recogniser reads it: the nearest one before a number decides its side
// (确保…已完成… is a figure).
type cueRow struct {
	word string
	side int
	// sentence: the cue governs every clause of its sentence (确保A、B，C).
	sentence bool
	// weak: an obligation (要, 要求, 须) makes a target of a bounded or
	// verb-led value only; a plain count of lists or aspects stays a figure
	// (我们还要求各县拉出…等3个清单).
	weak bool
	// list: the cue governs the ；-separated items up to the 。(目标是：).
	list bool
	// level: a level to keep (稳定在, 控制在), which a report states as reached
	// (过去一年，…城镇调查失业率控制在5.2%以内).
	level bool
	// compare: a value against a base period (同比, 比上年, 累计): a figure
	// unless an earlier cue, or a bound or deadline inside an instruction,
	// makes it a goal (确保规上工业增加值同比增长8%以上).
	compare bool
	// adjacent: the cue decides only right before the number (安排195850万元,
	// but 根据…投资安排领域和“十四五”规划5大类31个 is no plan).
	adjacent bool
	// obtain: a goal cue that tells what was won when a past section or
	// paragraph dates its clause (过去一年工作回顾 > 争取上级转移支付31.8亿元).
	obtain bool
}

// cueOf reads a lexicon hit as a cue; ok is false for the classes that do
// not decide a side (urge, schedule, condition, frame words).
func cueOf(e *lexicon.Entry) (cueRow, bool) {
	c := cueRow{word: e.Word, sentence: e.Has(lexicon.Sentence), weak: e.Has(lexicon.Weak),
		list: e.Has(lexicon.List), level: e.Has(lexicon.Level), adjacent: e.Has(lexicon.Adjacent), obtain: e.Has(lexicon.Obtain)}
	if e.Has(lexicon.Need) {
		return c, false // 需动员近2万名普查指导员: what the census requires, no goal
	}
	switch e.Class {
	case lexicon.Goal:
		c.side = sideTarget
	case lexicon.Instruct:
		c.side, c.weak = sideTarget, true
	case lexicon.Report, lexicon.Forecast:
		c.side = sideFigure
	case lexicon.Compare:
		c.side, c.compare = sideFigure, true
	default:
		return c, false
	}
	return c, true
}

// priceMeasures after 每 make an amount a unit price, which no ledger
// tracks: 收购均价每斤1.32元, 小麦每斤卖1.35元 (but 不低于每人10元 is a standard).
var priceMeasures = []string{"斤", "公斤", "千克", "克", "吨", "升", "瓶", "盒", "袋", "箱", "件", "台", "平方米", "平米", "千瓦时", "度", "立方米"}

// priceWords before an amount in its clause name a price: 售价199元, 票价50元.
var priceWords = lexicon.Default().Words("word.price")

// maxPrice: amounts from this size up are deal values, not prices of
// goods, even after a price word (中标价7亿元).
const maxPrice = 1e5

// demonstratives before a count refer back to things already named:
// 这4个县(市)之所以能够取得…, 由于这7名.
const demonstratives = "这那此该"

// listNouns after a generic counter count the parts of a text, not things
// a ledger tracks: 拉出…等3个清单, 4个方面的工作, 抓好3件事.
var listNouns = lexicon.Default().Words("noun.list")

// currencies are the units a price is written in.
var currencies = map[string]bool{"元": true, "美元": true, "欧元": true, "英镑": true, "港元": true, "日元": true}

// negations in a clause state a shortfall, not a goal: 没有1家入规, 还未达到.
var negations = lexicon.Default().Words("negation")

// planVerbs produce what an instruction counts; inside an instructing item
// a count they lead is a goal even without a cue (2．完善收运处置体系。新建垃圾
// 中转站3座，配备分类收集车辆20台).
var planVerbs = lexicon.Default().Words("verb.produce")

// figureAfter, after the number in its clause, make it a benchmark the text
// compares with: 这与我省有些地市70日内完成相比，还有一定差距.
var figureAfter = lexicon.Default().Words("after.figure")

// genericCounters count lists, aspects and items rather than outputs.
var genericCounters = map[string]bool{"个": true, "项": true, "件": true, "条": true, "次": true}

// notUnitWords start with a unit character but are other words:
// 认真做好2012人社工作绩效指标考评工作, 5项目, 3条件.
var notUnitWords = lexicon.Default().Words("word.notunit")

// goalAfter, after the number in its clause, make it a target:
// 离今年新增200家的目标任务差距很大, “…解决率达到92%以上”的总目标.
var goalAfter = lexicon.Default().Words("after.goal")

// smallCopies are units whose small counts are handling instructions, not
// statistics: 原件及复印件各1份, 近期免冠彩色证件照片3张 (but 宣传资料万余份).
var smallCopies = map[string]float64{"份": 10, "张": 10, "本": 10}

// formulaBefore mark a term of a formula: 综合成绩＝笔试成绩×50％＋面试成绩×50％.
const formulaBefore = "×*=+÷"

// notQuantityBefore mark a number as a measure of place, not a statistic:
// 围绕国控点周边半径5公里.
var notQuantityBefore = lexicon.Default().Words("before.place")

// metricStops end the metric's noun phrase on the left: 确保|省重点项目完成投资,
// 其中|第三产业投资完成.
var metricStops = lexicon.Default().Words("stop.metric")

type worded interface {
	string | cmpRow | changeRow | unitRow
}

func wordOf[T worded](t T) string {
	switch v := any(t).(type) {
	case string:
		return v
	case cmpRow:
		return v.word
	case changeRow:
		return v.word
	case unitRow:
		return v.word
	}
	return ""
}

// longestFirst sorts rows by word length, longest first, so that a scan
// meets 不超过 before 超过 and 压缩到 before 压缩.
func longestFirst[T worded](rows []T) []T {
	for i := 1; i < len(rows); i++ {
		for j := i; j > 0 && len([]rune(wordOf(rows[j]))) > len([]rune(wordOf(rows[j-1]))); j-- {
			rows[j], rows[j-1] = rows[j-1], rows[j]
		}
	}
	return rows
}
