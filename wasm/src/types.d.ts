// ---- Values as they cross: the core's serde JSON forms (snake_case fields; decimals, months and dates as strings).
// Emitted into the package's .d.ts beside the declarations the core derives itself (feature `wasm`, tsify):
// the scalars (`Decimal`, `YearMonth`, `NaiveDate`/`IsoDate`, `DangjianErrorKind`, core/src/surface.rs), the
// explanations (`Citation`, `Severity`, `Finding`, `TraceStep`), every dues record and enum, the credits
// engine's records and documents (the scheme and its dated rule sets, events, offences, ledger entries, totals,
// boards, the columns of `ingestColumns` and the tally, what the scorer and `creditsScore` take and return), the
// membership records, events, reports and organization documents, the disclosure records (the workflow's,
// visibility, the board, the audit log, deadlines, the catalogue, notices, redaction) and the calendar's. This
// file holds what is JS-specific (the error shape, the disclosure object functions' composite results) and the
// engines not yet
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

// ---- Disclosure: the wasm API's own results
// The records (viewers, board entries, the audit log, its entries, head, checkpoints and verification,
// deadlines, the catalogue, notices, redaction, the dues uses) and the calendar's `Answer<T>`, `DayInfo` and
// `DayKind` are derived from the core's declarations (`dangjian::disclosure`, `dangjian::calendar`, feature
// `wasm`). What follows is the shape of the object functions' composite results.

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
