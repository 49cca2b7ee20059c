// The columnar dues entry of the Node build (MonthRules.amountsFen: BigInt64Array or Float64Array of bases in fen
// in, the same array type of amounts out) against the record API (assessDuesJson / assessDuesBatchJson): the same
// amount on every dues vector it can express and on randomized bases across every bracket bound and the half-fen
// cases; refused rows named at their index with the rest computed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, loadNodePackage, rng } from './helpers.mjs';

const dj = loadNodePackage();
const { MonthRules, Policy, assessDuesJson, assessDuesBatchJson } = dj;

/** One trillion yuan in fen: the largest base the core accepts. */
const MAX_BASE_FEN = 100_000_000_000_000;
const RATED = ['employed', 'annual_salary', 'self_employed', 'retired'];
const FLAT = ['farmer', 'student', 'unemployed', 'relief', 'subsistence'];

/** A decimal string with at most two decimals as whole fen (exact: string arithmetic, no float). */
function fen(amount) {
  const [whole, frac = ''] = amount.split('.');
  assert.ok(frac.length <= 2, amount);
  return Number(BigInt(whole + frac.padEnd(2, '0')));
}

function yuan(f) {
  const s = String(f).padStart(3, '0');
  return `${s.slice(0, -2)}.${s.slice(-2)}`;
}

/** Both array forms of one column: the amounts as plain numbers and the errors as [index, code, field]. */
function both(rules, category, bases) {
  const big = rules.amountsFen(category, BigInt64Array.from(bases, (b) => BigInt(b)));
  const num = rules.amountsFen(category, Float64Array.from(bases));
  assert.ok(big.amounts instanceof BigInt64Array, 'BigInt64Array in, BigInt64Array out');
  assert.ok(num.amounts instanceof Float64Array, 'Float64Array in, Float64Array out');
  const errs = (o) => o.errors.map((e) => [e.index, e.code, e.field]);
  assert.deepEqual(Array.from(big.amounts, Number), Array.from(num.amounts), 'the two forms agree');
  assert.deepEqual(errs(big), errs(num), 'the two forms refuse the same rows');
  return { amounts: Array.from(num.amounts), errors: errs(num), raw: num };
}

/** The record API's amounts in fen for members of `category` with these bases, one batch call. */
function recordAmounts(policy, category, bases, month) {
  const members = bases.map((b, i) => ({
    member_id: `R${i}`, category, incomes: [{ items: [{ code: 'net_base', amount: yuan(b) }] }],
  }));
  const out = JSON.parse(assessDuesBatchJson(policy, JSON.stringify(members), month, false));
  assert.deepEqual(out.errors, []);
  return out.assessments.map((a) => fen(a.amount));
}

/** Every bracket bound on both sides, the half-fen bases of each rate, and random bases over the range. */
function boundaryBases(next) {
  const bases = [0, 1, 50, 99, 100, 101, 199, 200, 1_000_000_000, MAX_BASE_FEN];
  for (const bound of [300_000, 500_000, 1_000_000]) {
    for (const d of [-100, -2, -1, 0, 1, 2, 100]) bases.push(bound + d);
  }
  // Half a fen: 0.5% of 1.00 + 2.00k; 1% of x.50; 1.5% of an odd hundred fen; 2% of x.25 / x.75.
  for (let k = 0; k < 1_500; k += 97) bases.push(100 + 200 * k);
  bases.push(300_050, 300_150, 499_950, 500_050, 500_100, 500_300, 999_900, 1_000_025, 1_000_075, 1_234_525);
  for (let i = 0; i < 1_500; i++) bases.push(Math.floor(next() * 3_000_000));
  return bases;
}

test('MonthRules: the worked examples in both array types', () => {
  const rules = MonthRules.bundled('2026-11');
  assert.equal(rules.month, '2026-11');
  // RULES §1: 3000.00 × 0.5% = 15.00; 3000.01 × 1% = 30.0001 → 30.00; 5400.00 × 1.5% = 81.00; 11500.00 × 2% = 230.00.
  const out = both(rules, 'employed', [300_000, 300_001, 540_000, 1_150_000]);
  assert.deepEqual(out.amounts, [1_500, 3_000, 8_100, 23_000]);
  assert.deepEqual(out.errors, []);
});

test('MonthRules: half a fen rounds up (the bundled half-up at the fen)', () => {
  // 1.00 × 0.5% = 0.005 → 0.01; 3000.50 × 1% = 30.005 → 30.01; 5001.00 × 1.5% = 75.015 → 75.02;
  // 10000.25 × 2% = 200.005 → 200.01; 0.99 × 0.5% = 0.00495 → 0.00; 3000.49 × 1% = 30.0049 → 30.00.
  const out = both(MonthRules.bundled('2026-11'), 'employed', [100, 300_050, 500_100, 1_000_025, 99, 300_049]);
  assert.deepEqual(out.amounts, [1, 3_001, 7_502, 20_001, 0, 3_000]);
});

test('MonthRules: a negative and an over-large base are named at their index, the rest computed', () => {
  const out = both(MonthRules.bundled('2026-11'), 'retired', [-1, 500_000, MAX_BASE_FEN + 1, 500_001, MAX_BASE_FEN]);
  // Retirees (Art. 5): 5000.00 × 0.5% = 25.00; 5000.01 × 1% → 50.00; one trillion yuan × 1%.
  assert.deepEqual(out.amounts, [0, 2_500, 0, 5_000, 1_000_000_000_000]);
  assert.deepEqual(out.errors, [[0, 'NEGATIVE_AMOUNT', 'bases[0]'], [2, 'AMOUNT_TOO_LARGE', 'bases[2]']]);
  for (const e of out.raw.errors) {
    assert.equal(e.kind, 'invalid_input');
    assert.ok(e.message_zh && e.message_en);
  }
});

test('MonthRules: a Float64Array value that is not whole fen is INVALID_AMOUNT at its index', () => {
  const rules = MonthRules.bundled('2026-11');
  const out = rules.amountsFen('employed', Float64Array.from([300_000, 0.5, NaN, 540_000, -Infinity, Infinity]));
  assert.deepEqual(Array.from(out.amounts), [1_500, 0, 0, 8_100, 0, 0]);
  assert.deepEqual(out.errors.map((e) => [e.index, e.code, e.field]), [
    [1, 'INVALID_AMOUNT', 'bases[1]'], [2, 'INVALID_AMOUNT', 'bases[2]'],
    [4, 'NEGATIVE_AMOUNT', 'bases[4]'], [5, 'AMOUNT_TOO_LARGE', 'bases[5]'],
  ]);
});

test('MonthRules: a wrong argument throws a coded error', () => {
  const rules = MonthRules.bundled('2026-11');
  const coded = (fn, code, field) => assert.throws(fn, (e) => dj.isDangjianError(e) && e.code === code && e.field === field);
  coded(() => rules.amountsFen('astronaut', new BigInt64Array(1)), 'UNKNOWN_CATEGORY', 'category');
  coded(() => rules.amountsFen('employed', [300_000]), 'INVALID_ARGUMENT', 'bases');
  coded(() => rules.amountsFen('employed', new Int32Array(1)), 'INVALID_ARGUMENT', 'bases');
  coded(() => MonthRules.bundled('2026-13'), 'INVALID_MONTH', 'month');
  assert.throws(() => MonthRules.resolve(Policy.bundled(), '2008-03'), (e) => e.code === 'NO_POLICY_IN_FORCE' && e.kind === 'policy');
  assert.equal(rules.amountsFen('employed', new BigInt64Array(0)).amounts.length, 0);
});

test('MonthRules equals the record API on the dues vectors it can express', () => {
  const dir = join(ROOT, 'tests', 'vectors', 'dues');
  let compared = 0;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    for (const c of JSON.parse(readFileSync(join(dir, file), 'utf8')).cases) {
      const member = c.member ?? {};
      // A hardship decision or an admission date changes the amount beyond the base.
      if (c.kind !== 'assess' || 'hardship' in member || 'admitted_on' in member) continue;
      let policy = Policy.bundled();
      if (c.policy_overrides) policy = policy.withOverridesJson(JSON.stringify(c.policy_overrides));
      const a = JSON.parse(assessDuesJson(policy, JSON.stringify(member), c.month, false));
      const base = a.base == null ? 0 : fen(a.base);
      const out = MonthRules.resolve(policy, c.month).amountsFen(member.category, BigInt64Array.of(BigInt(base)));
      const where = `${file}: ${c.name}`;
      assert.deepEqual([Array.from(out.amounts, Number), out.errors.length], [[fen(a.amount)], 0], where);
      assert.equal(fen(a.amount), fen(c.expect.amount), `${where} (expected)`);
      compared++;
    }
  }
  assert.ok(compared > 80, `only ${compared} vector cases compared`);
});

test('MonthRules equals the record API on randomized bases across every bracket bound', () => {
  const next = rng(14);
  const policy = Policy.bundled();
  for (const month of ['2026-11', '2016-06']) {
    const rules = MonthRules.resolve(policy, month);
    for (const category of RATED) {
      const bases = boundaryBases(next);
      assert.deepEqual(both(rules, category, bases).amounts, recordAmounts(policy, category, bases, month), `${month} ${category}`);
    }
  }
});

test('MonthRules: flat categories ignore the base (Art. 6)', () => {
  const rules = MonthRules.bundled('2026-11');
  for (const category of FLAT) {
    const want = category === 'farmer' ? 50 : 20;
    assert.deepEqual(both(rules, category, [0, 540_000]).amounts, [want, want], category);
  }
});
