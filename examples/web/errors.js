// How the pages show a DangjianError: the code registry's Chinese sentence for its code (`describeCode`), the
// field it names in Chinese words, and the core's own sentence only when it is a sentence for people. A JSON
// reading error carries serde's English ("JSON 无法读取：invalid type: string \"abc\", expected …"): a party
// worker should never have to read that, so it is dropped and the registry's sentence stands alone.
// The raw code and field path stay visible (small, muted): they are what a developer searches for.

/** Chinese names of the field-path segments the pages' inputs can produce (dues member, record, day). */
const FIELD_WORDS = {
  member_id: '党员编号',
  month: '月份',
  category: '党员类别',
  employer_type: '单位类型',
  admitted_on: '接收为预备党员日期',
  incomes: '收入记录',
  items: '收入项目',
  code: '项目',
  amount: '金额',
  from: '起始月份',
  on: '日期',
  members: '名册',
  id: '编号',
  name: '姓名',
  birth_date: '出生日期',
  org: '所在组织',
  events: '事件',
  kind: '事件类型',
  date: '日期',
  stage: '阶段',
  sponsors: '入党介绍人',
  contacts: '培养联系人',
  recommended_by: '推荐方式',
  filed_on: '备案日期',
  higher_approval_on: '上级党委预审日期',
  passed: '是否通过',
  days: '天数',
  class_hours: '学时',
  viewer: '查看人',
};

/**
 * A field path in Chinese: `incomes[0].items[1].amount` → `收入记录第 1 条 · 收入项目第 2 条 · 金额`.
 * Unknown segments are kept as they are (they are still better than nothing); "" for no field.
 */
export function fieldZh(path) {
  if (!path) return '';
  const parts = [];
  for (const m of path.matchAll(/([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]/g)) {
    if (m[1] !== undefined) parts.push(FIELD_WORDS[m[1]] ?? m[1]);
    else if (parts.length) parts[parts.length - 1] += `第 ${Number(m[2]) + 1} 条`;
    else parts.push(`第 ${Number(m[2]) + 1} 条`);
  }
  return parts.join(' · ');
}

/**
 * A payroll reader's place in Chinese, as the CLI says it: `line 7` → `第 7 行`, `2026年11月 row 7` →
 * `2026年11月 第 7 行`, a cell reference (`2026年11月!G5`) as it is; `null` when `field` is not a place.
 */
export function placeZh(field) {
  const line = field.match(/^line (\d+)$/);
  if (line) return `第 ${line[1]} 行`;
  const row = field.match(/^(.+) row (\d+)$/);
  if (row) return `${row[1]} 第 ${row[2]} 行`;
  return /^.+![A-Z]{1,3}\d+$/.test(field) ? field : null;
}

/** Two English words in a row: serde's wording ("invalid type", "expected a string"), not a Chinese sentence. */
const ENGLISH_WORDS = /[A-Za-z]{2,}[\s,:`'"]+[A-Za-z]{2,}/;
/** The prefixes the core and this package put before a reader's own text (core/src/error.rs, wasm convert). */
const READER_PREFIXES = ['JSON 无法读取', '无法转换为', '无法输出 JSON', 'cannot read the JSON', 'cannot convert', 'cannot write JSON'];

/** `true` when a message is a sentence written for people (no reader internals). */
export function isPeoplesText(message) {
  return Boolean(message) && !READER_PREFIXES.some((p) => message.startsWith(p)) && !ENGLISH_WORDS.test(message.replace(/[A-Za-z]+(?:_[A-Za-z]+)+/g, ''));
}

/**
 * What to show for a thrown value: `{ code, field, where, zh, detailZh, en }`.
 * `describeCode` is the package's registry lookup (undefined when a build lacks it: the core's text is used).
 */
export function errorView(e, describeCode) {
  const coded = e instanceof Error && e.name === 'DangjianError' && typeof e.code === 'string';
  if (!coded) {
    // Not the library's: a bug. The page says so in Chinese; the console gets the details.
    return { code: 'INTERNAL', field: '', where: '', zh: '页面内部错误，请刷新后重试', detailZh: '', en: String(e) };
  }
  const info = describeCode?.(e.code);
  const ownZh = isPeoplesText(e.messageZh) ? e.messageZh : '';
  const ownEn = isPeoplesText(e.messageEn) ? e.messageEn : '';
  const zh = info?.message_zh ?? (ownZh || '输入无法处理');
  const en = [info?.message_en ?? '', ownEn && ownEn !== info?.message_en ? ownEn : ''].filter(Boolean).join(' — ');
  return {
    code: e.code,
    field: e.field ?? '',
    where: e.field ? `位置：${placeZh(e.field) ?? fieldZh(e.field)}` : '',
    zh,
    detailZh: ownZh && ownZh !== zh ? ownZh : '',
    en: en || 'the input could not be processed',
  };
}

/**
 * A plain error record (a batch entry, a payroll row's problem: `{ code, field, message_zh, message_en }`) as one
 * Chinese sentence: its own when that is for people (it says more: the value, the line), else the registry's.
 */
export function recordZh(record, describeCode) {
  const e = Object.assign(new Error(record.message_en), {
    name: 'DangjianError', code: record.code, field: record.field ?? '', messageZh: record.message_zh, messageEn: record.message_en,
  });
  const v = errorView(e, describeCode);
  return v.detailZh || v.zh;
}

/**
 * Fills the page's error box (`#error` with `#error-zh`, `#error-where`, `#error-detail`, `#error-code`,
 * `#error-field`, `#error-en`) and shows it; returns the view.
 */
export function showError(e, describeCode) {
  const v = errorView(e, describeCode);
  const set = (id, text) => {
    const el = document.getElementById(id);
    if (!el) return;
    el.textContent = text;
    el.hidden = !text;
  };
  set('error-zh', v.zh);
  set('error-where', v.where);
  set('error-detail', v.detailZh);
  set('error-code', v.code);
  set('error-field', v.field ? `(${v.field})` : '');
  set('error-en', v.en);
  if (v.code === 'INTERNAL') console.error(e);
  document.getElementById('error').hidden = false;
  return v;
}
