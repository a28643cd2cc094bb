package directive

import (
	"fmt"
	"strings"
	"testing"
)

// treeCorpus: texts and their outlines as "id marker" in document order.
var treeCorpus = []struct {
	name, text string
	want       []string
}{
	{"（一） under 一是, learned from the document",
		"一是坚持稳中求进：\n（一）稳增长。\n（二）保就业。\n二是坚持改革创新：\n（一）深化放管服改革。\n（二）优化营商环境。",
		[]string{"1 一是", "1.1 （一）", "1.2 （二）", "2 二是", "2.1 （一）", "2.2 （二）"}},
	{"一是 under （一), the usual order",
		"（一）扬优势、补短板。一是扎实推进复工复产。二是扎实推进各项工作。\n（二）抓关键、破瓶颈。一是帮助企业解决问题。二是推动企业加快发展。",
		[]string{"1 （一）", "1.1 一是", "1.2 二是", "2 （二）", "2.1 一是", "2.2 二是"}},
	{"a restart at 1 opens a new run of siblings",
		"三要抓好升规纳统工作。①做好业务培训;②每月将新注册企业推送到各街区。各行业主管部门负责,①引导企业在注册环节就注册为法人单位;②动员分公司转制为子公司。各街道园区要定期走访帮扶。",
		[]string{"1 三要", "1.1 ①", "1.2 ②", "1.3 ①", "1.4 ②"}},
	{"a new style nests under the last item",
		"（二）坚持结果导向,推动创新发展。一要持续谋划好专项债项目。二要始终把招商引资作为主路径。\n一要注重项目谋划。二要研究细化招商图谱。三要综合施策,破解要素瓶颈。三是坚持用改革的办法激发活力。",
		[]string{"1 （二）", "1.1 一要", "1.2 二要", "1.3 一要", "1.4 二要", "1.5 三要", "1.5.1 三是"}},
	{"the series after a heading paragraph nests under it",
		"二、会议分别听取了关于行动方案起草说明的汇报\n会议对当前重点工作进行了安排部署:\n一要抓好上半年工作总结分析。\n二要谋划好下半年重点工作。一是加快债券建设支出进度。二是抓紧筛选明年重点项目。\n三要抓好升规纳统工作。",
		[]string{"1 二、", "1.1 一要", "1.2 二要", "1.2.1 一是", "1.2.2 二是", "1.3 三要"}},
	{"a 会议指出，要 paragraph inside 一、 is part of it",
		"一、会议传达学习了习近平总书记重要讲话和重要指示精神\n会议指出,要全面加强全区政府系统政治思想建设。\n二、会议听取了关于行动方案起草说明的汇报",
		[]string{"1 一、", "2 二、"}},
	{"a bare item after a list of sentences is not inside it",
		"1、给中节能项目亮红牌。\n2、给比亚迪4S店项目方发通知,限期动工。\n会议强调,要加快推进项目建设,确保按期完成。",
		[]string{"1 1、", "2 2、", "3 要"}},
	{"a bare item that announces a list holds it",
		"会议强调，要重点抓好以下工作：\n一是加快项目建设。\n二是抓好安全生产。\n会议指出，要压实责任。",
		[]string{"1 要", "1.1 一是", "1.2 二是", "2 要"}},
	{"bare items hold their run-in items",
		"会议强调,要统筹兼顾、重点突破。一要紧扣全年目标任务。二要紧抓重大项目建设。\n会议强调,要压实责任,转变作风。一要压实责任抓落实。二要转变作风抓落实。",
		[]string{"1 要", "1.1 一要", "1.2 二要", "2 要", "2.1 一要", "2.2 二要"}},
	{"a new speech starts at the top level",
		"篇一:\n三、坚持结果导向,加快补齐短板\n(三)加快推动重大项目建设。一是加快推进机场建设。二是加快推进铁路物流基地建设。\n篇二:在重点工作推进会上的讲话\n同志们:\n第一,要坚决打赢脱贫攻坚收官战。一要抓好问题整改清零。二要抓好贫困群众稳定增收。\n第二,要全力以赴稳增长。",
		[]string{"1 三、", "1.1 (三)", "1.1.1 一是", "1.1.2 二是", "2 第一", "2.1 一要", "2.2 二要", "3 第二"}},
	{"a repeated table of contents is dropped",
		"一、坚持问题导向 (一)扬优势、补短板(二)抓关键、破瓶颈。\n二、落实好“一联三帮”机制\n同志们:\n一、坚持问题导向 (一)扬优势、补短板。自今年疫情开始以来做了以下工作。\n(二)抓关键、破瓶颈。当前遇到了一些困难。\n二、落实好“一联三帮”机制\n我们要认真落实“一联三帮”机制。",
		[]string{"1 一、", "1.1 (一)", "1.2 (二)", "2 二、"}},
	{"items opening the paragraph after a run-in item are not its children",
		"1.保障重点项目用地。全年供应工业用地1500亩。\n2.加大金融支持力度。第一，扩大普惠小微贷款投放。第二，推广“银税互动”。\n（1）建立企业融资需求清单；（2）每季度组织一次银企对接会。\n3.优化人才服务。",
		[]string{"1 1.", "2 2.", "2.1 第一", "2.2 第二", "2.3 （1）", "2.4 （2）", "3 3."}},
	{"a run-in item whose paragraph ends with a colon holds the next paragraphs",
		"（二）强化督查。一是要重点抓好以下工作：\n1．建立台账。\n2．定期通报。\n二是严肃问责。",
		[]string{"1 （二）", "1.1 一是", "1.1.1 1．", "1.1.2 2．", "1.2 二是"}},
	{"no item deeper than five",
		"一、总体要求\n（一）工作目标\n1．主要指标\n（1）增长目标：①地区生产总值增长6%。一是稳工业。二是促消费。②固定资产投资增长8%。",
		[]string{"1 一、", "1.1 （一）", "1.1.1 1．", "1.1.1.1 （1）", "1.1.1.1.1 ①", "1.1.1.1.2 一是", "1.1.1.1.3 二是", "1.1.1.1.4 ②"}},
}

func TestTreeCorpus(t *testing.T) {
	for _, c := range treeCorpus {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, d := range flatten(Parse(testParas(t, c.text))) {
				got = append(got, d.ID+" "+d.Marker)
				if d.Level > maxDepth {
					t.Errorf("%s is at level %d", d.ID, d.Level)
				}
			}
			if strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Errorf("got  %v\nwant %v", got, c.want)
			}
		})
	}
}

// headingCorpus: the first item of each text and its heading.
var headingCorpus = []struct{ text, want string }{
	{"第一，要坚决打赢脱贫攻坚收官战。当前，脱贫攻坚距年底收官只剩下四个月时间。", "要坚决打赢脱贫攻坚收官战"},
	{"一要抓好上半年工作总结分析。以半年模拟考核为基础。二要谋划好下半年工作。", "抓好上半年工作总结分析"},
	{"一是要切實開展安全生產大排查大整治活動。各地各部門要按照部署。二是要切實加強監管。", "要切實開展安全生產大排查大整治活動"},
	{"会议强调,要统筹兼顾、重点突破,推动三年行动首战告捷。一要紧扣全年目标任务。", "统筹兼顾、重点突破,推动三年行动首战告捷"},
	{"4．报考年龄要求：年龄在18周岁及以上。", "报考年龄要求"},
	// a colon between digits is part of a time or a ratio, not the heading's end
	{"1．通过网上资格初审的报考人员请于2024年7月8日09：00至2024年7月12日17：00期间登录系统。", "通过网上资格初审的报考人员请于2024年7月8日09：00至2024年7月12日17：00期间登录系统"},
	{"3．报名缴费成功人数与招聘岗位计划人数比例原则上不低于3:1。达不到比例的岗位相应核减。", "报名缴费成功人数与招聘岗位计划人数比例原则上不低于3:1"},
	{"1．现场确认时间：2024年7月8日9:00-17:00。", "现场确认时间"},
	{"一、坚持问题导向,紧盯目标 (一)扬优势、补短板。自今年以来。(二)抓关键、破瓶颈。", "坚持问题导向,紧盯目标"},
	{"二、会议听取了副镇长宿建军关于“京石二通道辅助工作”的进展情况汇报", "会议听取了副镇长宿建军关于“京石二通道辅助工作”的进展情况汇报"},
	{"首先，要提高政治站位！其次，要压实责任。", "要提高政治站位"},
	{"会议强调:\n要慎终如始抓好疫情防控。全区上下要认真学习领会。", "慎终如始抓好疫情防控"},
	{"他说，要抓好3件事，一是坚持和巩固，二是完善和发展，三是遵守和执行。", "坚持和巩固"},
	{"一、\n总体要求\n二、\n主要任务", "总体要求"},
}

func TestHeadingCorpus(t *testing.T) {
	for _, c := range headingCorpus {
		ds := Parse(testParas(t, c.text))
		if len(ds) == 0 {
			t.Errorf("%q: no item", c.text)
			continue
		}
		if ds[0].Heading != c.want {
			t.Errorf("%q: heading %q, want %q", c.text, ds[0].Heading, c.want)
		}
	}
}

// ownersCorpus: texts and the owners of each item, in document order.
var ownersCorpus = []struct {
	name, text string
	want       []string
}{
	{"由X负责 and 由X侧重负责", "1、小山坡农家院拆迁实行倒计时,由李学文副镇长负责,8月底前完工。\n2、云居寺小广场及周边换进的脏乱差问题由魏春水副镇长侧重负责。",
		[]string{"李学文副镇长", "魏春水副镇长"}},
	{"由X具体负责实施", "八、考察\n考察工作在凯里市事业单位招聘工作领导小组办公室的指导下由招聘单位及其主管部门具体负责实施。",
		[]string{"招聘单位及其主管部门"}},
	{"X牵头 twice", "二要抓好贫困群众稳定增收。州农业农村局牵头起草建立健全产业扶贫利益联结机制的意见,州林业局牵头起草支持中药材产业发展的意见。三要抓好易地扶贫搬迁。",
		[]string{"州农业农村局、州林业局", ""}},
	{"X、Y牵头", "一要全力保住市场主体。要制定政府优先采购的支持办法,州工信局、财政局牵头,9 月底前完成办法起草。二要做实做强产业链。",
		[]string{"州工信局、财政局", ""}},
	{"a person 负责", "4、各部门密切关注美石谷项目进展,宿建军副镇长密切关注不能新建其他建筑物,郝井保负责项目手续办理。\n5、静琬广场后续工作要跟进。",
		[]string{"郝井保", ""}},
	{"a list of names", "2、小山坡农家院拆迁实行倒计时,由李学文、魏春水负责,8月底前完工。\n3、约谈西门子项目方。",
		[]string{"李学文、魏春水", ""}},
	{"the subject of a heading clause", "一、精神振奋,创新实干,体现分工不分家,分管领导要多关心、多指导、多交流;\n二、认真落实,总体进度顺利。",
		[]string{"分管领导", ""}},
	{"所要 is no subject", "1．报考人员根据所要报的岗位要求，如实填写相关报名信息。\n2．报考人员只能选择一个岗位进行报名。",
		[]string{"", ""}},
	{"the subject of a bare item", "会议强调，各级各部门要压实责任，转变作风。", []string{"各级各部门"}},
	{"the subjects of a bare item", "会议要求，各乡镇、各部门要紧盯全年目标。\n会议强调，县应急局和县住建局要加强联合执法。",
		[]string{"各乡镇、各部门", "县应急局、县住建局"}},
	{"责任单位", "一是压实责任。责任单位：州农业农村局、州林业局。\n二是强化督查。责任单位：州发改委（牵头）、州财政局", []string{"州农业农村局、州林业局", "州发改委、州财政局"}},
	{"牵头单位 first, then 配合单位 (SPEC v1.1)", "1．完善收运处置体系。新建垃圾中转站3座。\n牵头单位：区城管局；配合单位：区财政局、各镇（街道）\n2．改造提升镇级污水管网15公里。",
		[]string{"区城管局、区财政局、各镇(街道)", ""}},
	{"a State Council duty note in brackets", "（一）加大助企纾困力度。落实好减税降费政策。（财政部牵头，各有关部门按职责分工负责）\n（二）稳定就业。（国家发展改革委、人力资源社会保障部按职责分工负责）",
		[]string{"财政部、各有关部门", "国家发展改革委、人力资源社会保障部"}},
	{"a duty note listing units with commas", "1．强化用地保障。（责任单位：市自然资源局，各县〔市、区〕政府）\n2．强化资金保障。（市财政局负责）",
		[]string{"市自然资源局、各县〔市、区〕政府", "市财政局"}},
	{"a lead person and a unit", "1．强化用地保障。牵头领导：王五；责任单位：区资规分局。\n2．强化资金保障，由分管副区长李四负责。",
		[]string{"王五、区资规分局", "分管副区长李四"}},
	{"X会同Y负责", "1．开展燃气安全专项整治，区住建局会同区市场监管局负责。\n2．强化资金保障。",
		[]string{"区住建局、区市场监管局", ""}},
	{"a bracket that is part of a name", "1．开展村庄清洁行动。\n责任单位：各镇（街道）、区农业农村局\n2．建设公共厕所。",
		[]string{"各镇(街道)、区农业农村局", ""}},
	{"X、Y按职责分工负责 on the line after the item", "2．建设农村公共厕所。每个行政村至少建成1座公共厕所。\n区农业农村局、区住建局按职责分工负责。\n3．开展村庄清洁行动。",
		[]string{"区农业农村局、区住建局", ""}},
	{"责任单位 on the line after the item", "1．整治非正规垃圾堆放点。第三季度末前完成存量点位整治。\n责任单位：区城管局、区生态环境分局\n2．完善收运处置体系。",
		[]string{"区城管局、区生态环境分局", ""}},
	{"the marker is no part of the owner", "会议要求：\n1．各镇街要在9月底前完成排查。\n2．区住建局负责督导。",
		[]string{"各镇街", "区住建局"}},
	{"a run handed to X", "三要抓好升规纳统工作。①做好业务培训;②每月推送新注册企业。各行业主管部门负责,①引导企业注册为法人单位;②动员分公司转制为子公司。",
		[]string{"", "", "", "各行业主管部门", "各行业主管部门"}},
	{"负责人 and 牵头单位 are nouns; 请 names the addressees", "（二）招聘单位负责人员和招聘工作人员涉及应回避的亲属关系的，应主动申请回避。\n（三）请各县市区、州直牵头单位高度重视。",
		[]string{"", "各县市区、州直牵头单位"}},
	{"全程负责 and 专人负责 name nobody", "一要一包到底抓信访。包案领导要既挂帅、又出征,全程负责信访案件的调查。二要安排专人负责,实行台账管理。",
		[]string{"", ""}},
}

func TestOwnersCorpus(t *testing.T) {
	for _, c := range ownersCorpus {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, d := range flatten(Parse(testParas(t, c.text))) {
				got = append(got, strings.Join(d.Owners, "、"))
			}
			if fmt.Sprint(got) != fmt.Sprint(c.want) {
				t.Errorf("got  %q\nwant %q", got, c.want)
			}
		})
	}
}

// instructsCorpus: the first item of each text and whether it instructs.
// Real rows of the seeds and the gold pages, and plan/report rows of the
// same kind as the hidden documents (work plans, problem lists, reports).
var instructsCorpus = []struct {
	text string
	want bool
}{
	// Problem and fact lists: a subject and an evaluation, no verb of action.
	{"一是企业中长期贷款较少,二是企业无还本续贷和还款延期展期诉求高。", false},
	{"一是项目体量不大。观摩的项目雖然总投资不小。二是形象进度不好。", false},
	{"二是形象进度不好。除盘活重资产的项目外，其他项目只有框架。三是建设速度不快。", false},
	{"一是建设速度不快。个别项目掉时序进度。二是融资渠道单一。", false},
	{"一是部分单位思想认识不到位，二是安全生产形势依然严峻。", false},
	{"一是部分企业融资困难。二是要素保障压力较大。", false},
	{"1、项目起步区规划未完成审批,影响了相关子项目手续的办理和镇域规划的审批。", false},
	{"二、认真落实,总体进度顺利,各科室结合年初考核任务目标,基本完成第一季度任务。", false},
	// Reports of what a meeting or a unit did.
	{"二、会议听取了副镇长宿建军关于“京石二通道辅助工作”的进展情况汇报", false},
	{"一、会议传达学习了习近平总书记重要讲话和重要指示精神", false},
	{"（一）传达学习了全省经济运行调度会议精神。", false},
	{"（二）审议通过了《区城乡环境综合整治实施方案》。", false},
	{"1．已完成固定资产投资12.5亿元，占年度计划的85%。", false},
	{"一、基本情况\n全区共有规上工业企业126家。", false},
	{"（一）主要成效", false},
	{"1．全区规上工业增加值同比增长2.3%。", false},
	{"一是多媒体数据的处理，二是通信信号的接收与发送。", false},
	{"第一，中国特色社会主义制度和国家治理体系具有深厚的历史底蕴。第二，具有多方面的显著优势。", false},
	// Headlines of a work summary: a subject and a verb with no object.
	{"（一）项目建设加快推进。1-10月，全区完成固定资产投资85亿元，同比增长12%。", false},
	{"（二）营商环境持续优化。全年新增市场主体1.2万户。", false},
	{"（三）坚持高位推动，工作机制不断完善。", false},
	{"（一）坚决打赢了疫情防控阻击战。全年实现地区生产总值增长6.1%。", false},
	{"一、会议听取了区住建局关于老旧小区改造的汇报，要求各镇街抓紧推进。", true},
	{"（三）争取资金成效明显。全年争取上级资金3.2亿元。", false},
	{"一是部分企业需要贷款支持较多，二是融资渠道单一。", false},
	// Instructions by a word of obligation.
	{"一是加快债券建设支出进度。确保8月底前完成债券资金支出。二是抓紧筛选。", true},
	{"3、项目区内涉及三岔村地块应尽快完成流转。", true},
	{"二、要以一抓到底的決心穩住經濟大盤", true},
	{"1、密切关注林安物流园项目建设,决不允许项目方对外转租土地。", true},
	{"（三）请各县市区、州直牵头单位高度重视。", true},
	{"一要抓好上半年工作总结分析。", true},
	// Instructions by a time limit in the item's own text.
	{"1．整治非正规垃圾堆放点。第三季度末前完成存量点位整治，整治率达到95%以上。", true},
	{"2、给比亚迪4S店项目方发通知,限期至2011年10月底前动工。", true},
	{"（2）各街道于9月30日前报送排查台账。", true},
	// Instructions by a verb of action opening the heading (plan items).
	{"1．新建污水管网12公里，改造雨污混接点30处。", true},
	{"2．完成老旧小区改造30个。", true},
	{"3．实现镇村公交全覆盖。", true},
	{"4．建成区级垃圾分类示范小区10个。", true},
	{"5．开工建设城东污水处理厂二期工程。", true},
	{"（四）改造提升农贸市场5个。", true},
	{"（一）开展垃圾治理专项行动", true},
	{"（一）全面排查整治农村黑臭水体。", true},
	{"一是深入学习贯彻党的二十大精神。", true},
	{"3、约谈西门子项目方,掌握项目实际投资计划额。", true},
	{"(一)扬优势、补短板。", true},
	{"(三)优环境、促发展。", true},
	{"①引导企业在注册环节就注册为法人单位；②动员已达到纳统标准的企业入统。", true},
	{"1、给中节能项目亮红牌。", true},
	{"（二）着力解决群众反映强烈的突出问题。", true},
	{"①每月召开一次项目调度会，协调解决项目推进中的困难问题；②建立问题清单。", true},
	{"（二）畅通企业诉求渠道。依托12345政务服务热线，实现企业诉求“接诉即办”。", true},
	{"1．新（改）建农村户厕。", true},
	{"（三）存在的问题", false},
	{"3、针对企业用工开展有目的的培训。", true},
	{"③对群众投诉比较集中的问题,单位主要负责人要亲自研究督办。", true},
	// A subject, then an action.
	{"②各街道园区定期走访帮扶企业。", true},
	// A plan's goal heading sets the goals that follow it.
	{"（二）工作目标。到2025年，全区生活垃圾回收利用率达到35%以上。", true},
}

func TestInstructsCorpus(t *testing.T) {
	for _, c := range instructsCorpus {
		ds := Parse(testParas(t, c.text))
		if len(ds) == 0 {
			t.Errorf("%q: no item", c.text)
			continue
		}
		if ds[0].Instructs != c.want {
			t.Errorf("%q: Instructs %v, want %v", c.text, ds[0].Instructs, c.want)
		}
	}
}

// An item whose heading gives no verb to the segmenter (科学/n 施/nr 策/n)
// follows its run; a problem list stays a problem list.
func TestInstructsSettledByRun(t *testing.T) {
	for text, want := range map[string]string{
		"一是摸清底数。\n二是科学施策。\n三是强化监管。":     "true true true",
		"一是经济快速发展奇迹，二是社会长期稳定奇迹。":        "false false",
		"一是开工率偏低，二是科学施策，三是要素保障不足。":      "false false false",
		"（一）强化组织领导。\n（二）笔试\n（三）严格考核督导。": "true true true",
		// the items under a goal heading are the goals set (区政府工作报告目标分解)
		"一、2023年全区经济社会发展的主要预期目标\n（一）地区生产总值增长7%以上\n（二）规上工业增加值增长12%以上": "true true true",
		// an instruction that ends with 目标 is no goal heading
		"第一，要坚定信心，全力以赴冲刺全年目标。今年以来，也存在一些突出问题：一是开工率偏低，二是投资进度滞后。": "true false false",
	} {
		var got []string
		for _, d := range flatten(Parse(testParas(t, text))) {
			got = append(got, fmt.Sprint(d.Instructs))
		}
		if strings.Join(got, " ") != want {
			t.Errorf("%q: %v, want %s", text, got, want)
		}
	}
}

// tokenRange finds the same tokens as a scan of the paragraph, for every
// span of a document.
func TestTokenRange(t *testing.T) {
	for _, p := range testParas(t, readTestdata(t, "holdout/plan_brackets.txt")) {
		v := newView(p)
		for s := 0; s <= len(v.r); s += 3 {
			for e := s; e <= len(v.r); e += 5 {
				var want []string
				for _, tk := range v.toks {
					if int(tk.Start) >= s && int(tk.End) <= e {
						want = append(want, tk.Text)
					}
				}
				i, j := v.tokenRange(s, e)
				var got []string
				for _, tk := range v.toks[i:j] {
					got = append(got, tk.Text)
				}
				if fmt.Sprint(got) != fmt.Sprint(want) {
					t.Fatalf("%q [%d,%d): %v, want %v", p.Simple, s, e, got, want)
				}
			}
		}
	}
}
