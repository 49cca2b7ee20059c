// Node: the first large call of a fresh process beside the same call warm (issue 14 item 3, "no first-call
// cliff"). A fresh process's first 1 M-member call used to take many times its warm time: the wasm memory grew a
// few pages at a time and V8 ran a full collection of the JS heap (the caller's million objects) on many of
// the grows. The package now grows its memory once from the input's size (wasm/src/memory.rs).
//
// Run by tests/bench/dues.sh (`node-cold`), which builds the package; not a test. For each entry, one child
// process: it builds its input (not timed), times its first call (fresh), then the same call again (warm, best
// of BENCH_ROUNDS), and checks the two results are the same. The parent prints both and the ratio against the
// target (fresh ≤ 2× warm).
//
//   BENCH_MEMBERS=200000 node tests/bench/dues-node-cold.mjs
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadNodePackage, rng } from '../js/helpers.mjs';

const N = Number(process.env.BENCH_MEMBERS ?? 1_000_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const MONTH = '2026-11';
const TARGET = 2;

/** Bases up to 30 000 yuan in fen: every bracket and the bounds themselves. */
function basesFen(n) {
  const next = rng(2026);
  const bases = Float64Array.from({ length: n }, () => Math.floor(next() * 3_000_000));
  bases.set([300_000, 300_001, 500_000, 500_001, 1_000_000, 1_000_001].slice(0, n));
  return bases;
}

/** Employed members whose base is one net item (the amount as the contract's decimal text). */
function members(n) {
  return Array.from(basesFen(n), (fen, i) => ({
    member_id: `M${i}`,
    category: 'employed',
    incomes: [{ items: [{ code: 'net_base', amount: (fen / 100).toFixed(2) }] }],
  }));
}

/** Each entry: its input (untimed) and the call; `same` compares a fresh result with a warm one. */
const ENTRIES = {
  'assessDuesBatch (JS objects in and out, trace off)': (dj) => {
    const policy = dj.Policy.bundled();
    const input = members(N);
    return {
      call: () => dj.assessDuesBatch(policy, input, MONTH, false),
      same: (a, b) => a.assessments.length === N && JSON.stringify(a) === JSON.stringify(b),
    };
  },
  'assessDuesBatchJson (JSON text in and out, trace off)': (dj) => {
    const policy = dj.Policy.bundled();
    const input = JSON.stringify(members(N));
    return { call: () => dj.assessDuesBatchJson(policy, input, MONTH, false), same: (a, b) => a === b };
  },
  'MonthRules.amountsFen (Float64Array in and out)': (dj) => {
    const rules = dj.MonthRules.bundled(MONTH);
    const input = basesFen(N);
    return {
      call: () => rules.amountsFen('employed', input),
      same: (a, b) => a.amounts.length === N && a.amounts.every((x, i) => x === b.amounts[i]),
    };
  },
  'MonthRules.amountsFen (BigInt64Array in and out)': (dj) => {
    const rules = dj.MonthRules.bundled(MONTH);
    const input = BigInt64Array.from(basesFen(N), (b) => BigInt(b));
    return {
      call: () => rules.amountsFen('employed', input),
      same: (a, b) => a.amounts.length === N && a.amounts.every((x, i) => x === b.amounts[i]),
    };
  },
};

function seconds(fn) {
  const t0 = process.hrtime.bigint();
  const value = fn();
  return { value, s: Number(process.hrtime.bigint() - t0) / 1e9 };
}

/** In the child: one entry's fresh call, then the warm ones; one JSON line to stdout. */
function child(name) {
  const { call, same } = ENTRIES[name](loadNodePackage());
  const fresh = seconds(call);
  let warm = Infinity;
  for (let r = 0; r < ROUNDS; r++) {
    const again = seconds(call);
    if (!same(fresh.value, again.value)) throw new Error(`${name}: a warm call's result differs from the first`);
    warm = Math.min(warm, again.s);
  }
  process.stdout.write(`${JSON.stringify({ fresh: fresh.s, warm })}\n`);
}

function parent() {
  console.log(`node ${process.version} (wasm): the first call of a fresh process vs the same call warm; ${N} members, ` +
    `employed, ${MONTH}; warm = best of ${ROUNDS} in the same process; target fresh ≤ ${TARGET}× warm`);
  let missed = 0;
  for (const name of Object.keys(ENTRIES)) {
    const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', name], {
      env: process.env, encoding: 'utf8', maxBuffer: 1 << 20,
    });
    if (run.status !== 0) {
      console.log(`  ${name}: the child failed (status ${run.status})\n${run.stderr}`);
      process.exit(1);
    }
    const { fresh, warm } = JSON.parse(run.stdout.trim().split('\n').pop());
    const ratio = fresh / warm;
    if (ratio > TARGET) missed += 1;
    console.log(`  ${name.padEnd(56)} fresh ${fresh.toFixed(3).padStart(8)} s  warm ${warm.toFixed(3).padStart(8)} s  ` +
      `${ratio.toFixed(2).padStart(5)}× ${ratio <= TARGET ? 'met' : 'MISSED'}`);
  }
  if (missed > 0) console.log(`  ${missed} entr${missed === 1 ? 'y' : 'ies'} above ${TARGET}× (a loaded machine widens the spread: rerun)`);
}

const at = process.argv.indexOf('--child');
if (at === -1) parent(); else child(process.argv[at + 1]);
