package directive

import (
	"fmt"
	"strings"
	"testing"
)

// ownerFormsCorpus: one row per owner form of SPEC v1.1 (Directive → owners)
// and per kind of subject that is no owner, written after real sentences of
// national and local plans, notices and meeting reports. want lists the
// owners of each item in document order (joined with 、). Every row is also
// run on its traditional-script copy, with the same (simplified) owners.
var ownerFormsCorpus = []struct {
	desc, text string
	want       []string
}{
	// Trailing parentheses.
	{"units and 等 before 按职责分工负责", "（一）加大助企纾困力度。落实好减税降费政策。（国家发展改革委、财政部等按职责分工负责）\n（二）稳定就业。",
		[]string{"国家发展改革委、财政部", ""}},
	{"等有关部门 dropped", "（一）推进义务教育优质均衡发展。（市教育局、市财政局等有关部门按职责分工负责）\n（二）稳定就业。",
		[]string{"市教育局、市财政局", ""}},
	{"X牵头，Y配合: the lead first", "1．推进老旧小区改造。全年改造小区120个。（市住建局牵头，各区政府配合）\n2．完善路网。",
		[]string{"市住建局、各区政府", ""}},
	{"two leads, then the units 按职责分工负责", "1．全面实施行政许可事项清单管理。动态调整清单。（市政府办公室、市行政审批制度改革工作领导小组办公室牵头，市级各有关部门及各县市区政府按职责分工负责）\n2．深化改革。",
		[]string{"市政府办公室、市行政审批制度改革工作领导小组办公室、市级各有关部门、各县市区政府", ""}},
	{"a bracket of units after the sentence", "1．做好与市场准入负面清单的衔接。（市发展改革委、市市场监管局）\n2．深化改革。",
		[]string{"市发展改革委、市市场监管局", ""}},
	// Responsibility lines.
	{"责任单位 with a deadline after it", "1．推进“一网通办”。网上可办率达到98%以上。（责任单位：区政务服务数据管理局；完成时限：2024年6月底前）\n2．深化改革。",
		[]string{"区政务服务数据管理局", ""}},
	{"牵头单位 then 配合单位 on the line after the item", "（一）加快建设三大汽车产业基地。\n牵头单位：市经贸委；配合单位：市发改委、国土房管局、规划局\n（二）推进石化基地建设。",
		[]string{"市经贸委、市发改委、国土房管局、规划局", ""}},
	{"a list after its label: a first word that reads as a verb governs nothing", "1．加强税收征管。牵头单位：区财政局；责任单位：立山经济开发区，各街道，税务局。\n2．深化改革。",
		[]string{"区财政局、立山经济开发区、各街道、税务局", ""}},
	{"units split by a slash in a bracket", "1．加快土地供应。（市自然资源局/市住建局）\n2．深化改革。",
		[]string{"市自然资源局、市住建局", ""}},
	// 由-phrases.
	{"由X会同Y具体组织实施", "三、报名\n由凯里市事业单位招聘工作领导小组办公室会同各招聘单位及其主管部门具体组织实施。\n四、考试",
		[]string{"凯里市事业单位招聘工作领导小组办公室、各招聘单位及其主管部门", ""}},
	{"X由Y统一安排", "1．考场设置由区教育局统一安排。\n2．考生须提前30分钟入场。",
		[]string{"区教育局", ""}},
	// Subjects of a word of duty.
	{"a bound verb morpheme inside a name (督 of 督委办)", "二、区委督委办、区政府督查室要对工作落实情况实行一月一调度。\n三、深化改革。",
		[]string{"区委督委办、区政府督查室", ""}},
	{"a village committee", "1．村委会要做好政策宣传。\n2．深化改革。",
		[]string{"村委会", ""}},
	{"a verb before a unit governs it outside a list: no owner", "1．方案报区政府审定后实施。\n2．深化改革。",
		[]string{"", ""}},
	{"X牵头，Y配合 in a sentence", "1．保障重点项目用地。区自然资源局牵头，区发改局配合。\n2．加大金融支持力度。",
		[]string{"区自然资源局、区发改局", ""}},
	{"各地区、各有关部门要: two owners", "一、加强组织领导。各地区、各有关部门要把稳就业摆在突出位置。\n二、强化督促检查。",
		[]string{"各地区、各有关部门", ""}},
	{"X要 after the heading, in the body", "一、高度重视，认真研究政策。各县区、各部门要坚持以习近平新时代中国特色社会主义思想为指导。\n二、压实责任，推动工作落实。各牵头单位要统筹落实任务事项。各参与单位要主动作为，积极配合。",
		[]string{"各县区、各部门", "各牵头单位、各参与单位"}},
	{"a collective with 各 inside", "三、市政府各部门要加强协作。\n四、管委会各部门要深刻领会会议精神。",
		[]string{"市政府各部门", "管委会各部门"}},
	{"a title and a titled group", "一是分管副区长要靠前指挥。\n二是各部门的负责同志要站在全局高度抓落实。",
		[]string{"分管副区长", "各部门的负责同志"}},
	{"a time between the subject and 要", "四、各区（市）县政府、市政府各部门每月10日前要将上月工作情况书面报送市政府研究室。",
		[]string{"各区(市)县政府、市政府各部门"}},
	{"特别是 before the subject, a note in brackets after it", "一、科学制订办理方案。各责任单位要逐项研究所承办的事项，特别是牵头单位（无牵头单位的，责任单位即为牵头单位，下同）要统筹相关责任单位制订办理方案。",
		[]string{"各责任单位、牵头单位"}},
	{"X和Y要", "会议强调，县应急局和县住建局要加强联合执法。", []string{"县应急局、县住建局"}},
	{"the governments of each level", "一、地方各级人民政府要切实履行职责。\n二、各县（市、区）要建立工作推进机制。\n三、各省、自治区、直辖市人民政府要结合实际制定实施方案。",
		[]string{"地方各级人民政府", "各县(市、区)", "各省、自治区、直辖市人民政府"}},
	{"a bare unit word after a list's first name", "一、各级党委和政府要高度重视。", []string{"各级党委、政府"}},
	{"全县上下 and a bracket inside a name", "会议要求：\n要坚持以防为主。全县上下要绷紧防汛这根弦。\n要做好抢险准备。各乡镇（场、区）、各部门要严明防汛纪律。",
		[]string{"全县上下", "各乡镇(场、区)、各部门"}},
	{"a masked name", "1、各地务必发放到每户；**自然资源和规划分局负责督促检查。\n2、加强巡查。",
		[]string{"各地、**自然资源和规划分局", ""}},
	// Addressees of 请 and of a clause-initial 要.
	{"请X", "（一）请各部会再加检视这份报告（初稿），如有修正意见，请于今（27）日下班前送本院秘书处。\n（二）请经济部及台电公司务必掌握所有情况，并请环保署与内政部营建署提供协助。",
		[]string{"各部会", "经济部、台电公司、环保署、内政部营建署"}},
	{"要X", "三是要各部门、街办加强协作，安排专人负责三秋工作。", []string{"各部门、街办"}},
	// Subjects that are no owners.
	{"会议要求 is the speaker", "1．会议要求各镇街抓好秋冬季安全生产。\n2．会议强调，我们要勇于担当。", []string{"", ""}},
	{"这项工作要, 当前要", "一是这项工作要抓紧推进。\n会议强调，当前要全面做好经济运行分析。", []string{"", ""}},
	{"a verb after 要 is no addressee", "一要全力保住市场主体。要制定政府优先采购的支持办法。", []string{""}},
	{"a unit inside the object of 支持, and in a modifier", "（一）推动科创平台提质增效。支持创新能力突出的企业牵头建设重点实验室。\n（二）支持关键核心技术攻关。企业牵头或参与的项目占比不低于80%。",
		[]string{"", ""}},
	{"由 inside a noun's modifier", "（一）加强组织领导。成立由区政府分管副区长任组长的工作专班。", []string{""}},
	{"a name in brackets inside a sentence", "1．到2027年，50%的城市社区建成完备的社区嵌入式服务综合体（社区服务中心）；其余社区稳步推进。", []string{""}},
	{"words that only end like a unit", "1．广大干部要提高认识。\n2．以上项目全部要在年底前完工。", []string{"", ""}},
	{"the object of a verb that opens the clause", "1．督促区财政局要及时拨付资金。", []string{""}},
}

func TestOwnerForms(t *testing.T) {
	for _, c := range ownerFormsCorpus {
		for _, script := range []string{"simplified", "traditional"} {
			t.Run(c.desc+"/"+script, func(t *testing.T) {
				text := c.text
				if script == "traditional" {
					text = toTraditional(t, text)
				}
				var got []string
				for _, d := range flatten(Parse(testParas(t, text))) {
					got = append(got, strings.Join(d.Owners, "、"))
				}
				if fmt.Sprint(got) != fmt.Sprint(c.want) {
					t.Errorf("%s\ngot  %q\nwant %q", text, got, c.want)
				}
			})
		}
	}
}

func BenchmarkOwners(b *testing.B) {
	var texts []string
	for _, c := range ownerFormsCorpus {
		texts = append(texts, c.text)
	}
	ps := testParas(b, strings.Join(texts, "\n"))
	d := newDoc(ps)
	var spans []span
	for i, p := range ps {
		spans = append(spans, span{para: i, start: 0, end: p.Len()})
	}
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for _, s := range spans {
			n += len(d.segmentOwners(s))
		}
		if n == 0 {
			b.Fatal("no owners")
		}
	}
}
