// ---- Values as they cross: the core's serde JSON forms (snake_case fields; decimals, months and dates as strings).
// Emitted into the package's .d.ts beside the declarations the core derives itself (feature `wasm`, tsify):
// the scalars (`Decimal`, `YearMonth`, `NaiveDate`/`IsoDate`, `DangjianErrorKind`, core/src/surface.rs), the
// explanations (`Citation`, `Severity`, `Finding`, `TraceStep`), every dues record and enum, the credits
// engine's records and documents (the scheme and its dated rule sets, events, offences, ledger entries, totals,
// boards, the columns of `ingestColumns` and the tally, what the scorer and `creditsScore` take and return), the
// membership records, events, reports and organization documents, the disclosure records (the workflow's,
// visibility, the board, the audit log, deadlines, the catalogue, notices, redaction), the members document and
// the calendar's, and the disclosure workflow's two results (`Created` and `Applied`, declared in the core under
// those names). This file holds what is JS-specific: the error's shape and its guard, and one convenience. A field
// marked `?` is absent (never null) in what the library returns; `T | null` fields are always present.

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

// ---- Membership (党员发展与管理)
// The records, events, reports and documents are derived from the core's declarations (`dangjian::membership`,
// feature `wasm`), `MembersDocument` included. What follows is a convenience of the wasm API.

/** Every `MemberEvent` kind. */
export type MemberEventKind = MemberEvent["kind"];
