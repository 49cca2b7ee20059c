// Every membership export of the Node build: checking a record and a roster, recording an event, rights, the
// organizations and the 身份证号 check — object and JSON variants agree — and the coded errors (code, field,
// kind). The rule outcomes themselves are the vectors' business (vectors.test.mjs); here the surface.
//
// A test that needs a rule the core does not implement yet is marked `todo` when the Rust vector harness fails
// the matching vector too (DANGJIAN_CORE_VECTOR_LOG, see tests/js/run.sh), as vectors.test.mjs does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { loadNodePackage } from './helpers.mjs';

const dj = loadNodePackage();
const policy = dj.Policy.bundled();
const cal = dj.Calendar.official();
const s = JSON.stringify;

const coreLog = process.env.DANGJIAN_CORE_VECTOR_LOG && existsSync(process.env.DANGJIAN_CORE_VECTOR_LOG)
  ? readFileSync(process.env.DANGJIAN_CORE_VECTOR_LOG, 'utf8').split('\n')
  : [];

/** `{ todo }` when the Rust harness fails the vector `file: name` (the rule is not in the core yet). */
function todoUnlessCore(file, name) {
  const line = coreLog.find((l) => l.startsWith(`${file}: ${name}: `));
  return line ? { todo: `the core fails the vector too: ${line}` } : {};
}

function throwsCoded(f, { code, field, kind = 'invalid_input' }) {
  assert.throws(f, (e) => {
    assert.ok(dj.isDangjianError(e), String(e));
    if (field instanceof RegExp) {
      assert.deepEqual({ code: e.code, kind: e.kind }, { code, kind });
      assert.match(e.field, field);
    } else {
      assert.deepEqual({ code: e.code, field: e.field, kind: e.kind }, { code, field, kind });
    }
    assert.match(e.messageEn, /\S/);
    assert.match(e.messageZh, /\S/);
    return true;
  });
}

const full = (id, since = '2010-07-01') => ({ id, name: `党员${id}`, birth_date: '1980-01-01', org: 'B1',
  events: [{ kind: 'imported', date: since, stage: 'full' }] });

const applicant = {
  id: 'P1', name: '李明', birth_date: '1998-04-15', org: 'B1',
  events: [
    { kind: 'application', date: '2024-01-10' },
    { kind: 'talk', date: '2024-01-25' },
    { kind: 'activist', date: '2024-03-01', recommended_by: 'party_members' },
    { kind: 'contacts', date: '2024-03-01', contacts: ['F1', 'F2'] },
    { kind: 'half_year_review', date: '2024-09-02' },
    { kind: 'development_target', date: '2025-03-03' },
  ],
};
const roster = [full('F1'), full('F2', '2012-07-01'), applicant];

test('membershipCheckMember: the stage from the events, object = JSON', () => {
  const report = dj.membershipCheckMember(policy, cal, applicant, '2025-04-01');
  assert.equal(report.member_id, 'P1');
  assert.equal(report.on, '2025-04-01');
  assert.equal(report.stage, 'development_target');
  assert.equal(report.since, '2025-03-03');
  assert.deepEqual(report.history.map((h) => h.stage), ['applicant', 'activist', 'development_target']);
  assert.equal(report.party_age_years, undefined, 'absent, not null, before full membership');
  assert.equal(typeof report.rights.may_vote, 'boolean');
  assert.ok(Array.isArray(report.findings) && Array.isArray(report.next_steps));
  assert.deepEqual(report, JSON.parse(dj.membershipCheckMemberJson(policy, cal, s(applicant), '2025-04-01')));
  const before = dj.membershipCheckMember(policy, cal, applicant, '2024-01-09');
  assert.equal(before.stage, 'none');
  assert.equal(before.since, undefined);
});

test('membershipCheckMember: an imported full member', () => {
  const report = dj.membershipCheckMember(policy, cal, full('F1', '2015-07-01'), '2026-01-01');
  assert.equal(report.stage, 'full');
  assert.equal(report.since, '2015-07-01');
});

test('membershipCheckMember: full membership and 党龄 of an imported member',
  todoUnlessCore('development.json', 'party_age_on_anniversary'), () => {
    const report = dj.membershipCheckMember(policy, cal, full('F1', '2015-07-01'), '2026-01-01');
    assert.equal(report.full_member_since, '2015-07-01');
    assert.equal(report.party_age_years, 10);
  });

test('membershipCheckMembers: an array or a members document, object = JSON', () => {
  const fromArray = dj.membershipCheckMembers(policy, cal, roster, '2025-04-01');
  assert.deepEqual(fromArray.reports.map((r) => [r.member_id, r.stage]),
    [['F1', 'full'], ['F2', 'full'], ['P1', 'development_target']]);
  assert.deepEqual(fromArray.errors, []);
  const doc = { members: roster, meetings: [], ledgers: [] };
  assert.deepEqual(dj.membershipCheckMembers(policy, cal, doc, '2025-04-01'), fromArray);
  assert.deepEqual(JSON.parse(dj.membershipCheckMembersJson(policy, cal, s(doc), '2025-04-01')), fromArray);
  assert.deepEqual(JSON.parse(dj.membershipCheckMembersJson(policy, cal, s(roster), '2025-04-01')), fromArray);
});

test('membershipCheckMembers: a bad record is an error entry naming events[1].kind; the others are checked', () => {
  const bad = { id: 'X1', name: '错', birth_date: '2000-01-01', org: 'B1',
    events: [{ kind: 'application', date: '2024-01-10' }, { kind: 'joined_party', date: '2024-02-01' }] };
  const members = [full('F1'), bad, applicant, full('F1')];
  const batch = dj.membershipCheckMembers(policy, cal, members, '2025-04-01');
  assert.deepEqual(batch.reports.map((r) => r.member_id), ['F1', 'P1']);
  assert.deepEqual(batch.errors.map(({ index, member_id, kind, code, field }) => ({ index, member_id, kind, code, field })), [
    { index: 1, member_id: 'X1', kind: 'invalid_input', code: 'INVALID_RECORD_JSON', field: 'events[1].kind' },
    { index: 3, member_id: 'F1', kind: 'invalid_input', code: 'DUPLICATE_MEMBER', field: 'id' },
  ]);
  assert.match(batch.errors[0].message_en, /\S/);
  assert.deepEqual(JSON.parse(dj.membershipCheckMembersJson(policy, cal, s(members), '2025-04-01')), batch);
});

test('whole-call errors: not a roster, a bad day, a bad record — the same code and field on both surfaces', () => {
  // Not a roster: the unknown key is named (each part of the document is read on its own since the hostile-input
  // work, so the reader knows where it stopped).
  throwsCoded(() => dj.membershipCheckMembers(policy, cal, { people: [] }, '2025-04-01'),
    { code: 'INVALID_RECORD_JSON', field: 'people' });
  throwsCoded(() => dj.membershipCheckMembersJson(policy, cal, '{"people":[]}', '2025-04-01'),
    { code: 'INVALID_RECORD_JSON', field: 'people' });
  throwsCoded(() => dj.membershipCheckMember(policy, cal, applicant, '2025-13-01'), { code: 'INVALID_DATE', field: 'on' });
  throwsCoded(() => dj.membershipCheckMemberJson(policy, cal, s(applicant), ''), { code: 'INVALID_DATE', field: 'on' });
  const bad = { ...applicant, events: [{ kind: 'talk', date: '2024-02-30' }] };
  throwsCoded(() => dj.membershipCheckMember(policy, cal, bad, '2025-04-01'),
    { code: 'INVALID_RECORD_JSON', field: 'events[0].date' });
  throwsCoded(() => dj.membershipCheckMemberJson(policy, cal, s(bad), '2025-04-01'),
    { code: 'INVALID_RECORD_JSON', field: 'events[0].date' });
  // Truncated text: the path where the reader stopped.
  throwsCoded(() => dj.membershipCheckMemberJson(policy, cal, '{"id":', '2025-04-01'),
    { code: 'INVALID_RECORD_JSON', field: 'id' });
  throwsCoded(() => dj.membershipRights(policy, { ...applicant, nickname: 'x' }, '2025-04-01'),
    { code: 'INVALID_RECORD_JSON', field: 'nickname' });
  // What JSON.stringify cannot convert is coded too.
  throwsCoded(() => dj.membershipCheckMember(policy, cal, { id: 1n }, '2025-04-01'), { code: 'INVALID_RECORD_JSON', field: '' });
});

test('membershipApplyEvent: the record with the event appended, object = JSON; errors under event', () => {
  const record = { id: 'N1', name: '新', birth_date: '2000-03-01', org: 'B1' };
  const application = { kind: 'application', date: '2024-01-10' };
  const next = dj.membershipApplyEvent(policy, cal, record, application, []);
  assert.deepEqual(next, { ...record, events: [application] });
  assert.deepEqual(next, JSON.parse(dj.membershipApplyEventJson(policy, cal, s(record), s(application), '[]')));
  const talked = dj.membershipApplyEvent(policy, cal, next, { kind: 'talk', date: '2024-01-20' }, roster);
  assert.deepEqual(talked.events.map((e) => e.kind), ['application', 'talk']);
  throwsCoded(() => dj.membershipApplyEvent(policy, cal, record, { kind: 'joined', date: '2024-01-10' }, []),
    { code: 'INVALID_EVENT_JSON', field: 'event.kind' });
  // (The core names `event` here, not yet `event.date`: its event reader does not track paths inside the kind.)
  throwsCoded(() => dj.membershipApplyEventJson(policy, cal, s(record), '{"kind":"talk","date":"x"}', '[]'),
    { code: 'INVALID_EVENT_JSON', field: /^event(\.date)?$/ });
  throwsCoded(() => dj.membershipApplyEvent(policy, cal, record, application, [full('F1'), { id: 'F2' }]),
    { code: 'INVALID_RECORD_JSON', field: 'roster[1].name' });
});

test('membershipApplyEvent: an event before the last one is refused with its field',
  todoUnlessCore('apply.json', 'apply_event_before_last_refused'), () => {
    throwsCoded(() => dj.membershipApplyEvent(policy, cal, applicant, { kind: 'talk', date: '2024-01-20' }, roster),
      { code: 'EVENT_OUT_OF_ORDER', field: 'event.date' });
    throwsCoded(() => dj.membershipApplyEventJson(policy, cal, s(applicant), s({ kind: 'talk', date: '2024-01-20' }), s(roster)),
      { code: 'EVENT_OUT_OF_ORDER', field: 'event.date' });
  });

test('membershipRights: object = JSON', () => {
  const rights = dj.membershipRights(policy, full('F1'), '2026-01-01');
  assert.equal(rights.may_vote, true);
  assert.equal(rights.may_sponsor, true);
  assert.deepEqual(rights, JSON.parse(dj.membershipRightsJson(policy, s(full('F1')), '2026-01-01')));
  throwsCoded(() => dj.membershipRightsJson(policy, s(full('F1')), '2026/01/01'), { code: 'INVALID_DATE', field: 'on' });
});

test('membershipCheckOrgs: object = JSON; a bad tree is INVALID_ORG_JSON naming the field', () => {
  const doc = { orgs: [{ id: 'C1', kind: 'committee' }, { id: 'B1', parent: 'C1', kind: 'branch' }] };
  const report = dj.membershipCheckOrgs(policy, doc, '2026-01-01');
  assert.ok(Array.isArray(report.findings));
  assert.deepEqual(report, JSON.parse(dj.membershipCheckOrgsJson(policy, s(doc), '2026-01-01')));
  throwsCoded(() => dj.membershipCheckOrgs(policy, { orgs: [{ id: 'B1', kind: 'cell' }] }, '2026-01-01'),
    { code: 'INVALID_ORG_JSON', field: 'orgs[0].kind' });
});

test('membershipValidateIdNumber: 11010519491231002X born 1949-12-31 is valid; a bad date is INVALID_DATE', () => {
  assert.equal(dj.membershipValidateIdNumber('11010519491231002X', '1949-12-31'), undefined);
  throwsCoded(() => dj.membershipValidateIdNumber('11010519491231002X', '1949-02-30'),
    { code: 'INVALID_DATE', field: 'birth_date' });
});

test('membershipValidateIdNumber: a wrong check character is INVALID_ID_NUMBER',
  todoUnlessCore('errors.json', 'id_number_check_character'), () => {
    throwsCoded(() => dj.membershipValidateIdNumber('110105194912310021', '1949-12-31'),
      { code: 'INVALID_ID_NUMBER', field: 'id_number' });
  });

test('membershipValidateIdNumber: another birth date is ID_BIRTH_DATE_MISMATCH',
  todoUnlessCore('errors.json', 'id_number_birth_date_mismatch'), () => {
    throwsCoded(() => dj.membershipValidateIdNumber('11010519491231002X', '1949-12-30'),
      { code: 'ID_BIRTH_DATE_MISMATCH', field: 'id_number' });
  });
