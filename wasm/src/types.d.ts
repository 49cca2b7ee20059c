// ---- Values as they cross: the core's serde JSON forms (snake_case fields; decimals, months and dates as strings).
// Emitted into the package's .d.ts beside the declarations the core derives itself (feature `wasm`, tsify):
// the scalars (`Decimal`, `YearMonth`, `NaiveDate`/`IsoDate`, `DangjianErrorKind`, core/src/surface.rs), the
// explanations (`Citation`, `Severity`, `Finding`, `TraceStep`), every dues record and enum, and the credits
// engine's records and documents (the scheme and its dated rule sets, events, offences, ledger entries, totals,
// boards, the columns of `ingestColumns`, what the scorer and `creditsScore` take and return), the membership records,
// events, reports and organization documents, and the disclosure workflow's (organizations, roles, context,
// items, actions and their kinds, audit events). This file holds what is
// JS-specific (the error shape, the guard) and the engines not yet
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

// ---- Membership (党员发展与管理)
// The records, events, reports and organization documents are derived from the core's declarations
// (`dangjian::membership`, feature `wasm`): `MemberRecord`, `MemberEvent`, `Meeting`, `MemberReport`,
// `CheckBatch`, `Rights`, `NextStep`, `OrgDocument`, `OrgReport`, `LifeReport`, `RatingReport`,
// `ElectionReport`, `DateRange` and the rest. What follows is the wasm API's own.

/** Every `MemberEvent` kind. */
export type MemberEventKind = MemberEvent["kind"];

/** What `membershipCheckMembers` takes besides a bare array of records. */
export interface MembersDocument {
  /** The records (also the roster sponsors and contacts are looked up in). */
  members: MemberRecord[];
  /** Meetings (organizational life). */
  meetings?: Meeting[];
  /** Dues ledgers (the lapse rule). */
  ledgers?: Ledger[];
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
