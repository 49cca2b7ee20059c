// Hostile input on the Node build (issue 16): a sum that overflows is a coded error and the module lives on;
// a panic that slips through throws INTERNAL and the next call works.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadNodePackage } from './helpers.mjs';

const dj = loadNodePackage();

const MAX = '79228162514264337593543950335'; // the largest decimal the core holds
const report = (due) => ({
  member_id: 'M1', as_of: '2026-12-31', total_due: '0', total_paid: '0', outstanding: '0',
  months: [{ month: '2026-01', due, paid: '0', outstanding: due }], arrears: [],
  voluntary_total: '0', voluntary_payments: [], remitted_to_centre: '0', unallocated: '0', findings: [],
});

function assertCoded(f, code, field) {
  assert.throws(f, (e) => {
    assert.ok(dj.isDangjianError(e), `a DangjianError, got ${e}`);
    assert.equal(e.code, code);
    if (field !== undefined) assert.equal(e.field, field);
    return true;
  });
}

test('summarizeDues: an overflowing sum is ARITHMETIC_OVERFLOW naming the field, and the module lives on', () => {
  assertCoded(() => dj.summarizeDues([report(MAX), report(MAX)], { year: 2026 }), 'ARITHMETIC_OVERFLOW',
    '[1].months[0].due');
  const json = JSON.stringify([report(MAX), report(MAX)]);
  assertCoded(() => dj.summarizeDuesJson(json, '{"year":2026}'), 'ARITHMETIC_OVERFLOW', '[1].months[0].due');
  // The next call on the same page works: 10.00 + 10.00.
  const s = dj.summarizeDues([report('10.00'), report('10.00')], { year: 2026 });
  assert.equal(s.due, '20.00');
});

test('a panic throws INTERNAL, and the next call works', () => {
  assertCoded(() => dj.dangjianForcePanicForTests(), 'INTERNAL');
  assert.equal(dj.Policy.bundled().constructor.name, 'Policy');
  const a = dj.assessDues(dj.Policy.bundled(), { member_id: 'S1', category: 'student' }, '2026-11');
  assert.equal(a.amount, '0.20');
  // Twice in a row: the guard is installed again in the new instance.
  assertCoded(() => dj.dangjianForcePanicForTests(), 'INTERNAL');
  assert.equal(dj.coreVersion().length > 0, true);
});

test('objects made before a panic are refused plainly, new ones work', () => {
  const old = dj.Policy.bundled();
  assertCoded(() => dj.dangjianForcePanicForTests(), 'INTERNAL');
  assert.throws(() => dj.assessDues(old, { member_id: 'S1', category: 'student' }, '2026-11'), /stale object/);
  const fresh = dj.Policy.bundled();
  assert.equal(dj.assessDues(fresh, { member_id: 'S1', category: 'student' }, '2026-11').amount, '0.20');
});

test('amounts: one grammar, never rounded', () => {
  const p = dj.Policy.bundled();
  const m = (amount) => ({ member_id: 'X', category: 'retired', incomes: [{ items: [{ code: 'pension', amount }] }] });
  assertCoded(() => dj.assessDues(p, m('1_000'), '2026-01'), 'INVALID_MEMBER_JSON', 'incomes[0].items[0].amount');
  assertCoded(() => dj.assessDues(p, m('+100'), '2026-01'), 'INVALID_MEMBER_JSON', 'incomes[0].items[0].amount');
  assertCoded(() => dj.assessDues(p, m('1.000000000000000000000000000001'), '2026-01'), 'TOO_MANY_DECIMALS',
    'incomes[0].items[0].amount');
});
