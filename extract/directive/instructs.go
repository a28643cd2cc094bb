package directive

// instructCues are the words that give an instruction: an item whose own
// text holds none only reports (会议听取了…汇报) or lists problems
// (一是企业中长期贷款较少). Examples: 要抓好 (seed000), 确保8月底前完成,
// 务必发放到每户 (seed004), 须提供 (kaili), 不得报考, 应尽快完成 (seed002).
var instructCues = map[string]bool{
	"要": true, "确保": true, "抓好": true, "加快": true, "务必": true, "必须": true, "力争": true,
	"切实": true, "推进": true, "落实": true, "做好": true, "加强": true, "强化": true, "坚持": true,
	"严格": true, "着力": true, "全力": true, "推动": true, "抓紧": true, "压实": true, "提高": true,
	"完善": true, "健全": true, "建立": true, "开展": true, "实施": true, "实行": true, "组织": true,
	"须": true, "需": true, "应": true, "应当": true, "不得": true, "严禁": true, "禁止": true, "决不": true,
	"绝不": true, "坚决": true, "谋划": true, "统筹": true, "提升": true, "持续": true, "积极": true,
	"负责": true, "牵头": true, "督促": true, "狠抓": true, "紧盯": true, "守住": true, "办好": true,
	"防范": true, "深化": true, "优化": true, "聚焦": true, "重视": true, "研究": true, "制定": true,
}

// instructs reports whether the item's own text gives an instruction.
func (d *doc) instructs(own []span) bool {
	for _, s := range own {
		v := d.views[s.para]
		for _, t := range v.toks {
			if t.Start >= s.start && t.End <= s.end && instructCues[t.Text] {
				return true
			}
		}
	}
	return false
}
