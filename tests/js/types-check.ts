// Compile-only check of the package's TypeScript surface (never run): `tsc --noEmit` over this file and the
// generated .d.ts, with "dangjian" resolved by name through the package's `exports` (see tests/lib/wasm.sh).
// Every export is called with its declared types; `@ts-expect-error` lines prove wrong shapes are refused.
// (That the declarations match real results is checked by the generated samples.ts, tests/js/type-samples.mjs.)
import init, {
  Calendar,
  Policy,
  assessDues,
  assessDuesBatch,
  assessDuesBatchJson,
  assessDuesJson,
  coreVersion,
  evaluateDuesLedger,
  evaluateDuesLedgerJson,
  isDangjianError,
  summarizeDues,
  summarizeDuesJson,
  type Answer,
  type Assessment,
  type BatchError,
  type BatchOutcome,
  type BranchSummary,
  type Category,
  type Citation,
  type DangjianError,
  type DangjianErrorKind,
  type DayInfo,
  type DayKind,
  type Decimal,
  type DuesMember,
  type EmployerType,
  type Finding,
  type GoodReason,
  type HardshipDecision,
  type IncomeItem,
  type IncomeRecord,
  type ItemCode,
  type Ledger,
  type LedgerReport,
  type MonthLine,
  type Obligation,
  type Payment,
  type Period,
  type Severity,
  type TraceStep,
  type VoluntaryLine,
} from "dangjian";
import * as nodeFlavour from "dangjian/node";

const item: IncomeItem = { code: "post_salary", amount: "4000.00" };
const record: IncomeRecord = { items: [item, { code: "housing_fund", amount: "600.00" }] };
const later: IncomeRecord = { from: "2026-07", items: [{ code: "net_base", amount: "6000.00" }] };
const hardship: HardshipDecision = {
  from: "2026-01", to: "2026-12", outcome: "reduced", reduced_amount: "5.00",
  branch_studied_on: "2025-12-10", approved_by: "某某党委", approved_on: "2025-12-20",
};
const member: DuesMember = {
  member_id: "M1", category: "employed", employer_type: "public_institution",
  incomes: [record, later], admitted_on: "2025-03-15", hardship: [hardship],
};
const student: DuesMember = { member_id: "S1", category: "student" };
const ledger: Ledger = {
  member_id: "M1",
  obligations: [{ month: "2026-01", amount: "81.00" } satisfies Obligation],
  payments: [
    { paid_on: "2026-01-10", amount: "81.00", months: ["2026-01"], voluntary: "0", channel: "wechat" } satisfies Payment,
    { paid_on: "2026-02-10", voluntary: "1000.00" },
  ],
  good_reasons: [{ from: "2026-03", to: "2026-04", reason: "援藏" } satisfies GoodReason],
};

export async function demo(bytes: Uint8Array): Promise<string[]> {
  await init({ module_or_path: bytes });
  const version: string = coreVersion();

  const policy: Policy = Policy.bundled();
  const fromDoc: Policy = Policy.fromJson(policy.toJson());
  const local: Policy = fromDoc.withOverridesJson('{"schema_version":1,"dues":{}}');

  const cal: Calendar = Calendar.official();
  cal.loadYearJson('{"schema_version":1,"year":2027,"off":[],"working":[]}');
  const working: Answer<boolean> = cal.isWorkingDay("2026-02-14");
  const isWorking: boolean = working.value;
  const deadline: string = cal.addWorkingDays("2026-02-13", 4).value;
  const count: number = cal.countWorkingDays("2026-02-12", "2026-02-26").value;
  const info: DayInfo = cal.day("2026-10-01");
  const kind: DayKind = info.kind;
  const provisional: boolean = info.provisional;
  const years: number[] = cal.officialYears();

  const a: Assessment = assessDues(local, member, "2026-11");
  const quiet: Assessment = assessDues(policy, student, "2026-11", false);
  const base: Decimal | null = a.base;
  const rate: string | null = a.rate;
  const amount: string = a.amount;
  const category: Category = a.category;
  const citation: Citation = a.citation;
  const findings: Finding[] = a.findings;
  const severity: Severity | undefined = findings[0]?.severity;
  const findingCitation: Citation | undefined = findings[0]?.citation;
  const trace: TraceStep[] = a.trace;
  const parameter: string | undefined = trace[0]?.parameter;

  const batch: BatchOutcome = assessDuesBatch(policy, [member, student], "2026-11", true);
  const batchError: BatchError | undefined = batch.errors[0];
  const memberId: string | null | undefined = batchError?.member_id;
  const errorKind: DangjianErrorKind | undefined = batchError?.kind;

  const report: LedgerReport = evaluateDuesLedger(policy, ledger, "2026-06-30");
  const line: MonthLine | undefined = report.months[0];
  const voluntary: VoluntaryLine | undefined = report.voluntary_payments[0];
  const lapse: string | undefined = report.lapse_on;
  const year: Period = { year: 2026 };
  const month: Period = { month: "2026-11" };
  const summary: BranchSummary = summarizeDues([report], year);
  const monthSummary: BranchSummary = summarizeDues([report], month);
  const paymentRate: string | null = summary.payment_rate;
  const members: number = monthSummary.members;

  const jsonOut: string[] = [
    assessDuesJson(policy, JSON.stringify(member), "2026-11"),
    assessDuesJson(policy, JSON.stringify(member), "2026-11", false),
    assessDuesBatchJson(policy, JSON.stringify([member]), "2026-11", true),
    evaluateDuesLedgerJson(policy, JSON.stringify(ledger), "2026-06-30"),
    summarizeDuesJson(JSON.stringify([report]), '{"year":2026}'),
  ];

  try {
    assessDues(policy, student, "2026-13");
  } catch (e: unknown) {
    if (isDangjianError(e)) {
      const err: DangjianError = e;
      const errKind: DangjianErrorKind = err.kind;
      const asError: Error = err;
      jsonOut.push(errKind, err.code, err.field, err.messageZh, err.messageEn, asError.message);
    }
  }
  policy.free();
  cal.free();
  const nodeVersion: string = nodeFlavour.coreVersion();
  const nodeAssessment: Assessment = nodeFlavour.assessDues(nodeFlavour.Policy.bundled(), student, "2026-11");

  return [version, String(isWorking), deadline, String(count), kind, String(provisional), String(years.length),
    base ?? "", rate ?? "", amount, category, citation.article, severity ?? "", findingCitation?.article ?? "",
    parameter ?? "", memberId ?? "", errorKind ?? "", line?.due ?? "", String(voluntary?.remitted), lapse ?? "",
    paymentRate ?? "", String(members), quiet.amount, nodeVersion, nodeAssessment.amount, ...jsonOut];
}

// ---- The types must refuse what the runtime refuses.
const policy = Policy.bundled();
// @ts-expect-error amounts cross as decimal strings, never numbers
export const numericAmount: IncomeItem = { code: "post_salary", amount: 4000 };
// @ts-expect-error item codes are a closed union (a typo is caught)
export const typoCode: IncomeItem = { code: "housing_fnd", amount: "1.00" };
// @ts-expect-error categories are a closed union
export const astronaut: DuesMember = { member_id: "X", category: "astronaut" };
// @ts-expect-error employer types are a closed union
export const badEmployer: EmployerType = "ngo";
// @ts-expect-error member_id is required
export const noId: DuesMember = { category: "student" };
// @ts-expect-error unknown fields are refused (the core denies them too)
export const extraField: DuesMember = { member_id: "X", category: "student", salary: "1.00" };
// @ts-expect-error hardship outcomes are "reduced" | "waived"
export const badOutcome: HardshipDecision = { ...hardship, outcome: "forgiven" };
// @ts-expect-error a period is a month OR a year, not both
export const bothPeriods: Period = { month: "2026-11", year: 2026 };
// @ts-expect-error a year is a number
export const yearString: Period = { year: "2026" };
// @ts-expect-error severities are a closed union
export const badSeverity: Severity = "fatal";
// @ts-expect-error day kinds are a closed union
export const badDayKind: DayKind = "festival";
// @ts-expect-error error kinds are a closed union
export const badKind: DangjianErrorKind = "network";
// @ts-expect-error optional fields are absent, not undefined (exactOptionalPropertyTypes)
export const undefinedEmployer: DuesMember = { member_id: "X", category: "student", employer_type: undefined };
// @ts-expect-error assessDues takes a member object (assessDuesJson takes the JSON string)
assessDues(policy, JSON.stringify(student), "2026-11");
// @ts-expect-error the month is a string "YYYY-MM"
assessDues(policy, student, 202611);
// @ts-expect-error assessDuesBatch takes an array of members
assessDuesBatch(policy, student, "2026-11");
// @ts-expect-error the ledger needs its payments
evaluateDuesLedger(policy, { member_id: "M1", obligations: [] }, "2026-06-30");
// @ts-expect-error summarizeDues takes ledger reports, not ledgers
summarizeDues([ledger], { year: 2026 });
// @ts-expect-error a JSON entry point takes a string
assessDuesJson(policy, student, "2026-11");
// @ts-expect-error addWorkingDays counts with a number
Calendar.official().addWorkingDays("2026-02-13", "4");
// @ts-expect-error officialYears is number[]
export const yearsAsStrings: string[] = Calendar.official().officialYears();
// @ts-expect-error the base is null for flat amounts: not a plain string
export const baseNotNull: string = assessDues(policy, student, "2026-11").base;
// @ts-expect-error lapse_on is absent (not null) when the line was not crossed
export const lapseNull: LedgerReport["lapse_on"] = null;
// @ts-expect-error Policy has no public constructor: use Policy.bundled() / Policy.fromJson()
new Policy();
// @ts-expect-error the nodejs flavour has no init (it loads synchronously)
nodeFlavour.default;
// @ts-expect-error ItemCode has no such member
export const notAnItem: ItemCode = "salary";
