// The npm package's shape: package.json fields and which flavour each resolution condition picks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NPM_OUT, PKG_DIR, ROOT, loadNodePackage, requireFromNpmOut } from './helpers.mjs';

const pkg = JSON.parse(readFileSync(join(PKG_DIR, 'package.json'), 'utf8'));

test('package.json names the package and lists what it ships', () => {
  assert.equal(pkg.name, 'dangjian');
  assert.match(pkg.version, /^\d+\.\d+\.\d+/);
  assert.deepEqual(pkg.files, ['web/', 'node/', 'README.md']);
  for (const rel of [pkg.main, pkg.module, pkg.types, './README.md',
    './web/dangjian_wasm_bg.wasm', './web/dangjian_wasm.d.ts']) {
    assert.ok(existsSync(join(PKG_DIR, rel)), rel);
  }
});

test('one .wasm for Node and browsers: the Node build reads the web build\'s module; the tarball holds one', () => {
  const wasmFiles = readdirSync(PKG_DIR, { recursive: true }).filter((f) => String(f).endsWith('.wasm'));
  assert.deepEqual(wasmFiles, [join('web', 'dangjian_wasm_bg.wasm')]);
  const glue = readFileSync(join(PKG_DIR, 'node', 'dangjian_wasm.js'), 'utf8');
  assert.match(glue, /\$\{__dirname\}\/\.\.\/web\/dangjian_wasm_bg\.wasm/);
  // What `npm pack` would put in the tarball (a dry run writes nothing).
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json'], { cwd: PKG_DIR, encoding: 'utf8' }));
  assert.deepEqual(packed.files.map((f) => f.path).filter((p) => p.endsWith('.wasm')), ['web/dangjian_wasm_bg.wasm']);
  assert.ok(packed.files.some((f) => f.path === 'node/dangjian_wasm.js'), 'the Node glue is packed');
  // And the Node build works from it (the exports map's node condition; loaded by the other tests too).
  assert.equal(loadNodePackage().assessDues(loadNodePackage().Policy.bundled(),
    { member_id: 'S', category: 'student' }, '2026-11').amount, '0.20');
});

test('exports map: node/require pick the nodejs build, browser/import pick the web build', () => {
  assert.equal(requireFromNpmOut.resolve('dangjian'), join(PKG_DIR, 'node', 'dangjian_wasm.js'));
  const resolveEsm = (...conditions) => execFileSync(process.execPath, [
    ...conditions.flatMap((c) => ['--conditions', c]), '--input-type=module',
    '-e', 'console.log(import.meta.resolve("dangjian"))',
  ], { cwd: NPM_OUT, encoding: 'utf8' }).trim();
  assert.match(resolveEsm(), /\/dangjian\/node\/dangjian_wasm\.js$/, 'ESM import in Node');
  assert.match(resolveEsm('browser'), /\/dangjian\/web\/dangjian_wasm\.js$/, 'browser condition');
  const e = pkg.exports['.'];
  assert.deepEqual(Object.keys(e), ['browser', 'node', 'import', 'require']);
  assert.equal(e.import.default, './web/dangjian_wasm.js');
  assert.equal(e.require.default, './node/dangjian_wasm.js');
});

test('ESM import by name in Node gets named exports from the CommonJS build', () => {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e',
    'import { Policy, assessDues, coreVersion } from "dangjian";'
    + ' console.log(assessDues(Policy.bundled(), { member_id: "S", category: "student" }, "2026-11").amount, typeof coreVersion())'],
  { cwd: NPM_OUT, encoding: 'utf8' }).trim();
  assert.equal(out, '0.20 string');
});

test('.d.ts: every export and method is documented with a JS example; both flavours declare the same API', () => {
  const dts = (flavour) => readFileSync(join(PKG_DIR, flavour, 'dangjian_wasm.d.ts'), 'utf8');
  const node = dts('node');
  const lines = node.split('\n');
  const undocumented = [];
  const documented = [];
  lines.forEach((line, i) => {
    const m = line.match(/^export (?:function|class) (\w+)|^ {4}(?:static )?(\w+)\(/);
    if (!m || ['free', 'constructor'].includes(m[2])) return;
    // The doc comment just above: from its closing line back to its opening line.
    let j = i - 1;
    if (!/^\s*\*\/$/.test(lines[j] ?? '')) { undocumented.push(m[1] ?? m[2]); return; }
    while (j > 0 && !/^\s*\/\*\*/.test(lines[j])) j -= 1;
    const doc = lines.slice(j, i).join('\n');
    if (doc.includes('```js')) documented.push(m[1] ?? m[2]); else undocumented.push(`${m[1] ?? m[2]} (no \`\`\`js example)`);
  });
  assert.deepEqual(undocumented, []);
  assert.deepEqual(documented.sort(), [
    'Calendar', 'CreditsScheme', 'CreditsScorer', 'Policy', 'addWorkingDays', 'allCodes', 'assessDues', 'assessDuesBatch',
    'assessDuesBatchJson', 'assessDuesJson', 'bundled', 'closeThrough', 'coreVersion', 'countWorkingDays', 'creditsDuesEventsJson',
    'creditsLeaderboard', 'creditsLeaderboardJson', 'creditsMeetingEventsJson', 'creditsRate', 'creditsRateJson', 'creditsScore', 'creditsScoreJson',
    'creditsScoreJsonl', 'creditsScoreJsonlJson', 'day', 'describeCode', 'disclosureAllowedActions', 'disclosureAllowedActionsJson', 'disclosureApply', 'disclosureApplyJson',
    'disclosureAuditAppend', 'disclosureAuditAppendJson', 'disclosureBoard', 'disclosureBoardJson', 'disclosureCatalogueStatus', 'disclosureCatalogueStatusJson',
    'disclosureCreate', 'disclosureCreateJson', 'disclosureDuesReport', 'disclosureDuesReportJson',
    'disclosureEvaluateNotice', 'disclosureEvaluateNoticeJson', 'disclosureFilterVisible',
    'disclosureFilterVisibleJson', 'disclosureItemDeadlines', 'disclosureItemDeadlinesJson', 'disclosureMask',
    'disclosureRedactionPreview', 'disclosureRedactionPreviewJson', 'disclosureScan', 'disclosureVerifyAudit',
    'disclosureVerifyAuditJson', 'disclosureVisible', 'disclosureVisibleJson', 'entry', 'evaluateDuesLedger',
    'evaluateDuesLedgerJson', 'explain', 'fromJson', 'fromJson', 'ingest', 'ingestColumns', 'isDangjianError', 'isWorkingDay',
    'learningPlatform', 'ledger', 'loadYearJson', 'memberPoints', 'membershipApplyEvent', 'membershipApplyEventJson',
    'membershipCheckMember', 'membershipCheckMemberJson', 'membershipCheckMembers', 'membershipCheckMembersJson',
    'membershipCheckOrgs', 'membershipCheckOrgsJson', 'membershipRights', 'membershipRightsJson',
    'membershipValidateIdNumber', 'official', 'officialYears', 'recordOffences',
    'summarizeDues', 'summarizeDuesJson', 'toJson', 'toJson', 'totals', 'voidEvents', 'withOverridesJson',
    // The audit trail (wasm/src/audit.rs).
    'AuditTrail', 'append', 'apply', 'disclosureApplyAtHead', 'disclosureApplyAtHeadJson', 'disclosureAuditAppendAtHead',
    'disclosureAuditAppendAtHeadJson', 'disclosureAuditSign', 'disclosureVerifyAuditJsonl', 'disclosureVerifyAuditSigned',
    'fromJson', 'fromJsonl', 'head', 'sign', 'toJson', 'toJsonl', 'verify', 'verifyWithKey',
    // JSON Lines for the member and organization checks (core/src/surface/entry_points/membership.rs).
    'membershipCheckMembersLines', 'membershipCheckMembersLinesJson', 'membershipCheckOrgsLines', 'membershipCheckOrgsLinesJson',
    // The columnar dues entry (wasm/src/dues_columns.rs; amountsFen is declared generic in its own TS section).
    'MonthRules', 'bundled', 'resolve',
    // The credits totals fast path (wasm/src/credits/tally.rs).
    'CreditsTally', 'dayTotals',
    // The panic guard's start function (wasm/src/guard.rs): exported by wasm-bindgen, runs by itself.
    'start',
  ].sort());
  const api = (text) => text.split('\n').filter((l) => /^export |^ {4}\w.*\(.*\): /.test(l)).sort();
  const webApi = api(dts('web')).filter((l) => !/^export default|InitInput|InitOutput|SyncInitInput|initSync/.test(l));
  assert.deepEqual(api(node), webApi);
});

test('.d.ts: the scalars, explanations, dues, credits, membership and disclosure workflow types are declared once, by the core (tsify), not restated here', () => {
  const node = readFileSync(join(PKG_DIR, 'node', 'dangjian_wasm.d.ts'), 'utf8');
  const handWritten = readFileSync(join(ROOT, 'wasm', 'src', 'types.d.ts'), 'utf8');
  // Interfaces merge silently in TypeScript: a copy left in types.d.ts would not fail tsc, so count them.
  const declared = (text, name) => (text.match(new RegExp(`^export (?:interface|type) ${name}\\b`, 'gm')) ?? []).length;
  const fromCore = [
    // core/src/surface.rs
    'Decimal', 'YearMonth', 'NaiveDate', 'IsoDate', 'DangjianErrorKind',
    // core/src/explain.rs
    'Citation', 'Severity', 'Finding', 'TraceStep',
    // core/src/dues
    'Category', 'EmployerType', 'ItemCode', 'IncomeItem', 'IncomeRecord', 'HardshipOutcome', 'HardshipDecision',
    'DuesMember', 'Assessment', 'BatchError', 'BatchOutcome', 'Obligation', 'Payment', 'GoodReason', 'Ledger',
    'MonthLine', 'VoluntaryLine', 'LedgerReport', 'Period', 'BranchSummary',
    // core/src/credits (and china_time's PeriodKind); Rfc3339 from core/src/surface.rs
    'Rfc3339', 'CreditUnit', 'Caps', 'Dedup', 'TimeWindow', 'PenaltyStep', 'Activity', 'RuleSet', 'CreditEvent',
    'Offence', 'CreditReason', 'LedgerEntry', 'Explanation', 'EventError', 'PeriodKind', 'CreditTotal', 'OrgMap',
    'Standing', 'Quota', 'Tier', 'Rating',
    // core/src/membership
    'Stage', 'StageSpan', 'Recommendation', 'NoticeStage', 'SanctionKind', 'RemovalKind', 'Vote', 'MemberEvent',
    'MemberRecord', 'MeetingKind', 'Meeting', 'NextStep', 'SanctionEffect', 'Rights', 'MemberReport', 'CheckBatch',
    'CommitteeInfo', 'OrgDetails', 'DateRange', 'Candidate', 'Election', 'ReviewRating', 'MemberRating',
    'ReviewRound', 'OrgDocument', 'Term', 'RuleCompliance', 'Attendance', 'LifeReport', 'ElectionReport',
    'RatingCounts', 'RatingReport', 'OrgSection', 'OrgReport',
    // core/src/disclosure: the organizations and roles, the items and the workflow
    'OrgKind', 'Org', 'DisclosureRole', 'RoleAssignment', 'DisclosureContext', 'DisclosureCategory', 'Scope', 'Channel',
    'Attachment', 'CatalogueRef', 'NewItem', 'DisclosureStatus', 'ItemVersion', 'Transition', 'DisclosureItem',
    'DisclosureAction', 'DisclosureActionKind', 'AuditEvent',
  ];
  for (const name of fromCore) {
    assert.equal(declared(node, name), 1, `${name}: declared once in the package's .d.ts`);
    assert.equal(declared(handWritten, name), 0, `${name}: comes from the core, not wasm/src/types.d.ts`);
  }
  // The rustdoc travels with the type: a TypeScript user reads the same words as a Rust one.
  assert.match(node, /\/\*\*[^]*?A member as the dues engine sees them[^]*?\*\/\s*export interface DuesMember/);
  assert.match(node, /\/\*\*[^]*?One member \(or applicant\)[^]*?\*\/\s*export interface MemberRecord/);
});
