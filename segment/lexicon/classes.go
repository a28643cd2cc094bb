package lexicon

// The classes of the cue tables. A row with another class does not load,
// so that a typo in a table fails the tests instead of silently doing nothing.
const (
	// Stances (stance.tsv): what a word tells of its clause.
	Instruct  = "instruct"  // 要, 必须, 不得, 请: an obligation or assignment
	Goal      = "goal"      // 确保, 力争, 目标是, 控制在: a goal the text sets
	Urge      = "urge"      // 坚决, 切实, 着力: an act urged (or told)
	Report    = "report"    // 已, 共, 截至, 完成了: a result or state reached
	Compare   = "compare"   // 同比, 比上年, 累计: a value against a base
	Forecast  = "forecast"  // 预计, 有望, 可能: what may happen
	Schedule  = "schedule"  // 定于, 将于, 拟于: a time set for an event
	Condition = "condition" // 凡, 年龄在, 报名条件: whom a rule concerns

	// Perfective: the particle of a thing done (九月二十五号到了), read by the
	// recognisers of dates; it gives no clause a stance of its own.
	Perfective = "perfective"
	// Limit: nouns that make a date a time limit before it (完成时限是2022年)
	// and after it (LimitAfter: 把握好9月和12月这两个时间节点).
	Limit      = "limit"
	LimitAfter = "limit.after"
	// TaskAfter: after a current or coming period, the work scheduled in it
	// (第三季度工作推进会, 第四季度的冲刺攻坚任务, 冲刺一季度“开门红”).
	TaskAfter = "task.after"

	// Time frames (frame.tsv).
	Past      = "past"       // 过去一年, 去年, 今年以来
	PastAfter = "past.after" // after a period: 上半年工作总结, 1-7月来看
	Future    = "future"     // 今后, 下一步, 未来五年
	FrameLead = "frame.lead" // 到, 截至, 在: may open a clause before the period that heads it

	// Section headings (heading.tsv).
	HeadingGoal   = "heading.goal"   // 主要目标, 主要预期目标
	HeadingReview = "heading.review" // 工作回顾, 主要成效, 基本情况
	HeadingTask   = "heading.task"   // 主要任务, 保障措施
	// HeadingCondition: a section of conditions and standards (报名条件, 补助标准).
	HeadingCondition = "heading.condition"

	// Genres (genre.tsv).
	GenreWorkReport = "genre.workreport"
	GenrePlan       = "genre.plan"
	GenreNotice     = "genre.notice"
	GenreMeeting    = "genre.meeting"
	GenreSpeech     = "genre.speech"

	// Punctuation (punct.tsv); IsPunct and PunctSet take the part after "punct.".
	PunctClause      = "punct.clause"
	PunctSentence    = "punct.sentence"
	PunctPeriod      = "punct.period"
	PunctBracket     = "punct.bracket"
	PunctList        = "punct.list"
	PunctDash        = "punct.dash"
	PunctPlaceholder = "punct.placeholder"
	PunctRunIn       = "punct.runin"   // after these a run-in item may begin (要…。要…)
	PunctStop        = "punct.stop"    // sentence-final marks of an item's text
	PunctHeading     = "punct.heading" // marks that end a heading (SPEC: 。；：！？)
)

// StanceClasses are the classes a clause's stance is read from.
var StanceClasses = []string{Instruct, Goal, Urge, Report, Compare, Forecast, Schedule, Condition}

// GrammarClasses are the word classes of words.tsv: the verbs, leads and
// tails each recogniser's grammar reads (verb.action: 整治非正规垃圾堆放点;
// lead.story: 直到十月下旬; word.price: 售价199元 …).
var GrammarClasses = []string{"verb.rank", "verb.link", "verb.produce", "stop.metric", "verb.task", "adverb.done", "adverb.manner", "after.describe", "after.figure", "after.goal", "before.baseline", "before.place", "conjunction", "dateline", "evaluation", "lead.continue", "lead.in", "lead.meeting", "lead.recurrence", "lead.report", "lead.story", "lead.topic", "negation", "noun.list", "noun.prepare", "noun.problem", "noun.schedule", "opening.undated", "preposition", "speaker.bystander", "tail.story", "title.goal", "title.report", "verb.action", "verb.anchor", "verb.complete", "verb.convene", "verb.convened", "verb.event", "verb.figure", "verb.host", "verb.measure", "verb.minutes", "verb.say", "verb.spanfigure", "verb.speech", "verb.state", "word.copula", "word.habit", "word.notunit", "word.price", "word.sequence",
	"owner.label", "owner.join", "owner.manner", "owner.note"}

var knownClasses = map[string]bool{}

func init() {
	for _, c := range []string{Instruct, Goal, Urge, Report, Compare, Forecast, Schedule, Condition, Perfective, Limit, LimitAfter, TaskAfter,
		Past, PastAfter, Future, FrameLead, HeadingGoal, HeadingReview, HeadingTask, HeadingCondition,
		GenreWorkReport, GenrePlan, GenreNotice, GenreMeeting, GenreSpeech,
		PunctClause, PunctSentence, PunctPeriod, PunctBracket, PunctList, PunctDash, PunctPlaceholder,
		PunctRunIn, PunctStop, PunctHeading} {
		knownClasses[c] = true
	}
	for _, c := range GrammarClasses {
		knownClasses[c] = true
	}
}
