// Writes a TypeScript file of typed constants whose values are REAL results of the Node build:
//   export const assessment_12: Assessment = { …what assessDues returned… };
// `tsc --noEmit` over it (tests/lib/wasm.sh wasm_typecheck) proves the hand-written declarations
// (wasm/src/types.d.ts) match what crosses at runtime: a required field that is missing, a field the types do
// not declare (excess property check on fresh literals, nested too), a null where the types say absent, a
// number where they say string — each fails the type check. Inputs too: every vector member and ledger
// must be accepted by DuesMember / Ledger, every membership vector record by MemberRecord, every organizations
// document (examples/data/org.json and the org_check vectors) by OrgDocument.
//
//   node tests/js/type-samples.mjs OUT.ts
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, loadNodePackage } from './helpers.mjs';

const out = process.argv[2];
if (!out) throw new Error('usage: node tests/js/type-samples.mjs OUT.ts');

const dj = loadNodePackage();
const policy = dj.Policy.bundled();
const samples = []; // [type, value]
const add = (type, value) => samples.push([type, value]);

const dir = join(ROOT, 'tests', 'vectors', 'dues');
const cases = readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
  .flatMap((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')).cases);

const reports = [];
for (const c of cases) {
  const p = c.policy_overrides ? policy.withOverridesJson(JSON.stringify(c.policy_overrides)) : policy;
  try {
    if (c.kind === 'assess') {
      add('DuesMember', c.member);
      add('Assessment', dj.assessDues(p, c.member, c.month, true));
      add('Assessment', JSON.parse(dj.assessDuesJson(p, JSON.stringify(c.member), c.month, false)));
    } else if (c.kind === 'batch') {
      add('BatchOutcome', dj.assessDuesBatch(p, c.members, c.month, true));
    } else if (c.kind === 'ledger') {
      add('Ledger', c.ledger);
      const r = dj.evaluateDuesLedger(p, c.ledger, c.as_of);
      add('LedgerReport', r);
      reports.push(r);
    } else if (c.kind === 'assess_error') {
      try {
        dj.assessDues(p, c.member, c.month);
      } catch (e) {
        const { name, message, kind, code, field, messageZh, messageEn } = e;
        add('DangjianError', { name, message, kind, code, field, messageZh, messageEn });
      }
    }
  } catch {
    // A case the library refuses unexpectedly is the vectors suite's business; no sample from it.
  } finally {
    if (p !== policy) p.free();
  }
}

const months = [...new Set(reports.flatMap((r) => r.months.map((m) => m.month)))];
add('BranchSummary', dj.summarizeDues(reports, { year: 2026 }));
add('BranchSummary', dj.summarizeDues([], { year: 2026 }));
for (const month of months) add('BranchSummary', dj.summarizeDues(reports, { month }));

const cal = dj.Calendar.official();
for (const d of ['2026-02-14', '2026-10-01', '2026-03-07', '2026-03-09', '2027-01-04']) {
  add('DayInfo', cal.day(d));
  add('Answer<boolean>', cal.isWorkingDay(d));
  add('Answer<string>', cal.addWorkingDays(d, 3));
}
add('Answer<number>', cal.countWorkingDays('2026-12-20', '2027-01-10'));
add('Answer<number>', cal.countWorkingDays('2026-02-12', '2026-02-26'));
add('number[]', cal.officialYears());

// ---- Credits and disclosure: inputs of the vectors and what the package returned for them.
const vectorCases = (suite) => readdirSync(join(ROOT, 'tests', 'vectors', suite)).filter((f) => f.endsWith('.json')).sort()
  .flatMap((f) => JSON.parse(readFileSync(join(ROOT, 'tests', 'vectors', suite, f), 'utf8')).cases);
const preset = (name) => (name === 'member_points' ? dj.CreditsScheme.memberPoints() : dj.CreditsScheme.learningPlatform());
const sampleOf = (f) => { try { return f(); } catch { return undefined; } };
for (const c of vectorCases('credits')) {
  if (c.kind === 'score') {
    const scheme = preset(c.scheme);
    add('ScoreInput', c.input);
    add('ScoreResult', dj.creditsScore(scheme, c.input, true));
    add('ScoreResult', dj.creditsScore(scheme, c.input, false));
    const scorer = new dj.CreditsScorer(scheme);
    add('ScorerChanges', scorer.ingest(c.input.events));
    add('ScorerChanges', scorer.voidEvents(c.input.voids ?? []));
    add('ScorerChanges', scorer.recordOffences(c.input.offences ?? []));
    add('LedgerEntry[]', scorer.ledger());
    add('CreditTotal[]', scorer.totals());
    for (const e of scorer.ledger()) add('Explanation | null', scorer.explain(e.event_id));
    add('LedgerEntry | null', scorer.entry('no such event'));
    add('SchemeDocument', JSON.parse(scheme.toJson()));
    add('ClosedDays', scorer.closeThrough('2100-01-01')); // every entry of the case
  } else if (c.kind === 'score_jsonl') {
    add('ScoreResult', dj.creditsScoreJsonl(preset(c.scheme), c.lines.join('\n'), true));
  } else if (c.kind === 'leaderboard') {
    add('CreditTotal[]', c.totals);
    add('OrgMap', c.orgs);
    add('Standing[]', dj.creditsLeaderboard(c.totals, c.orgs, c.period_kind, c.period, c.org));
  } else if (c.kind === 'rate') {
    add('MemberScore[]', c.scores);
    add('Rating[]', dj.creditsRate(c.scores, c.tiers));
  }
}

for (const c of vectorCases('disclosure')) {
  const run = (type, f) => { const v = sampleOf(f); if (v !== undefined) add(type, v); };
  if (c.kind === 'visible') {
    add('DisclosureContext', c.context);
    add('Viewer', c.viewer);
    add('DisclosureItem', c.item);
    run('DisclosureItem[]', () => dj.disclosureFilterVisible(c.context, c.viewer, [c.item], c.on));
    run('RedactionPreview', () => dj.disclosureRedactionPreview(policy, c.item, c.on));
  } else if (c.kind === 'board') {
    add('DisclosureItem[]', c.items);
    run('BoardEntry[]', () => dj.disclosureBoard(policy, c.context, c.viewer, c.items, c.on));
  } else if (c.kind === 'notice') {
    add('PublicNotice', c.notice);
    run('NoticeReport', () => dj.disclosureEvaluateNotice(policy, cal, c.notice, c.on));
  } else if (c.kind === 'deadlines') {
    add('DisclosureItem', c.item);
    run('Answer<Deadline[]>', () => dj.disclosureItemDeadlines(policy, cal, c.item, c.on));
  } else if (c.kind === 'catalogue') {
    add('Catalogue', c.catalogue);
    run('Answer<PeriodicDue[]>', () => dj.disclosureCatalogueStatus(policy, cal, c.catalogue, c.items, c.on));
  } else if (c.kind === 'redact') {
    add('Sensitive[]', dj.disclosureScan(c.text));
  } else if (c.kind === 'workflow') {
    add('DisclosureContext', c.context);
    add('NewItem', c.new_item);
    const created = sampleOf(() => dj.disclosureCreate(c.context, c.new_item, c.actor, c.at));
    if (!created) continue;
    add('Created', created);
    let log = dj.disclosureAuditAppend({ schema_version: 1, entries: [] }, created.event);
    let { item } = created;
    // The same steps at the head: `Appended` without an item (an event), then with one (an action).
    let { head } = dj.disclosureAuditAppendAtHead({ entries: 0, hash: '0'.repeat(64) }, created.event);
    add('Appended', dj.disclosureAuditAppendAtHead({ entries: 0, hash: '0'.repeat(64) }, created.event));
    for (const action of c.actions) {
      add('DisclosureAction', action);
      const atHead = sampleOf(() => dj.disclosureApplyAtHead(policy, c.context, item, action, head));
      const out = sampleOf(() => dj.disclosureApply(policy, c.context, item, action, log));
      if (!out) break;
      add('Applied', out);
      add('Appended', atHead);
      ({ head } = atHead);
      ({ item, log } = out);
    }
    add('Verification', dj.disclosureVerifyAudit(log));
  }
}
// The audit vectors' logs and their verifications; the signed example log held by an AuditTrail (its head with
// the checkpoint, its verification with the key); the calendar's DayInfo and answers.
for (const c of vectorCases('disclosure')) {
  if (c.kind === 'audit_verify') {
    add('AuditLog', c.log);
    add('Verification', dj.disclosureVerifyAudit(c.log));
  }
}
{
  const trail = dj.AuditTrail.fromJson(readFileSync(join(ROOT, 'examples', 'data', 'audit-log.json'), 'utf8'));
  add('AuditHead', trail.head());
  add('Verification', trail.verifyWithKey(readFileSync(join(ROOT, 'examples', 'data', 'audit-log.pub.pem'), 'utf8')));
}
add('DayInfo', cal.day('2026-02-14'));
add('Answer<NaiveDate>', cal.addWorkingDays('2026-02-13', 4));
// Membership: every record of the vectors as MemberRecord, the batch (CheckBatch, MemberReport, NextStep), the
// records apply returns, rights, and a batch error.
for (const c of vectorCases('membership')) {
  const run = (type, f) => { const v = sampleOf(f); if (v !== undefined) add(type, v); };
  if (c.kind === 'member_check' || c.kind === 'member_error') {
    const doc = { members: c.members, meetings: c.meetings ?? [], ledgers: c.ledgers ?? [] };
    if (c.kind === 'member_check') for (const m of c.members) add('MemberRecord', m);
    add('MembersDocument', c.kind === 'member_check' ? doc : { ...doc, members: [] });
    run('CheckBatch', () => dj.membershipCheckMembers(policy, cal, doc, c.on));
  } else if (c.kind === 'apply') {
    add('MemberRecord', c.record);
    add('MemberEvent', c.event);
    run('MemberRecord', () => dj.membershipApplyEvent(policy, cal, c.record, c.event, c.members));
  } else if (c.kind === 'rights') {
    add('MemberRecord', c.record);
    run('Rights', () => dj.membershipRights(policy, c.record, c.on));
  }
}
// Organizations: the example document and every org_check vector document as OrgDocument, and what
// membershipCheckOrgs (and its JSON variant) returned for each as OrgReport.
const orgCheck = (doc, on) => {
  add('OrgDocument', doc);
  add('OrgReport', dj.membershipCheckOrgs(policy, doc, on));
  add('OrgReport', JSON.parse(dj.membershipCheckOrgsJson(policy, JSON.stringify(doc), on)));
};
orgCheck(JSON.parse(readFileSync(join(ROOT, 'examples', 'data', 'org.json'), 'utf8')), '2026-03-31');
orgCheck({ orgs: [{ id: 'B1', kind: 'branch' }] }, '2026-01-01');
for (const c of vectorCases('membership')) if (c.kind === 'org_check') sampleOf(() => orgCheck(c.document, c.on));
// JSON Lines: the example files (a bad line each) through membershipCheckMembersLines / membershipCheckOrgsLines
// and their JSON variants, as LinesOutcome.
const linesOf = (f) => readFileSync(join(ROOT, 'examples', 'data', f), 'utf8');
add('LinesOutcome<MemberReport>', dj.membershipCheckMembersLines(policy, cal, linesOf('members-lines.jsonl'), '2026-11-20'));
add('LinesOutcome<MemberReport>',
  JSON.parse(dj.membershipCheckMembersLinesJson(policy, cal, linesOf('members-lines.jsonl'), '2026-11-20')));
add('LinesOutcome<OrgReport>', dj.membershipCheckOrgsLines(policy, linesOf('orgs-lines.jsonl'), '2026-03-31'));
add('LinesOutcome<OrgReport>', JSON.parse(dj.membershipCheckOrgsLinesJson(policy, linesOf('orgs-lines.jsonl'), '2026-03-31')));
add('NewItem', dj.disclosureDuesReport(dj.summarizeDues(reports, { year: 2026 }), 'B1', 'DUES-2026',
  [{ purpose: '订阅党报党刊', amount: '300.00' }]));
add('DuesUse[]', [{ purpose: '订阅党报党刊', amount: '300.00' }]);

const types = [...new Set(samples.flatMap(([t]) => t.match(/\b[A-Z]\w*/g) ?? []))];
const lines = [
  '// Generated by tests/js/type-samples.mjs from real results of the Node build: do not edit.',
  `import type { ${types.join(', ')} } from "dangjian";`,
  '',
  ...samples.map(([type, value], i) => `export const sample${i}: ${type} = ${JSON.stringify(value)};`),
  '',
];
writeFileSync(out, lines.join('\n'));
console.error(`[type-samples] ${samples.length} samples (${types.join(', ')}) -> ${out}`);
