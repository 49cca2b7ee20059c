// The error vectors (tests/vectors/errors-*.json, format in tests/vectors/README.md) through the Node build: each
// case calls the JSON-document entry point it names with its bad input; the call must throw a DangjianError with
// the case's code and field path (or, for a batch, answer with each bad item's index or line, code and field), and
// every message must read as a sentence (no serde wording). The same files run on Rust
// (core/tests/error_vectors.rs), Kotlin (tests/kotlin/ErrorVectors.kt) and Python (tests/python/test_error_vectors.py).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, loadNodePackage } from './helpers.mjs';

const dj = loadNodePackage();
const VECTORS = join(ROOT, 'tests', 'vectors');
const ENGINES = ['audit', 'calendar', 'credits', 'disclosure', 'dues', 'membership', 'policy'];
/** serde's own words: a message carrying one was written for a programmer, not for a party worker. */
const SERDE_WORDING = ['expected', 'invalid type', 'invalid value', 'variant', 'at line', 'missing field',
  'unknown field', 'EOF while'];

/** An argument as the JSON entry points take it: a string as it is, any other value as its JSON text. */
const arg = (args, name) => {
  if (!(name in args)) throw new Error(`missing argument ${name}`);
  const v = args[name];
  return typeof v === 'string' ? v : JSON.stringify(v);
};

const schemes = { learning_platform: () => dj.CreditsScheme.learningPlatform(), member_points: () => dj.CreditsScheme.memberPoints() };

/** Calls the export behind `entry` (the core's `engine.function`) with the case's arguments. */
function call(entry, args) {
  const p = dj.Policy.bundled();
  const c = dj.Calendar.official();
  const s = (name) => arg(args, name);
  const calls = {
    'dues.assess_json': () => dj.assessDuesJson(p, s('member'), s('month'), false),
    'dues.assess_batch_json': () => dj.assessDuesBatchJson(p, s('members'), s('month'), false),
    'dues.evaluate_ledger_json': () => dj.evaluateDuesLedgerJson(p, s('ledger'), s('as_of')),
    'dues.summarize_json': () => dj.summarizeDuesJson(s('reports'), s('period')),
    'membership.check_member_json': () => dj.membershipCheckMemberJson(p, c, s('record'), s('on')),
    'membership.check_members_json': () => dj.membershipCheckMembersJson(p, c, s('members'), s('on')),
    'membership.apply_event_json': () => dj.membershipApplyEventJson(p, c, s('record'), s('event'), s('roster')),
    'membership.rights_json': () => dj.membershipRightsJson(p, s('record'), s('on')),
    'membership.check_orgs_json': () => dj.membershipCheckOrgsJson(p, s('doc'), s('on')),
    'membership.check_members_lines_json': () => dj.membershipCheckMembersLinesJson(p, c, s('jsonl'), s('on')),
    'membership.check_orgs_lines_json': () => dj.membershipCheckOrgsLinesJson(p, s('jsonl'), s('on')),
    'credits.scheme_from_json': () => dj.CreditsScheme.fromJson(s('json')) && 'ok',
    'credits.score_json': () => dj.creditsScoreJson(schemes[s('scheme')](), s('input'), false),
    'credits.score_jsonl': () => dj.creditsScoreJsonlJson(schemes[s('scheme')](), s('jsonl'), false),
    'credits.leaderboard_json': () => dj.creditsLeaderboardJson(s('totals'), s('orgs'), s('kind'), s('period'), s('org')),
    'credits.rate_json': () => dj.creditsRateJson(s('scores'), s('tiers')),
    'credits.meeting_events_json': () => dj.creditsMeetingEventsJson(s('records'), s('activity')),
    'credits.dues_events_json': () => dj.creditsDuesEventsJson(s('ledger'), s('activity')),
    'disclosure.create_json': () => dj.disclosureCreateJson(s('context'), s('new_item'), s('actor'), s('at')),
    'disclosure.apply_json': () => dj.disclosureApplyJson(p, s('context'), s('item'), s('action'), s('log')),
    'disclosure.visible_json': () => JSON.stringify(dj.disclosureVisibleJson(s('context'), s('viewer'), s('item'), s('on'))),
    'disclosure.filter_visible_json': () => dj.disclosureFilterVisibleJson(s('context'), s('viewer'), s('items'), s('on')),
    'disclosure.board_json': () => dj.disclosureBoardJson(p, s('context'), s('viewer'), s('items'), s('on')),
    'disclosure.item_deadlines_json': () => dj.disclosureItemDeadlinesJson(p, c, s('item'), s('on')),
    'disclosure.catalogue_status_json': () => dj.disclosureCatalogueStatusJson(p, c, s('catalogue'), s('items'), s('on')),
    'disclosure.evaluate_notice_json': () => dj.disclosureEvaluateNoticeJson(p, c, s('notice'), s('on')),
    'disclosure.redaction_preview_json': () => dj.disclosureRedactionPreviewJson(p, s('item'), s('on')),
    'disclosure.dues_disclosure_json': () => dj.disclosureDuesReportJson(s('summary'), s('org'), s('id'), s('uses')),
    'audit.verify_audit_json': () => dj.disclosureVerifyAuditJson(s('log')),
    'audit.audit_append_json': () => dj.disclosureAuditAppendJson(s('log'), s('event')),
    'audit.audit_append_head_json': () => dj.disclosureAuditAppendAtHeadJson(s('head'), s('event')),
    'audit.apply_head_json': () => dj.disclosureApplyAtHeadJson(p, s('context'), s('item'), s('action'), s('head')),
    // The JS API takes the log as an object here (no JSON twin): the vector's document goes in as it is.
    'audit.verify_audit_signed_json': () => JSON.stringify(dj.disclosureVerifyAuditSigned(JSON.parse(s('log')), s('public_key'))),
    'audit.verify_audit_jsonl': () => JSON.stringify(dj.disclosureVerifyAuditJsonl(s('jsonl'))),
    'policy.from_json': () => dj.Policy.fromJson(s('json')) && 'ok',
    'policy.with_overrides_json': () => p.withOverridesJson(s('json')) && 'ok',
    'calendar.load_year_json': () => { c.loadYearJson(s('json')); return 'ok'; },
  };
  if (!(entry in calls)) throw new Error(`unknown entry ${entry}`);
  return calls[entry]();
}

/** What is wrong with a message pair, if anything: empty, or serde's wording. */
function messageFault(zh, en) {
  if (!zh?.trim() || !en?.trim()) return `empty message (zh ${JSON.stringify(zh)}, en ${JSON.stringify(en)})`;
  const word = SERDE_WORDING.find((w) => zh.includes(w) || en.includes(w));
  return word ? `message carries serde's wording ${JSON.stringify(word)}: zh ${JSON.stringify(zh)} en ${JSON.stringify(en)}` : null;
}

/** A batch's item errors against the expected ones: the same count, each listed key equal, in order. */
function batchFaults(want, out) {
  const got = JSON.parse(out).errors ?? [];
  const faults = [];
  if (got.length !== want.length) faults.push(`expected ${want.length} item error(s), got ${got.length}: ${JSON.stringify(got).slice(0, 300)}`);
  want.forEach((w, i) => {
    const g = got[i];
    if (!g) return;
    if (Object.entries(w).some(([k, v]) => g[k] !== v)) faults.push(`expected ${JSON.stringify(w)}, got ${JSON.stringify(g)}`);
    const fault = messageFault(g.message_zh, g.message_en);
    if (fault) faults.push(fault);
  });
  return faults;
}

function faultsOf(c) {
  let out;
  try {
    out = call(c.entry, c.args);
  } catch (e) {
    if (!dj.isDangjianError(e)) throw e;
    if (c.expect.errors) return [`expected a batch result, got ${e.code} at ${JSON.stringify(e.field)}`];
    const faults = [];
    if (e.code !== c.expect.code || e.field !== c.expect.field) {
      faults.push(`expected ${c.expect.code} at ${JSON.stringify(c.expect.field)}, got ${e.code} at ${JSON.stringify(e.field)}`);
    }
    const fault = messageFault(e.messageZh, e.messageEn);
    if (fault) faults.push(fault);
    return faults;
  }
  if (!c.expect.errors) return [`expected an error, got ${String(out).slice(0, 300)}`];
  return batchFaults(c.expect.errors, out);
}

test('every engine has its file of error vectors', () => {
  for (const engine of ENGINES) assert.ok(existsSync(join(VECTORS, `errors-${engine}.json`)), engine);
});

const names = new Set();
for (const file of readdirSync(VECTORS).filter((f) => /^errors-.*\.json$/.test(f)).sort()) {
  for (const c of JSON.parse(readFileSync(join(VECTORS, file), 'utf8')).cases) {
    test(`error vector ${file}: ${c.name}`, () => {
      assert.ok(!names.has(c.name), `duplicate case name ${c.name}`);
      names.add(c.name);
      const faults = faultsOf(c);
      assert.deepEqual(faults, [], `${file}: ${c.name}: ${faults.join('; ')}`);
    });
  }
}
