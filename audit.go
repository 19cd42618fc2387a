package xxgk

import "time"

// The audit log: who did what through the portal or the CLI, when and from where. It is
// for the office to answer "who uploaded this", "who signed in with our code last night",
// so it records outcomes (a failed sign-in too) and never a code itself.

// AuditAction names what was done.
type AuditAction string

const (
	AuditSignIn   AuditAction = "signin"   // a sign-in with a code (Outcome success or failure)
	AuditUpload   AuditAction = "upload"   // a workbook uploaded (Outcome: the import's outcome)
	AuditReview   AuditAction = "review"   // a version approved or returned
	AuditDownload AuditAction = "download" // a file downloaded (template, report, letter…)
	AuditVerify   AuditAction = "verify"   // a verify (核查) run
	AuditAccess   AuditAction = "access"   // access codes created or reset
)

// Label is the Chinese word shown by `xxgk audit`.
func (a AuditAction) Label() string {
	switch a {
	case AuditSignIn:
		return "登录"
	case AuditUpload:
		return "上传"
	case AuditReview:
		return "审核"
	case AuditDownload:
		return "下载"
	case AuditVerify:
		return "核查"
	case AuditAccess:
		return "访问码"
	}
	return string(a)
}

// Outcomes shared by the actions (an upload records the import's outcome instead).
const (
	AuditSuccess = "success"
	AuditFailure = "failure"
	AuditDenied  = "denied" // authenticated, but not allowed (another unit's file, an office page)
)

// AuditOutcomeLabel is the Chinese word for an outcome, the import's included.
func AuditOutcomeLabel(o string) string {
	switch o {
	case AuditSuccess:
		return "成功"
	case AuditFailure:
		return "失败"
	case AuditDenied:
		return "拒绝"
	case "accepted":
		return "已接收"
	case "unchanged":
		return "内容未变"
	case "rejected":
		return "已退回"
	case "valid":
		return "检查通过"
	case "failed":
		return "未能导入"
	case "blank":
		return "空白模板"
	case "older":
		return "旧版本"
	}
	return o
}

// ActorKind tells who acted.
type ActorKind string

const (
	ActorOffice    ActorKind = "office"    // signed in with the office code
	ActorUnit      ActorKind = "unit"      // signed in with a unit's code
	ActorOperator  ActorKind = "operator"  // the office's staff on the command line
	ActorAnonymous ActorKind = "anonymous" // no valid code (a failed sign-in)
)

// Actor is who did something: Unit for a unit, Name for an operator (or whatever the
// portal knows of the office's user).
type Actor struct {
	Kind ActorKind
	Unit string // ActorUnit: the unit's code
	Name string // ActorOperator: the operator
}

// Label is how `xxgk audit` names the actor.
func (a Actor) Label() string {
	switch a.Kind {
	case ActorOffice:
		if a.Name != "" {
			return "办公室（" + a.Name + "）"
		}
		return "办公室"
	case ActorUnit:
		return "单位 " + a.Unit
	case ActorOperator:
		return "操作员 " + a.Name
	case ActorAnonymous:
		return "未登录"
	}
	return string(a.Kind)
}

// AuditEntry is one line of the audit log.
type AuditEntry struct {
	ID      int64
	At      time.Time
	Actor   Actor
	Action  AuditAction
	Outcome string // AuditSuccess, AuditFailure, AuditDenied, or an import outcome
	Round   string // the round concerned, "" when none
	Remote  string // the client's address ("" on the command line)
	Detail  string // what, in Chinese: file name, version, unit… never a code
}

// CodeHolder is who an access code belongs to: the office, or one unit in one round.
type CodeHolder struct {
	Office      bool
	Round, Unit string // a unit's code: the round and the unit
}

// Actor is the holder as an audit actor.
func (h CodeHolder) Actor() Actor {
	if h.Office {
		return Actor{Kind: ActorOffice}
	}
	return Actor{Kind: ActorUnit, Unit: h.Unit}
}
