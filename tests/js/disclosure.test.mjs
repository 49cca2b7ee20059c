// Every disclosure export of the Node build: the procedure with its audit log, visibility, deadlines, the
// catalogue, notices, redaction and the dues disclosure — object and JSON variants agree — and the coded
// errors (code, field, kind).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadNodePackage } from './helpers.mjs';

const dj = loadNodePackage();
const policy = dj.Policy.bundled();
const cal = dj.Calendar.official();
const s = JSON.stringify;

const ctx = {
  orgs: [{ id: 'C1', kind: 'committee' }, { id: 'B1', parent: 'C1', kind: 'branch' }, { id: 'G1', parent: 'B1', kind: 'group' }],
  roles: [
    { person: 'P1', org: 'B1', role: 'proposer' }, { person: 'S1', org: 'B1', role: 'confidentiality_reviewer' },
    { person: 'R1', org: 'B1', role: 'reviewer' }, { person: 'A1', org: 'B1', role: 'approver' },
  ],
};
const newItem = { id: 'D1', org: 'B1', title: '换届结果', body: '联系人电话13800138000', category: 'organization',
  scope: { kind: 'members', org: 'B1' } };
const STEPS = [
  { action: 'propose', actor: 'P1', at: '2026-03-02T10:00:00+08:00' },
  { action: 'confidentiality_review', actor: 'S1', at: '2026-03-03T09:00:00+08:00', passed: true },
  { action: 'review', actor: 'R1', at: '2026-03-03T10:00:00+08:00', necessity: true, accuracy: true },
  { action: 'approve', actor: 'A1', at: '2026-03-04T09:00:00+08:00' },
  { action: 'publish', actor: 'P1', at: '2026-03-04T15:00:00+08:00' },
];
const EMPTY_LOG = { schema_version: 1, entries: [] };
const member = { person: 'M1', memberships: [{ org: 'B1', status: 'full', from: '2020-01-01' }] };
const suspended = { person: 'M2', memberships: [{ org: 'B1', status: 'suspended', from: '2020-01-01' }] };

function throwsCoded(f, { code, field, kind = 'invalid_input' }) {
  assert.throws(f, (e) => {
    assert.ok(dj.isDangjianError(e), String(e));
    assert.deepEqual({ code: e.code, field: e.field, kind: e.kind }, { code, field, kind });
    assert.match(e.messageEn, /\S/);
    return true;
  });
}

/** The published item, through the object API; every step's JSON variant gives the same document. */
function publish() {
  const created = dj.disclosureCreate(ctx, newItem, 'P1', '2026-03-02T09:00:00+08:00');
  assert.deepEqual(created, JSON.parse(dj.disclosureCreateJson(s(ctx), s(newItem), 'P1', '2026-03-02T09:00:00+08:00')));
  let log = dj.disclosureAuditAppend(EMPTY_LOG, created.event);
  assert.deepEqual(log, JSON.parse(dj.disclosureAuditAppendJson(s(EMPTY_LOG), s(created.event))));
  let { item } = created;
  for (const action of STEPS) {
    const out = dj.disclosureApply(policy, ctx, item, action, log);
    assert.deepEqual(out, JSON.parse(dj.disclosureApplyJson(policy, s(ctx), s(item), s(action), s(log))));
    ({ item, log } = out);
  }
  return { created, item, log };
}

test('disclosureCreate / Apply / AuditAppend / VerifyAudit: the whole procedure, object = JSON', () => {
  const { created, item, log } = publish();
  assert.equal(created.item.status, 'draft');
  assert.equal(created.event.action, 'create');
  assert.equal(item.status, 'published');
  assert.equal(item.published_at, '2026-03-04T15:00:00+08:00');
  assert.equal(item.versions.length, 1);
  assert.deepEqual(log.entries.map((e) => e.seq), [0, 1, 2, 3, 4, 5]);
  const verified = dj.disclosureVerifyAudit(log);
  assert.deepEqual(verified, { valid: true, entries: 6, head: log.entries[5].hash, authenticated: false });
  assert.equal(dj.disclosureVerifyAuditJson(s(log)), s(verified));
  assert.deepEqual(dj.disclosureVerifyAudit(EMPTY_LOG), { valid: true, entries: 0, authenticated: false });
});

test('disclosureAllowedActions (+ Json): what each person may do at each step, by hand from 条例 第十五条', () => {
  const at = (i) => STEPS[i].at;
  const allowed = (item, who, when) => {
    const kinds = dj.disclosureAllowedActions(policy, ctx, item, who, when);
    assert.equal(dj.disclosureAllowedActionsJson(policy, s(ctx), s(item), who, when), s(kinds));
    return kinds;
  };
  let { item } = dj.disclosureCreate(ctx, newItem, 'P1', '2026-03-02T09:00:00+08:00');
  // Draft: only the proposer edits or proposes.
  assert.deepEqual(allowed(item, 'P1', at(0)), ['edit', 'propose']);
  assert.deepEqual(allowed(item, 'R1', at(0)), []);
  ({ item } = dj.disclosureApply(policy, ctx, item, STEPS[0], EMPTY_LOG));
  // Proposed, no 保密审查 yet: review waits; the reviewers and the approver at B1 may reject.
  assert.deepEqual(allowed(item, 'S1', at(1)), ['confidentiality_review', 'reject']);
  assert.deepEqual(allowed(item, 'R1', at(1)), ['extend_review', 'reject']);
  assert.deepEqual(allowed(item, 'A1', at(1)), ['reject']);
  assert.deepEqual(allowed(item, 'P1', at(1)), []);
  // Published: the approver corrects, withdraws or archives; the proposer (no approver here) only archives.
  const published = publish().item;
  assert.deepEqual(allowed(published, 'A1', '2026-03-05T09:00:00+08:00'), ['correct', 'withdraw', 'archive']);
  assert.deepEqual(allowed(published, 'P1', '2026-03-05T09:00:00+08:00'), ['archive']);
  // Before the last transition nothing is allowed: time runs forward.
  assert.deepEqual(allowed(published, 'A1', '2026-03-04T14:59:00+08:00'), []);
  throwsCoded(() => dj.disclosureAllowedActions(policy, ctx, item, 'P1', '2026-03-02 10:00'), { code: 'INVALID_TIME', field: 'at' });
});

test('a tampered log: a report from VerifyAudit, an error from Apply and AuditAppend', () => {
  const { item, log } = publish();
  const tampered = structuredClone(log);
  tampered.entries[2].event.actor = 'X9';
  const report = dj.disclosureVerifyAudit(tampered);
  assert.equal(report.valid, false);
  assert.equal(report.first_broken, 2);
  assert.equal(typeof report.code, 'string');
  const archive = { action: 'archive', actor: 'P1', at: '2026-12-31T09:00:00+08:00' };
  assert.equal(report.code, 'HASH_MISMATCH');
  const broken = { code: 'AUDIT_CHAIN_BROKEN', field: 'entries[2]' };
  throwsCoded(() => dj.disclosureApply(policy, ctx, item, archive, tampered), broken);
  throwsCoded(() => dj.disclosureAuditAppend(tampered, log.entries[0].event), broken);
});

test('procedure errors: wrong role, out of order, malformed documents (code, field, kind)', () => {
  const { item } = dj.disclosureCreate(ctx, newItem, 'P1', '2026-03-02T09:00:00+08:00');
  throwsCoded(() => dj.disclosureCreate(ctx, newItem, 'R1', '2026-03-02T09:00:00+08:00'), { code: 'ROLE_REQUIRED', field: 'actor' });
  throwsCoded(() => dj.disclosureCreate(ctx, { ...newItem, category: 'gossip' }, 'P1', '2026-03-02T09:00:00+08:00'),
    { code: 'INVALID_ITEM_JSON', field: 'category' });
  throwsCoded(() => dj.disclosureCreate({ orgs: [{ id: 'B1' }] }, newItem, 'P1', '2026-03-02T09:00:00+08:00'),
    { code: 'INVALID_CONTEXT_JSON', field: 'orgs[0].kind' });
  throwsCoded(() => dj.disclosureCreate(ctx, newItem, 'P1', '2026-03-02 09:00'), { code: 'INVALID_TIME', field: 'at' });
  throwsCoded(() => dj.disclosureApply(policy, ctx, item, STEPS[4], EMPTY_LOG), { code: 'ILLEGAL_TRANSITION', field: 'action' });
  throwsCoded(() => dj.disclosureApply(policy, ctx, item, { action: 'propose', actor: 'P1' }, EMPTY_LOG),
    { code: 'INVALID_ACTION_JSON', field: 'at' });
  throwsCoded(() => dj.disclosureApplyJson(policy, s(ctx), s(item), s(STEPS[0]), '{"schema_version":1}'),
    { code: 'INVALID_AUDIT_JSON', field: 'entries' });
  throwsCoded(() => dj.disclosureAuditAppend(EMPTY_LOG, { item_id: 'D1' }), { code: 'INVALID_AUDIT_EVENT_JSON', field: 'action' });
  throwsCoded(() => dj.disclosureVerifyAudit({ schema_version: 1, entries: [{ seq: 0 }] }), { code: 'INVALID_AUDIT_JSON', field: 'entries[0].event' });
});

test('disclosureVisible / FilterVisible (+ Json): members, the public, a suspended member', () => {
  const { item, created } = publish();
  const draft = created.item;
  const items = [item, draft];
  assert.equal(dj.disclosureVisible(ctx, member, item, '2026-03-04'), true);
  assert.equal(dj.disclosureVisible(ctx, member, item, '2026-03-03'), false, 'not yet published');
  assert.equal(dj.disclosureVisible(ctx, {}, item, '2026-03-05'), false, 'the public');
  assert.equal(dj.disclosureVisible(ctx, suspended, item, '2026-03-05'), false, 'suspended');
  assert.equal(dj.disclosureVisibleJson(s(ctx), s(member), s(item), '2026-03-05'), true);
  assert.deepEqual(dj.disclosureFilterVisible(ctx, member, items, '2026-03-05'), [item]);
  const reviewer = { person: 'R1', memberships: [{ org: 'B1', status: 'full', from: '2020-01-01' }] };
  assert.deepEqual(dj.disclosureFilterVisible(ctx, reviewer, items, '2026-03-05').map((i) => i.id), ['D1', 'D1']);
  assert.equal(dj.disclosureFilterVisibleJson(s(ctx), s(member), s(items), '2026-03-05'), '["D1"]');
  assert.deepEqual(dj.disclosureFilterVisible(ctx, {}, items, '2026-03-05'), []);
  throwsCoded(() => dj.disclosureVisible(ctx, { persona: 'x' }, item, '2026-03-05'), { code: 'INVALID_VIEWER_JSON', field: 'persona' });
  throwsCoded(() => dj.disclosureFilterVisible(ctx, {}, [{ id: 'x' }], '2026-03-05'), { code: 'INVALID_ITEM_JSON', field: '[0].schema_version' });
  throwsCoded(() => dj.disclosureFilterVisible(ctx, {}, items, '5 March'), { code: 'INVALID_DATE', field: 'on' });
  throwsCoded(() => dj.disclosureVisible({ orgs: [{ id: 'B1', parent: 'ZZ', kind: 'branch' }] }, {}, item, '2026-03-05'),
    { code: 'UNKNOWN_ORG', field: 'orgs[0].parent' });
});

test('disclosureBoard (+ Json): as of the day, with the same coded errors as disclosureFilterVisible', () => {
  const { item } = publish(); // published on 4 March
  assert.deepEqual(dj.disclosureBoard(policy, ctx, member, [item], '2026-03-03'), [], 'the day before');
  const [entry] = dj.disclosureBoard(policy, ctx, member, [item], '2026-03-04');
  assert.deepEqual([entry.id, entry.status, entry.version, entry.corrected, entry.withdrawn], ['D1', 'published', 1, undefined, undefined]);
  assert.deepEqual(JSON.parse(dj.disclosureBoardJson(policy, s(ctx), s(member), s([item]), '2026-03-04')), [entry]);
  throwsCoded(() => dj.disclosureBoard(policy, ctx, { persona: 'x' }, [item], '2026-03-05'), { code: 'INVALID_VIEWER_JSON', field: 'persona' });
  throwsCoded(() => dj.disclosureBoard(policy, ctx, {}, [{ id: 'x' }], '2026-03-05'), { code: 'INVALID_ITEM_JSON', field: '[0].schema_version' });
  throwsCoded(() => dj.disclosureBoardJson(policy, s(ctx), '{}', '[]', '5 March'), { code: 'INVALID_DATE', field: 'on' });
});

test('disclosureItemDeadlines (+ Json): the review limit in working days', () => {
  const { item } = dj.disclosureApply(policy, ctx, dj.disclosureCreate(ctx, newItem, 'P1', '2026-02-12T09:00:00+08:00').item,
    { action: 'propose', actor: 'P1', at: '2026-02-12T10:00:00+08:00' }, EMPTY_LOG);
  const a = dj.disclosureItemDeadlines(policy, cal, item, '2026-02-25');
  assert.deepEqual(a.value, [{ kind: 'review', due_on: '2026-02-24', overdue: true }]);
  assert.deepEqual(a.findings.map((f) => f.code), ['REVIEW_OVERDUE']);
  assert.equal(dj.disclosureItemDeadlinesJson(policy, cal, s(item), '2026-02-25'), s(a));
  throwsCoded(() => dj.disclosureItemDeadlines(policy, cal, item, '2026-02-30'), { code: 'INVALID_DATE', field: 'on' });
});

test('disclosureCatalogueStatus (+ Json): a periodic entry overdue', () => {
  const catalogue = { org: 'B1', since: '2025-01-01', without_defaults: true, entries: [{ code: 'dues_annual',
    title: '党费收缴使用情况', category: 'organization', scope: 'members', frequency: 'annual', due_working_days: 20 }] };
  const a = dj.disclosureCatalogueStatus(policy, cal, catalogue, [], '2026-02-02');
  assert.deepEqual(a.value.map((d) => [d.code, d.period, d.due_on, d.status]), [['dues_annual', '2025', '2026-01-29', 'overdue']]);
  assert.deepEqual(a.findings.map((f) => f.code), ['DISCLOSURE_OVERDUE']);
  assert.equal(dj.disclosureCatalogueStatusJson(policy, cal, s(catalogue), '[]', '2026-02-02'), s(a));
  throwsCoded(() => dj.disclosureCatalogueStatus(policy, cal, { org: 'B1' }, [], '2026-02-02'), { code: 'INVALID_CATALOGUE_JSON', field: 'since' });
});

test('disclosureEvaluateNotice (+ Json): working days across the Spring Festival; objection errors', () => {
  const notice = { id: 'N1', subject: '发展对象公示', opens_on: '2026-02-12', closes_on: '2026-02-25' };
  const r = dj.disclosureEvaluateNotice(policy, cal, notice, '2026-02-26');
  assert.equal(r.result, 'passed');
  assert.equal(typeof r.working_days, 'number');
  assert.equal(dj.disclosureEvaluateNoticeJson(policy, cal, s(notice), '2026-02-26'), s(r));
  throwsCoded(() => dj.disclosureEvaluateNotice(policy, cal, { ...notice, opens_on: 'soon' }, '2026-02-26'),
    { code: 'INVALID_NOTICE_JSON', field: 'opens_on' });
});

test('disclosureRedactionPreview (+ Json), disclosureScan, disclosureMask', () => {
  const { created } = publish();
  const p = dj.disclosureRedactionPreview(policy, created.item, '2026-03-03');
  assert.deepEqual(p, { masked: true, found: [{ kind: 'mobile', start: 5, end: 16, text: '13800138000', masked: '138****8000' }],
    text: '联系人电话138****8000' });
  assert.equal(dj.disclosureRedactionPreviewJson(policy, s(created.item), '2026-03-03'), s(p));
  assert.deepEqual(dj.disclosureScan('身份证11010519491231002X').map((f) => [f.kind, f.masked]), [['id_number', '110105********002X']]);
  assert.equal(dj.disclosureMask('联系13800138000'), '联系138****8000');
  assert.deepEqual(dj.disclosureScan('订单号 11010519491231002'), []);
  throwsCoded(() => dj.disclosureRedactionPreview(policy, created.item, ''), { code: 'INVALID_DATE', field: 'on' });
});

test('disclosureDuesReport (+ Json): the annual dues disclosure from a BranchSummary', () => {
  const summary = dj.summarizeDues([], { year: 2025 });
  const uses = [{ purpose: '订阅党报党刊', amount: '300.00' }];
  const item = dj.disclosureDuesReport(summary, 'B1', 'DUES-2025', uses);
  assert.equal(item.title, '2025年度党费收缴、使用和管理情况');
  assert.match(item.body, /应交党费 0\.00 元/);
  assert.equal(dj.disclosureDuesReportJson(s(summary), 'B1', 'DUES-2025', s(uses)), s(item));
  // The result is a NewItem disclosureCreate takes.
  const proposer = { ...ctx, roles: [...ctx.roles] };
  assert.equal(dj.disclosureCreate(proposer, item, 'P1', '2026-01-05T09:00:00+08:00').item.status, 'draft');
  throwsCoded(() => dj.disclosureDuesReport(dj.summarizeDues([], { month: '2025-12' }), 'B1', 'D', []),
    { code: 'NOT_ANNUAL_PERIOD', field: 'period' });
  throwsCoded(() => dj.disclosureDuesReport(summary, 'B1', 'D', [{ purpose: 'x', amount: '-1.00' }]),
    { code: 'NEGATIVE_AMOUNT', field: 'uses[0].amount' });
  throwsCoded(() => dj.disclosureDuesReport({ year: 2025 }, 'B1', 'D', []), { code: 'INVALID_SUMMARY_JSON', field: 'period' });
  throwsCoded(() => dj.disclosureDuesReport(summary, 'B1', 'D', {}), { code: 'INVALID_USES_JSON', field: '' });
});
