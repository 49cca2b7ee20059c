// Disclosure board: a small built-in organization tree and a handful of items; pick a viewer and a day and the
// board lists exactly what `disclosureBoard` says that viewer saw that day — the version then in force (with a
// note once corrected), nothing of an item before its publication or after its withdrawal, and the withdrawal
// records the policy shows officers — each text as published (identity and mobile numbers masked where the
// policy says so; `disclosureRedactionPreview` tells whether masking applied).
// Every rule is in the package; this file only holds the sample data and renders the result.
import init, {
  Policy, coreVersion, describeCode, disclosureBoard, disclosureRedactionPreview,
} from 'dangjian';
import { showError } from './errors.js';
import './layout.js';
import { $, h } from './dom.js';

// ---- Sample data ------------------------------------------------------------------------------------------

const ORG_NAMES = { C1: '机关党委', B1: '第一党支部', B2: '第二党支部', G1: '第一党小组' };

/** The organizations and workflow roles (a `DisclosureContext`). */
const CONTEXT = {
  orgs: [
    { id: 'C1', kind: 'committee' },
    { id: 'B1', parent: 'C1', kind: 'branch' },
    { id: 'B2', parent: 'C1', kind: 'branch' },
    { id: 'G1', parent: 'B1', kind: 'group' },
  ],
  roles: [
    { person: 'P-01', org: 'B1', role: 'proposer' },
    { person: 'R-01', org: 'B1', role: 'reviewer' },
  ],
};

const since = (org, status = 'full') => ({ org, status, from: '2018-07-01' });

/** The viewers to pick from: [key, label zh, label en, Viewer]. */
const VIEWERS = [
  ['public', '社会公众', 'Public visitor', {}],
  ['member-b1', '第一党支部党员', 'Member of branch B1', { person: 'M-01', memberships: [since('B1')] }],
  ['member-g1', '第一党小组党员', 'Member of group G1 (under B1)', { person: 'M-02', memberships: [since('G1')] }],
  ['officer-c1', '机关党委委员', 'Officer of the committee C1 (parent of B1)',
    { person: 'O-01', memberships: [since('C1')], posts: [{ org: 'C1', from: '2024-01-01' }] }],
  ['suspended', '第一党支部党员（停止党籍）', 'Member of B1, suspended', { person: 'M-03', memberships: [since('B1', 'suspended')] }],
  ['reviewer-b1', '第一党支部审核人', 'Reviewer of B1', { person: 'R-01', memberships: [since('B1')] }],
];

/** A published item of the sample organization tree (a `DisclosureItem`), its first version dated. */
function item(id, org, title, body, category, scope, publishedAt, extra = {}) {
  const versions = publishedAt ? [{ number: 1, title, body, at: publishedAt, actor: 'P-01' }] : [];
  return {
    schema_version: 1, id, org, title, body, category, scope,
    created_by: 'P-01', created_at: '2026-02-20T09:00:00+08:00',
    status: 'published', published_at: publishedAt, versions, ...extra,
  };
}

/** `it` corrected at `at` (a second version with a new body and the reason), as the workflow records it. */
function corrected(it, body, at, reason) {
  it.versions.push({ number: 2, title: it.title, body, at, actor: 'A-01', reason });
  it.body = body;
  return it;
}

const ITEMS = [
  item('S-1', 'C1', '2026年党务公开目录', '机关党委2026年党务公开目录已印发。咨询电话：13800138000。', 'other',
    { kind: 'to_society' }, '2026-03-02T09:00:00+08:00'),
  corrected(item('W-1', 'C1', '学习贯彻党的二十大精神专题安排', '各支部按计划开展专题学习。', 'ideology',
    { kind: 'whole_party' }, '2026-03-03T09:00:00+08:00'),
  '各支部按计划开展专题学习，3月31日前报送学习记录。', '2026-03-12T09:00:00+08:00', '补充报送要求'),
  item('O-1', 'B1', '第一支部及所属党小组主题党日安排', '3月主题党日：重温入党誓词。', 'organization',
    { kind: 'organizations', orgs: ['B1'], include_descendants: true }, '2026-03-05T09:00:00+08:00'),
  item('M-1', 'B1', '第一党支部发展对象公示', '发展对象：张三，身份证号11010519491231002X，联系电话13912345678。公示期五个工作日。',
    'organization', { kind: 'members', org: 'B1' }, '2026-03-06T09:00:00+08:00'),
  item('M-2', 'B2', '第二党支部2025年度党费收缴情况', '应交党费与实交党费一致，无欠交。', 'organization',
    { kind: 'members', org: 'B2' }, '2026-03-09T09:00:00+08:00'),
  item('D-1', 'B1', '（草稿）支部委员会换届选举工作方案', '待提交审核。', 'organization',
    { kind: 'members', org: 'B1' }, undefined, { status: 'draft' }),
  item('X-1', 'B1', '关于调整组织生活时间的通知', '3月组织生活改在每周四下午。', 'organization',
    { kind: 'whole_party' }, '2026-03-04T09:00:00+08:00',
    { status: 'withdrawn', withdrawal_reason: '时间有误', withdrawn_at: '2026-03-10T09:00:00+08:00' }),
];
for (const i of ITEMS) if (i.published_at === undefined) delete i.published_at;

const SCOPES = {
  to_society: '向社会公开 To society',
  whole_party: '党内公开（全党） Whole Party',
  organizations: '党内公开（指定组织） Listed organizations',
  members: '党内公开（本组织党员） Members of one organization',
};

// ---- Rendering --------------------------------------------------------------------------------------------

function scopeText(scope) {
  const orgs = scope.orgs ?? (scope.org ? [scope.org] : []);
  const names = orgs.map((o) => ORG_NAMES[o] ?? o).join('、');
  return `${SCOPES[scope.kind]}${names ? `：${names}` : ''}${scope.include_descendants ? '（含下级）' : ''}`;
}

/** One board entry: the text in force that day, with its correction note or, for an officer, the withdrawal. */
function renderEntry(policy, entry, on) {
  const it = ITEMS.find((i) => i.id === entry.id);
  // Whether masking applied to the version shown: the package's preview of that version's body.
  const body = it.versions.find((v) => v.number === entry.version)?.body ?? it.body;
  const preview = disclosureRedactionPreview(policy, { ...it, body }, on);
  const masked = preview.masked && preview.found.length > 0;
  const published = entry.published_at ? `发布 ${entry.published_at.slice(0, 10)}` : `状态 ${entry.status}（未发布 unpublished）`;
  const { corrected: c, withdrawn: w } = entry;
  const kind = w ? ' withdrawn' : entry.published_at ? '' : ' unpublished';
  const li = h('li', { className: `board-item${kind}` },
    h('h3', { className: 'item-title', textContent: entry.title },
      masked ? h('span', { className: 'tag masked', textContent: '已脱敏 masked' }) : null,
      c ? h('span', { className: 'tag corrected', textContent: `已更正 corrected (v${c.version})` }) : null,
      w ? h('span', { className: 'tag withdrawn', textContent: '已撤回 withdrawn' }) : null),
    h('p', { className: 'meta', textContent: `${ORG_NAMES[it.org] ?? it.org} · ${scopeText(it.scope)} · ${published}` }),
    h('p', { className: 'body', textContent: entry.text }),
    c ? h('p', { className: 'dated correction', textContent:
      `${c.on} 更正（第${c.version}版）：${c.reason} · Corrected on ${c.on} (version ${c.version})` }) : null,
    w ? h('p', { className: 'dated withdrawal', textContent:
      `${w.on ?? '日期不详'} 撤回：${w.reason} · Withdrawn${w.on ? ` on ${w.on}` : ''} — `
      + `shown to officers for audit (${w.citation.regulation} ${w.citation.article})` }) : null);
  li.dataset.id = entry.id;
  return li;
}

function renderError(e) {
  showError(e, describeCode);
  $('on').setAttribute('aria-invalid', 'true');
}

function refresh(policy) {
  const [, zh, en, viewer] = VIEWERS.find(([key]) => key === $('viewer').value) ?? VIEWERS[0];
  const on = $('on').value;
  $('viewer-note').textContent = `${zh} · ${en}`;
  $('error').hidden = true;
  $('on').removeAttribute('aria-invalid');
  try {
    const shown = disclosureBoard(policy, CONTEXT, viewer, ITEMS, on);
    $('items').replaceChildren(...shown.map((entry) => renderEntry(policy, entry, on)));
    $('count').textContent = `${shown.length} / ${ITEMS.length}`;
  } catch (e) {
    $('items').replaceChildren();
    $('count').textContent = '';
    renderError(e);
  }
  document.body.dataset.viewer = $('viewer').value;
  document.body.dataset.on = on;
}

function renderOrgTree() {
  const node = (org) => h('li', { textContent: `${ORG_NAMES[org.id]}（${org.id}）` },
    ...children(org.id).length ? [h('ul', {}, ...children(org.id).map(node))] : []);
  const children = (id) => CONTEXT.orgs.filter((o) => o.parent === id);
  $('org-tree').replaceChildren(...CONTEXT.orgs.filter((o) => !o.parent).map(node));
}

// ---- Start ------------------------------------------------------------------------------------------------

async function main() {
  await init();
  const policy = Policy.bundled();
  $('core-version').textContent = coreVersion();
  $('viewer').replaceChildren(...VIEWERS.map(([key, zh, en]) => h('option', { value: key, textContent: `${zh} · ${en}` })));
  $('on').value = '2026-03-16';
  renderOrgTree();
  $('status').hidden = true;
  for (const id of ['viewer', 'on']) $(id).addEventListener('input', () => refresh(policy));
  $('board-form').addEventListener('submit', (event) => event.preventDefault());
  $('controls').disabled = false;
  refresh(policy);
  document.body.dataset.ready = 'true';
}

main().catch((e) => {
  $('status').textContent = `加载失败 / Failed to load: ${e}`;
  throw e;
});
