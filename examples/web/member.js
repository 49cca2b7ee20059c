// Member-record checker: a record or a roster (JSON text) and a day in; the stage, 党龄, findings and next steps
// out, from `membershipCheckMemberJson` / `membershipCheckMembersJson`. The text goes to the package as it is, so
// a malformed document is the package's coded error (INVALID_RECORD_JSON naming the field), not the page's.
// Every rule is in the package; this file only holds the sample roster and renders the result.
import init, {
  Calendar, Policy, coreVersion, describeCode, membershipCheckMemberJson, membershipCheckMembersJson,
} from 'dangjian';
import { fieldZh, recordZh, showError } from './errors.js';
import './layout.js';
import { $, h, td } from './dom.js';
import { STAGE_ZH as STAGES, timeline } from './timeline.js';

// ---- Sample data: a 党支部 with two full members and an applicant now a development target ----------------

const full = (id, name, birthDate, since) => ({
  id, name, birth_date: birthDate, org: 'B01', events: [{ kind: 'imported', date: since, stage: 'full' }],
});

const SAMPLE = {
  members: [
    full('M01', '张建国', '1975-06-12', '2001-07-01'),
    full('M02', '王秀英', '1982-11-03', '2008-06-30'),
    {
      id: 'P01', name: '陈晓', birth_date: '2001-09-18', org: 'B01',
      events: [
        { kind: 'application', date: '2024-03-04' },
        { kind: 'talk', date: '2024-03-20' },
        { kind: 'activist', date: '2024-04-15', recommended_by: 'party_members', filed_on: '2024-04-22' },
        { kind: 'contacts', date: '2024-04-15', contacts: ['M01', 'M02'] },
        { kind: 'half_year_review', date: '2024-10-14' },
        { kind: 'half_year_review', date: '2025-04-14' },
        { kind: 'development_target', date: '2025-04-21', higher_approval_on: '2025-04-28' },
        { kind: 'sponsors', date: '2025-04-28', sponsors: ['M01', 'M02'] },
        { kind: 'political_review', date: '2025-05-26', passed: true },
        { kind: 'training', date: '2025-06-13', days: 3, class_hours: 24 },
      ],
    },
  ],
};

const SEVERITIES = { violation: '违规', warning: '提醒', info: '信息' };

// ---- DOM helpers ------------------------------------------------------------------------------------------

const citation = (c) => (c ? `${c.regulation} ${c.article}`.trim() : '—');

/** Today in the browser's time zone, `YYYY-MM-DD`. */
function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

// ---- Rendering --------------------------------------------------------------------------------------------

function stageCell(stage) {
  return h('td', { className: 'stage' }, `${STAGES[stage] ?? stage} `, h('code', { textContent: stage }));
}

function summaryRow(report, names) {
  const tr = h('tr', {},
    td(report.member_id), td(names.get(report.member_id)), stageCell(report.stage), td(report.since),
    td(report.party_age_years === undefined ? '—' : `${report.party_age_years} 年`, 'num'),
    td(String(report.findings.length), 'num'));
  tr.dataset.member = report.member_id;
  return tr;
}

function table(className, headers, rows, empty) {
  const head = h('thead', {}, h('tr', {}, ...headers.map(([zh, en]) => h('th', {}, `${zh} `, h('span', { className: 'en', textContent: en })))));
  const body = rows.length ? rows : [h('tr', { className: 'empty' }, h('td', { colSpan: headers.length, className: 'muted', textContent: empty }))];
  return h('table', { className: `trace stack ${className}` }, head, h('tbody', {}, ...body));
}

function findingRow(f) {
  const tr = h('tr', { className: `finding ${f.severity}` },
    td(`${SEVERITIES[f.severity] ?? f.severity} ${f.severity}`), h('td', {}, h('code', { textContent: f.code })),
    td(f.message_zh), td(citation(f.citation), 'cite'));
  tr.dataset.code = f.code;
  return tr;
}

function stepRow(n) {
  const tr = h('tr', {}, h('td', {}, h('code', { textContent: n.code })), td(n.message_zh),
    td(n.earliest, 'num'), td(n.due, 'num'), td(citation(n.citation), 'cite'));
  tr.dataset.code = n.code;
  return tr;
}

function reportSection(report, records) {
  const record = records.get(report.member_id);
  const name = record?.name;
  const facts = [
    ['阶段', 'Stage', `${STAGES[report.stage] ?? report.stage}（${report.stage}）`],
    ['起始', 'Since', report.since],
    ['转为正式党员', 'Full member since', report.full_member_since],
    ['预备期满', 'Probation complete', report.probation_ends],
    ['党龄', 'Party age', report.party_age_years === undefined ? undefined : `${report.party_age_years} 年`],
  ].filter(([, , v]) => v !== undefined);
  const section = h('section', { className: 'report' },
    h('h3', { textContent: `${name ?? ''} ${report.member_id}`.trim() }),
    h('dl', { className: 'facts' }, ...facts.flatMap(([zh, en, v]) => [
      h('dt', {}, `${zh} `, h('span', { className: 'en', textContent: en })), h('dd', { textContent: v })])),
    h('h4', {}, '发展历程 ', h('span', { className: 'en', textContent: 'Timeline' })),
    h('div', { className: 'timeline-box' }, timeline(report, record)),
    h('h4', {}, '问题 ', h('span', { className: 'en', textContent: 'Findings' })),
    table('findings-table', [['严重程度', 'Severity'], ['代码', 'Code'], ['说明', 'Message'], ['依据', 'Citation']],
      report.findings.map(findingRow), '无 None'),
    h('h4', {}, '下一步 ', h('span', { className: 'en', textContent: 'Next steps' })),
    table('steps-table', [['代码', 'Code'], ['事项', 'What'], ['最早', 'Earliest'], ['截止', 'Due'], ['依据', 'Citation']],
      report.next_steps.map(stepRow), '无 None'));
  section.dataset.member = report.member_id;
  return section;
}

/** A field path cell: the path in Chinese, the path itself small beside it (what a developer searches for). */
function fieldCell(field) {
  if (!field) return td('—');
  return h('td', { className: 'field' }, `${fieldZh(field)} `, h('code', { className: 'muted', textContent: field }));
}

function renderBatch(batch, records, on) {
  const names = new Map([...records].map(([id, r]) => [id, r.name]));
  $('checked-on').textContent = `${on}`;
  $('summary').tBodies[0].replaceChildren(...batch.reports.map((r) => summaryRow(r, names)));
  $('batch-errors').tBodies[0].replaceChildren(...batch.errors.map((e) => {
    const tr = h('tr', {}, td(String(e.index), 'num'), td(e.member_id), h('td', {}, h('code', { textContent: e.code })),
      fieldCell(e.field), td(recordZh(e, describeCode)));
    tr.dataset.index = String(e.index);
    return tr;
  }));
  $('batch-errors-section').hidden = batch.errors.length === 0;
  $('reports').replaceChildren(...batch.reports.map((r) => reportSection(r, records)));
  $('result').hidden = false;
}

function renderError(e) {
  const { field } = showError(e, describeCode);
  $(field === 'on' ? 'on' : 'record').setAttribute('aria-invalid', 'true');
}

/** The text as the package reads it: a roster (array or `{members}`) or one record; the records by id (for the
 *  names in the tables and the event ticks of the timelines). */
function shapeOf(text) {
  let doc;
  try {
    doc = JSON.parse(text);
  } catch {
    return { roster: false, records: new Map() }; // the package reports what is wrong with it
  }
  const members = Array.isArray(doc) ? doc : doc?.members;
  const records = Array.isArray(members) ? members : [doc];
  const byId = new Map(records.filter((r) => r && typeof r.id === 'string').map((r) => [r.id, r]));
  return { roster: Array.isArray(members), records: byId };
}

function check(policy, calendar) {
  const text = $('record').value;
  const on = $('on').value;
  $('error').hidden = true;
  for (const id of ['record', 'on']) $(id).removeAttribute('aria-invalid');
  try {
    const { roster, records } = shapeOf(text);
    const batch = roster
      ? JSON.parse(membershipCheckMembersJson(policy, calendar, text, on))
      : { reports: [JSON.parse(membershipCheckMemberJson(policy, calendar, text, on))], errors: [] };
    renderBatch(batch, records, on);
  } catch (e) {
    $('result').hidden = true;
    renderError(e);
  }
  document.body.dataset.checked = String(Number(document.body.dataset.checked ?? 0) + 1);
}

// ---- Start ------------------------------------------------------------------------------------------------

async function main() {
  await init();
  const policy = Policy.bundled();
  const calendar = Calendar.official();
  $('core-version').textContent = coreVersion();
  $('record').value = JSON.stringify(SAMPLE, null, 2);
  $('on').value = today();
  $('member-form').addEventListener('submit', (event) => {
    event.preventDefault();
    check(policy, calendar);
  });
  $('status').hidden = true;
  $('inputs').disabled = false;
  check(policy, calendar);
  document.body.dataset.ready = 'true';
}

main().catch((e) => {
  $('status').textContent = `加载失败 / Failed to load: ${e}`;
  throw e;
});
