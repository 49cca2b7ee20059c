// A member's development pipeline as a picture (plain SVG, drawn here): one row per stage reached (入党申请人,
// 入党积极分子, 发展对象, 预备党员, 正式党员 …) with the day it began and a bar to the next one, one row per next
// step with its window from the earliest to the latest allowed day, the day of the check as a dashed line
// across all rows, and the findings marked on the time axis with their code and Chinese message as the marker's
// title. Everything drawn comes from the package's check result (`history`, `next_steps`, `findings`, `on`)
// and the record's own event dates; no rule is decided here.
//
// One thing the result does not carry is a finding's day (a finding has a code, messages and an article). The
// messages name the days they are about, so a marker goes at the latest day its Chinese message names that is
// the day of one of the record's events or the day of the check — the step that broke the rule (the late talk,
// the vote without a review) or, for something still missing, the check itself — and at the day of the check
// when it names none of them.
import { svg } from './dom.js';

export const STAGE_ZH = {
  none: '未申请', applicant: '入党申请人', activist: '入党积极分子', development_target: '发展对象',
  probationary: '预备党员', full: '正式党员', suspended: '停止党籍', removed: '已出党',
};

const WIDTH = 360;
const PAD = 6;
const LINE = 14; // one line of 11 px text
const BAR = 8;
const DAY_MS = 86_400_000;
const ISO_DAY = /\d{4}-\d{2}-\d{2}/g;

/** "2024-03-04" → days since 1970-01-01 (UTC), for positions only. */
function dayNumber(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

/** `iso` + `n` days (for room on the axis only). */
function plusDays(iso, n) {
  return new Date((dayNumber(iso) + n) * DAY_MS).toISOString().slice(0, 10);
}

/** The day a finding is marked at (see the module comment). */
export function findingDay(finding, eventDays, on) {
  const named = finding.message_zh.match(ISO_DAY) ?? [];
  const known = named.filter((d) => d === on || eventDays.has(d)).sort();
  return known.at(-1) ?? on;
}

/** Splits text into lines of at most `max` units (a CJK character 2, a Latin letter or digit about 1.15 — their
 *  widths at 11 px), breaking between CJK characters or at spaces, never inside a date or a code. */
function wrap(text, max) {
  const lines = [];
  let line = '';
  let used = 0;
  for (const token of text.match(/[\u2E80-\uFFEF]|[^\u2E80-\uFFEF\s]+|\s+/gu) ?? []) {
    const w = /^[\u2E80-\uFFEF]$/u.test(token) ? 2 : token.length * 1.15;
    if (used + w > max && line.trim()) {
      lines.push(line.trim());
      line = '';
      used = 0;
    }
    line += token;
    used += w;
  }
  if (line.trim()) lines.push(line.trim());
  return lines;
}

/** The x scale over the days shown: the first stage or event to the last day any row or marker needs. */
function scale(days) {
  const nums = days.map(dayNumber);
  let lo = Math.min(...nums);
  let hi = Math.max(...nums);
  if (hi - lo < 60) {
    lo -= 30;
    hi += 30;
  }
  const span = hi - lo;
  const x = (iso) => PAD + ((dayNumber(iso) - lo) / span) * (WIDTH - 2 * PAD);
  return { x, first: lo, last: hi };
}

/** Year ticks on the axis: every 1, 2, 5 or 10 years, so the labels stay apart. */
function axis(s, y) {
  const g = svg('g', { class: 'axis' });
  g.append(svg('line', { x1: PAD, x2: WIDTH - PAD, y1: y, y2: y, stroke: '#9e9e9e' }));
  const from = new Date(s.first * DAY_MS).getUTCFullYear() + 1;
  const to = new Date(s.last * DAY_MS).getUTCFullYear();
  const perYear = (WIDTH - 2 * PAD) / ((s.last - s.first) / 365.25);
  const step = [1, 2, 5, 10, 20].find((n) => n * perYear >= 34) ?? 50;
  for (let year = from; year <= to; year += 1) {
    if (year % step !== 0 && step > 1) continue;
    const x = s.x(`${year}-01-01`);
    g.append(svg('line', { x1: x, x2: x, y1: y - 3, y2: y + 3, stroke: '#9e9e9e' }),
      svg('text', { x, y: y - 6, 'text-anchor': x < 16 ? 'start' : x > WIDTH - 16 ? 'end' : 'middle', class: 'year' }, String(year)));
  }
  return g;
}

/** Text anchored so it stays inside the picture near `x`. */
function anchoredText(x, y, text, attrs = {}) {
  const anchor = x < WIDTH / 3 ? 'start' : x > (2 * WIDTH) / 3 ? 'end' : 'middle';
  return svg('text', { x, y, 'text-anchor': anchor, ...attrs }, text);
}

/** One row per stage: its name and first day, a bar to the next stage's first day (the current one to `on`). */
function stageRows(report, s, top) {
  return report.history.map((span, i) => {
    const y = top + i * (LINE + BAR + 6);
    const end = report.history[i + 1]?.since ?? report.on;
    const x1 = s.x(span.since);
    const current = i === report.history.length - 1;
    const g = svg('g', { class: `stage${current ? ' current' : ''}`, 'data-stage': span.stage, 'data-since': span.since });
    g.append(
      svg('title', {}, `${STAGE_ZH[span.stage] ?? span.stage}（${span.stage}）自 ${span.since}`),
      svg('text', { x: PAD, y: y + 11 }, `${STAGE_ZH[span.stage] ?? span.stage} ${span.since}`),
      svg('rect', { class: 'span', x: x1, y: y + LINE, width: Math.max(2, s.x(end) - x1), height: BAR, rx: 2 }),
      svg('circle', { cx: x1, cy: y + LINE + BAR / 2, r: 3.5 }));
    return g;
  });
}

/** A next step: its message (wrapped), its window (earliest … due) as a hatched bar, open where a bound is absent. */
function stepRow(step, report, s, y) {
  const when = [step.earliest ? `最早 ${step.earliest}` : '', step.due ? `最迟 ${step.due}` : ''].filter(Boolean).join(' · ');
  const lines = [...wrap(`下一步：${step.message_zh}`, 62), ...(when ? [`（${when}）`] : [])];
  const from = step.earliest ?? report.on;
  const x1 = s.x(from);
  const x2 = step.due ? s.x(step.due) : WIDTH - PAD;
  const barY = y + lines.length * LINE + 2;
  const attrs = { class: 'next-step', 'data-code': step.code };
  if (step.earliest) attrs['data-earliest'] = step.earliest;
  if (step.due) attrs['data-due'] = step.due;
  const g = svg('g', attrs);
  g.append(svg('title', {}, `下一步 ${step.code}：${step.message_zh}${when ? `（${when}）` : ''}`));
  lines.forEach((l, i) => g.append(svg('text', { x: PAD, y: y + 11 + i * LINE }, l)));
  g.append(svg('rect', { class: 'window', x: Math.min(x1, x2), y: barY, width: Math.max(2, Math.abs(x2 - x1)), height: BAR, rx: 2 }));
  if (step.earliest) g.append(svg('line', { class: 'bound', x1, x2: x1, y1: barY - 2, y2: barY + BAR + 2 }));
  if (step.due) g.append(svg('line', { class: 'bound', x1: x2, x2, y1: barY - 2, y2: barY + BAR + 2 }));
  return { g, height: lines.length * LINE + BAR + 8 };
}

/** The findings on the axis: a diamond per finding, its code and Chinese message as its title. */
function findingMarks(report, eventDays, s, y) {
  return report.findings.filter((f) => f.severity !== 'info').map((f) => {
    const day = findingDay(f, eventDays, report.on);
    const x = s.x(day);
    const g = svg('g', { class: `finding ${f.severity}`, 'data-code': f.code, 'data-date': day });
    g.append(svg('title', {}, `${f.code}（${day}）：${f.message_zh}`),
      svg('path', { d: `M${x} ${y - 6} l5 6 l-5 6 l-5 -6 z` }));
    return g;
  });
}

/**
 * The timeline of one member's check result; `record` (optional) adds a tick on the axis per event.
 *
 * ```js
 * const report = JSON.parse(membershipCheckMemberJson(policy, calendar, text, '2025-07-01'));
 * section.append(timeline(report, JSON.parse(text)));
 * ```
 */
export function timeline(report, record) {
  const events = (Array.isArray(record?.events) ? record.events : []).filter((e) => typeof e?.date === 'string' && e.date <= report.on);
  const eventDays = new Set(events.map((e) => e.date));
  const marks = report.findings.map((f) => findingDay(f, eventDays, report.on));
  const days = [report.on, ...report.history.map((h) => h.since), ...events.map((e) => e.date), ...marks,
    ...report.next_steps.flatMap((n) => [n.earliest, n.due].filter(Boolean)),
    // A window with no last day is drawn open to the right: room for a quarter after it opens.
    ...report.next_steps.filter((n) => n.earliest && !n.due).map((n) => plusDays(n.earliest, 90))];
  const s = scale(days);
  const axisY = 24;
  const top = axisY + 14;
  const root = svg('svg', { class: 'timeline', role: 'img', 'data-on': report.on,
    'aria-label': `${report.member_id} 发展历程：${report.history.map((h) => `${STAGE_ZH[h.stage] ?? h.stage} ${h.since}`).join('，')}` });
  root.append(axis(s, axisY));
  for (const e of events) {
    const x = s.x(e.date);
    const tick = svg('line', { class: 'event', x1: x, x2: x, y1: axisY - 4, y2: axisY + 4, 'data-kind': e.kind });
    tick.append(svg('title', {}, `${e.kind} ${e.date}`));
    root.append(tick);
  }
  const rows = stageRows(report, s, top);
  root.append(...rows);
  let y = top + rows.length * (LINE + BAR + 6) + 4;
  for (const step of report.next_steps) {
    const { g, height } = stepRow(step, report, s, y);
    root.append(g);
    y += height;
  }
  const xOn = s.x(report.on);
  root.append(svg('line', { class: 'today', x1: xOn, x2: xOn, y1: axisY - 10, y2: y }),
    anchoredText(xOn, y + 12, `检查日 ${report.on}`, { class: 'today-label' }));
  root.append(...findingMarks(report, eventDays, s, axisY));
  root.setAttribute('viewBox', `0 0 ${WIDTH} ${y + 18}`);
  return root;
}
