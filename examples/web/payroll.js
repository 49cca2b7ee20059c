// Branch dues from a payroll export: the file's bytes go to `readPayroll` (the CLI's own payroll reader,
// compiled into the payroll build of the package), its members to `assessDuesBatch`; the page shows each
// member's dues, the total, a bar chart of members per rate, and — as the CLI reports them on stderr — the
// rows that could not be assessed (with their line or cell), the rows skipped (合计, 制表人 …) and warnings.
// Every rule is in the package; this file only reads the form and draws the result.
import init, { Policy, assessDuesBatch, coreVersion, describeCode, readPayroll } from 'dangjian';
import { recordZh, showError } from './errors.js';
import './layout.js';
import { $, h, td } from './dom.js';
import { duesChart, fen, percent, yuan } from './dues-chart.js';

const CATEGORY_ZH = {
  employed: '在职党员', annual_salary: '年薪制党员', self_employed: '个体或灵活就业党员', retired: '离退休党员',
  farmer: '农民党员', student: '学生党员', unemployed: '下岗失业党员', relief: '抚恤或救济党员', subsistence: '低保党员',
};

// ---- Rendering ----------------------------------------------------------------------------------------------

function sourceText(p) {
  const s = p.source;
  const where = s.format === 'csv' ? `CSV（${s.encoding}）` : `工作表“${s.sheet}”（第 ${s.position} 个，共 ${s.sheets.length} 个）`;
  return `${where} · 表头在第 ${p.header_lines.join('、')} 行 · header on line ${p.header_lines.join(', ')}`;
}

function problemRow(place, id, code, zh) {
  const tr = h('tr', {}, td(place), td(id || '—'), h('td', {}, h('code', { textContent: code })), td(zh));
  tr.dataset.code = code;
  return tr;
}

function render(payroll, batch) {
  const readable = payroll.rows.filter((r) => r.member);
  const rowOf = (index) => readable[index];
  const total = batch.assessments.reduce((sum, a) => sum + fen(a.amount), 0n);
  $('source').textContent = sourceText(payroll);
  $('total').textContent = yuan(total);
  const failed = payroll.rows.length - batch.assessments.length;
  $('counts').textContent = `${batch.assessments.length} 人计算，${failed} 行未计算，${payroll.skipped.length} 行跳过`;
  $('chart').replaceChildren(duesChart(batch.assessments));
  const byId = new Map(readable.map((r) => [r.member.member_id, r]));
  $('dues').tBodies[0].replaceChildren(...batch.assessments.map((a) => {
    const r = byId.get(a.member_id);
    const tr = h('tr', {}, td(a.member_id), td(r?.name || '—'), td(CATEGORY_ZH[a.category] ?? a.category),
      td(a.base ?? '—', 'num'), td(percent(a.rate), 'num'), td(a.amount, 'num amount'),
      td([a.citation.regulation, a.citation.article].filter(Boolean).join(' '), 'cite'));
    tr.dataset.member = a.member_id;
    return tr;
  }));
  // The reader's problems and the core's (a duplicate id, a missing employer type …), in file order.
  const problems = [
    ...payroll.rows.filter((r) => !r.member).flatMap((r) => r.problems.map((p) => [r.line,
      problemRow(p.place, r.member_id, p.code, recordZh(p, describeCode))])),
    ...batch.errors.map((e) => {
      const r = rowOf(e.index);
      return [r?.line ?? 0, problemRow(r?.place ?? '', e.member_id ?? r?.member_id, e.code, recordZh(e, describeCode))];
    }),
  ].sort((x, y) => x[0] - y[0]).map(([, tr]) => tr);
  $('problems').tBodies[0].replaceChildren(...problems);
  $('problems-section').hidden = problems.length === 0;
  $('skipped').replaceChildren(...payroll.skipped.map((s) => h('li', { textContent: `${s.place}：${s.reason}` })));
  $('skipped-section').hidden = payroll.skipped.length === 0;
  const notes = [...payroll.warnings, ...payroll.rows.flatMap((r) => r.findings.map((f) => ({ ...f, message_zh: `${f.place}：${f.message_zh}` })))];
  $('warnings').replaceChildren(...notes.map((w) => h('li', {}, h('code', { textContent: w.code }), ` ${w.message_zh}`)));
  $('warnings-section').hidden = notes.length === 0;
  $('result').hidden = false;
}

// ---- Start --------------------------------------------------------------------------------------------------

function currentMonth() {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

/**
 * The form's reading options as `readPayroll` takes them — the CLI's `--category`, `--employer-type`, `--sheet`,
 * `--ignore` and `--map` (the map box holds a map file's lines: blank lines and `#` comments left out here, every
 * other line handed over as it is, so a malformed one is the reader's BAD_OPTION).
 */
function readOptions() {
  const options = {};
  if ($('category').value) options.category = $('category').value;
  if ($('employer-type').value) options.employer_type = $('employer-type').value;
  const sheet = $('sheet').value.trim();
  if (sheet) options.sheet = sheet;
  const ignore = $('ignore').value.split(/[,，、\n]/).map((v) => v.trim()).filter(Boolean);
  if (ignore.length) options.ignore = ignore;
  const maps = $('maps').value.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  if (maps.length) options.maps = maps;
  return options;
}

async function compute(policy) {
  $('error').hidden = true;
  $('result').hidden = true;
  for (const el of document.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  const file = $('file').files?.[0];
  try {
    if (!file) {
      $('file').setAttribute('aria-invalid', 'true');
      $('status').textContent = '请先选择工资表文件。 Pick a payroll file first.';
      $('status').hidden = false;
      return;
    }
    $('status').hidden = true;
    const payroll = readPayroll(new Uint8Array(await file.arrayBuffer()), readOptions());
    const members = payroll.rows.filter((r) => r.member).map((r) => r.member);
    render(payroll, assessDuesBatch(policy, members, $('month').value, false));
  } catch (e) {
    const { field } = showError(e, describeCode);
    $(field === 'month' ? 'month' : 'file').setAttribute('aria-invalid', 'true');
  } finally {
    document.body.dataset.computed = String(Number(document.body.dataset.computed ?? 0) + 1);
  }
}

async function main() {
  await init();
  const policy = Policy.bundled();
  $('core-version').textContent = coreVersion();
  $('month').value = currentMonth();
  $('payroll-form').addEventListener('submit', (event) => {
    event.preventDefault();
    compute(policy);
  });
  $('file').addEventListener('change', () => compute(policy));
  $('status').textContent = '选择文件后即计算。 The dues are computed once a file is picked.';
  $('inputs').disabled = false;
  document.body.dataset.ready = 'true';
}

main().catch((e) => {
  $('status').textContent = `加载失败 / Failed to load: ${e}`;
  throw e;
});
