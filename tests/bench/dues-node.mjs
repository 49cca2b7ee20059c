// Node: the columnar dues entry of the wasm package (MonthRules.amountsFen over typed arrays) beside what a JS
// user would write instead, a plain loop over decimal.js with the same bracket table and half-up rounding at the
// fen.
//
// Run by tests/bench/dues.sh (which builds the package and installs decimal.js under target/tools); not a test.
// Prints one line per path (best of N after warm-up runs, members/s) and the ratio to the peer.
//
// Fairness: the peer's bases are Decimal objects before timing (its natural input, not counted) and its results
// an array of Decimal; every dangjian path is timed from a typed array of fen to a typed array of amounts. The
// peer's table and rounding come from the same bundled policy for the month, and every result is compared member
// by member before anything is timed.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT, loadNodePackage, rng } from '../js/helpers.mjs';

const requireTool = createRequire(join(ROOT, 'target', 'tools', 'bench-node', 'resolver.cjs'));
const Decimal = requireTool('decimal.js');
const DECIMAL_JS_VERSION = requireTool('decimal.js/package.json').version;
const { MonthRules, Policy } = loadNodePackage();

const N = Number(process.env.BENCH_MEMBERS ?? 1_000_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const MONTH = '2026-11';

/** The entry of a dated timeline in force on the first day of `month` (ISO dates compare as text). */
function inForce(timeline, month) {
  const day = `${month}-01`;
  const e = timeline.find((d) => d.effective_from <= day && (d.effective_to === undefined || day <= d.effective_to));
  if (!e) throw new Error(`no entry in force on ${day}`);
  return e.value;
}

/** The hand-written loop: the first bracket whose inclusive bound is not below the base, its rate on the whole
 * base (2008 Rules Art. 2), half-up at the fen. */
function peerLoop(policy) {
  const dues = JSON.parse(policy.toJson()).dues;
  const brackets = inForce(dues.employed_brackets, MONTH).map((b) => ({
    upTo: b.up_to === undefined || b.up_to === null ? null : new Decimal(b.up_to), rate: new Decimal(b.rate),
  }));
  const rounding = inForce(dues.rounding, MONTH);
  if (rounding.mode !== 'half_up' || rounding.scale !== 2) throw new Error(`rounding ${JSON.stringify(rounding)}`);
  return (bases) => {
    const out = new Array(bases.length);
    for (let i = 0; i < bases.length; i++) {
      const base = bases[i];
      let k = 0;
      while (brackets[k].upTo !== null && base.gt(brackets[k].upTo)) k++;
      out[i] = base.times(brackets[k].rate).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
    }
    return out;
  };
}

function best(fn, rounds, warmup = 2) {
  for (let i = 0; i < warmup; i++) fn();
  let min = Infinity;
  for (let i = 0; i < rounds; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    min = Math.min(min, Number(process.hrtime.bigint() - t0) / 1e9);
  }
  return min;
}

const next = rng(2026);
// Up to 30 000 yuan: every bracket, the bounds themselves and well past the top one.
const bases = Float64Array.from({ length: N }, () => Math.floor(next() * 3_000_000));
bases.set([300_000, 300_001, 500_000, 500_001, 1_000_000, 1_000_001]);
const bigBases = BigInt64Array.from(bases, (b) => BigInt(b));
const policy = Policy.bundled();
const rules = MonthRules.resolve(policy, MONTH);
const peer = peerLoop(policy);
const decimals = Array.from(bases, (b) => new Decimal(b).dividedBy(100));

const paths = {
  'dangjian amountsFen (Float64Array in and out)': () => rules.amountsFen('employed', bases).amounts,
  'dangjian amountsFen (BigInt64Array in and out)': () => rules.amountsFen('employed', bigBases).amounts,
};

// Member by member, before timing.
const want = peer(decimals).map((d) => d.times(100).toNumber());
for (const [name, fn] of Object.entries(paths)) {
  const got = Array.from(fn(), Number);
  const bad = want.findIndex((w, i) => w !== got[i]);
  if (got.length !== N || bad !== -1) {
    console.log(`MISMATCH ${name}: member ${bad}: base ${bases[bad]} fen, peer ${want[bad]}, dangjian ${got[bad]}`);
    process.exit(1);
  }
}
console.log(`node ${process.version} (wasm): ${N} members, employed, ${MONTH}; every path equals the decimal.js ` +
  `${DECIMAL_JS_VERSION} loop member by member; best of ${ROUNDS} after 2 warm-up runs`);
const peerS = best(() => peer(decimals), ROUNDS);
const line = (name, s) => `  ${name.padEnd(66)} ${s.toFixed(3).padStart(8)} s ${(N / s / 1e6).toFixed(2).padStart(8)} M/s`;
console.log(line('peer: plain decimal.js loop', peerS));
for (const [name, fn] of Object.entries(paths)) {
  const s = best(fn, ROUNDS);
  console.log(`${line(name, s)}  ${(peerS / s).toFixed(2).padStart(6)}x the peer`);
}
