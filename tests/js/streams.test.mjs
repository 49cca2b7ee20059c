// JSON Lines for the member and organization checks (core/src/surface/entry_points/membership.rs): the example files
// examples/data/members-lines.jsonl and orgs-lines.jsonl (a bad line each) through membershipCheckMembersLines /
// membershipCheckOrgsLines — the good lines' reports are the document checks' reports, each with its line; the
// bad line is named by line, code and field and loses none of the others; object = JSON.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, loadNodePackage } from './helpers.mjs';

const dj = loadNodePackage();
const policy = dj.Policy.bundled();
const cal = dj.Calendar.official();
const data = (f) => readFileSync(join(ROOT, 'examples', 'data', f), 'utf8');

test('membershipCheckMembersLines: the roster document\'s reports with their lines; line 7 is named', () => {
  const out = dj.membershipCheckMembersLines(policy, cal, data('members-lines.jsonl'), '2026-11-20');
  const batch = dj.membershipCheckMembers(policy, cal, JSON.parse(data('members.json')), '2026-11-20');
  assert.deepEqual(out.reports.map((r) => r.report), batch.reports);
  assert.deepEqual(out.reports.map((r) => r.line), [1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13]);
  assert.equal(out.errors.length, 1);
  const [e] = out.errors;
  assert.deepEqual({ line: e.line, member_id: e.member_id, kind: e.kind, code: e.code, field: e.field },
    { line: 7, member_id: 'M99', kind: 'invalid_input', code: 'INVALID_RECORD_JSON', field: 'events[0].kind' });
  assert.match(e.message_en, /\S/);
  assert.match(e.message_zh, /\S/);
  assert.deepEqual(out,
    JSON.parse(dj.membershipCheckMembersLinesJson(policy, cal, data('members-lines.jsonl'), '2026-11-20')));
});

test('membershipCheckOrgsLines: each bundle its own report; the bad bundle on line 2 is named', () => {
  const out = dj.membershipCheckOrgsLines(policy, data('orgs-lines.jsonl'), '2026-03-31');
  assert.deepEqual(out.reports.map((r) => r.line), [1, 3]);
  assert.deepEqual(out.reports[0].report, dj.membershipCheckOrgs(policy, JSON.parse(data('org.json')), '2026-03-31'));
  assert.deepEqual(out.reports[1].report.orgs.map((s) => s.org), ['B03', 'B04', 'C02', 'G31']);
  assert.deepEqual(out.errors.map((e) => [e.line, e.code, e.field]), [[2, 'INVALID_ORG_JSON', 'orgs[0].kind']]);
  assert.deepEqual(out, JSON.parse(dj.membershipCheckOrgsLinesJson(policy, data('orgs-lines.jsonl'), '2026-03-31')));
});

test('JSON Lines: blank lines count, bad text is a line error, only a bad day throws', () => {
  const text = ['{"orgs":[{"id":"B1","kind":"branch"}]}', '', 'not json', '{"orgs":[{"id":"B2","kind":"branch"}]}'].join('\n');
  const out = dj.membershipCheckOrgsLines(policy, text, '2026-03-31');
  assert.deepEqual(out.reports.map((r) => r.line), [1, 4]);
  assert.deepEqual(out.errors.map((e) => [e.line, e.code]), [[3, 'INVALID_ORG_JSON']]);
  assert.deepEqual(dj.membershipCheckMembersLines(policy, cal, '', '2026-11-20'), { reports: [], errors: [] });
  for (const f of [
    () => dj.membershipCheckMembersLines(policy, cal, data('members-lines.jsonl'), '2026-02-30'),
    () => dj.membershipCheckOrgsLinesJson(policy, text, 'soon'),
  ]) {
    assert.throws(f, (e) => dj.isDangjianError(e) && e.code === 'INVALID_DATE' && e.field === 'on');
  }
});
