// Runs one case of the shared vectors (tests/vectors/{dues,credits,disclosure,membership}/*.json, format in
// tests/vectors/README.md) through the dangjian package — the JSON entry points AND the object API, compared as
// the Rust harnesses compare (core/tests/vectors.rs, credits_vectors.rs, disclosure_vectors.rs,
// membership_vectors.rs) — and lists
// every disagreement. Pure ES module with no Node imports: tests/js/vectors.test.mjs uses it in Node,
// tests/web/page.test.mjs loads it in Chromium (served at /test/js/vector-check.mjs) against the web build.

/** The kinds the README defines, per vector folder. */
export const SUITES = {
  dues: ['assess', 'assess_error', 'ledger', 'batch'],
  credits: ['score', 'score_jsonl', 'scheme_error', 'leaderboard', 'rate', 'close'],
  disclosure: ['notice', 'notice_error', 'redact', 'visible', 'board', 'catalogue', 'deadlines', 'workflow', 'audit_verify',
    'audit_verify_signed', 'audit_verify_jsonl', 'audit_append_head'],
  membership: ['member_check', 'member_error', 'apply', 'rights', 'org_check'],
};

/** Every kind. */
export const KINDS = Object.values(SUITES).flat();

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
  const env = { policy, calendar: dj.Calendar.official() };
  try {
    const run = RUNNERS[vectorCase.kind];
    if (!run) return [{ surface: 'harness', field: 'kind', expected: KINDS, got: vectorCase.kind }];
    run(dj, env, vectorCase, out);
  } finally {
    policy.free();
    env.calendar.free();
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

// ---- Comparing ---------------------------------------------------------------------------------------------

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

/**
 * Runs each `[surface, call, sameAsJsonDoc = true]`: a call returning a string is a JSON entry point (its
 * document is parsed); `project(result)` is compared with `expect`. An object result must also be exactly the
 * document of the JSON surface run before it (unless `sameAsJsonDoc` is false: a different shape by design).
 */
function runSurfaces(out, expect, what, project, surfaces, compareWith = compare) {
  let jsonText;
  for (const [surface, call, sameAsJsonDoc = true] of surfaces) {
    const r = attempt(out, surface, what, call);
    if (!r.ok) continue;
    const isJson = typeof r.value === 'string';
    const value = isJson ? JSON.parse(r.value) : r.value;
    compareWith(out, surface, expect, project(value));
    if (isJson) jsonText = r.value;
    else if (sameAsJsonDoc && jsonText !== undefined) sameAsJson(out, surface, jsonText, value);
  }
}

/** Each `[surface, call]` must throw a DangjianError whose `code` and `field` are `expect`'s. */
function expectErrors(dj, out, expect, surfaces) {
  for (const [surface, f] of surfaces) {
    let result;
    try {
      result = f();
    } catch (e) {
      if (!dj.isDangjianError(e)) {
        out.push({ surface, field: 'error', expected: 'a DangjianError', got: String(e) });
        continue;
      }
      compare(out, surface, expect, { code: e.code, field: e.field });
      if (!['invalid_input', 'policy', 'calendar'].includes(e.kind)) {
        out.push({ surface, field: 'kind', expected: 'a kind', got: e.kind });
      }
      continue;
    }
    out.push({ surface, field: 'result', expected: expect, got: result });
  }
}

const codesOf = (findings) => (findings ?? []).map((f) => f.code);
const TRACE = [[' trace', true], ['', false]];

// ---- Dues --------------------------------------------------------------------------------------------------

function assessmentFields(a) {
  return { amount: a.amount, base: a.base, rate: a.rate, codes: codesOf(a.findings) };
}

function runAssess(dj, { policy }, c, out) {
  const memberJson = JSON.stringify(c.member);
  for (const [tag, trace] of TRACE) {
    runSurfaces(out, c.expect, 'an assessment', assessmentFields, [
      [`json${tag}`, () => dj.assessDuesJson(policy, memberJson, c.month, trace)],
      [`object${tag}`, () => dj.assessDues(policy, c.member, c.month, trace)],
    ]);
  }
  const quiet = attempt(out, 'object', 'an assessment', () => dj.assessDues(policy, c.member, c.month, false));
  if (quiet.ok && quiet.value.trace.length !== 0) {
    out.push({ surface: 'object', field: 'trace (trace off)', expected: [], got: quiet.value.trace.length });
  }
  // No `trace` argument: the core's default, trace on.
  const withTrace = attempt(out, 'object', 'an assessment', () => dj.assessDues(policy, c.member, c.month, true));
  const byDefault = attempt(out, 'object default', 'an assessment', () => dj.assessDues(policy, c.member, c.month));
  if (withTrace.ok && byDefault.ok && !sameJson(withTrace.value, byDefault.value)) {
    out.push({ surface: 'object default', field: 'assessment', expected: withTrace.value, got: byDefault.value });
  }
}

function runAssessError(dj, { policy }, c, out) {
  const memberJson = JSON.stringify(c.member);
  expectErrors(dj, out, c.expect, TRACE.flatMap(([tag, trace]) => [
    [`json${tag}`, () => dj.assessDuesJson(policy, memberJson, c.month, trace)],
    [`object${tag}`, () => dj.assessDues(policy, c.member, c.month, trace)],
  ]));
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

function runLedger(dj, { policy }, c, out) {
  runSurfaces(out, c.expect, 'a ledger report', ledgerFields, [
    ['json', () => dj.evaluateDuesLedgerJson(policy, JSON.stringify(c.ledger), c.as_of)],
    ['object', () => dj.evaluateDuesLedger(policy, c.ledger, c.as_of)],
  ]);
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

function runBatch(dj, { policy }, c, out) {
  const membersJson = JSON.stringify(c.members);
  for (const [tag, trace] of TRACE) {
    runSurfaces(out, c.expect, 'a batch result', batchFields, [
      [`json${tag}`, () => dj.assessDuesBatchJson(policy, membersJson, c.month, trace)],
      [`object${tag}`, () => dj.assessDuesBatch(policy, c.members, c.month, trace)],
    ]);
  }
}

// ---- Credits -----------------------------------------------------------------------------------------------

/** The case's scheme (a preset name or a document), passed to `use` and freed after. */
function withScheme(dj, c, use) {
  const scheme = c.scheme === 'learning_platform' ? dj.CreditsScheme.learningPlatform()
    : c.scheme === 'member_points' ? dj.CreditsScheme.memberPoints()
      : dj.CreditsScheme.fromJson(JSON.stringify(c.scheme));
  try {
    use(scheme);
  } finally {
    scheme.free();
  }
}

/**
 * The scored document in the shape of `expect`, as credits_vectors.rs reads it: entries listed in `expect`
 * as `[points, reason]` (null when missing), each expected total's `score` (null when the total is missing),
 * the duplicates, and the errors reduced to the keys the expectation lists (in order, count exact).
 */
function scoredFields(expect) {
  return (doc) => {
    const entries = Object.fromEntries(Object.keys(expect.entries ?? {}).map((id) => {
      const e = doc.entries.find((x) => x.event_id === id);
      return [id, e ? [e.points, e.reason] : null];
    }));
    const totals = (expect.totals ?? []).map((want) => {
      const t = doc.totals.find((x) => ['member_id', 'kind', 'period'].every((k) => x[k] === want[k]));
      return t ? { ...want, score: t.score } : { ...want, score: null };
    });
    const errors = doc.errors.map((g, i) => {
      const keys = Object.keys(expect.errors?.[i] ?? g);
      return Object.fromEntries(keys.map((k) => [k, g[k] ?? null]));
    });
    return { entries, totals, duplicates: doc.duplicates, errors };
  };
}

function runScore(dj, env, c, out) {
  const inputJson = JSON.stringify(c.input);
  const project = scoredFields(c.expect);
  withScheme(dj, c, (scheme) => {
    for (const explain of [true, false]) {
      runSurfaces(out, c.expect, 'a scored document', project, [
        [`json explain=${explain}`, () => dj.creditsScoreJson(scheme, inputJson, explain)],
        [`object explain=${explain}`, () => dj.creditsScore(scheme, c.input, explain)],
      ]);
    }
    // The incremental scorer, fed the same input call by call: the same entries and totals.
    const ledgerExpect = Object.fromEntries(Object.entries(c.expect).filter(([k]) => ['entries', 'totals'].includes(k)));
    runSurfaces(out, ledgerExpect, 'a ledger', project, [
      ['json', () => dj.creditsScoreJson(scheme, inputJson, false)],
      ['scorer', () => scorerDocument(dj, scheme, c.input), false],
    ]);
  });
}

/** What a CreditsScorer holds after ingest, voidEvents and recordOffences, as a scored document. */
function scorerDocument(dj, scheme, input) {
  const scorer = new dj.CreditsScorer(scheme);
  try {
    return feedScorer(scorer, input);
  } finally {
    scorer.free();
  }
}

/** Feeds `input` (events, voids, offences) to `scorer`; its ledger and totals and the calls' errors. */
function feedScorer(scorer, input) {
  const calls = [scorer.ingest(input.events), scorer.voidEvents(input.voids ?? []),
    scorer.recordOffences(input.offences ?? [])];
  return {
    entries: scorer.ledger(),
    totals: scorer.totals(),
    duplicates: [...calls[0].duplicates].sort(),
    errors: calls.flatMap((r) => r.errors),
  };
}

/** A scorer closes `close_through` after `input`: the closed entries' ids, then the ledger after `after`. */
function runClose(dj, env, c, out) {
  const { closed, ...rest } = c.expect;
  withScheme(dj, c, (scheme) => {
    const scorer = new dj.CreditsScorer(scheme);
    try {
      scorer.ingest(c.input.events);
      runSurfaces(out, { closed }, 'closed days', (d) => ({ closed: d.entries.map((e) => e.event_id) }), [
        ['closeThrough', () => scorer.closeThrough(c.close_through)],
      ]);
      runSurfaces(out, rest, 'a ledger', scoredFields(rest), [['scorer', () => feedScorer(scorer, c.after)]]);
    } finally {
      scorer.free();
    }
  });
}

function runScoreJsonl(dj, env, c, out) {
  const lines = c.lines.join('\n');
  withScheme(dj, c, (scheme) => {
    for (const explain of [false, true]) {
      runSurfaces(out, c.expect, 'a scored document', scoredFields(c.expect), [
        [`jsonl json explain=${explain}`, () => dj.creditsScoreJsonlJson(scheme, lines, explain)],
        [`jsonl object explain=${explain}`, () => dj.creditsScoreJsonl(scheme, lines, explain)],
      ]);
    }
  });
}

function runSchemeError(dj, env, c, out) {
  expectErrors(dj, out, c.expect, [['fromJson', () => dj.CreditsScheme.fromJson(JSON.stringify(c.scheme))]]);
}

function runLeaderboard(dj, env, c, out) {
  const args = [c.period_kind, c.period, c.org];
  runSurfaces(out, c.expect, 'a leaderboard', (rows) => ({ ranks: rows.map((r) => [r.member_id, r.rank, r.score]) }), [
    ['json', () => dj.creditsLeaderboardJson(JSON.stringify(c.totals), JSON.stringify(c.orgs), ...args)],
    ['object', () => dj.creditsLeaderboard(c.totals, c.orgs, ...args)],
  ]);
}

function runRate(dj, env, c, out) {
  runSurfaces(out, c.expect, 'ratings', (rows) => ({ tiers: Object.fromEntries(rows.map((r) => [r.member_id, r.tier])) }), [
    ['json', () => dj.creditsRateJson(JSON.stringify(c.scores), JSON.stringify(c.tiers))],
    ['object', () => dj.creditsRate(c.scores, c.tiers)],
  ]);
}

// ---- Disclosure --------------------------------------------------------------------------------------------

function runNotice(dj, { policy, calendar }, c, out) {
  const project = (r) => ({ working_days: r.working_days, earliest_close: r.earliest_close, result: r.result,
    codes: codesOf(r.findings) });
  runSurfaces(out, c.expect, 'a notice report', project, [
    ['json', () => dj.disclosureEvaluateNoticeJson(policy, calendar, JSON.stringify(c.notice), c.on)],
    ['object', () => dj.disclosureEvaluateNotice(policy, calendar, c.notice, c.on)],
  ]);
}

function runNoticeError(dj, { policy, calendar }, c, out) {
  expectErrors(dj, out, c.expect, [
    ['json', () => dj.disclosureEvaluateNoticeJson(policy, calendar, JSON.stringify(c.notice), c.on)],
    ['object', () => dj.disclosureEvaluateNotice(policy, calendar, c.notice, c.on)],
  ]);
}

/** The masked text, kinds and ranges of the findings. */
const redaction = (masked, found) => ({ masked, kinds: found.map((f) => f.kind),
  found: found.map((f) => ({ kind: f.kind, start: f.start, end: f.end })) });

/**
 * The harness masks and scans the text (default options: only for cases without policy overrides); the
 * preview of an item published to society (always masked) under the case's policy too.
 */
function runRedact(dj, { policy }, c, out) {
  const item = { schema_version: 1, id: 'V', org: 'B1', title: 'vector', body: c.text, category: 'service',
    scope: { kind: 'to_society' }, created_by: 'P1', created_at: '2026-03-02T09:00:00+08:00', status: 'reviewed' };
  if (!c.policy_overrides) {
    runSurfaces(out, c.expect, 'a masked text', (r) => r, [
      ['scan/mask', () => redaction(dj.disclosureMask(c.text), dj.disclosureScan(c.text))],
    ]);
  }
  runSurfaces(out, c.expect, 'a redaction preview', (p) => redaction(p.text, p.found), [
    ['preview json', () => dj.disclosureRedactionPreviewJson(policy, JSON.stringify(item), '2026-03-03')],
    ['preview object', () => dj.disclosureRedactionPreview(policy, item, '2026-03-03')],
  ]);
}

function runVisible(dj, env, c, out) {
  const [ctx, viewer, item] = [c.context, c.viewer, c.item];
  const json = [JSON.stringify(ctx), JSON.stringify(viewer)];
  runSurfaces(out, c.expect, 'a boolean', (visible) => ({ visible }), [
    ['json', () => dj.disclosureVisibleJson(...json, JSON.stringify(item), c.on)],
    ['object', () => dj.disclosureVisible(ctx, viewer, item, c.on)],
  ]);
  // filterVisible over the one item: ids (JSON) and the items themselves (objects).
  runSurfaces(out, c.expect, 'the visible items', (shown) => ({ visible: shown.length === 1 }), [
    ['filter json', () => dj.disclosureFilterVisibleJson(...json, JSON.stringify([item]), c.on)],
    ['filter object', () => dj.disclosureFilterVisible(ctx, viewer, [item], c.on), false],
  ]);
}

/** The board as of `on` (entries compared whole) and filterVisible's ids, JSON and object API. */
function runBoard(dj, { policy }, c, out) {
  const [ctx, viewer, items] = [c.context, c.viewer, c.items];
  const json = [JSON.stringify(ctx), JSON.stringify(viewer), JSON.stringify(items)];
  const entries = (e) => ({ entries: e });
  runSurfaces(out, { entries: c.expect.entries }, 'the board', entries, [
    ['board json', () => dj.disclosureBoardJson(policy, ...json, c.on)],
    ['board object', () => dj.disclosureBoard(policy, ctx, viewer, items, c.on)],
  ]);
  runSurfaces(out, { ids: c.expect.ids }, 'the visible items', (shown) => ({ ids: shown.map((i) => (typeof i === 'string' ? i : i.id)) }), [
    ['filter json', () => dj.disclosureFilterVisibleJson(...json, c.on)],
    ['filter object', () => dj.disclosureFilterVisible(ctx, viewer, items, c.on), false],
  ]);
}

function runCatalogue(dj, { policy, calendar }, c, out) {
  const project = (r) => ({
    dues: r.value.map((d) => ({ code: d.code, period: d.period, due_on: d.due_on, status: d.status })),
    codes: codesOf(r.findings),
  });
  runSurfaces(out, c.expect, 'the catalogue status', project, [
    ['json', () => dj.disclosureCatalogueStatusJson(policy, calendar, JSON.stringify(c.catalogue),
      JSON.stringify(c.items), c.on)],
    ['object', () => dj.disclosureCatalogueStatus(policy, calendar, c.catalogue, c.items, c.on)],
  ]);
}

function runDeadlines(dj, { policy, calendar }, c, out) {
  const project = (r) => ({
    deadlines: r.value.map((d) => ({ kind: d.kind, due_on: d.due_on, overdue: d.overdue })),
    codes: codesOf(r.findings),
  });
  runSurfaces(out, c.expect, 'the deadlines', project, [
    ['json', () => dj.disclosureItemDeadlinesJson(policy, calendar, JSON.stringify(c.item), c.on)],
    ['object', () => dj.disclosureItemDeadlines(policy, calendar, c.item, c.on)],
  ]);
}

/** The procedure through one surface's functions: objects in and out, or JSON strings (wrapped to objects). */
const WORKFLOW_SURFACES = {
  object: (dj) => ({
    create: dj.disclosureCreate,
    append: dj.disclosureAuditAppend,
    apply: dj.disclosureApply,
    verify: dj.disclosureVerifyAudit,
  }),
  json: (dj) => {
    const s = JSON.stringify;
    return {
      create: (ctx, item, actor, at) => JSON.parse(dj.disclosureCreateJson(s(ctx), s(item), actor, at)),
      append: (log, event) => JSON.parse(dj.disclosureAuditAppendJson(s(log), s(event))),
      apply: (p, ctx, item, action, log) => JSON.parse(dj.disclosureApplyJson(p, s(ctx), s(item), s(action), s(log))),
      verify: (log) => JSON.parse(dj.disclosureVerifyAuditJson(s(log))),
    };
  },
};

/** As disclosure_vectors.rs: create, start the log with its event, apply the actions in order. */
function workflowResult(api, policy, c) {
  const created = api.create(c.context, c.new_item, c.actor, c.at);
  let { item } = created;
  let log = api.append({ schema_version: 1, entries: [] }, created.event);
  for (const [step, action] of c.actions.entries()) {
    try {
      ({ item, log } = api.apply(policy, c.context, item, action, log));
    } catch (e) {
      return { error: { step, code: e.code, field: e.field } };
    }
  }
  const verified = api.verify(log);
  return { status: item.status, version: item.versions.length, log_entries: log.entries.length,
    log_valid: verified.valid && verified.entries === log.entries.length };
}

function runWorkflow(dj, { policy }, c, out) {
  const expect = 'error' in c.expect ? c.expect : { ...c.expect, log_valid: true };
  for (const [surface, api] of Object.entries(WORKFLOW_SURFACES)) {
    runSurfaces(out, expect, 'a workflow result', (r) => r, [[surface, () => workflowResult(api(dj), policy, c)]]);
  }
}

function runAuditVerify(dj, env, c, out) {
  runSurfaces(out, c.expect, 'a verification', (v) => v, [
    ['json', () => JSON.parse(dj.disclosureVerifyAuditJson(JSON.stringify(c.log)))],
    ['object', () => dj.disclosureVerifyAudit(c.log)],
  ]);
}

/** `{ error: { code, field } }` for a DangjianError, the value otherwise. */
function orError(dj, call) {
  try {
    return call();
  } catch (e) {
    if (!dj.isDangjianError(e)) throw e;
    return { error: { code: e.code, field: e.field } };
  }
}

function runAuditVerifySigned(dj, env, c, out) {
  runSurfaces(out, c.expect, 'a verification', (v) => v, [
    ['object', () => orError(dj, () => dj.disclosureVerifyAuditSigned(c.log, c.public_key))],
    ['jsonl', () => orError(dj, () => dj.disclosureVerifyAuditJsonl(logLines(c.log), c.public_key))],
  ]);
}

/** A log document as JSON Lines (header, entries, each checkpoint after its entry): the stream surface. */
function logLines(log) {
  const lines = [JSON.stringify({ schema_version: log.schema_version })];
  const cps = [...(log.checkpoints ?? [])];
  const due = (n) => { while (cps.length && cps[0].entries <= n) lines.push(JSON.stringify({ checkpoint: cps.shift() })); };
  due(0);
  log.entries.forEach((e, i) => { lines.push(JSON.stringify(e)); due(i + 1); });
  due(Infinity);
  return lines.join('\n');
}

function runAuditVerifyJsonl(dj, env, c, out) {
  runSurfaces(out, c.expect, 'a verification', (v) => v, [
    ['object', () => orError(dj, () => dj.disclosureVerifyAuditJsonl(c.lines.join('\n'), c.public_key))],
  ]);
}

function runAuditAppendHead(dj, env, c, out) {
  const project = (r) => {
    if (r.error) return r;
    const [e] = r.entries;
    return { seq: e.seq, prev_hash: e.prev_hash, hash: e.hash, head_entries: r.head.entries, head_hash: r.head.hash };
  };
  runSurfaces(out, c.expect, 'an append', project, [
    ['json', () => orError(dj, () => JSON.parse(dj.disclosureAuditAppendAtHeadJson(JSON.stringify(c.head), JSON.stringify(c.event))))],
    ['object', () => orError(dj, () => dj.disclosureAuditAppendAtHead(c.head, c.event))],
  ]);
}

// ---- Membership ------------------------------------------------------------------------------------------
// As membership_vectors.rs: `expect` is a subset (objects compared key by key, recursively, a missing key read
// as null; arrays and scalars exactly), `codes` compared as sorted lists, `next_steps` as code → {due, earliest}
// of the first step with that code.

/** Whether `got` has everything `want` lists (membership_vectors.rs `contains`). */
function containsJson(want, got) {
  const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (isObject(want) && isObject(got)) {
    return Object.entries(want).every(([k, v]) => containsJson(v, got[k] === undefined ? null : got[k]));
  }
  return sameJson(want, got);
}

const sortedCodes = (codes) => (Array.isArray(codes) ? codes.filter((c) => typeof c === 'string') : []).sort();

function compareSubset(out, surface, expect, got) {
  for (const [key, raw] of Object.entries(expect)) {
    const want = key === 'codes' ? sortedCodes(raw) : raw;
    const have = got[key] === undefined ? null : got[key];
    if (!containsJson(want, have)) out.push({ surface, field: key, expected: want, got: have });
  }
}

/** Next steps as code → {due, earliest} of the first step with that code (the soonest, as reports sort them). */
function stepsShape(nextSteps) {
  const steps = {};
  for (const step of nextSteps) {
    if (!Object.hasOwn(steps, step.code)) steps[step.code] = { due: step.due ?? null, earliest: step.earliest ?? null };
  }
  return steps;
}

/** A report in the shape of a `member_check` expectation. */
function reportShape(report) {
  return { ...report, codes: sortedCodes(codesOf(report.findings)), next_steps: stepsShape(report.next_steps) };
}

/** An organizations report in the shape of an `org_check` expectation (membership_vectors.rs `org_shape`). */
function orgShape(report) {
  const keyed = (items, key, value) =>
    Object.fromEntries(items.map((i) => [typeof i[key] === 'string' ? i[key] : JSON.stringify(i[key]), value(i)]));
  const orgs = {};
  for (const section of report.orgs) {
    orgs[section.org] = {
      ...section,
      next_steps: stepsShape(section.next_steps),
      missing: keyed(section.life.rules, 'meeting', (r) => r.missing),
      attendance: keyed(section.life.attendance, 'member', (a) => a.rate ?? null),
      elections: keyed(section.elections, 'id', (e) => e),
      reviews: keyed(section.reviews, 'year', (r) => r),
    };
  }
  return { codes: sortedCodes(codesOf(report.findings)), orgs };
}

function runOrgCheck(dj, { policy }, c, out) {
  runSurfaces(out, c.expect, 'an organizations report', orgShape, [
    ['json', () => dj.membershipCheckOrgsJson(policy, JSON.stringify(c.document), c.on)],
    ['object', () => dj.membershipCheckOrgs(policy, c.document, c.on)],
  ], compareSubset);
}

/** The batch result for the case's member: its report, its error entry, or `{missing}`. */
function memberOutcome(member) {
  return (batch) => {
    const report = batch.reports.find((r) => r.member_id === member);
    if (report) return reportShape(report);
    const error = batch.errors.find((e) => e.member_id === member);
    return error ? { code: error.code, field: error.field } : { missing: member };
  };
}

function runMemberCheck(dj, { policy, calendar }, c, out) {
  const doc = { members: c.members, meetings: c.meetings ?? [], ledgers: c.ledgers ?? [] };
  runSurfaces(out, c.expect, 'a batch result', memberOutcome(c.member), [
    ['json', () => dj.membershipCheckMembersJson(policy, calendar, JSON.stringify(doc), c.on)],
    ['object', () => dj.membershipCheckMembers(policy, calendar, doc, c.on)],
  ], compareSubset);
}

/** `{ok: true}` or `{error: {code, field}}`, as membership_vectors.rs reads apply_event_json. */
function runApply(dj, { policy, calendar }, c, out) {
  const s = JSON.stringify;
  let jsonDoc;
  for (const [surface, call] of [
    ['json', () => JSON.parse(dj.membershipApplyEventJson(policy, calendar, s(c.record), s(c.event), s(c.members)))],
    ['object', () => dj.membershipApplyEvent(policy, calendar, c.record, c.event, c.members)],
  ]) {
    let got;
    try {
      const record = call();
      got = { ok: true };
      if (surface === 'json') jsonDoc = record;
      else if (jsonDoc !== undefined && JSON.stringify(jsonDoc) !== JSON.stringify(record)) {
        out.push({ surface, field: 'object result', expected: 'the JSON entry point\'s document', got: record });
      }
    } catch (e) {
      if (!dj.isDangjianError(e)) {
        out.push({ surface, field: 'error', expected: 'a DangjianError', got: String(e) });
        continue;
      }
      got = { error: { code: e.code, field: e.field } };
    }
    compareSubset(out, surface, c.expect, got);
  }
}

function runRights(dj, { policy }, c, out) {
  runSurfaces(out, c.expect, 'rights', (r) => r, [
    ['json', () => dj.membershipRightsJson(policy, JSON.stringify(c.record), c.on)],
    ['object', () => dj.membershipRights(policy, c.record, c.on)],
  ], compareSubset);
}

const RUNNERS = {
  assess: runAssess,
  assess_error: runAssessError,
  ledger: runLedger,
  batch: runBatch,
  score: runScore,
  score_jsonl: runScoreJsonl,
  scheme_error: runSchemeError,
  leaderboard: runLeaderboard,
  rate: runRate,
  close: runClose,
  notice: runNotice,
  notice_error: runNoticeError,
  redact: runRedact,
  visible: runVisible,
  board: runBoard,
  catalogue: runCatalogue,
  deadlines: runDeadlines,
  workflow: runWorkflow,
  audit_verify: runAuditVerify,
  audit_verify_signed: runAuditVerifySigned,
  audit_verify_jsonl: runAuditVerifyJsonl,
  audit_append_head: runAuditAppendHead,
  member_check: runMemberCheck,
  member_error: runMemberCheck,
  apply: runApply,
  rights: runRights,
  org_check: runOrgCheck,
};
