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
  type BoardEntry,
  type BranchSummary,
  type Category,
  type Citation,
  type ClosedDays,
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
import {
  CreditsScheme,
  CreditsScorer,
  CreditsTally,
  creditsLeaderboard,
  creditsLeaderboardJson,
  creditsRate,
  creditsRateJson,
  creditsScore,
  creditsScoreJson,
  creditsScoreJsonl,
  creditsScoreJsonlJson,
  disclosureAllowedActions,
  disclosureAllowedActionsJson,
  disclosureApply,
  disclosureApplyJson,
  disclosureAuditAppend,
  disclosureAuditAppendJson,
  disclosureBoard,
  disclosureBoardJson,
  disclosureCatalogueStatus,
  disclosureCatalogueStatusJson,
  disclosureCreate,
  disclosureCreateJson,
  disclosureDuesReport,
  disclosureDuesReportJson,
  disclosureEvaluateNotice,
  disclosureEvaluateNoticeJson,
  disclosureFilterVisible,
  disclosureFilterVisibleJson,
  disclosureItemDeadlines,
  disclosureItemDeadlinesJson,
  disclosureMask,
  disclosureRedactionPreview,
  disclosureRedactionPreviewJson,
  disclosureScan,
  disclosureVerifyAudit,
  disclosureVerifyAuditJson,
  disclosureVisible,
  disclosureVisibleJson,
  type Applied,
  type AuditLog,
  type Catalogue,
  type CreditColumns,
  type CreditEvent,
  type CreditReason,
  type CreditTotal,
  type Created,
  type Deadline,
  type DisclosureAction,
  type DisclosureActionKind,
  type DisclosureContext,
  type DisclosureItem,
  type EventError,
  type Explanation,
  type LedgerEntry,
  type NewItem,
  type NoticeReport,
  type Offence,
  type OrgMap,
  type PeriodicDue,
  type PeriodKind,
  type PublicNotice,
  type Rating,
  type RedactionPreview,
  type SchemeDocument,
  type TallyRows,
  type TallyTotals,
  type Scope,
  type ScoreResult,
  type ScorerChanges,
  type Sensitive,
  type Standing,
  type Tier,
  type Verification,
  type Viewer,
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

// ---- Credits and disclosure
const event: CreditEvent = { event_id: "e1", member_id: "M1", activity: "login", occurred_at: "2026-03-02T07:00:00+08:00" };
const offence: Offence = { offence_id: "o1", member_id: "M1", decided_at: "2026-03-02T12:00:00+08:00" };
const orgMap: OrgMap = { member_org: { M1: "B1" }, parent: { B1: "C1" } };
const tiers: Tier[] = [{ name: "优秀", min_score: 90, quota: { numerator: 1, denominator: 3 } }, { name: "合格", min_score: 0 }];
const ctx: DisclosureContext = { orgs: [{ id: "B1", kind: "branch" }], roles: [{ person: "P1", org: "B1", role: "proposer" }] };
const scope: Scope = { kind: "organizations", orgs: ["B1"], include_descendants: true };
const newItem: NewItem = { id: "D1", org: "B1", title: "t", body: "b", category: { custom: "专项" }, scope, channels: ["website", { other: "橱窗" }] };
const viewer: Viewer = { person: "M1", memberships: [{ org: "B1", status: "full", from: "2020-01-01" }], posts: [{ org: "B1", from: "2024-01-01" }] };
const propose: DisclosureAction = { action: "propose", actor: "P1", at: "2026-03-02T10:00:00+08:00" };
const review: DisclosureAction = { action: "review", actor: "R1", at: "2026-03-03T10:00:00+08:00", necessity: true, accuracy: true };
const notice: PublicNotice = { id: "N1", subject: "s", opens_on: "2026-02-12", closes_on: "2026-02-25" };
const catalogue: Catalogue = { org: "B1", since: "2025-01-01" };
const emptyLog: AuditLog = { schema_version: 1, entries: [] };

export function creditsDemo(): string[] {
  const scheme: CreditsScheme = CreditsScheme.learningPlatform();
  const own: CreditsScheme = CreditsScheme.fromJson(CreditsScheme.memberPoints().toJson());
  const doc: SchemeDocument = JSON.parse(own.toJson()) as SchemeDocument;
  const scorer = new CreditsScorer(scheme);
  const changes: ScorerChanges = scorer.ingest([event]);
  const reason: CreditReason | undefined = changes.changed[0]?.reason;
  const err: EventError | undefined = changes.errors[0];
  const voided: ScorerChanges = scorer.voidEvents(["e1"]);
  const columns: CreditColumns = {
    event_id_bytes: "e2", event_id_offsets: new Uint32Array([0, 2]), member_ids: ["M1"], members: new Uint32Array([0]),
    activity_codes: ["login"], activities: new Uint32Array([0]), occurred_at_ns: new BigInt64Array([0n]),
    duration_seconds: [null],
  };
  const fromColumns: ScorerChanges = scorer.ingestColumns(columns);
  const penalised: ScorerChanges = scorer.recordOffences([offence]);
  const ledger: LedgerEntry[] = scorer.ledger();
  const one: LedgerEntry | null = scorer.entry("e1");
  const totals: CreditTotal[] = scorer.totals();
  const why: Explanation | null = scorer.explain("e1");
  const count: number = scorer.length;
  const closed: ClosedDays = scorer.closeThrough("2026-03-01");
  const horizon: string | undefined = scorer.closedThrough;
  const result: ScoreResult = creditsScore(scheme, { events: [event], voids: ["e1"], offences: [offence] }, true);
  const fromLines: ScoreResult = creditsScoreJsonl(scheme, JSON.stringify(event));
  const kind: PeriodKind = "year";
  const board: Standing[] = creditsLeaderboard(totals, orgMap, kind, "2026", "C1");
  const rated: Rating[] = creditsRate([{ member_id: "M1", score: 95 }]);
  const tallyRows: TallyRows = { members: new Uint32Array([0]), activity_codes: ["login"], activities: new Uint32Array([0]),
    seconds: new Float64Array([1772406000]) };
  const tallied: TallyTotals = new CreditsTally(scheme).dayTotals(tallyRows, { members: new Uint32Array([]), seconds: new BigInt64Array([]) });
  const ratedOwn: Rating[] = creditsRate([{ member_id: "M1", score: 95 }], tiers);
  return [doc.name, reason ?? "", err?.field ?? "", String(voided.changed.length + penalised.changed.length + fromColumns.changed.length),
    String(ledger.length), one?.day ?? "", why?.steps[0]?.step ?? "", String(count), String(result.entries.length),
    String(fromLines.errors.length), String(board[0]?.rank), rated[0]?.tier ?? "", ratedOwn[0]?.tier ?? "",
    creditsScoreJson(scheme, "{}"), creditsScoreJsonlJson(scheme, "", false), creditsRateJson("[]", "null"),
    creditsLeaderboardJson("[]", "{}", "year", "2026", "C1"), scheme.name, String(closed.open), horizon ?? "",
    String(tallied.points[0]) + String(tallied.days[0]) + String(tallied.members[0])];
}

export function disclosureDemo(policy: Policy, cal: Calendar): string[] {
  const created: Created = disclosureCreate(ctx, newItem, "P1", "2026-03-02T09:00:00+08:00");
  const log: AuditLog = disclosureAuditAppend(emptyLog, created.event);
  const applied: Applied = disclosureApply(policy, ctx, created.item, propose, log);
  const item: DisclosureItem = applied.item;
  const kinds: DisclosureActionKind[] = disclosureAllowedActions(policy, ctx, item, "P1", "2026-03-02T11:00:00+08:00");
  const verified: Verification = disclosureVerifyAudit(applied.log);
  const visible: boolean = disclosureVisible(ctx, viewer, item, "2026-03-05");
  const shown: DisclosureItem[] = disclosureFilterVisible(ctx, {}, [item], "2026-03-05");
  const entries: BoardEntry[] = disclosureBoard(policy, ctx, {}, [item], "2026-03-05");
  const deadlines: Deadline[] = disclosureItemDeadlines(policy, cal, item, "2026-03-05").value;
  const dues: PeriodicDue[] = disclosureCatalogueStatus(policy, cal, catalogue, [item], "2026-03-05").value;
  const report: NoticeReport = disclosureEvaluateNotice(policy, cal, notice, "2026-02-26");
  const preview: RedactionPreview = disclosureRedactionPreview(policy, item, "2026-03-05");
  const found: Sensitive[] = disclosureScan("13800138000");
  const annual: NewItem = disclosureDuesReport(summarizeDues([], { year: 2025 }), "B1", "DUES-2025", [{ purpose: "x", amount: "1.00" }]);
  return [item.status, String(verified.valid), String(visible), String(shown.length), String(entries.length), String(deadlines.length),
    String(dues.length), report.result, String(preview.masked), String(found.length), annual.title, review.action,
    disclosureMask("13800138000"), disclosureCreateJson("{}", "{}", "P1", "2026-03-02T09:00:00+08:00"),
    disclosureApplyJson(policy, "{}", "{}", "{}", "{}"), disclosureAuditAppendJson("{}", "{}"),
    disclosureVerifyAuditJson("{}"), String(disclosureVisibleJson("{}", "{}", "{}", "2026-03-05")),
    disclosureFilterVisibleJson("{}", "{}", "[]", "2026-03-05"), disclosureBoardJson(policy, "{}", "{}", "[]", "2026-03-05"), disclosureItemDeadlinesJson(policy, cal, "{}", "2026-03-05"),
    disclosureCatalogueStatusJson(policy, cal, "{}", "[]", "2026-03-05"), disclosureEvaluateNoticeJson(policy, cal, "{}", "2026-03-05"),
    disclosureRedactionPreviewJson(policy, "{}", "2026-03-05"), disclosureDuesReportJson("{}", "B1", "D", "[]"),
    kinds.join(","), disclosureAllowedActionsJson(policy, "{}", "{}", "P1", "2026-03-02T11:00:00+08:00")];
}

// @ts-expect-error event times are RFC 3339 strings
export const numericTime: CreditEvent = { ...event, occurred_at: 1767225600 };
// @ts-expect-error indexes are a Uint32Array, not a plain array
export const plainIndexes: CreditColumns["members"] = [0];
// @ts-expect-error tally members are a Uint32Array, not a plain array
export const plainMembers: TallyRows["members"] = [0];
// @ts-expect-error reasons are a closed union
export const badReason: CreditReason = "LUCKY";
// @ts-expect-error period kinds are a closed union
export const badPeriodKind: PeriodKind = "decade";
// @ts-expect-error a scope of organizations lists them
export const noOrgs: Scope = { kind: "organizations" };
// @ts-expect-error a review records both checks
export const halfReview: DisclosureAction = { action: "review", actor: "R1", at: "2026-03-03T10:00:00+08:00", necessity: true };
// @ts-expect-error membership statuses are a closed union
export const badStatus: Viewer = { memberships: [{ org: "B1", status: "honorary", from: "2020-01-01" }] };
// @ts-expect-error creditsScore takes the input object (creditsScoreJson takes the string)
creditsScore(CreditsScheme.learningPlatform(), JSON.stringify({ events: [] }));
// @ts-expect-error the scorer is built from a CreditsScheme, not a document
new CreditsScorer({ schema_version: 1, name: "x", rule_sets: [] });
// @ts-expect-error disclosureItemDeadlines needs the Calendar
disclosureItemDeadlines(policy, newItem, "2026-03-05");

// ---- Membership
import {
  membershipApplyEvent,
  membershipApplyEventJson,
  membershipCheckMember,
  membershipCheckMemberJson,
  membershipCheckMembers,
  membershipCheckMembersJson,
  membershipCheckMembersLines,
  membershipCheckMembersLinesJson,
  membershipCheckOrgs,
  membershipCheckOrgsJson,
  membershipCheckOrgsLines,
  membershipCheckOrgsLinesJson,
  membershipRights,
  membershipRightsJson,
  membershipValidateIdNumber,
  type Attendance,
  type CheckBatch,
  type DateRange,
  type Election,
  type ElectionReport,
  type LifeReport,
  type LineError,
  type LineReport,
  type LinesOutcome,
  type MemberEvent,
  type MemberEventKind,
  type MemberRecord,
  type MemberReport,
  type MembersDocument,
  type NextStep,
  type OrgDetails,
  type OrgDocument,
  type OrgReport,
  type OrgSection,
  type RatingReport,
  type ReviewRound,
  type Rights,
  type RuleCompliance,
  type Stage,
  type StageSpan,
  type Term,
} from "dangjian";

const sponsor: MemberRecord = { id: "F1", name: "甲", birth_date: "1980-01-01", org: "B1",
  events: [{ kind: "imported", date: "2010-07-01", stage: "full" }] };
const pipeline: MemberEvent[] = [
  { kind: "application", date: "2024-01-10" },
  { kind: "activist", date: "2024-03-01", recommended_by: "mass_organization" },
  { kind: "public_notice", date: "2025-04-01", closes_on: "2025-04-08", objections: [{ by: "M9", at: "2025-04-02T09:00:00+08:00", content: "…" }] },
  { kind: "branch_vote", date: "2025-05-10", vote: { entitled: 20, present: 15, yes: 12, no: 2, abstain: 1 } },
  { kind: "sanction", date: "2026-01-10", sanction: "probation_within_party", years: 1 },
  { kind: "removed", date: "2026-06-01", how: "struck_off" },
];
const applicantRecord: MemberRecord = { id: "P1", name: "乙", birth_date: "2000-01-01", org: "B1", events: pipeline };

export function membershipDemo(policy: Policy, cal: Calendar): string[] {
  const report: MemberReport = membershipCheckMember(policy, cal, applicantRecord, "2026-01-01");
  const stage: Stage = report.stage;
  const history: StageSpan[] = report.history;
  const step: NextStep | undefined = report.next_steps[0];
  const age: number | undefined = report.party_age_years;
  const doc: MembersDocument = { members: [sponsor, applicantRecord], meetings: [], ledgers: [] };
  const batch: CheckBatch = membershipCheckMembers(policy, cal, doc, "2026-01-01");
  const fromArray: CheckBatch = membershipCheckMembers(policy, cal, [sponsor], "2026-01-01");
  const next: MemberRecord = membershipApplyEvent(policy, cal, sponsor, { kind: "lost_contact", date: "2026-01-01" }, []);
  const rights: Rights = membershipRights(policy, sponsor, "2026-01-01");
  const details: OrgDetails = { org: "B1", name: "一支部", committee: { elected_on: "2023-05-10", size: 5 } };
  const election: Election = { id: "E1", org: "B1", date: "2026-03-05", present: 9, candidates: [{ id: "F1", votes: 8 }] };
  const round: ReviewRound = { org: "B1", year: 2025, date: "2026-01-20", ratings: [{ member: "F1", rating: "qualified" }, { member: "P1" }] };
  const range: DateRange = { from: "2026-01-01", to: "2026-03-31" };
  const orgs: OrgDocument = { orgs: [{ id: "B1", kind: "branch" }], details: [details], members: [sponsor],
    meetings: [{ id: "MT1", kind: "party_lecture", date: "2026-03-05", org: "B1", lecturer: "F1" }],
    elections: [election], reviews: [round], period: range };
  const orgReport: OrgReport = membershipCheckOrgs(policy, orgs, "2026-01-01");
  const section: OrgSection | undefined = orgReport.orgs[0];
  const term: Term | undefined = section?.term;
  const life: LifeReport | undefined = section?.life;
  const rule: RuleCompliance | undefined = life?.rules[0];
  const attendance: Attendance | undefined = life?.attendance[0];
  const rate: string | undefined = attendance?.rate;
  const elected: ElectionReport | undefined = section?.elections[0];
  const reviewed: RatingReport | undefined = section?.reviews[0];
  const kind: MemberEventKind = "half_year_review";
  membershipValidateIdNumber("11010519491231002X", "1949-12-31");
  return [stage, String(history.length), step?.due ?? "", String(age), String(batch.errors[0]?.index),
    String(fromArray.reports.length), String(next.events?.length), String(rights.may_vote), String(orgReport.findings.length), kind,
    orgReport.period.to, term?.term_expires ?? "", rule?.frequency ?? "", rate ?? "", String(elected?.valid),
    String(reviewed?.counts.excellent),
    membershipCheckMemberJson(policy, cal, "{}", "2026-01-01"), membershipCheckMembersJson(policy, cal, "[]", "2026-01-01"),
    membershipApplyEventJson(policy, cal, "{}", "{}", "[]"), membershipRightsJson(policy, "{}", "2026-01-01"),
    membershipCheckOrgsJson(policy, "{}", "2026-01-01")];
}

export function linesDemo(policy: Policy, cal: Calendar, jsonl: string): string[] {
  const members: LinesOutcome<MemberReport> = membershipCheckMembersLines(policy, cal, jsonl, "2026-11-20");
  const first: LineReport<MemberReport> | undefined = members.reports[0];
  const bad: LineError | undefined = members.errors[0];
  const orgs: LinesOutcome<OrgReport> = membershipCheckOrgsLines(policy, jsonl, "2026-03-31");
  return [String(first?.line), first?.report.member_id ?? "", `${bad?.line}: ${bad?.code} at ${bad?.field}`,
    String(orgs.reports[0]?.report.findings.length), membershipCheckMembersLinesJson(policy, cal, jsonl, "2026-11-20"),
    membershipCheckOrgsLinesJson(policy, jsonl, "2026-03-31")];
}
// @ts-expect-error the JSON Lines checks take the text, not parsed records
membershipCheckMembersLines(policy, Calendar.official(), [sponsor], "2026-11-20");

// @ts-expect-error event kinds are a closed union
export const badEventKind: MemberEvent = { kind: "joined_party", date: "2024-01-10" };
// @ts-expect-error an activist needs how it was put forward
export const noRecommendation: MemberEvent = { kind: "activist", date: "2024-03-01" };
// @ts-expect-error a vote is counted in numbers
export const stringVote: MemberEvent = { kind: "branch_vote", date: "2025-05-10", vote: { entitled: "20", present: 15, yes: 12, no: 2, abstain: 1 } };
// @ts-expect-error unknown fields are refused (the core denies them too)
export const extraEventField: MemberEvent = { kind: "talk", date: "2024-01-20", by: "F1" };
// @ts-expect-error stages are a closed union
export const badStage: Stage = "candidate";
// @ts-expect-error a record needs its birth date
export const noBirth: MemberRecord = { id: "X", name: "x", org: "B1" };
// @ts-expect-error membershipCheckMember takes a record object (membershipCheckMemberJson takes the string)
membershipCheckMember(policy, Calendar.official(), JSON.stringify(sponsor), "2026-01-01");
// @ts-expect-error membershipRights takes no calendar
membershipRights(policy, Calendar.official(), sponsor, "2026-01-01");
// @ts-expect-error an organizations document has no free-form fields (the core refuses them too)
export const extraOrgField: OrgDocument = { orgs: [], extra: 1 };
// @ts-expect-error ratings are a closed union
export const badRating: ReviewRound = { org: "B1", year: 2025, date: "2026-01-20", ratings: [{ member: "F1", rating: "good" }] };
// @ts-expect-error an election records how many were present
export const noPresent: Election = { id: "E1", org: "B1", date: "2026-03-05" };
// @ts-expect-error the compliance range is a pair of days, not the dues month or year
export const monthRange: OrgDocument = { orgs: [], period: { month: "2026-03" } };

// ---- the code registry: DangjianCode is made from the core's registry (dangjian::codes::TYPESCRIPT)
import { allCodes, describeCode, type DangjianCode, type DangjianCodeInfo } from "dangjian";
export const knownCode: DangjianCode = "MISSING_INCOME";
// @ts-expect-error DangjianCode is the closed union of the registry's codes
export const unknownCode: DangjianCode = "MISSING_INCOMES";
export const everyCode: DangjianCodeInfo[] = allCodes();
export function genericMessage(e: unknown): string | undefined {
  if (!isDangjianError(e)) return undefined;
  const known: DangjianCode | (string & {}) = e.code;
  const info: DangjianCodeInfo | undefined = describeCode(known);
  if (e.code === "NEGATIVE_AMOUNT") return info?.message_en; // a literal of the union narrows and autocompletes
  return info?.message_zh;
}
