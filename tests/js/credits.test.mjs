// Every credits export of the Node build: the scheme, the incremental scorer, the batch functions (object and
// JSON variants agree), and the coded errors (code, field, kind).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadNodePackage } from './helpers.mjs';

const dj = loadNodePackage();
const {
  CreditsScheme, CreditsScorer, creditsLeaderboard, creditsLeaderboardJson, creditsRate, creditsRateJson,
  creditsMeetingEventsJson, creditsDuesEventsJson,
  creditsScore, creditsScoreJson, creditsScoreJsonl, creditsScoreJsonlJson,
} = dj;

const login = (id, at, member = 'M1') => ({ event_id: id, member_id: member, activity: 'login', occurred_at: at });

/** `f` throws a DangjianError with these properties. */
function throwsCoded(f, { code, field, kind = 'invalid_input' }) {
  assert.throws(f, (e) => {
    assert.ok(dj.isDangjianError(e), String(e));
    assert.equal(e.name, 'DangjianError');
    assert.deepEqual({ code: e.code, field: e.field, kind: e.kind }, { code, field, kind });
    assert.match(e.messageZh, /\S/);
    assert.match(e.message, new RegExp(`^${code}`));
    return true;
  });
}

test('CreditsScheme: presets, name, toJson/fromJson round trip', () => {
  const lp = CreditsScheme.learningPlatform();
  const mp = CreditsScheme.memberPoints();
  assert.equal(lp.name, 'learning_platform');
  assert.equal(mp.name, 'member_points');
  const doc = JSON.parse(lp.toJson());
  assert.equal(doc.schema_version, 1);
  assert.equal(doc.rule_sets.length, 2);
  assert.equal(CreditsScheme.fromJson(lp.toJson()).toJson(), lp.toJson());
  assert.equal(JSON.parse(mp.toJson()).rule_sets[0].value.base_score, 60);
});

test('CreditsScheme.fromJson: coded errors with field paths and kind', () => {
  throwsCoded(() => CreditsScheme.fromJson('{"schema_version":1}'), { code: 'INVALID_SCHEME_JSON', field: 'name', kind: 'invalid_input' });
  const doc = JSON.parse(CreditsScheme.memberPoints().toJson());
  doc.schema_version = 9;
  throwsCoded(() => CreditsScheme.fromJson(JSON.stringify(doc)), { code: 'UNSUPPORTED_SCHEMA_VERSION', field: 'schema_version', kind: 'policy' });
});

test('CreditsScorer: ingest (any order), ledger, entry, totals, explain, length', () => {
  const s = new CreditsScorer(CreditsScheme.learningPlatform());
  assert.equal(s.length, 0);
  const first = s.ingest([login('b', '2026-03-02T09:00:00+08:00')]);
  assert.deepEqual(first.changed.map((e) => [e.event_id, e.points, e.reason]), [['b', 1, 'SCORED']]);
  // A late event earlier the same day: the login cap (1 a day) moves to it.
  const late = s.ingest([login('a', '2026-03-02T08:00:00+08:00')]);
  assert.deepEqual(late.changed.map((e) => [e.event_id, e.points, e.reason]), [['a', 1, 'SCORED'], ['b', 0, 'CAP_REACHED']]);
  assert.deepEqual(late.duplicates, []);
  assert.equal(s.length, 2);
  assert.deepEqual(s.ledger().map((e) => e.event_id), ['a', 'b']);
  assert.deepEqual(s.entry('b'), {
    event_id: 'b', member_id: 'M1', activity: 'login', occurred_at: '2026-03-02T09:00:00+08:00', day: '2026-03-02',
    points: 0, raw_points: 1, reason: 'CAP_REACHED',
  });
  assert.equal(s.entry('nope'), null);
  assert.equal(s.explain('nope'), null);
  const x = s.explain('b');
  assert.equal(x.steps.at(-1).value, 'CAP_REACHED');
  assert.equal(typeof x.citation.regulation, 'string');
  const day = s.totals().find((t) => t.kind === 'day');
  assert.deepEqual(day, { member_id: 'M1', kind: 'day', period: '2026-03-02', points: 1, score: 1 });
  assert.deepEqual(s.totals().map((t) => t.kind), ['day', 'week', 'month', 'year']);
  assert.deepEqual(s.ingest([login('a', '2026-03-02T08:00:00+08:00')]).duplicates, ['a']);
});

test('CreditsScorer.ingest: a bad event is an error entry with its index, the rest are scored', () => {
  const s = new CreditsScorer(CreditsScheme.learningPlatform());
  const r = s.ingest([
    { event_id: 'x1', member_id: 'M1', occurred_at: '2026-03-02T07:00:00+08:00' },
    login('ok', '2026-03-02T07:00:00+08:00'),
    { event_id: 'q1', member_id: 'M1', activity: 'daily_quiz', occurred_at: '2026-03-02T07:00:00+08:00' },
    { ...login('t', 'yesterday') },
  ]);
  assert.deepEqual(r.changed.map((e) => e.event_id), ['ok']);
  assert.deepEqual(r.errors.map((e) => [e.index, e.event_id, e.code, e.field, e.kind]), [
    [0, 'x1', 'INVALID_EVENT_JSON', 'activity', 'invalid_input'],
    [2, 'q1', 'MISSING_FIELD', 'correct_answers', 'invalid_input'],
    [3, 't', 'INVALID_EVENT_JSON', 'occurred_at', 'invalid_input'],
  ]);
  assert.ok(r.errors.every((e) => e.message_zh && e.message_en && !('line' in e)));
  throwsCoded(() => s.ingest({ events: [] }), { code: 'INVALID_EVENT_JSON', field: '' });
});

test('CreditsScorer.voidEvents and recordOffences re-score; unknown ids are error entries', () => {
  const s = new CreditsScorer(CreditsScheme.learningPlatform());
  s.ingest([login('a', '2026-03-02T08:00:00+08:00'), login('b', '2026-03-02T09:00:00+08:00'), login('c', '2026-03-03T09:00:00+08:00')]);
  const v = s.voidEvents(['a', 'zz']);
  assert.deepEqual(v.changed.map((e) => [e.event_id, e.points, e.reason]), [['a', 0, 'VOIDED'], ['b', 1, 'SCORED']]);
  assert.deepEqual(v.errors.map((e) => [e.index, e.event_id, e.code, e.field]), [[1, 'zz', 'UNKNOWN_EVENT', 'event_id']]);
  assert.deepEqual(s.voidEvents(['a']).changed, []);
  const o = s.recordOffences([{ offence_id: 'o1', member_id: 'M1', decided_at: '2026-03-03T00:00:00+08:00' },
    { offence_id: 'o2', member_id: 'M1' }]);
  assert.deepEqual(o.changed.map((e) => [e.event_id, e.reason]), [['c', 'SUSPENDED']]);
  assert.deepEqual(o.errors.map((e) => [e.index, e.event_id, e.code, e.field]), [[1, 'o2', 'INVALID_EVENTS_JSON', 'decided_at']]);
  throwsCoded(() => s.voidEvents('a'), { code: 'INVALID_EVENTS_JSON', field: '' });
  throwsCoded(() => s.recordOffences(null), { code: 'INVALID_EVENTS_JSON', field: '' });
});

test('CreditsScorer.closeThrough: closed entries handed back once, later events on them PERIOD_CLOSED, totals whole', () => {
  const s = new CreditsScorer(CreditsScheme.learningPlatform());
  assert.equal(s.closedThrough, undefined);
  s.ingest([login('d1', '2026-03-02T08:00:00+08:00'), login('d2', '2026-03-03T08:00:00+08:00')]);
  const closed = s.closeThrough('2026-03-02');
  assert.deepEqual([closed.through, closed.entries.map((e) => e.event_id), closed.open], ['2026-03-02', ['d1'], 1]);
  assert.equal(s.closedThrough, '2026-03-02');
  assert.equal(s.entry('d1'), null);
  assert.deepEqual(s.closeThrough('2026-03-01').entries, []);
  // 23:59:59 in China on the closed day is refused; 16:00Z is already 3 March there.
  const late = s.ingest([login('x', '2026-03-02T23:59:59+08:00'), login('y', '2026-03-02T16:00:00Z', 'M2')]);
  assert.deepEqual(late.errors.map((e) => [e.index, e.code, e.field]), [[0, 'PERIOD_CLOSED', 'occurred_at']]);
  assert.deepEqual(late.changed.map((e) => e.event_id), ['y']);
  const month = s.totals().filter((t) => t.kind === 'month' && t.member_id === 'M1').map((t) => t.points);
  assert.deepEqual(month, [2]);
  throwsCoded(() => s.closeThrough('2026-02-30'), { code: 'INVALID_DATE', field: 'through' });
});

// The core's own example (core/src/credits/columns.rs): two reading-time rows of member M1, 10 minutes apart.
const T0 = 1772406000000000000n; // 2026-03-02T07:00:00+08:00 in ns since the epoch
const readingColumns = () => ({
  event_id_bytes: 'r1r2', event_id_offsets: new Uint32Array([0, 2, 4]),
  member_ids: ['M1'], members: new Uint32Array([0, 0]),
  activity_codes: ['reading_time'], activities: new Uint32Array([0, 0]),
  occurred_at_ns: new BigInt64Array([T0, T0 + 600_000_000_000n]),
  duration_seconds: new Uint32Array([300, 150]),
});
const readingEvents = [
  { event_id: 'r1', member_id: 'M1', activity: 'reading_time', occurred_at: '2026-03-02T07:00:00+08:00', duration_seconds: 300 },
  { event_id: 'r2', member_id: 'M1', activity: 'reading_time', occurred_at: '2026-03-02T07:10:00+08:00', duration_seconds: 150 },
];

test('CreditsScorer.ingestColumns: exactly what ingest gives for the same events', () => {
  const byCols = new CreditsScorer(CreditsScheme.learningPlatform());
  const byObjs = new CreditsScorer(CreditsScheme.learningPlatform());
  const r = byCols.ingestColumns(readingColumns());
  assert.deepEqual(r, byObjs.ingest(readingEvents));
  // 2022 rules: 1 point a full minute, at most 6 a day: 5 minutes → 5; then 2½ minutes → 2, 1 left under the cap.
  assert.deepEqual(r.changed.map((e) => [e.event_id, e.occurred_at, e.points, e.raw_points]),
    [['r1', '2026-03-02T07:00:00+08:00', 5, 5], ['r2', '2026-03-02T07:10:00+08:00', 1, 2]]);
  assert.deepEqual(byCols.ledger(), byObjs.ledger());
  assert.deepEqual(byCols.ingestColumns(readingColumns()).duplicates, ['r1', 'r2']);
});

test('CreditsScorer.ingestColumns: optional columns, UTF-8 ids, refused rows at their index', () => {
  const ids = '党r1x';
  const cols = {
    event_id_bytes: new TextEncoder().encode(ids), event_id_offsets: new Uint32Array([0, 5, 6]),
    member_ids: ['M1', 'M2'], members: new Uint32Array([1, 0]),
    activity_codes: ['article', 'nap'], activities: new Uint32Array([0, 1]),
    occurred_at_ns: new BigInt64Array([T0, T0]),
    offset_seconds: new Int32Array([0, 28800]),
    content_ids: ['c1'], contents: new Uint32Array([0, 4294967295]),
    duration_seconds: [60, null],
  };
  const events = [
    { event_id: '党r1', member_id: 'M2', activity: 'article', occurred_at: '2026-03-01T23:00:00+00:00', content_id: 'c1',
      duration_seconds: 60 },
    { event_id: 'x', member_id: 'M1', activity: 'nap', occurred_at: '2026-03-02T07:00:00+08:00' },
  ];
  const s = new CreditsScorer(CreditsScheme.learningPlatform());
  const r = s.ingestColumns(cols);
  assert.deepEqual(r, new CreditsScorer(CreditsScheme.learningPlatform()).ingest(events));
  assert.deepEqual(r.changed.map((e) => [e.event_id, e.member_id, e.occurred_at, e.day]),
    [['党r1', 'M2', '2026-03-01T23:00:00Z', '2026-03-02']]);
  assert.deepEqual(r.errors.map((e) => [e.index, e.event_id, e.code, e.field]), [[1, 'x', 'UNKNOWN_ACTIVITY', 'activity']]);
});

test('CreditsScorer.ingestColumns: a malformed batch is INVALID_COLUMNS at the column and changes nothing', () => {
  const s = new CreditsScorer(CreditsScheme.learningPlatform());
  // The last offset (5) is past the end of the ids (4 bytes): the core's check.
  throwsCoded(() => s.ingestColumns({ ...readingColumns(), event_id_offsets: new Uint32Array([0, 2, 5]) }),
    { code: 'INVALID_COLUMNS', field: 'event_id_offsets' });
  throwsCoded(() => s.ingestColumns({ ...readingColumns(), members: new Uint32Array([0, 1]) }),
    { code: 'INVALID_COLUMNS', field: 'members' });
  throwsCoded(() => s.ingestColumns({ ...readingColumns(), duration_seconds: [300] }),
    { code: 'INVALID_COLUMNS', field: 'duration_seconds' });
  // Wrong JS types, refused before the core sees them.
  throwsCoded(() => s.ingestColumns({ ...readingColumns(), members: [0, 0] }), { code: 'INVALID_COLUMNS', field: 'members' });
  throwsCoded(() => s.ingestColumns({ ...readingColumns(), occurred_at_ns: new Float64Array(2) }),
    { code: 'INVALID_COLUMNS', field: 'occurred_at_ns' });
  throwsCoded(() => s.ingestColumns({ ...readingColumns(), member_ids: ['M1', 2] }), { code: 'INVALID_COLUMNS', field: 'member_ids[1]' });
  throwsCoded(() => s.ingestColumns({ ...readingColumns(), duration_seconds: [300, 1.5] }),
    { code: 'INVALID_COLUMNS', field: 'duration_seconds[1]' });
  throwsCoded(() => s.ingestColumns({ ...readingColumns(), event_id_bytes: new Uint8Array([0xff, 0xfe, 0x31, 0x32]) }),
    { code: 'INVALID_COLUMNS', field: 'event_id_bytes' });
  const { activities, ...noActivities } = readingColumns();
  assert.equal(activities.length, 2);
  throwsCoded(() => s.ingestColumns(noActivities), { code: 'INVALID_COLUMNS', field: 'activities' });
  throwsCoded(() => s.ingestColumns(null), { code: 'INVALID_COLUMNS', field: '' });
  assert.equal(s.length, 0);
});

test('new CreditsScorer needs a CreditsScheme', () => {
  assert.throws(() => new CreditsScorer({ name: 'x' }));
});

test('creditsScore / creditsScoreJson: the same document; explanations on request; errors', () => {
  const scheme = CreditsScheme.learningPlatform();
  const input = { events: [login('e1', '2026-03-02T07:00:00+08:00'), { ...login('e2', '2026-03-02T07:00:00+08:00'), activity: 'nap' }],
    voids: ['nope'] };
  const out = creditsScore(scheme, input);
  assert.deepEqual(out, JSON.parse(creditsScoreJson(scheme, JSON.stringify(input))));
  assert.deepEqual(out.entries.map((e) => [e.event_id, e.points, e.reason, 'explanation' in e]), [['e1', 1, 'SCORED', false]]);
  assert.deepEqual(out.errors.map((e) => [e.index, e.event_id, e.code, e.field]),
    [[1, 'e2', 'UNKNOWN_ACTIVITY', 'activity'], [0, 'nope', 'UNKNOWN_EVENT', 'voids[0]']]);
  assert.equal(out.totals.length, 4);
  const explained = creditsScore(scheme, input, true);
  assert.equal(explained.entries[0].explanation.steps.at(-1).value, 'SCORED');
  assert.equal(creditsScoreJson(scheme, JSON.stringify(input), true), JSON.stringify(explained));
  throwsCoded(() => creditsScore(scheme, { events: [], extra: 1 }), { code: 'INVALID_EVENTS_JSON', field: 'extra' });
  // (A text that ends inside an object before any key names no place: the empty path, not serde_path_to_error's `?`.)
  throwsCoded(() => creditsScoreJson(scheme, '{'), { code: 'INVALID_EVENTS_JSON', field: '' });
  throwsCoded(() => creditsScore(scheme, { events: [1n] }), { code: 'INVALID_EVENTS_JSON', field: '' });
});

test('creditsScoreJsonl / creditsScoreJsonlJson: per-line errors with line numbers', () => {
  const scheme = CreditsScheme.learningPlatform();
  const text = [JSON.stringify(login('e1', '2026-03-02T07:00:00+08:00')), '{"event_id":"e2","member_id":"M1"}', '', 'not json'].join('\n');
  const out = creditsScoreJsonl(scheme, text);
  assert.deepEqual(out, JSON.parse(creditsScoreJsonlJson(scheme, text)));
  assert.deepEqual(out.entries.map((e) => e.event_id), ['e1']);
  assert.deepEqual(out.errors.map((e) => [e.line, e.event_id, e.code, e.field]),
    [[2, 'e2', 'INVALID_EVENT_JSON', 'activity'], [4, null, 'INVALID_EVENT_JSON', '']]);
  assert.ok('explanation' in creditsScoreJsonl(scheme, text, true).entries[0]);
});

test('creditsLeaderboard / creditsLeaderboardJson: subtree, competition ranking, errors', () => {
  const total = (m, score) => ({ member_id: m, kind: 'year', period: '2026', points: score, score });
  const totals = [total('A', 10), total('B', 8), total('C', 8), total('D', 5), total('E', 99)];
  const orgs = { member_org: { A: 'b1', B: 'b1', C: 'b2', D: 'b2', E: 'x' }, parent: { b1: 'root', b2: 'root' } };
  const board = creditsLeaderboard(totals, orgs, 'year', '2026', 'root');
  assert.deepEqual(board.map((s) => [s.member_id, s.rank, s.score]), [['A', 1, 10], ['B', 2, 8], ['C', 2, 8], ['D', 4, 5]]);
  assert.deepEqual(board, JSON.parse(creditsLeaderboardJson(JSON.stringify(totals), JSON.stringify(orgs), 'year', '2026', 'root')));
  throwsCoded(() => creditsLeaderboard(totals, orgs, 'decade', '2026', 'root'), { code: 'INVALID_PERIOD_KIND', field: 'kind' });
  throwsCoded(() => creditsLeaderboard([{ member_id: 'A' }], orgs, 'year', '2026', 'root'), { code: 'INVALID_TOTALS_JSON', field: '[0].kind' });
  throwsCoded(() => creditsLeaderboard(totals, { parent: {} }, 'year', '2026', 'root'), { code: 'INVALID_ORGS_JSON', field: 'member_org' });
  throwsCoded(() => creditsLeaderboard(totals, { member_org: { A: 'a' }, parent: { a: 'b', b: 'a' } }, 'year', '2026', 'c'),
    { code: 'ORG_CYCLE', field: 'parent.b' });
});

test('creditsRate / creditsRateJson: default tiers, own tiers, errors', () => {
  const scores = [['A', 98], ['B', 95], ['C', 95], ['D', 70]].map(([member_id, score]) => ({ member_id, score }));
  const byDefault = creditsRate(scores);
  // Quota ⌊4/3⌋ = 1: A (98) is 优秀; B and C (95) would split the quota line, so neither is.
  assert.deepEqual(byDefault.map((r) => r.tier), ['优秀', '合格', '合格', '合格']);
  assert.deepEqual(creditsRate(scores, null), byDefault);
  assert.deepEqual(byDefault, JSON.parse(creditsRateJson(JSON.stringify(scores), 'null')));
  const tiers = [{ name: '好', min_score: 90 }, { name: '差', min_score: 0 }];
  assert.deepEqual(creditsRate(scores, tiers).map((r) => r.tier), ['好', '好', '好', '差']);
  throwsCoded(() => creditsRate(scores, []), { code: 'NO_TIERS', field: 'tiers' });
  throwsCoded(() => creditsRate(scores, [{ name: 'a', min_score: 1 }, { name: 'b', min_score: 5 }]),
    { code: 'TIERS_NOT_DESCENDING', field: 'tiers[1].min_score' });
  throwsCoded(() => creditsRate([{ member_id: 'A', score: '9' }]), { code: 'INVALID_SCORES_JSON', field: '[0].score' });
  throwsCoded(() => creditsRateJson('[]', '{"x":1}'), { code: 'INVALID_TIERS_JSON', field: '' });
});

test('adapters: 三会一课 attendance and on-time dues become member_points events', () => {
  const meetings = JSON.parse(creditsMeetingEventsJson(JSON.stringify([{ meeting_id: 'm1', meeting_type: 'party_lecture',
    date: '2026-03-02', attendees: ['A', 'B'] }]), 'meeting_attendance'));
  assert.deepEqual(meetings.map((e) => e.event_id), ['meeting:m1:A', 'meeting:m1:B']);
  // January paid on 20 January (on time), February paid on 2 March (late): one event.
  const ledger = { member_id: 'A', obligations: [{ month: '2026-01', amount: '10.00' }, { month: '2026-02', amount: '10.00' }],
    payments: [{ paid_on: '2026-01-20', amount: '10.00', months: ['2026-01'] }, { paid_on: '2026-03-02', amount: '10.00', months: ['2026-02'] }] };
  assert.deepEqual(JSON.parse(creditsDuesEventsJson(JSON.stringify(ledger), 'dues_on_time')).map((e) => e.event_id), ['dues:A:2026-01']);
  throwsCoded(() => creditsMeetingEventsJson('[{"meeting_id":"m","meeting_type":"party_lecture","attendees":[]}]', 'x'),
    { code: 'INVALID_MEETING_JSON', field: '[0].date' });
});
