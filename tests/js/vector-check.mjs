// Runs one case of the shared dues vectors (tests/vectors/dues/*.json, format in tests/vectors/README.md)
// through the dangjian package — the JSON entry points AND the object API — and lists every disagreement.
// Pure ES module with no Node imports: tests/js/vectors.test.mjs uses it in Node, tests/web/page.test.mjs
// loads it in Chromium (served at /test/js/vector-check.mjs) against the web build.

/** The kinds the README defines. */
export const KINDS = ['assess', 'assess_error', 'ledger', 'batch'];

/**
 * Runs `vectorCase` through `dj` (the package's exports). Returns the mismatches, each
 * `{ surface, field, expected, got }`; an empty array means the case passes on every surface.
 */
export function checkCase(dj, vectorCase) {
  const out = [];
  let policy;
  try {
    policy = vectorCase.policy_overrides == null
      ? dj.Policy.bundled()
      : dj.Policy.bundled().withOverridesJson(JSON.stringify(vectorCase.policy_overrides));
  } catch (e) {
    return [{ surface: 'policy', field: 'policy_overrides', expected: 'accepted', got: errorValue(e) }];
  }
  try {
    const run = RUNNERS[vectorCase.kind];
    if (!run) return [{ surface: 'harness', field: 'kind', expected: KINDS, got: vectorCase.kind }];
    run(dj, policy, vectorCase, out);
  } finally {
    policy.free();
  }
  return out;
}

/** One line per case: `field expected X got Y [surfaces]`, identical mismatches of several surfaces merged. */
export function describeMismatches(mismatches) {
  const merged = new Map();
  for (const m of mismatches) {
    const what = `${m.field} expected ${JSON.stringify(m.expected)} got ${JSON.stringify(m.got)}`;
    if (!merged.has(what)) merged.set(what, []);
    if (!merged.get(what).includes(m.surface)) merged.get(what).push(m.surface);
  }
  return [...merged].map(([what, surfaces]) => `${what} [${surfaces.join(', ')}]`).join('; ');
}

const RUNNERS = { assess: runAssess, assess_error: runAssessError, ledger: runLedger, batch: runBatch };

function errorValue(e) {
  return e && typeof e === 'object' && typeof e.code === 'string'
    ? { code: e.code, field: e.field, kind: e.kind }
    : String(e);
}

/** Compares every expected key with the observed object (deep equality on JSON values). */
function compare(out, surface, expect, got) {
  for (const [key, want] of Object.entries(expect)) {
    const have = got[key] === undefined ? null : got[key];
    if (!sameJson(want, have)) out.push({ surface, field: key, expected: want, got: have });
  }
}

function sameJson(a, b) {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(v) {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical(v[k])]));
  }
  return v;
}

/** `f()`'s value, or the mismatch of a surface that threw where a result was expected. */
function attempt(out, surface, expected, f) {
  try {
    return { ok: true, value: f() };
  } catch (e) {
    out.push({ surface, field: 'result', expected, got: errorValue(e) });
    return { ok: false };
  }
}

/** The object API must give exactly the JSON entry point's document, as plain JS values. */
function sameAsJson(out, surface, jsonText, object) {
  const doc = JSON.parse(jsonText);
  if (!sameJson(doc, object) || JSON.stringify(doc) !== JSON.stringify(object)) {
    out.push({ surface, field: 'object result', expected: 'the JSON entry point\'s document', got: object });
  }
}

const codesOf = (findings) => (findings ?? []).map((f) => f.code);

function assessmentFields(a) {
  return { amount: a.amount, base: a.base, rate: a.rate, codes: codesOf(a.findings) };
}

function runAssess(dj, policy, c, out) {
  const memberJson = JSON.stringify(c.member);
  for (const trace of [true, false]) {
    const tag = trace ? ' trace' : '';
    const json = attempt(out, `json${tag}`, 'an assessment', () => dj.assessDuesJson(policy, memberJson, c.month, trace));
    if (json.ok) compare(out, `json${tag}`, c.expect, assessmentFields(JSON.parse(json.value)));
    const obj = attempt(out, `object${tag}`, 'an assessment', () => dj.assessDues(policy, c.member, c.month, trace));
    if (obj.ok) {
      compare(out, `object${tag}`, c.expect, assessmentFields(obj.value));
      if (json.ok) sameAsJson(out, `object${tag}`, json.value, obj.value);
      if (!trace && obj.value.trace.length !== 0) {
        out.push({ surface: 'object', field: 'trace (trace off)', expected: [], got: obj.value.trace.length });
      }
    }
  }
  // No `trace` argument: the core's default, trace on.
  const withTrace = attempt(out, 'object', 'an assessment', () => dj.assessDues(policy, c.member, c.month, true));
  const byDefault = attempt(out, 'object default', 'an assessment', () => dj.assessDues(policy, c.member, c.month));
  if (withTrace.ok && byDefault.ok && !sameJson(withTrace.value, byDefault.value)) {
    out.push({ surface: 'object default', field: 'assessment', expected: withTrace.value, got: byDefault.value });
  }
}

function runAssessError(dj, policy, c, out) {
  const memberJson = JSON.stringify(c.member);
  const surfaces = [
    ['json trace', () => dj.assessDuesJson(policy, memberJson, c.month, true)],
    ['json', () => dj.assessDuesJson(policy, memberJson, c.month, false)],
    ['object trace', () => dj.assessDues(policy, c.member, c.month, true)],
    ['object', () => dj.assessDues(policy, c.member, c.month, false)],
  ];
  for (const [surface, f] of surfaces) {
    let result;
    try {
      result = f();
    } catch (e) {
      if (!dj.isDangjianError(e)) {
        out.push({ surface, field: 'error', expected: 'a DangjianError', got: String(e) });
        continue;
      }
      compare(out, surface, c.expect, { code: e.code, field: e.field });
      if (!['invalid_input', 'policy', 'calendar'].includes(e.kind)) {
        out.push({ surface, field: 'kind', expected: 'a kind', got: e.kind });
      }
      continue;
    }
    const amount = typeof result === 'string' ? JSON.parse(result).amount : result.amount;
    out.push({ surface, field: 'result', expected: c.expect, got: { amount } });
  }
}

function ledgerFields(r) {
  return {
    total_due: r.total_due,
    total_paid: r.total_paid,
    outstanding: r.outstanding,
    arrears: r.arrears,
    remitted_to_centre: r.remitted_to_centre,
    voluntary_total: r.voluntary_total,
    lapse_on: r.lapse_on ?? null,
    codes: codesOf(r.findings),
  };
}

function runLedger(dj, policy, c, out) {
  const json = attempt(out, 'json', 'a ledger report',
    () => dj.evaluateDuesLedgerJson(policy, JSON.stringify(c.ledger), c.as_of));
  if (json.ok) compare(out, 'json', c.expect, ledgerFields(JSON.parse(json.value)));
  const obj = attempt(out, 'object', 'a ledger report', () => dj.evaluateDuesLedger(policy, c.ledger, c.as_of));
  if (obj.ok) {
    compare(out, 'object', c.expect, ledgerFields(obj.value));
    if (json.ok) sameAsJson(out, 'object', json.value, obj.value);
  }
}

function batchFields(b) {
  const amounts = {};
  const duplicates = [];
  for (const a of b.assessments) {
    if (Object.hasOwn(amounts, a.member_id)) duplicates.push(a.member_id);
    amounts[a.member_id] = a.amount;
  }
  const errors = b.errors.map((e) => ({ index: e.index, code: e.code, field: e.field }));
  return duplicates.length ? { amounts, errors, duplicate_assessments: duplicates } : { amounts, errors };
}

function runBatch(dj, policy, c, out) {
  const membersJson = JSON.stringify(c.members);
  for (const trace of [true, false]) {
    const tag = trace ? ' trace' : '';
    const json = attempt(out, `json${tag}`, 'a batch result',
      () => dj.assessDuesBatchJson(policy, membersJson, c.month, trace));
    if (json.ok) compare(out, `json${tag}`, c.expect, batchFields(JSON.parse(json.value)));
    const obj = attempt(out, `object${tag}`, 'a batch result', () => dj.assessDuesBatch(policy, c.members, c.month, trace));
    if (obj.ok) {
      compare(out, `object${tag}`, c.expect, batchFields(obj.value));
      if (json.ok) sameAsJson(out, `object${tag}`, json.value, obj.value);
    }
  }
}
