// ---- Values as they cross: the core's serde JSON forms (snake_case fields; decimals, months and dates as strings).
// Emitted into the package's .d.ts beside the declarations the core derives itself (feature `wasm`, tsify):
// the scalars (`Decimal`, `YearMonth`, `NaiveDate`/`IsoDate`, `DangjianErrorKind`, core/src/surface.rs), the
// explanations (`Citation`, `Severity`, `Finding`, `TraceStep`), every dues record and enum, and the credits
// engine's records (scheme rules, events, offences, ledger entries, totals, boards), and the disclosure workflow's
// (organizations, roles, context, items, actions and their kinds, audit events). This file holds what is
// JS-specific (the error shape, the columns and composite results of the wasm API) and the engines not yet
// derived. A field marked `?` is absent (never null) in what the
// library returns; `T | null` fields are always present.

// ---- Errors

/**
 * What every dangjian function throws: a real `Error` (`name` `"DangjianError"`).
 * `message` is `"CODE at field: English message"`.
 */
export interface DangjianError extends Error {
  name: "DangjianError";
  /** `invalid_input` (the data), `policy` (a policy document, or no rule in force) or `calendar`. */
  kind: DangjianErrorKind;
  /**
   * Stable `SCREAMING_SNAKE` code: the core's (`NEGATIVE_AMOUNT`, `INVALID_MEMBER_JSON`, `INVALID_MONTH`,
   * `INVALID_DATE`, `NO_POLICY_IN_FORCE`, …) or this package's `INVALID_ARGUMENT` (a number argument that is
   * not a whole number ≥ 0) or `INTERNAL` (a defect of the library: the module is re-instantiated before the
   * next call, which works; objects made before it — a `Policy`, a `CreditsScorer` — must be made again).
   * `DangjianCode` lists every code of the registry (`describeCode` gives its record); any string still fits,
   * for a code a newer core adds.
   */
  code: DangjianCode | (string & {});
  /** Path of the input field at fault (`incomes[0].items[1].amount`, `month`), or `""`. */
  field: string;
  messageZh: string;
  messageEn: string;
}

/**
 * True when `e` was thrown by a dangjian function (an `Error` named `DangjianError` with a string `code`).
 *
 * ```js
 * try { assessDues(policy, member, "2026-11"); } catch (e) { if (isDangjianError(e)) show(e.code, e.field, e.messageZh); }
 * ```
 */
export function isDangjianError(e: unknown): e is DangjianError;

// ---- Calendar

/** A value with the findings gathered while computing it (e.g. `PROVISIONAL_CALENDAR`). */
export interface Answer<T> {
  value: T;
  findings: Finding[];
}

export type DayKind = "workday" | "weekend" | "holiday" | "make_up_workday";

export interface DayInfo {
  date: IsoDate;
  kind: DayKind;
  working: boolean;
  /** True when no notice is loaded for the year (statutory holidays, their 补假 and weekends, without the 调休). */
  provisional: boolean;
}

// ---- Shared by credits and disclosure

/** A value with the period it is in force and the article it rests on (policy and scheme timelines). */
export interface Dated<T> {
  effective_from: IsoDate;
  /** Last day; open-ended when absent. */
  effective_to?: IsoDate;
  citation: Citation;
  value: T;
  /** e.g. `"UNCONFIRMED: …"` for a parameter the sources leave open. */
  note?: string;
}

// ---- Credits: scheme

/** A points scheme document (`CreditsScheme.toJson()` / `CreditsScheme.fromJson()`). */
export interface SchemeDocument {
  schema_version: number;
  name: string;
  rule_sets: Dated<RuleSet>[];
}

// ---- Credits: events in, ledger out

/**
 * A batch of events as columns, for `CreditsScorer.ingestColumns` (Arrow's layout: the ids end to end with
 * offsets, member ids, activity codes and content ids once in a table and referenced by index). Row `i` is the
 * event `{ event_id: the UTF-8 bytes event_id_offsets[i] up to event_id_offsets[i + 1] of event_id_bytes,
 * member_id: member_ids[members[i]], activity: activity_codes[activities[i]], occurred_at: occurred_at_ns[i],
 * content_id: content_ids[contents[i]], duration_seconds: duration_seconds[i], … }`. An optional column left
 * out (or empty) means the field is absent from every row.
 */
export interface CreditColumns {
  /** The event ids end to end: a string, or its UTF-8 bytes (Arrow's value buffer). */
  event_id_bytes: string | Uint8Array;
  /** One more entry than rows, from 0: UTF-8 byte offsets into `event_id_bytes` (empty for no rows). */
  event_id_offsets: Uint32Array;
  /** The member ids the batch refers to, each once. */
  member_ids: string[];
  /** Per row: index into `member_ids`. */
  members: Uint32Array;
  /** The activity codes the batch refers to, each once. */
  activity_codes: string[];
  /** Per row: index into `activity_codes`. */
  activities: Uint32Array;
  /** Per row: `occurred_at` in nanoseconds since 1970-01-01T00:00:00Z; its length is the number of rows. */
  occurred_at_ns: BigInt64Array;
  /** Per row: the UTC offset (seconds east, under a day) `occurred_at` is written with; absent: `+08:00`. */
  offset_seconds?: Int32Array;
  /** The content ids the batch refers to, each once. */
  content_ids?: string[];
  /** Per row: index into `content_ids`, or 4294967295 for none. */
  contents?: Uint32Array;
  /** Per row: seconds spent; a typed array when every row has one, else `null` for a row without. */
  duration_seconds?: Uint32Array | (number | null)[];
  /** Per row: correct answers. */
  correct_answers?: Uint32Array | (number | null)[];
  /** Per row: place in a contest, 1-based. */
  place?: Uint32Array | (number | null)[];
  /** Per row: declared points (bonus and deduction items). */
  points?: Int32Array | (number | null)[];
}

/** The input of `creditsScore`. */
export interface ScoreInput {
  events: CreditEvent[];
  /** Event ids to void (clawback). */
  voids?: string[];
  offences?: Offence[];
}

/** A `creditsScore` entry: the ledger entry, with its explanation when asked for. */
export interface ScoredEntry extends LedgerEntry {
  explanation?: Explanation;
}

/** What `creditsScore` / `creditsScoreJsonl` return. */
export interface ScoreResult {
  /** Canonical order: `occurred_at`, then `event_id`. */
  entries: ScoredEntry[];
  /** Event ids received again with the same content, sorted. */
  duplicates: string[];
  errors: EventError[];
  totals: CreditTotal[];
}

/** What `CreditsScorer.closeThrough` closed. */
export interface ClosedDays {
  /** The last closed day (China time). */
  through: IsoDate;
  /** The entries this call closed, canonical order: final, no longer shown by the scorer. */
  entries: LedgerEntry[];
  /** Entries still open. */
  open: number;
}

/** What one `CreditsScorer` call changed. */
export interface ScorerChanges {
  /** Entries new or re-scored, canonical order. */
  changed: LedgerEntry[];
  duplicates: string[];
  errors: EventError[];
}

export interface MemberScore {
  member_id: string;
  score: number;
}

// ---- Disclosure: organizations, people, items

export type MemberStatus = "full" | "probationary" | "suspended" | "removed";

export interface Membership {
  org: string;
  status: MemberStatus;
  from: IsoDate;
  to?: IsoDate;
}

/** An officer's post (书记, 委员) in an organization. */
export interface Post {
  org: string;
  from: IsoDate;
  to?: IsoDate;
}

/** Who is looking: `{}` is the public. */
export interface Viewer {
  person?: string;
  memberships?: Membership[];
  posts?: Post[];
}

export type ScopeKind = Scope["kind"];

/** The correction in force on the day a board is asked for. */
export interface Correction {
  version: number;
  at: Rfc3339;
  /** Its China-time day. */
  on: IsoDate;
  reason: string;
}

/** A withdrawal as recorded, for the viewers the policy (`disclosure.withdrawal`) names. */
export interface WithdrawalRecord {
  /** Absent for an older document that kept no date. */
  at?: Rfc3339;
  on?: IsoDate;
  reason: string;
  citation: Citation;
}

/** One item on the board as a viewer saw it on a day (`disclosureBoard`). */
export interface BoardEntry {
  id: string;
  /** The status that day (`withdrawn` only in a withdrawal record). */
  status: DisclosureStatus;
  /** The version in force that day (0 when none was published). */
  version: number;
  title: string;
  /** The text in force, as published (masked per the policy). */
  text: string;
  published_at?: Rfc3339;
  corrected?: Correction;
  withdrawn?: WithdrawalRecord;
}

// ---- Disclosure: the procedure and the audit log

export interface AuditEntry {
  seq: number;
  event: AuditEvent;
  prev_hash: string;
  hash: string;
}

/** The tamper-evident log (SHA-256 chain); `{ schema_version: 1, entries: [] }` is empty. */
export interface AuditLog {
  schema_version: number;
  entries: AuditEntry[];
  /** SM2 signatures over the head, in increasing order of `entries` (absent while there are none). */
  checkpoints?: Checkpoint[];
}

/** The organization's SM2 signature (with SM3) over the first `entries` entries, ending in `head`. */
export interface Checkpoint {
  entries: number;
  head: string;
  /** `"SM2-SM3"`. */
  algorithm: string;
  /** SM3 (hex) of the signer's public key (SubjectPublicKeyInfo DER). */
  key_id: string;
  /** `r ‖ s`, 128 hex digits. */
  signature: string;
}

/** All an append needs: the entry count, the last hash (64 zeros when empty), the last checkpoint. */
export interface AuditHead {
  entries: number;
  hash: string;
  checkpoint?: Checkpoint;
}

/** What an append at the head returns: the new entries (add them to the stored log) and the new head. */
export interface Appended {
  entries: AuditEntry[];
  head: AuditHead;
}

/** What `disclosureApplyAtHead` and `AuditTrail.apply` return. */
export interface AppliedAtHead extends Appended {
  item: DisclosureItem;
}

export interface Verification {
  valid: boolean;
  entries: number;
  first_broken?: number;
  code?: string;
  /** The last entry's hash. */
  head?: string;
  /** `true` only when verified with the organization's public key; `false`: integrity only was checked. */
  authenticated: boolean;
  /** The key checked against, when one was given. */
  key_id?: string;
  /** Checkpoints read (absent when none). */
  checkpoints?: number;
}

/** What `disclosureCreate` returns. */
export interface Created {
  item: DisclosureItem;
  event: AuditEvent;
}

/** What `disclosureApply` returns. */
export interface Applied {
  item: DisclosureItem;
  log: AuditLog;
}

// ---- Disclosure: deadlines, catalogue, notices, redaction, dues

export interface Deadline {
  /** `review`, `publication`. */
  kind: string;
  due_on: IsoDate;
  met_on?: IsoDate;
  overdue: boolean;
}

export type Frequency = "annual" | "quarterly" | "monthly";

export interface CatalogueEntry {
  code: string;
  title: string;
  category: DisclosureCategory;
  scope: ScopeKind;
  frequency: Frequency;
  due_working_days: number;
}

export interface Catalogue {
  org: string;
  since: IsoDate;
  entries?: CatalogueEntry[];
  without_defaults?: boolean;
}

export type DueStatus = "met" | "late" | "overdue" | "open";

export interface PeriodicDue {
  code: string;
  title: string;
  /** `2025`, `2026-Q1`, `2026-03`. */
  period: string;
  period_end: IsoDate;
  due_on: IsoDate;
  item_id?: string;
  published_on?: IsoDate;
  status: DueStatus;
}

export interface ObjectionDecision {
  upheld: boolean;
  reason: string;
  by: string;
  at: Rfc3339;
}

export interface Objection {
  by: string;
  at: Rfc3339;
  content: string;
  decision?: ObjectionDecision;
}

/** A public notice (公示) of N working days. */
export interface PublicNotice {
  id: string;
  subject: string;
  item_id?: string;
  opens_on: IsoDate;
  closes_on: IsoDate;
  objections?: Objection[];
}

export type NoticeResult = "passed" | "failed" | "pending";

export interface NoticeReport {
  working_days: number;
  required_working_days: number;
  earliest_close: IsoDate;
  window_ok: boolean;
  pending_objections: number;
  upheld_objections: number;
  result: NoticeResult;
  findings: Finding[];
}

/** `landline` and `email` only when the policy asks (`mask_landlines`, `mask_emails`). */
export type PersonalKind = "id_number" | "mobile" | "bank_card" | "landline" | "email";

/** Personal data found in a text (character offsets, end excluded; `masked` keeps separators as written). */
export interface Sensitive {
  kind: PersonalKind;
  start: number;
  end: number;
  text: string;
  masked: string;
}

export interface RedactionPreview {
  /** Whether the published text is masked. */
  masked: boolean;
  found: Sensitive[];
  /** The body as published. */
  text: string;
}

/** A use of the dues a branch kept, for the annual dues disclosure. */
export interface DuesUse {
  purpose: string;
  amount: Decimal;
}

// ---- Membership: the record (党员发展与管理)

/** Where a person stands on a day (derived from the events). */
export type Stage =
  | "none"
  | "applicant"
  | "activist"
  | "development_target"
  | "probationary"
  | "full"
  | "suspended"
  | "removed";

/** How an activist was put forward: 党员推荐 or 群团组织推优 (2014 细则 第八条). */
export type Recommendation = "party_members" | "mass_organization";

/** Which stage a public notice (公示) is for; `development_target` is the required one. */
export type NoticeStage = "activist" | "development_target" | "admission" | "conversion";

/** The sanctions of 纪律处分条例 第八条. */
export type SanctionKind = "warning" | "serious_warning" | "removal_from_post" | "probation_within_party" | "expulsion";

/** How a member left the Party other than by expulsion: 除名, 自行脱党, or 取消预备党员资格. */
export type RemovalKind = "struck_off" | "left_of_own_accord" | "probation_cancelled";

/** The branch general meeting's count on an admission. */
export interface Vote {
  /** Full members entitled to attend and vote. */
  entitled: number;
  present: number;
  yes: number;
  no: number;
  abstain: number;
  /** Written opinions of absent members, counted in the votes (not in the quorum); `0` when absent. */
  written?: number;
  /** Whether the vote was by secret ballot (2026 revision). */
  secret_ballot?: boolean;
}

/**
 * One dated event of a member record, by `kind`. Unknown kinds and unknown fields are refused
 * (`INVALID_RECORD_JSON` at `events[i].kind`). A field with `?` has a default (or is absent) when not given;
 * records the library returns carry the defaults.
 */
export type MemberEvent =
  /** The record starts here (a legacy import): for `probationary` the day of the vote, for `full` the day full membership began. */
  | { kind: "imported"; date: IsoDate; stage: Stage }
  /** 入党申请 received. */
  | { kind: "application"; date: IsoDate }
  /** The branch's talk with the applicant (谈话). */
  | { kind: "talk"; date: IsoDate }
  /** Decided an activist (入党积极分子); `filed_on`: filed with the higher committee. */
  | { kind: "activist"; date: IsoDate; recommended_by: Recommendation; filed_on?: IsoDate }
  /** 培养联系人 assigned (member ids). */
  | { kind: "contacts"; date: IsoDate; contacts: string[] }
  /** A half-year review of the activist. */
  | { kind: "half_year_review"; date: IsoDate }
  /** Decided a development target (发展对象); `higher_approval_on`: the higher committee's consent or filing. */
  | { kind: "development_target"; date: IsoDate; higher_approval_on?: IsoDate }
  /** 入党介绍人 designated (member ids). */
  | { kind: "sponsors"; date: IsoDate; sponsors: string[] }
  /** Political review (政治审查) concluded; `passed` defaults to `true`. */
  | { kind: "political_review"; date: IsoDate; passed?: boolean }
  /** Centralized training (集中培训) completed: its last day; `days`, `class_hours` default to `0`. */
  | { kind: "training"; date: IsoDate; days?: number; class_hours?: number }
  /** A public notice (公示) from `date` to `closes_on` (both included); `stage` defaults to `development_target`. */
  | { kind: "public_notice"; date: IsoDate; closes_on: IsoDate; stage?: NoticeStage; objections?: Objection[] }
  /** The branch committee's review (支委会审查). */
  | { kind: "committee_review"; date: IsoDate }
  /** Pre-review (预审) by the 基层党委. */
  | { kind: "pre_review"; date: IsoDate }
  /** The branch general meeting's vote on admission. */
  | { kind: "branch_vote"; date: IsoDate; vote: Vote }
  /** The interview before approval. */
  | { kind: "interview"; date: IsoDate }
  /** The higher committee's approval (审批); `reason` when it comes more than 3 months after the vote. */
  | { kind: "approval"; date: IsoDate; reason?: string }
  /** 入党宣誓. */
  | { kind: "oath"; date: IsoDate }
  /** Probation extended (once only, 6 to 12 months). */
  | { kind: "probation_extended"; date: IsoDate; months: number }
  /** 取消预备党员资格. */
  | { kind: "probation_cancelled"; date: IsoDate }
  /** The branch meeting that converted the member; full membership dates from the end of probation. */
  | { kind: "conversion"; date: IsoDate }
  /** A sanction; `years` (1 or 2) for 留党察看. */
  | { kind: "sanction"; date: IsoDate; sanction: SanctionKind; years?: number }
  /** A one-year 留党察看 extended by one year. */
  | { kind: "sanction_extended"; date: IsoDate }
  /** Rights restored after 留党察看. */
  | { kind: "rights_restored"; date: IsoDate }
  /** Membership suspended (停止党籍). */
  | { kind: "suspended"; date: IsoDate }
  /** Suspended membership restored (恢复党籍). */
  | { kind: "reinstated"; date: IsoDate }
  /** Removed (除名 / 自行脱党 / 取消预备党员资格). */
  | { kind: "removed"; date: IsoDate; how: RemovalKind }
  /** Contact lost (失去联系): the first day without contact. */
  | { kind: "lost_contact"; date: IsoDate }
  /** Contact re-established. */
  | { kind: "contact_restored"; date: IsoDate }
  /** Introduction letter issued (组织关系转出); `same_city` defaults to `false`. */
  | { kind: "transfer_out"; date: IsoDate; to_org: string; same_city?: boolean }
  /** Reported in at the receiving organization (组织关系转入). */
  | { kind: "transfer_in"; date: IsoDate; from_org: string }
  /** Went to live or work away. */
  | { kind: "away"; date: IsoDate; place?: string }
  /** Came back. */
  | { kind: "returned"; date: IsoDate }
  /** Graduated while the relationship stays with the school. */
  | { kind: "graduated"; date: IsoDate }
  /** A recorded good reason (正当理由) from `date` to `until`. */
  | { kind: "excused"; date: IsoDate; until: IsoDate; reason: string };

/** Every `MemberEvent` kind. */
export type MemberEventKind = MemberEvent["kind"];

/** One member (or applicant): identity, organization and the events, oldest first. */
export interface MemberRecord {
  /** Stable id (sponsors and contacts refer to it). */
  id: string;
  name: string;
  birth_date: IsoDate;
  /** The 党支部 or 党小组 id the member belongs to. */
  org: string;
  /** 居民身份证号码 (18 characters); when given, its check character and birth date are verified. */
  id_number?: string;
  /** `[]` when absent. */
  events?: MemberEvent[];
}

/** 三会一课 and the other meetings of organizational life. */
export type MeetingKind =
  | "general_meeting"
  | "branch_committee"
  | "group_meeting"
  | "party_lecture"
  | "theme_day"
  | "life_meeting"
  | "democratic_review";

/** One meeting held. */
export interface Meeting {
  id: string;
  kind: MeetingKind;
  date: IsoDate;
  org: string;
  /** Member ids present. */
  attendees?: string[];
  absent_with_leave?: string[];
  absent_without_leave?: string[];
  /** The lecturer of a 党课. */
  lecturer?: string;
}

/** What `membershipCheckMembers` takes besides a bare array of records. */
export interface MembersDocument {
  /** The records (also the roster sponsors and contacts are looked up in). */
  members: MemberRecord[];
  /** Meetings (organizational life). */
  meetings?: Meeting[];
  /** Dues ledgers (the lapse rule). */
  ledgers?: Ledger[];
}

// ---- Membership: results

/** A stage and the day it began. */
export interface StageSpan {
  stage: Stage;
  since: IsoDate;
}

/** Something due: what, the earliest day it may happen and the day it is due by (either may be absent). */
export interface NextStep {
  /** Stable code: `TALK`, `BECOME_DEVELOPMENT_TARGET`, `APPROVAL`, `CONVERSION`, `TRANSFER_REPORT_IN`, … */
  code: string;
  message_zh: string;
  message_en: string;
  earliest?: IsoDate;
  due?: IsoDate;
  citation?: Citation;
}

/** A sanction whose consequences still apply on the day. */
export interface SanctionEffect {
  kind: SanctionKind;
  /** The day decided. */
  date: IsoDate;
  /** The first day none of its consequences applies. */
  until: IsoDate;
  /** The article on its consequences. */
  citation: Citation;
}

/** A member's rights on a day. */
export interface Rights {
  /** 表决权. */
  may_vote: boolean;
  /** 选举权. */
  may_elect: boolean;
  /** 被选举权. */
  may_be_elected: boolean;
  /** May act as 入党介绍人. */
  may_sponsor: boolean;
  /** The stage on the day. */
  stage: Stage;
  /** While barred from promotion (or an equal or higher post): the first day the bar no longer applies. */
  promotion_barred_until?: IsoDate;
  /** While under 留党察看: the first day after the period. */
  probation_within_party_until?: IsoDate;
  /** After 开除党籍: the first day an application may be accepted again. */
  readmission_barred_until?: IsoDate;
  /** The sanctions whose consequences still apply; absent when none. */
  sanctions?: SanctionEffect[];
  /** One finding per restriction, with its article; absent when none. */
  reasons?: Finding[];
}

/** The check of one record on a day. */
export interface MemberReport {
  member_id: string;
  /** The day checked. */
  on: IsoDate;
  stage: Stage;
  /** The day the stage began; absent for `none`. */
  since?: IsoDate;
  /** Every stage so far, oldest first. */
  history: StageSpan[];
  /** The day full membership began (the end of probation). */
  full_member_since?: IsoDate;
  /** For a probationary member: the day probation is complete (after any extension). */
  probation_ends?: IsoDate;
  /** 党龄 in whole years on the day, counted from `full_member_since` (党章 第七条). */
  party_age_years?: number;
  rights: Rights;
  /** Violations first. */
  findings: Finding[];
  /** Soonest first. */
  next_steps: NextStep[];
}

/** What `membershipCheckMembers` returns: the reports and one error entry per record that failed. */
export interface CheckBatch {
  /** In input order. */
  reports: MemberReport[];
  /** `index` is the record's position in the input; `field` is inside that record (`events[1].kind`). */
  errors: BatchError[];
}

// ---- Membership: organizations (结构、任期、选举、三会一课、民主评议)

/** The elected committee of an organization (absent from `OrgDetails`: a secretary only). */
export interface CommitteeInfo {
  /** The day the current committee was elected (its term counts from it). */
  elected_on: IsoDate;
  /** Number of committee members. */
  size: number;
}

/** Details of one organization beyond the tree (at most one entry per organization). */
export interface OrgDetails {
  /** The organization's id in the tree. */
  org: string;
  name?: string;
  /** A joint branch (联合党支部): the number of units it covers. */
  units?: number;
  /** The elected committee; absent when the organization has a secretary only. */
  committee?: CommitteeInfo;
  /** A 基层党委 with fewer than 100 members set up with the superior's approval; `false` when absent. */
  approved_below_minimum?: boolean;
}

/** A range of days, both ends included (not the dues `Period`, which is a month or a year). */
export interface DateRange {
  from: IsoDate;
  to: IsoDate;
}

/** One candidate and the votes cast for them. */
export interface Candidate {
  /** The candidate's member id. */
  id: string;
  votes: number;
}

/** One election (换届选举 or a by-election) of an organization. */
export interface Election {
  id: string;
  /** The organization electing its committee (or secretary). */
  org: string;
  date: IsoDate;
  /** Members entitled to elect; when absent, computed from the records (full members whose rights allow it). */
  entitled?: number;
  /** Members present and voting. */
  present: number;
  /** The ids of those who voted, when recorded (each is checked for the right to elect). */
  voters?: string[];
  /** `[]` when absent. */
  candidates?: Candidate[];
}

/** 民主评议 ratings: 优秀 / 合格 / 基本合格 / 不合格. */
export type ReviewRating = "excellent" | "qualified" | "basically_qualified" | "unqualified";

/** One member's part in a round; no `rating`: taking part ungraded (a probationary member). */
export interface MemberRating {
  member: string;
  rating?: ReviewRating;
}

/** One 民主评议 round of an organization. */
export interface ReviewRound {
  /** The organization (a branch; its groups' members belong to it). */
  org: string;
  /** The year reviewed. */
  year: number;
  /** The day of the rating. */
  date: IsoDate;
  /** The members taking part; `[]` when absent. */
  ratings?: MemberRating[];
}

/**
 * What `membershipCheckOrgs` takes: the tree and what it carries. Unknown fields are refused
 * (`INVALID_ORG_JSON`); every `org` named must be in the tree (`UNKNOWN_ORG` at e.g. `members[2].org`).
 */
export interface OrgDocument {
  /** The tree (committee / general_branch / branch / group). */
  orgs: Org[];
  details?: OrgDetails[];
  /** The member records; each belongs to a branch or a group of the tree. */
  members?: MemberRecord[];
  /** Meetings held (三会一课 and the rest). */
  meetings?: Meeting[];
  elections?: Election[];
  /** 民主评议 rounds. */
  reviews?: ReviewRound[];
  /** The range for 三会一课 compliance; default: from 1 January of the day checked to that day. */
  period?: DateRange;
}

/** The current term of an organization's committee (or secretary). */
export interface Term {
  elected_on: IsoDate;
  /** The election plus the term's years (same day of the month; clamped to the month's end). */
  term_expires: IsoDate;
}

/** One obligation of organizational life over the range: the periods with such a meeting and those without. */
export interface RuleCompliance {
  meeting: MeetingKind;
  frequency: Frequency;
  /** The rule's article. */
  citation: Citation;
  /** Period labels: `2026-03`, `2026-Q1`, `2025`. */
  held: string[];
  missing: string[];
}

/** One member's attendance over the range. */
export interface Attendance {
  member: string;
  /** Meetings the member was expected at. */
  expected: number;
  attended: number;
  /** Absent with leave (请假). */
  with_leave: number;
  /** Absent without leave (listed as such, or not listed at all). */
  without_leave: number;
  /** attended / expected with two places (`"0.67"`, `"1.00"`); absent when nothing was expected. */
  rate?: Decimal;
}

/** 三会一课 compliance of one organization over a range, and its members' attendance. */
export interface LifeReport {
  org: string;
  period: DateRange;
  /** Per obligation that applies to this organization. */
  rules: RuleCompliance[];
  /** Per member (empty for a general branch or committee). */
  attendance: Attendance[];
  /** `MEETING_MISSING`, `LECTURER_MISSING`. */
  findings: Finding[];
}

/** What an election came to. */
export interface ElectionReport {
  id: string;
  org: string;
  date: IsoDate;
  /** Members entitled to elect (given, or computed from the records). */
  entitled: number;
  present: number;
  /** Whether the quorum was met. */
  valid: boolean;
  /** Candidates elected (votes > half of those present), in the order listed; empty when not valid. */
  elected: string[];
  not_elected: string[];
  /** `ELECTION_NO_QUORUM`, `VOTER_NOT_ENTITLED`. */
  findings: Finding[];
}

/** Members per 民主评议 tier. */
export interface RatingCounts {
  excellent: number;
  qualified: number;
  basically_qualified: number;
  unqualified: number;
  /** Taking part without a grade (probationary members). */
  not_graded: number;
}

/** What a 民主评议 round comes to. */
export interface RatingReport {
  org: string;
  year: number;
  date: IsoDate;
  /** Grades given to probationary members are not counted in the tiers. */
  counts: RatingCounts;
  /** Full members graded. */
  graded: number;
  /** The most 优秀 the quota allows among those graded. */
  excellent_max: number;
  /** `PROBATIONARY_GRADED`, `EXCELLENT_QUOTA_EXCEEDED`, `MEMBER_NOT_GRADED`, `MEMBER_NOT_RATED`. */
  findings: Finding[];
}

/** One organization on the day checked. */
export interface OrgSection {
  org: string;
  name?: string;
  kind: OrgKind;
  /** Full members of its subtree on the day (a group's members count toward its branch). */
  full_members: number;
  probationary_members: number;
  /** Both. */
  members: number;
  /** The current term, when an election day is known. */
  term?: Term;
  /** Structure and term findings. */
  findings: Finding[];
  /** `ELECTION`: the next election's window. */
  next_steps: NextStep[];
  /** 三会一课 compliance over the report's period. */
  life: LifeReport;
  /** Its elections in the document. */
  elections: ElectionReport[];
  /** Its 民主评议 rounds in the document. */
  reviews: RatingReport[];
}

/** What `membershipCheckOrgs` returns. */
export interface OrgReport {
  /** The day checked. */
  on: IsoDate;
  /** The range of 三会一课 compliance. */
  period: DateRange;
  /** One section per organization, by id. */
  orgs: OrgSection[];
  /** Every finding of every section (structure, terms, life, elections, reviews), in section order. */
  findings: Finding[];
}

// ---- Membership: JSON Lines (membershipCheckMembersLines, membershipCheckOrgsLines)

/** The report of one JSON Lines line, with its number. */
export interface LineReport<R> {
  /** 1-based, as an editor counts (blank lines count). */
  line: number;
  report: R;
}

/** A JSON Lines line that could not be read or checked. */
export interface LineError {
  /** 1-based, as an editor counts (blank lines count). */
  line: number;
  /** null when the line is not a member record or its id could not be read. */
  member_id: string | null;
  kind: DangjianErrorKind;
  code: string;
  /** Path of the field at fault, inside the line's value (`events[0].kind`, `orgs[0].kind`). */
  field: string;
  message_zh: string;
  message_en: string;
}

/** What `membershipCheckMembersLines` (`R` = `MemberReport`) and `membershipCheckOrgsLines` (`R` = `OrgReport`) return. */
export interface LinesOutcome<R> {
  /** One per good line, in line order. */
  reports: LineReport<R>[];
  /** One per bad line, in line order. */
  errors: LineError[];
}
