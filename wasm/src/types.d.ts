// ---- Values as they cross: the core's serde JSON forms (snake_case fields; decimals, months and dates as strings).
// Generated into the package's .d.ts from wasm/src/types.d.ts. A field marked `?` is absent (never null) in
// what the library returns; `T | null` fields are always present.

/** A decimal amount of money or a rate, as a string: `"5400.00"`, `"0.015"`. Never a JS number. */
export type Decimal = string;
/** A calendar month, `"YYYY-MM"`. */
export type YearMonth = string;
/** A calendar date, `"YYYY-MM-DD"`. */
export type IsoDate = string;

// ---- Errors

/** Which part of the input is at fault. */
export type DangjianErrorKind = "invalid_input" | "policy" | "calendar";

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
   * not a whole number ≥ 0).
   */
  code: string;
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

// ---- Explanations

/** The article of a regulation a value or rule comes from. */
export interface Citation {
  regulation: string;
  /** e.g. `"第二条"`; `""` when the whole regulation is meant. */
  article: string;
}

export type Severity = "info" | "warning" | "violation";

/** Something the caller should know about a result: a stable code, two messages and the article. */
export interface Finding {
  code: string;
  severity: Severity;
  message_zh: string;
  message_en: string;
  citation?: Citation;
  /** Further citations; absent when none. */
  also_cited?: Citation[];
}

/** One step of a computation. */
export interface TraceStep {
  /** A stable lower-case key: `base`, `rate`, `amount`, `item`, `fixing`, … */
  step: string;
  /** How, in words (English). */
  detail: string;
  /** The value produced, as a string. */
  value: string;
  /** The policy parameter used (`dues.employed_brackets`). */
  parameter?: string;
  citation?: Citation;
}

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
  /** True when no notice is loaded for the year (weekends-only answer). */
  provisional: boolean;
}

// ---- Dues input

/** The member category (2008 Rules Arts. 2–6). */
export type Category =
  | "employed"
  | "annual_salary"
  | "self_employed"
  | "retired"
  | "farmer"
  | "student"
  | "unemployed"
  | "relief"
  | "subsistence";

/** The employer: 机关, 事业单位, 企业. */
export type EmployerType = "civil_service" | "public_institution" | "enterprise";

/** A payroll item or a deduction. `net_base` is the base itself (then the only item). */
export type ItemCode =
  | "post_salary"
  | "grade_salary"
  | "basic_salary"
  | "basic_performance"
  | "reward_performance"
  | "allowance"
  | "regular_bonus"
  | "one_off_bonus"
  | "subsidy"
  | "pension"
  | "monthly_pay"
  | "quarter_net_income"
  | "income_tax"
  | "pension_insurance"
  | "medical_insurance"
  | "unemployment_insurance"
  | "injury_insurance"
  | "maternity_insurance"
  | "housing_fund"
  | "occupational_annuity"
  | "net_base";

/** One payroll item and its monthly amount (non-negative, at most two decimals). */
export interface IncomeItem {
  code: ItemCode;
  amount: Decimal;
}

/** The income items from a month on (`from` absent: from the start). */
export interface IncomeRecord {
  from?: YearMonth;
  items: IncomeItem[];
}

export type HardshipOutcome = "reduced" | "waived";

/** A hardship decision (2008 Art. 7). */
export interface HardshipDecision {
  from: YearMonth;
  /** Last month covered; open-ended when absent. */
  to?: YearMonth;
  outcome: HardshipOutcome;
  /** Required when `outcome` is `reduced`, absent when `waived`. */
  reduced_amount?: Decimal;
  branch_studied_on: IsoDate;
  approved_by: string;
  approved_on: IsoDate;
}

/** A member as the dues engine sees them. */
export interface DuesMember {
  /** Version of the member document; absent means 1, the current version. */
  schema_version?: number;
  member_id: string;
  category: Category;
  /** Required for an employed member whose base is built from items. */
  employer_type?: EmployerType;
  /** Ascending by `from`; only the first may omit it. */
  incomes?: IncomeRecord[];
  /** For a probationary member: the day the branch general meeting admitted them (2008 Art. 8). */
  admitted_on?: IsoDate;
  hardship?: HardshipDecision[];
}

// ---- Dues output

/** One member's dues for one month, with the why. */
export interface Assessment {
  member_id: string;
  month: YearMonth;
  category: Category;
  /** The monthly base; null for flat-amount categories and months not owed. */
  base: Decimal | null;
  /** The rate applied to the whole base; null for flat amounts. */
  rate: Decimal | null;
  amount: Decimal;
  /** The month whose assessment holds for this one (annual fixing: the start of the year). */
  assessed_in: YearMonth;
  /** The article that decided the amount. */
  citation: Citation;
  findings: Finding[];
  /** Empty when the trace is off. */
  trace: TraceStep[];
}

/** A member the batch could not assess. */
export interface BatchError {
  /** Position in the input (0-based). */
  index: number;
  /** null when it could not be read. */
  member_id: string | null;
  kind: DangjianErrorKind;
  code: string;
  /** Path of the field at fault, inside the member. */
  field: string;
  message_zh: string;
  message_en: string;
}

export interface BatchOutcome {
  /** One per member assessed, in input order. */
  assessments: Assessment[];
  /** One per member that could not be, in input order. */
  errors: BatchError[];
}

// ---- Ledger and summary

/** The amount owed for one month. */
export interface Obligation {
  month: YearMonth;
  amount: Decimal;
}

/** One payment: regular dues for the months listed and any voluntary extra (自愿多交). */
export interface Payment {
  paid_on: IsoDate;
  /** Regular dues paid; `"0"` when absent. */
  amount?: Decimal;
  months?: YearMonth[];
  voluntary?: Decimal;
  /** How it was paid, free text. */
  channel?: string;
}

/** A recorded good reason for not paying (正当理由). */
export interface GoodReason {
  from: YearMonth;
  to: YearMonth;
  reason: string;
}

export interface Ledger {
  /** Version of the ledger document; absent means 1, the current version. */
  schema_version?: number;
  member_id: string;
  obligations: Obligation[];
  payments: Payment[];
  good_reasons?: GoodReason[];
}

export interface MonthLine {
  month: YearMonth;
  due: Decimal;
  paid: Decimal;
  outstanding: Decimal;
  /** The last payment toward it, when any. */
  paid_on?: IsoDate;
}

export interface VoluntaryLine {
  paid_on: IsoDate;
  amount: Decimal;
  /** Whether it goes wholly to the Centre (2008 Art. 11). */
  remitted: boolean;
}

/** A ledger as of a date. Also the input of `summarizeDues`. */
export interface LedgerReport {
  member_id: string;
  as_of: IsoDate;
  months: MonthLine[];
  total_due: Decimal;
  total_paid: Decimal;
  outstanding: Decimal;
  /** Past months still unpaid, ascending. */
  arrears: YearMonth[];
  voluntary_total: Decimal;
  voluntary_payments: VoluntaryLine[];
  remitted_to_centre: Decimal;
  unallocated: Decimal;
  /** The day the six-month line was crossed, when it was. */
  lapse_on?: IsoDate;
  findings: Finding[];
}

/** One month or one calendar year. */
export type Period = { month: YearMonth; year?: never } | { year: number; month?: never };

export interface BranchSummary {
  period: Period;
  members: number;
  due: Decimal;
  collected: Decimal;
  outstanding: Decimal;
  /** collected ÷ due to four decimals; null when nothing was due. */
  payment_rate: Decimal | null;
  members_in_arrears: number;
  voluntary: Decimal;
  remitted_to_centre: Decimal;
}
