// Package timex recognises Chinese time expressions in government text —
// deadlines (8月底前, 9月中旬前, 国庆节前, 限期至2011年10月底前), spans
// (5月、6月, 9-10月份), reported periods (1-8月份) and meeting openings
// (8月2日下午，区委副书记、区长蒋海华主持召开区政府常务会议) — and resolves them
// against a reference date.
package timex

// Kinds of Deadline.
const (
	KindBy     = "by"     // a completion limit: 8月底前, 限期至…, 截至…
	KindOn     = "on"     // a day or period something happens: 9月份召开
	KindDuring = "during" // a span: 5月、6月为手续完善月, 9月至10月
)

// Precisions of Deadline.
const (
	PrecisionDay     = "day"
	PrecisionXun     = "xun" // 旬: ten-day part of a month
	PrecisionMonth   = "month"
	PrecisionQuarter = "quarter"
	PrecisionHalf    = "half"
	PrecisionYear    = "year"
	PrecisionEvent   = "event"
)

// Deadline is a resolved time expression that sets when something must be
// done or happens.
type Deadline struct {
	Text      string `json:"text"`      // as written, source script
	Kind      string `json:"kind"`      // KindBy, KindOn or KindDuring
	Date      Date   `json:"date"`      // the last day allowed; null when unknown
	From      Date   `json:"from"`      // the first day of a KindDuring span, else null
	Precision string `json:"precision"` // PrecisionDay … PrecisionEvent
	Event     string `json:"event"`     // the anchoring event (国庆节), simplified script
	Approx    bool   `json:"-"`         // 春节前后, 25日左右: about that date (not in SPEC's JSON yet)
	Para      int    `json:"para"`      // paragraph index
	Start     int    `json:"start"`     // rune offsets in the paragraph
	End       int    `json:"end"`
}

// Role says what a time expression does in its sentence.
type Role int

// Roles of Expr.
const (
	RoleDeadline   Role = iota // sets a time for a task: a Deadline
	RoleEventDate              // the date of a past or reported event: 8月2日下午…主持召开
	RolePeriod                 // the period of a reported figure: 1-8月份…同比增长
	RoleRecurrence             // 每周, 每月
	RoleDuration               // 一周内, 100天
)

// Expr is one time expression found in a paragraph, with its role.
type Expr struct {
	Deadline
	Role Role
	// First is the first day of the period the expression names (Date is
	// its last), whatever its kind; zero when unknown.
	First Date
}

// Meeting is the meeting a report describes.
type Meeting struct {
	Date      Date   `json:"date"`
	Name      string `json:"name"`
	Host      string `json:"host"`
	HostTitle string `json:"host_title"`
}
