// Every export of the Node build (wasm-bindgen --target nodejs), with its errors (kind, code, field).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadNodePackage } from './helpers.mjs';

const dj = loadNodePackage();
const policy = dj.Policy.bundled();

/** The worked example: 4000.00 + 2000.00 − 600.00 = 5400.00 × 1.5% = 81.00 (2008 Rules Art. 2). */
const PUBLIC_INSTITUTION = Object.freeze({
  member_id: 'M1',
  category: 'employed',
  employer_type: 'public_institution',
  incomes: [{
    items: [
      { code: 'post_salary', amount: '4000.00' },
      { code: 'basic_performance', amount: '2000.00' },
      { code: 'housing_fund', amount: '600.00' },
    ],
  }],
});

const sixMonthsOwed = (amount = '81.00') => ({
  member_id: 'G1',
  obligations: ['01', '02', '03', '04', '05', '06'].map((m) => ({ month: `2026-${m}`, amount })),
  payments: [{ paid_on: '2026-01-10', amount, months: ['2026-01'], channel: 'wechat' }],
});

/** Asserts `f` throws a DangjianError with these properties (and the full error shape). */
function throwsCoded(f, expected) {
  assert.throws(f, (e) => {
    assert.ok(e instanceof Error, 'a real Error instance');
    assert.equal(e.name, 'DangjianError');
    assert.equal(dj.isDangjianError(e), true);
    for (const [key, value] of Object.entries(expected)) assert.equal(e[key], value, key);
    assert.ok(['invalid_input', 'policy', 'calendar'].includes(e.kind), `kind ${e.kind}`);
    assert.ok(e.messageZh.length > 0 && e.messageEn.length > 0, 'both messages');
    assert.equal(e.message, e.field ? `${e.code} at ${e.field}: ${e.messageEn}` : `${e.code}: ${e.messageEn}`);
    assert.equal(typeof e.stack, 'string');
    return true;
  });
}

test('coreVersion is the core crate version', () => {
  assert.match(dj.coreVersion(), /^\d+\.\d+\.\d+/);
});

test('Policy: bundled, toJson, fromJson round trip', () => {
  const json = policy.toJson();
  const doc = JSON.parse(json);
  assert.equal(doc.schema_version, 1);
  assert.ok(Array.isArray(doc.dues.employed_brackets));
  const again = dj.Policy.fromJson(json);
  assert.equal(again.toJson(), json);
  assert.equal(dj.assessDues(again, PUBLIC_INSTITUTION, '2026-11').amount, '81.00');
});

test('Policy.fromJson errors are kind "policy" and name the field', () => {
  throwsCoded(() => dj.Policy.fromJson('{"schema_version":1,"dues":{"rounding":"x"}}'),
    { kind: 'policy', code: 'INVALID_POLICY_JSON', field: 'dues.rounding' });
  throwsCoded(() => dj.Policy.fromJson('not json'), { kind: 'policy', code: 'INVALID_POLICY_JSON', field: '' });
  throwsCoded(() => dj.Policy.fromJson('{"schema_version":9}'),
    { kind: 'policy', code: 'UNSUPPORTED_SCHEMA_VERSION', field: 'schema_version' });
  const badScale = {
    schema_version: 1,
    dues: { rounding: [{ effective_from: '2020-01-01', citation: { regulation: 'r', article: 'a' }, value: { mode: 'half_up', scale: 5 } }] },
  };
  throwsCoded(() => dj.Policy.fromJson(JSON.stringify(badScale)),
    { kind: 'policy', code: 'ROUNDING_SCALE_OUT_OF_RANGE', field: 'dues.rounding[0].value.scale' });
});

test('Policy.withOverridesJson lays a province figure on top and leaves the original unchanged', () => {
  const province = {
    schema_version: 1,
    dues: {
      farmer_monthly: [{
        effective_from: '2024-01-01',
        citation: { regulation: '某省党费收缴办法', article: '第五条' },
        value: { monthly: '1.00', min: '0.20', max: '1.00' },
      }],
    },
  };
  const local = policy.withOverridesJson(JSON.stringify(province));
  const farmer = { member_id: 'F1', category: 'farmer' };
  assert.equal(dj.assessDues(policy, farmer, '2026-03').amount, '0.50');
  const a = dj.assessDues(local, farmer, '2026-03');
  assert.equal(a.amount, '1.00');
  assert.equal(a.citation.regulation, '某省党费收缴办法');
  throwsCoded(() => policy.withOverridesJson('{"schema_version":1,"dues":{"farmer_monthly":[{}]}}'),
    { kind: 'policy', code: 'INVALID_POLICY_JSON', field: 'dues.farmer_monthly[0].effective_from' });
});

test('Calendar.official: isWorkingDay, day, officialYears', () => {
  const cal = dj.Calendar.official();
  assert.deepEqual(cal.isWorkingDay('2026-02-14'), { value: true, findings: [] }); // make-up Saturday
  assert.deepEqual(cal.isWorkingDay('2026-10-07'), { value: false, findings: [] }); // National Day holiday
  assert.deepEqual(cal.day('2026-10-01'), { date: '2026-10-01', kind: 'holiday', working: false, provisional: false });
  assert.equal(cal.day('2026-02-28').kind, 'make_up_workday');
  assert.equal(cal.day('2026-03-07').kind, 'weekend');
  assert.equal(cal.day('2026-03-09').kind, 'workday');
  assert.deepEqual(cal.day('2027-01-04'), { date: '2027-01-04', kind: 'workday', working: true, provisional: true });
  assert.deepEqual(cal.officialYears(), [2020, 2021, 2022, 2023, 2024, 2025, 2026]);
  assert.ok(Array.isArray(cal.officialYears()), 'a plain array, not a typed array');
});

test('Calendar: addWorkingDays and countWorkingDays across holidays', () => {
  const cal = dj.Calendar.official();
  assert.deepEqual(cal.addWorkingDays('2026-04-30', 1), { value: '2026-05-06', findings: [] });
  assert.deepEqual(cal.addWorkingDays('2026-02-13', 4), { value: '2026-02-26', findings: [] });
  assert.equal(cal.addWorkingDays('2026-02-13', 0).value, '2026-02-13');
  assert.deepEqual(cal.countWorkingDays('2026-02-12', '2026-02-26'), { value: 6, findings: [] });
  assert.equal(cal.countWorkingDays('2026-02-26', '2026-02-12').value, 0);
  const provisional = cal.countWorkingDays('2026-12-28', '2027-01-08');
  assert.deepEqual(provisional.findings.map((f) => [f.code, f.severity]), [['PROVISIONAL_CALENDAR', 'warning']]);
});

test('Calendar: bad dates and counts are coded errors naming the parameter', () => {
  const cal = dj.Calendar.official();
  throwsCoded(() => cal.isWorkingDay('2026-02-30'), { kind: 'invalid_input', code: 'INVALID_DATE', field: 'date' });
  throwsCoded(() => cal.day('2026/01/05'), { code: 'INVALID_DATE', field: 'date' });
  throwsCoded(() => cal.addWorkingDays('x', 1), { code: 'INVALID_DATE', field: 'date' });
  throwsCoded(() => cal.countWorkingDays('2026-01-01', '2026-13-01'), { code: 'INVALID_DATE', field: 'to' });
  throwsCoded(() => cal.countWorkingDays('', '2026-01-01'), { code: 'INVALID_DATE', field: 'from' });
  for (const n of [-1, 1.5, NaN, Infinity, 2 ** 32]) {
    throwsCoded(() => cal.addWorkingDays('2026-01-05', n), { kind: 'invalid_input', code: 'INVALID_ARGUMENT', field: 'n' });
  }
  throwsCoded(() => cal.addWorkingDays('2026-01-05', 2 ** 32 - 1), { code: 'SPAN_TOO_LONG', field: 'n' });
  throwsCoded(() => cal.countWorkingDays('1900-01-01', '2100-01-01'), { code: 'SPAN_TOO_LONG', field: 'to' });
});

test('Calendar.loadYearJson mutates this calendar only; errors are kind "calendar"', () => {
  const cal = dj.Calendar.official();
  const year2027 = { schema_version: 1, year: 2027, off: ['2027-01-01'], working: [], source: '国办发明电〔2026〕X号' };
  cal.loadYearJson(JSON.stringify(year2027));
  assert.deepEqual(cal.officialYears().at(-1), 2027);
  assert.deepEqual(cal.day('2027-01-01'), { date: '2027-01-01', kind: 'holiday', working: false, provisional: false });
  assert.deepEqual(cal.countWorkingDays('2026-12-28', '2027-01-08').findings, []);
  assert.equal(dj.Calendar.official().day('2027-01-01').provisional, true, 'a fresh calendar is unchanged');
  cal.loadYearJson(JSON.stringify(year2027)); // the same days again: fine
  throwsCoded(() => cal.loadYearJson(JSON.stringify({ ...year2027, off: ['2027-01-02'] })),
    { kind: 'calendar', code: 'YEAR_ALREADY_LOADED', field: 'year' });
  throwsCoded(() => cal.loadYearJson('{"schema_version":1,"year":2028,"off":["2027-12-31"],"working":[]}'),
    { kind: 'calendar', code: 'DATE_OUTSIDE_YEAR', field: 'off[0]' });
  throwsCoded(() => cal.loadYearJson('{"schema_version":1,"year":2028,"off":["2028-01-01"],"working":["2028-01-01"]}'),
    { kind: 'calendar', code: 'CONFLICTING_DATES', field: 'working[0]' });
  throwsCoded(() => cal.loadYearJson('{"schema_version":1,"year":2028,"off":["1 Jan"],"working":[]}'),
    { kind: 'calendar', code: 'INVALID_CALENDAR_JSON', field: 'off[0]' });
});

test('assessDues: the public-institution worked example, with citation, trace and the default trace on', () => {
  const a = dj.assessDues(policy, PUBLIC_INSTITUTION, '2026-11');
  assert.equal(a.member_id, 'M1');
  assert.equal(a.month, '2026-11');
  assert.equal(a.category, 'employed');
  assert.equal(a.base, '5400.00');
  assert.equal(a.rate, '0.015');
  assert.equal(a.amount, '81.00');
  assert.equal(a.assessed_in, '2026-01');
  assert.equal(a.citation.article, '第二条');
  assert.match(a.citation.regulation, /2008/);
  assert.deepEqual(a.findings, []);
  assert.ok(a.trace.length >= 3);
  assert.deepEqual(a.trace.filter((s) => s.step === 'item').map((s) => s.value), ['4000.00', '2000.00', '600.00']);
  assert.equal(a.trace.find((s) => s.step === 'base').value, '5400.00');
  assert.equal(a.trace.find((s) => s.step === 'rate').citation.article, '第二条');
  const quiet = dj.assessDues(policy, PUBLIC_INSTITUTION, '2026-11', false);
  assert.deepEqual(quiet.trace, []);
  assert.deepEqual({ ...quiet, trace: a.trace }, a);
  assert.deepEqual(dj.assessDues(policy, PUBLIC_INSTITUTION, '2026-11', true), a);
});

test('assessDues: absent optional fields may be left out or undefined; null is a plain JSON null', () => {
  const student = dj.assessDues(policy, { member_id: 'S1', category: 'student' }, '2026-11');
  assert.equal(student.amount, '0.20');
  assert.equal(student.base, null);
  assert.equal(student.rate, null);
  assert.deepEqual(dj.assessDues(policy, { member_id: 'S1', category: 'student', employer_type: undefined }, '2026-11'), student);
  assert.deepEqual(dj.assessDues(policy, { member_id: 'S1', category: 'student', admitted_on: null }, '2026-11'), student);
});

test('assessDues: value errors carry the core code and the field path', () => {
  const negative = structuredClone(PUBLIC_INSTITUTION);
  negative.incomes[0].items[2].amount = '-600.00';
  throwsCoded(() => dj.assessDues(policy, negative, '2026-11'),
    { kind: 'invalid_input', code: 'NEGATIVE_AMOUNT', field: 'incomes[0].items[2].amount' });
  const { employer_type: _omitted, ...noEmployer } = PUBLIC_INSTITUTION;
  throwsCoded(() => dj.assessDues(policy, noEmployer, '2026-11'), { code: 'MISSING_EMPLOYER_TYPE', field: 'employer_type' });
  throwsCoded(() => dj.assessDues(policy, PUBLIC_INSTITUTION, '2026-13'), { code: 'INVALID_MONTH', field: 'month' });
  throwsCoded(() => dj.assessDues(policy, { member_id: 'S', category: 'student' }, '2000-01'),
    { kind: 'policy', code: 'NO_POLICY_IN_FORCE', field: 'dues.fixing' });
});

test('assessDues: wrong shapes are INVALID_MEMBER_JSON naming the field, like the JSON entry point', () => {
  const cases = [
    [{ ...PUBLIC_INSTITUTION, category: 'astronaut' }, 'category'],
    [{ member_id: 'X', category: 'employed', incomes: [{ items: [{ code: 'net_base', amount: 5400 }] }] }, 'incomes[0].items[0].amount'],
    [{ member_id: 'X', category: 'employed', incomes: [{ items: [{ code: 'housing_fnd', amount: '1' }] }] }, 'incomes[0].items[0].code'],
    [{ member_id: 'X', category: 'student', salary: '1' }, 'salary'],
    [{ member_id: 7, category: 'student' }, 'member_id'],
    [{ member_id: 'X', category: 'student', admitted_on: new Date(0) }, 'admitted_on'],
    [42, ''],
    [null, ''],
    [undefined, ''],
    ['M1', ''],
  ];
  for (const [member, field] of cases) {
    throwsCoded(() => dj.assessDues(policy, member, '2026-11'), { kind: 'invalid_input', code: 'INVALID_MEMBER_JSON', field });
    if (member !== undefined) {
      throwsCoded(() => dj.assessDuesJson(policy, JSON.stringify(member), '2026-11'), { code: 'INVALID_MEMBER_JSON', field });
    }
  }
  // What JSON cannot hold at all is an error too, not a crash.
  const cyclic = { member_id: 'X', category: 'student' };
  cyclic.self = cyclic;
  throwsCoded(() => dj.assessDues(policy, cyclic, '2026-11'), { code: 'INVALID_MEMBER_JSON', field: '' });
  throwsCoded(() => dj.assessDues(policy, { member_id: 'X', category: 'student', n: 1n }, '2026-11'),
    { code: 'INVALID_MEMBER_JSON', field: '' });
});

test('assessDuesJson: the core JSON document, equal to the object API result', () => {
  const json = dj.assessDuesJson(policy, JSON.stringify(PUBLIC_INSTITUTION), '2026-11');
  assert.equal(typeof json, 'string');
  assert.equal(JSON.stringify(dj.assessDues(policy, PUBLIC_INSTITUTION, '2026-11')), json);
  const quiet = JSON.parse(dj.assessDuesJson(policy, JSON.stringify(PUBLIC_INSTITUTION), '2026-11', false));
  assert.deepEqual(quiet.trace, []);
  throwsCoded(() => dj.assessDuesJson(policy, '{"member_id":', '2026-11'), { code: 'INVALID_MEMBER_JSON' });
  throwsCoded(() => dj.assessDuesJson(policy, '{}', '2026-1'), { code: 'INVALID_MONTH', field: 'month' });
});

test('assessDuesBatch: bad members become error entries, the rest are assessed', () => {
  const members = [
    { member_id: 'A', category: 'student' },
    { member_id: 'B', category: 'employed', incomes: [{ items: [{ code: 'net_base', amount: '-1.00' }] }] },
    { member_id: 'C', category: 'astronaut' },
    { category: 'student' },
    PUBLIC_INSTITUTION,
    { member_id: 'A', category: 'farmer' },
  ];
  const out = dj.assessDuesBatch(policy, members, '2026-11', false);
  assert.deepEqual(out.assessments.map((a) => [a.member_id, a.amount]), [['A', '0.20'], ['M1', '81.00']]);
  assert.deepEqual(out.assessments.map((a) => a.trace.length), [0, 0]);
  assert.deepEqual(out.errors.map((e) => [e.index, e.member_id, e.kind, e.code, e.field]), [
    [1, 'B', 'invalid_input', 'NEGATIVE_AMOUNT', 'incomes[0].items[0].amount'],
    [2, 'C', 'invalid_input', 'INVALID_MEMBER_JSON', 'category'],
    [3, null, 'invalid_input', 'INVALID_MEMBER_JSON', 'member_id'],
    [5, 'A', 'invalid_input', 'DUPLICATE_MEMBER_ID', 'member_id'],
  ]);
  assert.ok(out.errors.every((e) => e.message_zh && e.message_en));
  assert.ok(dj.assessDuesBatch(policy, members, '2026-11').assessments[1].trace.length > 0, 'trace on by default');
  assert.deepEqual(dj.assessDuesBatch(policy, [], '2026-11'), { assessments: [], errors: [] });
  throwsCoded(() => dj.assessDuesBatch(policy, { member_id: 'A' }, '2026-11'), { code: 'INVALID_MEMBER_JSON', field: '' });
  throwsCoded(() => dj.assessDuesBatch(policy, members, 'Nov 2026'), { code: 'INVALID_MONTH', field: 'month' });
});

test('assessDuesBatchJson: the core JSON document, equal to the object API result', () => {
  const members = [{ member_id: 'A', category: 'student' }, { member_id: 'B', category: 'relief' }, PUBLIC_INSTITUTION];
  const json = dj.assessDuesBatchJson(policy, JSON.stringify(members), '2026-11', false);
  assert.equal(JSON.stringify(dj.assessDuesBatch(policy, members, '2026-11', false)), json);
  assert.deepEqual(JSON.parse(json).assessments.map((a) => a.amount), ['0.20', '0.20', '81.00']);
  throwsCoded(() => dj.assessDuesBatchJson(policy, '{"member_id":"A"}', '2026-11'), { code: 'INVALID_MEMBER_JSON' });
});

test('evaluateDuesLedger: arrears, payment lines and findings; JSON variant equal', () => {
  const ledger = sixMonthsOwed();
  const r = dj.evaluateDuesLedger(policy, ledger, '2026-06-30');
  assert.equal(r.member_id, 'G1');
  assert.equal(r.as_of, '2026-06-30');
  assert.equal(r.total_due, '486.00');
  assert.equal(r.total_paid, '81.00');
  assert.equal(r.outstanding, '405.00');
  assert.deepEqual(r.arrears, ['2026-02', '2026-03', '2026-04', '2026-05']);
  assert.equal(r.months.length, 6);
  assert.deepEqual(r.months[0], { month: '2026-01', due: '81.00', paid: '81.00', outstanding: '0.00', paid_on: '2026-01-10' });
  assert.equal(Object.hasOwn(r.months[1], 'paid_on'), false, 'absent, not null');
  assert.equal(Object.hasOwn(r, 'lapse_on'), false);
  assert.ok(r.findings.some((f) => f.code === 'DUES_ARREARS'));
  assert.equal(JSON.stringify(r), dj.evaluateDuesLedgerJson(policy, JSON.stringify(ledger), '2026-06-30'));
});

test('evaluateDuesLedger: errors name the field', () => {
  throwsCoded(() => dj.evaluateDuesLedger(policy, sixMonthsOwed(), '2026-06-31'), { code: 'INVALID_DATE', field: 'as_of' });
  throwsCoded(() => dj.evaluateDuesLedger(policy, { member_id: 'G', obligations: [{ month: '2026-01', amount: 1 }], payments: [] }, '2026-06-30'),
    { kind: 'invalid_input', code: 'INVALID_LEDGER_JSON', field: 'obligations[0].amount' });
  throwsCoded(() => dj.evaluateDuesLedgerJson(policy, '{"member_id":"G","obligations":[]}', '2026-06-30'),
    { code: 'INVALID_LEDGER_JSON' });
  throwsCoded(() => dj.evaluateDuesLedger(policy, sixMonthsOwed('-1.00'), '2026-06-30'), { code: 'NEGATIVE_AMOUNT' });
});

test('summarizeDues: a branch year and month from ledger reports; JSON variant equal', () => {
  const paid = { member_id: 'P1', obligations: [{ month: '2026-01', amount: '81.00' }], payments: [{ paid_on: '2026-01-05', amount: '81.00', months: ['2026-01'], voluntary: '1000.00' }] };
  const reports = [dj.evaluateDuesLedger(policy, sixMonthsOwed(), '2026-12-31'), dj.evaluateDuesLedger(policy, paid, '2026-12-31')];
  const year = dj.summarizeDues(reports, { year: 2026 });
  assert.deepEqual(year.period, { year: 2026 });
  assert.equal(year.members, 2);
  assert.equal(year.due, '567.00');
  assert.equal(year.collected, '162.00');
  assert.equal(year.outstanding, '405.00');
  assert.equal(year.payment_rate, '0.2857');
  assert.equal(year.members_in_arrears, 1);
  assert.equal(year.voluntary, '1000.00');
  assert.equal(year.remitted_to_centre, '1000.00');
  const month = dj.summarizeDues(reports, { month: '2026-02' });
  assert.deepEqual(month.period, { month: '2026-02' });
  assert.equal(month.members, 1);
  assert.equal(JSON.stringify(year), dj.summarizeDuesJson(JSON.stringify(reports), '{"year":2026}'));
  const empty = dj.summarizeDues([], { year: 2026 });
  assert.equal(empty.members, 0);
  assert.equal(empty.payment_rate, null);
});

test('summarizeDues: wrong shapes are INVALID_REPORT_JSON / INVALID_PERIOD_JSON naming the field', () => {
  throwsCoded(() => dj.summarizeDues({}, { year: 2026 }), { code: 'INVALID_REPORT_JSON', field: '' });
  throwsCoded(() => dj.summarizeDues([{ member_id: 'X' }], { year: 2026 }), { code: 'INVALID_REPORT_JSON' });
  throwsCoded(() => dj.summarizeDues([], { year: '2026' }), { code: 'INVALID_PERIOD_JSON', field: 'year' });
  throwsCoded(() => dj.summarizeDues([], { decade: 2020 }), { code: 'INVALID_PERIOD_JSON' });
  throwsCoded(() => dj.summarizeDuesJson('[]', '{"month":"2026-13"}'), { code: 'INVALID_PERIOD_JSON', field: 'month' });
});

test('isDangjianError is true only for what the library throws', () => {
  let thrown;
  try {
    dj.assessDues(policy, { member_id: 'X', category: 'astronaut' }, '2026-11');
  } catch (e) {
    thrown = e;
  }
  assert.equal(dj.isDangjianError(thrown), true);
  assert.equal(dj.isDangjianError(new Error('plain')), false);
  assert.equal(dj.isDangjianError(Object.assign(new Error('fs'), { code: 'ENOENT' })), false, 'Node system errors');
  assert.equal(dj.isDangjianError(Object.assign(new TypeError('x'), { name: 'DangjianError', code: 42 })), false);
  assert.equal(dj.isDangjianError({ name: 'DangjianError', code: 'X', message: 'not an Error' }), false);
  for (const v of ['INVALID_MEMBER_JSON', null, undefined, 0]) assert.equal(dj.isDangjianError(v), false);
});

test('classes free their memory and refuse use afterwards', () => {
  const p = dj.Policy.bundled();
  p.free();
  assert.throws(() => p.toJson());
  const cal = dj.Calendar.official();
  cal.free();
  assert.throws(() => cal.officialYears());
});
