// Dues calculator: reads the form into a `DuesMember`, calls `assessDues` from the dangjian package (web build)
// and shows the amount, base, rate, citation, findings and trace — or the error's code, field and message.
// Every rule is in the package; this file only builds the input and renders the output.
import init, { Policy, assessDues, coreVersion, describeCode } from 'dangjian';
import { showError } from './errors.js';
import './layout.js';
import { $, h, td } from './dom.js';
import { duesChart, percent } from './dues-chart.js';
import { STEP_ZH, traceDetailZh } from './trace-zh.js';

// ---- Labels (the contract codes of the package's Category, EmployerType and ItemCode types) -------------

const CATEGORIES = [
  ['employed', '在职党员', 'Employed'],
  ['annual_salary', '实行年薪制党员', 'Annual salary'],
  ['self_employed', '个体经营或灵活就业党员', 'Self-employed'],
  ['retired', '离退休党员', 'Retired'],
  ['farmer', '农民党员', 'Farmer'],
  ['student', '学生党员', 'Student'],
  ['unemployed', '下岗失业党员', 'Unemployed'],
  ['relief', '依靠抚恤或救济生活的党员', 'On relief'],
  ['subsistence', '领取最低生活保障金的党员', 'Subsistence allowance'],
];

const EMPLOYER_TYPES = [
  ['civil_service', '机关', 'Civil service'],
  ['public_institution', '事业单位', 'Public institution'],
  ['enterprise', '企业', 'Enterprise'],
];

const ITEM_CODES = [
  ['post_salary', '职务（岗位）工资', 'Post salary'],
  ['grade_salary', '级别（薪级）工资', 'Grade salary'],
  ['basic_salary', '基本工资', 'Basic salary'],
  ['basic_performance', '基础性绩效工资', 'Basic performance pay'],
  ['reward_performance', '奖励性绩效工资', 'Reward performance pay'],
  ['allowance', '津贴补贴', 'Allowances'],
  ['regular_bonus', '经常性奖金', 'Regular bonus'],
  ['one_off_bonus', '一次性奖金', 'One-off bonus'],
  ['subsidy', '各类补贴', 'Subsidies'],
  ['pension', '基本离退休费', 'Basic pension'],
  ['monthly_pay', '当月实际领取薪酬', 'Pay received this month'],
  ['quarter_net_income', '上季度纯收入', "Last quarter's net income"],
  ['income_tax', '个人所得税', 'Income tax'],
  ['pension_insurance', '养老保险', 'Pension insurance'],
  ['medical_insurance', '医疗保险', 'Medical insurance'],
  ['unemployment_insurance', '失业保险', 'Unemployment insurance'],
  ['injury_insurance', '工伤保险', 'Injury insurance'],
  ['maternity_insurance', '生育保险', 'Maternity insurance'],
  ['housing_fund', '住房公积金', 'Housing fund'],
  ['occupational_annuity', '职业年金（企业年金）', 'Occupational annuity'],
  ['net_base', '计交基数（已知）', 'Base (already known)'],
];

/** The worked example the page opens with: 4000.00 + 2000.00 − 600.00 = 5400.00. */
const EXAMPLE_ITEMS = [['post_salary', '4000.00'], ['basic_performance', '2000.00'], ['housing_fund', '600.00']];

// ---- DOM helpers -----------------------------------------------------------------------------------------

/** A bilingual label: Chinese, then the English in a muted span. */
const bilingual = (zh, en) => [`${zh} `, h('span', { className: 'en', textContent: en })];

function fillSelect(select, entries) {
  select.replaceChildren(...entries.map(([code, zh, en]) => h('option', { value: code, textContent: `${zh} · ${en}` })));
}

// ---- The form --------------------------------------------------------------------------------------------

function currentMonth() {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

function addItemRow(code = 'post_salary', amount = '') {
  const row = /** @type {HTMLTemplateElement} */ ($('item-row')).content.firstElementChild.cloneNode(true);
  const select = row.querySelector('.item-code');
  fillSelect(select, ITEM_CODES);
  select.value = code;
  row.querySelector('.item-amount').value = amount;
  row.querySelector('.remove-item').addEventListener('click', () => row.remove());
  $('items').append(row);
  return row;
}

/** The employer type applies to employed members only. */
function syncEmployerType() {
  const employed = $('category').value === 'employed';
  for (const el of document.querySelectorAll('.employer-only')) el.hidden = !employed;
}

function setUpForm() {
  $('month').value = currentMonth();
  fillSelect($('category'), CATEGORIES);
  fillSelect($('employer-type'), EMPLOYER_TYPES);
  $('employer-type').value = 'public_institution';
  $('category').addEventListener('change', syncEmployerType);
  $('add-item').addEventListener('click', () => addItemRow().querySelector('.item-amount').focus());
  for (const [code, amount] of EXAMPLE_ITEMS) addItemRow(code, amount);
  syncEmployerType();
}

/** The form as the package's input: `{ member, month }` (fields left empty are left out). */
function readForm() {
  const category = $('category').value;
  const items = [...$('items').querySelectorAll('tr.item')].map((row) => ({
    code: row.querySelector('.item-code').value,
    amount: row.querySelector('.item-amount').value.trim(),
  }));
  const member = { member_id: 'WEB-1', category };
  if (category === 'employed') member.employer_type = $('employer-type').value;
  member.incomes = items.length ? [{ items }] : [];
  if ($('admitted-on').value) member.admitted_on = $('admitted-on').value;
  return { member, month: $('month').value };
}

// ---- Rendering -------------------------------------------------------------------------------------------

const citationText = (c) => (c ? [c.regulation, c.article].filter(Boolean).join(' ') : '');

function renderFacts(a) {
  $('result-amount').textContent = a.amount;
  $('result-base').textContent = a.base ?? '—（定额 flat amount）';
  $('result-rate').textContent = a.rate === null ? '—' : `${percent(a.rate)} (${a.rate})`;
  $('result-assessed-in').textContent = a.assessed_in;
  $('result-citation').textContent = citationText(a.citation);
}

function renderFindings(findings) {
  $('findings').replaceChildren(...findings.map((f) => h('li', { className: `finding ${f.severity}` },
    h('code', { textContent: f.code }), ' ', h('span', { className: 'zh', textContent: f.message_zh }),
    h('span', { className: 'en', textContent: ` ${f.message_en}` }))));
  $('findings-section').hidden = findings.length === 0;
}

const TRACE_LABELS = {
  category: (code) => CATEGORIES.find(([c]) => c === code)?.[1],
  item: (code) => ITEM_CODES.find(([c]) => c === code)?.[1],
};

/** A trace row: the step's key with its Chinese name, the detail in Chinese and English (the switch picks). */
function traceRow(s) {
  const zh = traceDetailZh(s.detail, TRACE_LABELS);
  const tr = h('tr', {},
    h('td', {}, `${STEP_ZH[s.step] ?? ''} `, h('code', { textContent: s.step })),
    h('td', { className: 'detail' },
      h('span', { className: 'detail-zh', textContent: zh ?? s.detail }),
      h('span', { className: 'detail-en', textContent: s.detail })),
    h('td', { className: 'num', textContent: s.value }),
    h('td', { className: 'cite', textContent: citationText(s.citation) }));
  tr.dataset.step = s.step;
  if (zh === null) tr.dataset.untranslated = 'true';
  return tr;
}

function renderTrace(steps) {
  $('trace').replaceChildren(...steps.map(traceRow));
  $('trace-section').hidden = steps.length === 0;
}

function renderAssessment(a) {
  $('error').hidden = true;
  renderFacts(a);
  renderFindings(a.findings);
  renderTrace(a.trace);
  $('result').hidden = false;
}

/** The input element an error's field path points at (`incomes[0].items[2].amount` → that row's amount). */
function fieldElement(field) {
  const item = field.match(/^incomes\[0\]\.items\[(\d+)\](?:\.(code|amount))?/);
  if (item) {
    const row = $('items').querySelectorAll('tr.item')[Number(item[1])];
    return row?.querySelector(item[2] === 'code' ? '.item-code' : '.item-amount') ?? null;
  }
  const ids = { month: 'month', category: 'category', employer_type: 'employer-type', admitted_on: 'admitted-on' };
  const id = ids[field.split(/[.[]/)[0]];
  return id ? $(id) : null;
}

function clearInvalid() {
  for (const el of document.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
}

function renderError(e) {
  $('result').hidden = true;
  const { field } = showError(e, describeCode);
  if (field) fieldElement(field)?.setAttribute('aria-invalid', 'true');
}

// ---- The branch's month: the assessments added one by one, as a table and the shared dues chart -----------

/** The month's list: the assessments added, all for one month (the form's month when each was calculated). */
const branchMonth = { of: '', assessments: [] };

function renderMonth() {
  const { assessments } = branchMonth;
  $('month-of').textContent = branchMonth.of;
  $('month-chart').replaceChildren(duesChart(assessments));
  $('month-table').tBodies[0].replaceChildren(...assessments.map((a, i) => h('tr', {}, td(String(i + 1), 'num'),
    td(CATEGORIES.find(([c]) => c === a.category)?.[1] ?? a.category), td(a.base ?? '—', 'num'),
    td(a.rate === null ? '定额' : percent(a.rate), 'num'), td(a.amount, 'num amount'))));
  $('month-card').hidden = assessments.length === 0;
}

/** Adds an assessment for `month` to the month's list (a new list when it is for another month). */
function addToMonth(a, month) {
  if (branchMonth.of !== month) Object.assign(branchMonth, { of: month, assessments: [] });
  branchMonth.assessments.push(a);
  renderMonth();
}

// ---- Start -----------------------------------------------------------------------------------------------

/** The assessment on show and its month (what 加入本月支部 adds), or null after an error. */
let shown = null;

function onSubmit(policy, event) {
  event.preventDefault();
  clearInvalid();
  $('status').hidden = true;
  const form = readForm();
  try {
    shown = { assessment: assessDues(policy, form.member, form.month), month: form.month };
    renderAssessment(shown.assessment);
    $('add-to-month').disabled = false;
  } catch (e) {
    shown = null;
    renderError(e);
  }
}

async function main() {
  await init(); // fetches dangjian_wasm_bg.wasm beside the module
  const policy = Policy.bundled();
  $('core-version').textContent = coreVersion();
  setUpForm();
  $('status').replaceChildren(...bilingual('填写后点击“计算”。', 'Fill in the form and press Calculate.'));
  $('inputs').disabled = false;
  $('dues-form').addEventListener('submit', (event) => onSubmit(policy, event));
  $('add-to-month').addEventListener('click', () => {
    if (shown) addToMonth(shown.assessment, shown.month);
    $('add-to-month').disabled = true; // once per calculation
  });
  $('month-clear').addEventListener('click', () => {
    branchMonth.assessments = [];
    renderMonth();
  });
  // The trace's details are Chinese; the switch shows the core's English wording instead.
  $('trace-en').addEventListener('change', () => $('trace-table').classList.toggle('lang-en', $('trace-en').checked));
  document.body.dataset.ready = 'true';
}

main().catch((e) => {
  $('status').textContent = `加载失败 / Failed to load: ${e}`;
  throw e;
});
