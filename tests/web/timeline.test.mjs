// The member checker's timeline (examples/web/timeline.js on member.html), at a phone's 390 px: for each member
// the stages reached with their first days, the next step's window, the day of the check and the violations
// marked. Every expected day is worked out here from the input record and the regulation, never read from
// the page: 入党申请人 from the application, 入党积极分子 and 发展对象 from the committee's decisions, 预备党员 from
// the branch meeting's vote (党章 第七条: 预备期从支部大会通过之日算起) and 正式党员 a year later (预备期为一年);
// the talk within a month of the application (细则 第七条), a development target after a year as an activist
// (细则 第十三条), a review every half year (细则 第十二条). Screenshot: target/screenshots/web-member-timeline.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './serve.mjs';
import { SHOTS, pageUnderTest } from './browser.mjs';

const ui = pageUnderTest('member.html');

/** `date` + `n` calendar months, clamped to the month's end (01-31 + 1 month = 02-28), as the rules count. */
function plusMonths(date, n) {
  const [y, m, d] = date.split('-').map(Number);
  const months = y * 12 + (m - 1) + n;
  const year = Math.floor(months / 12);
  const month = (months % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (v) => String(v).padStart(2, '0');
  return `${year}-${pad(month)}-${pad(Math.min(d, last))}`;
}

test('plusMonths, the test\'s own month arithmetic, clamps to the month\'s end', () => {
  assert.equal(plusMonths('2026-01-31', 1), '2026-02-28');
  assert.equal(plusMonths('2024-01-31', 1), '2024-02-29');
  assert.equal(plusMonths('2024-06-20', 12), '2025-06-20');
  assert.equal(plusMonths('2026-02-10', 6), '2026-08-10');
});

/** Checks `doc` (a record or a roster) on `on`; resolves to the timeline of `member` as plain data. */
async function timelineOf(doc, on, member) {
  const before = Number(await ui.page.getAttribute('body', 'data-checked'));
  await ui.page.fill('#record', JSON.stringify(doc, null, 2));
  await ui.page.fill('#on', on);
  await ui.page.click('#check');
  await ui.page.waitForSelector(`body[data-checked="${before + 1}"]`);
  assert.equal(await ui.page.isHidden('#error'), true, await ui.page.textContent('#error'));
  return ui.page.$eval(`section.report[data-member="${member}"] svg.timeline`, (svg) => ({
    on: svg.dataset.on,
    stages: [...svg.querySelectorAll('g.stage')].map((g) => ({
      stage: g.dataset.stage, since: g.dataset.since, text: g.querySelector('text').textContent })),
    steps: [...svg.querySelectorAll('g.next-step')].map((g) => ({
      code: g.dataset.code, earliest: g.dataset.earliest, due: g.dataset.due, title: g.querySelector('title').textContent })),
    findings: [...svg.querySelectorAll('g.finding')].map((g) => ({
      code: g.dataset.code, date: g.dataset.date, severity: g.classList[1], title: g.querySelector('title').textContent })),
    today: svg.querySelector('text.today-label').textContent,
    todayX: Number(svg.querySelector('line.today').getAttribute('x1')),
    right: svg.getBoundingClientRect().right,
    innerWidth,
  }));
}

const zhStage = { applicant: '入党申请人', activist: '入党积极分子', development_target: '发展对象', probationary: '预备党员', full: '正式党员' };

test('timeline: a member taken from application to full membership — every stage with its day from the record', async () => {
  const vectors = JSON.parse(readFileSync(join(ROOT, 'tests', 'vectors', 'membership', 'development.json'), 'utf8'));
  const worked = vectors.cases.find((c) => c.name === 'full_member_worked_example');
  const record = worked.members.find((m) => m.id === worked.member);
  const day = (kind) => record.events.find((e) => e.kind === kind).date;
  const vote = day('branch_vote');
  const expected = [
    ['applicant', day('application')],
    ['activist', day('activist')],
    ['development_target', day('development_target')],
    ['probationary', vote], // 党章 第七条: probation counts from the branch meeting's vote
    ['full', plusMonths(vote, 12)], // … and lasts one year
  ];
  const t = await timelineOf({ members: worked.members }, worked.on, worked.member);
  assert.deepEqual(t.stages.map((s) => [s.stage, s.since]), expected);
  for (const s of t.stages) assert.equal(s.text, `${zhStage[s.stage]} ${s.since}`);
  assert.equal(t.on, worked.on);
  assert.equal(t.today, `检查日 ${worked.on}`);
  assert.deepEqual(t.findings, [], 'every step on time: nothing marked');
  assert.ok(t.right <= t.innerWidth, `the timeline ends at ${t.right} px in a ${t.innerWidth} px window`);
});

const FULL = (id) => ({ id, name: id, birth_date: '1975-06-12', org: 'B01', events: [{ kind: 'imported', date: '2001-07-01', stage: 'full' }] });

/** An applicant who applied on 2026-01-31 (a month later is 02-28: the clamped month of 细则 第七条). */
const applicant = (extra = []) => ({
  id: 'A1', name: '林一', birth_date: '2000-05-05', org: 'B01',
  events: [{ kind: 'application', date: '2026-01-31' }, ...extra],
});

test('timeline: the talk\'s window ends a month after the application (细则 第七条), both sides of its last day', async () => {
  const due = plusMonths('2026-01-31', 1);
  assert.equal(due, '2026-02-28');
  // On the last day: the talk is the next step, due that day; nothing is overdue yet.
  let t = await timelineOf(applicant(), due, 'A1');
  assert.deepEqual(t.stages.map((s) => [s.stage, s.since]), [['applicant', '2026-01-31']]);
  const talk = t.steps.find((s) => s.code === 'TALK');
  assert.ok(talk, JSON.stringify(t.steps));
  assert.equal(talk.due, due);
  assert.equal(talk.earliest, undefined, 'the talk may happen at once');
  assert.match(talk.title, /谈话/);
  assert.deepEqual(t.findings, []);
  // The day after: still due, and now a violation marked on the day of the check.
  const next = '2026-03-01';
  t = await timelineOf(applicant(), next, 'A1');
  assert.equal(t.steps.find((s) => s.code === 'TALK')?.due, due);
  const overdue = t.findings.filter((f) => f.code === 'TALK_OVERDUE');
  assert.equal(overdue.length, 1, JSON.stringify(t.findings));
  assert.equal(overdue[0].date, next);
  assert.equal(overdue[0].severity, 'violation');
  assert.match(overdue[0].title, /^TALK_OVERDUE（2026-03-01）：.*\p{Script=Han}/u);
  assert.ok(overdue[0].title.includes(due), overdue[0].title);
});

test('timeline: a late talk is marked on the day of the talk; one on the last day is not marked', async () => {
  let t = await timelineOf(applicant([{ kind: 'talk', date: '2026-03-01' }]), '2026-03-10', 'A1');
  const late = t.findings.filter((f) => f.code === 'TALK_LATE');
  assert.equal(late.length, 1, JSON.stringify(t.findings));
  assert.equal(late[0].date, '2026-03-01', 'the talk, a day after the month ended');
  assert.match(late[0].title, /TALK_LATE.*2026-02-28/);
  t = await timelineOf(applicant([{ kind: 'talk', date: '2026-02-28' }]), '2026-03-10', 'A1');
  assert.deepEqual(t.findings.filter((f) => f.code === 'TALK_LATE'), []);
});

test('timeline: an activist\'s next steps — a development target from a year on, a review within half a year', async () => {
  const roster = {
    members: [FULL('M01'), FULL('M02'), applicant([
      { kind: 'talk', date: '2026-02-10' },
      { kind: 'activist', date: '2026-02-10', recommended_by: 'party_members' },
      { kind: 'contacts', date: '2026-02-10', contacts: ['M01'] },
    ])],
  };
  const t = await timelineOf(roster, '2026-03-01', 'A1');
  assert.deepEqual(t.stages.map((s) => [s.stage, s.since]), [['applicant', '2026-01-31'], ['activist', '2026-02-10']]);
  const target = t.steps.find((s) => s.code === 'BECOME_DEVELOPMENT_TARGET');
  assert.equal(target?.earliest, plusMonths('2026-02-10', 12), JSON.stringify(t.steps)); // 细则 第十三条
  assert.equal(target.due, undefined, 'no last day');
  assert.equal(t.steps.find((s) => s.code === 'HALF_YEAR_REVIEW')?.due, plusMonths('2026-02-10', 6)); // 细则 第十二条
  // Today's line lies before the development target's window opens.
  const windowX = await ui.page.$eval('section.report[data-member="A1"] g.next-step[data-code="BECOME_DEVELOPMENT_TARGET"] line.bound',
    (l) => Number(l.getAttribute('x1')));
  assert.ok(t.todayX < windowX, `today at ${t.todayX}, the window from ${windowX}`);
  assert.ok(t.right <= t.innerWidth);
  await ui.page.screenshot({ path: join(SHOTS, 'web-member-timeline.png'), fullPage: true });
});

test('timeline: the sample roster — one timeline per member, the full members\' from their import', async () => {
  await ui.page.reload();
  await ui.page.waitForSelector('body[data-ready="true"]');
  const roster = JSON.parse(await ui.page.inputValue('#record'));
  const t = await timelineOf(roster, '2025-07-01', 'M01');
  const m01 = roster.members.find((m) => m.id === 'M01');
  assert.deepEqual(t.stages.map((s) => [s.stage, s.since]), [[m01.events[0].stage, m01.events[0].date]]);
  assert.equal(await ui.page.locator('section.report svg.timeline').count(), roster.members.length);
  const p01 = roster.members.find((m) => m.id === 'P01');
  const stages = await ui.page.$$eval('section.report[data-member="P01"] g.stage', (gs) => gs.map((g) => [g.dataset.stage, g.dataset.since]));
  const day = (kind) => p01.events.find((e) => e.kind === kind).date;
  assert.deepEqual(stages, [['applicant', day('application')], ['activist', day('activist')],
    ['development_target', day('development_target')]]);
});

test('no page errors, console errors or failed requests', () => {
  assert.deepEqual(ui.browser.problems, []);
});
