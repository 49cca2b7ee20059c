// CreditsTally.dayTotals: the credits totals fast path over typed arrays. Totals worked by hand from the
// learning platform's 2022 rules (RULES §7): a login is 1 point, at most 1 a China-time day; reading time 1
// point a full minute, at most 6 a day; the daily quiz 1 point a correct answer, at most 5 a day.
// 1772406000 is 2026-03-02T07:00:00+08:00, China-time day 20514 since 1970-01-01.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadNodePackage } from './helpers.mjs';

const dj = loadNodePackage();
const { CreditsScheme, CreditsScorer, CreditsTally } = dj;

const T0 = 1772406000;
const DAY = 86400;
const NONE = 0xffffffff;
const CODES = ['login', 'reading_time', 'daily_quiz', 'nap'];
// [member, activity, seconds, duration_seconds, correct_answers]
const ROWS = [
  [0, 'login', T0, null, null], // 1
  [0, 'login', T0 + 60, null, null], // 0: one login point a day
  [0, 'reading_time', T0 + 120, 300, null], // 5 minutes: 5
  [0, 'reading_time', T0 + 600, 240, null], // 4 minutes, but the day's cap 6 leaves 1
  [0, 'daily_quiz', T0 + DAY, null, 3], // 3, on 3 March
  [1, 'daily_quiz', T0, null, 7], // 7 correct, capped at 5
  [1, 'nap', T0, null, null], // not in the scheme: UNKNOWN_ACTIVITY
  [1, 'daily_quiz', T0 + 60, null, null], // no answers: MISSING_FIELD
];

const rows = () => ({
  members: new Uint32Array(ROWS.map((r) => r[0])),
  activity_codes: CODES,
  activities: new Uint32Array(ROWS.map((r) => CODES.indexOf(r[1]))),
  seconds: new Float64Array(ROWS.map((r) => r[2])),
  duration_seconds: new Uint32Array(ROWS.map((r) => r[3] ?? NONE)),
  correct_answers: new Uint32Array(ROWS.map((r) => r[4] ?? NONE)),
});

const triples = (out) => [...out.members].map((m, i) => [m, out.days[i], out.points[i]]);

test('CreditsTally.dayTotals: day totals worked by hand, refused rows in place', () => {
  const out = new CreditsTally(CreditsScheme.learningPlatform()).dayTotals(rows());
  assert.ok(out.members instanceof Uint32Array && out.days instanceof Int32Array && out.points instanceof Float64Array);
  assert.deepEqual(triples(out), [[0, 20514, 7], [0, 20515, 3], [1, 20514, 5]]);
  assert.deepEqual(out.errors.map((e) => [e.index, e.code, e.field]),
    [[6, 'UNKNOWN_ACTIVITY', 'activity'], [7, 'MISSING_FIELD', 'correct_answers']]);
  // Seconds as a BigInt64Array give the same totals.
  const big = { ...rows(), seconds: new BigInt64Array(ROWS.map((r) => BigInt(r[2]))) };
  assert.deepEqual(triples(new CreditsTally(CreditsScheme.learningPlatform()).dayTotals(big)), triples(out));
});

test('CreditsTally.dayTotals equals the scorer\'s day totals on the same events', () => {
  const scorer = new CreditsScorer(CreditsScheme.learningPlatform());
  const iso = (s) => new Date((s + 8 * 3600) * 1000).toISOString().replace('.000Z', '+08:00');
  const events = ROWS.map(([m, activity, s, duration, correct], i) => ({
    event_id: `e${i}`, member_id: `M${m}`, activity, occurred_at: iso(s),
    ...(duration === null ? {} : { duration_seconds: duration }), ...(correct === null ? {} : { correct_answers: correct }),
  }));
  assert.equal(events[0].occurred_at, '2026-03-02T07:00:00+08:00');
  scorer.ingest(events);
  const byScorer = Object.fromEntries(scorer.totals().filter((t) => t.kind === 'day')
    .map((t) => [`${t.member_id} ${t.period}`, t.points]));
  const date = (d) => new Date(d * DAY * 1000).toISOString().slice(0, 10);
  const out = new CreditsTally(CreditsScheme.learningPlatform()).dayTotals(rows());
  assert.deepEqual(Object.fromEntries(triples(out).map(([m, d, p]) => [`M${m} ${date(d)}`, p])), byScorer);
});

test('CreditsTally.dayTotals: voids, offences and a malformed batch', () => {
  const tally = new CreditsTally(CreditsScheme.learningPlatform());
  const voided = new Uint8Array(ROWS.length);
  voided[3] = 1; // the 4-minute reading voided: 2 March is 1 + 5
  assert.deepEqual(tally.dayTotals({ ...rows(), voided }).points, new Float64Array([6, 3, 5]));
  assert.throws(() => tally.dayTotals({ ...rows(), members: new Uint32Array([0]) }),
    (e) => dj.isDangjianError(e) && e.code === 'INVALID_COLUMNS' && e.field === 'activities');
  assert.throws(() => tally.dayTotals({ ...rows(), seconds: [T0] }),
    (e) => e.code === 'INVALID_COLUMNS' && e.field === 'seconds');
  assert.throws(() => tally.dayTotals(rows(), { members: new Uint32Array([0, 1]), seconds: new Float64Array([T0]) }),
    (e) => e.code === 'INVALID_COLUMNS' && e.field === 'seconds');
});
