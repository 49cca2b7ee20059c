// The branch's month as a picture: members per rate (the bracket of 2008 Rules Art. 2 and 5 their base falls
// in; 定额 and 免交 for the flat amounts) with each group's sum, as plain SVG. One module for the two pages that
// draw it — the payroll page (a whole export) and the calculator (the members added to the branch's month) —
// with the string-only money helpers they share: amounts are summed as whole fen (BigInt), never as floats.
import { svg } from './dom.js';

/** "81.00" → 8100n: a decimal string as whole fen (at most two decimals, as the package returns them). */
export function fen(decimal) {
  const [whole, frac = ''] = decimal.split('.');
  return BigInt(whole) * 100n + BigInt(`${frac}00`.slice(0, 2)) * (whole.startsWith('-') ? -1n : 1n);
}

/** 8100n → "81.00". */
export function yuan(f) {
  const sign = f < 0n ? '-' : '';
  const a = f < 0n ? -f : f;
  return `${sign}${a / 100n}.${String(a % 100n).padStart(2, '0')}`;
}

/** "0.015" → "1.5%", by moving the decimal point in the string (no floating point); null → 定额. */
export function percent(rate) {
  if (rate === null || rate === undefined) return '定额';
  const [whole, frac = ''] = rate.split('.');
  const digits = `${frac}00`;
  const int = `${whole}${digits.slice(0, 2)}`.replace(/^0+(?=\d)/, '');
  const rest = digits.slice(2).replace(/0+$/, '');
  return `${int}${rest ? `.${rest}` : ''}%`;
}

/** The assessments by rate: `[{ key, count, sum }]`, flat amounts first, then the rates from low to high. */
export function groups(assessments) {
  const byKey = new Map();
  for (const a of assessments) {
    const key = a.rate === null ? (a.amount === '0.00' ? '免交' : '定额') : percent(a.rate);
    const g = byKey.get(key) ?? { key, count: 0, sum: 0n, order: a.rate === null ? -1 : Number(a.rate) };
    g.count += 1;
    g.sum += fen(a.amount);
    byKey.set(key, g);
  }
  return [...byKey.values()].sort((x, y) => x.order - y.order);
}

/**
 * The chart: one bar per rate, its length the members at that rate, labelled with the count and the group's
 * sum; the last line the month's total. Each group is a `<g data-rate data-count data-sum>`, the total a
 * `<text class="total" data-sum>` (what the tests read).
 */
export function duesChart(assessments) {
  const rows = groups(assessments);
  const total = rows.reduce((s, g) => s + g.sum, 0n);
  const count = rows.reduce((s, g) => s + g.count, 0);
  const max = Math.max(1, ...rows.map((g) => g.count));
  const width = 360;
  const row = 24;
  const root = svg('svg', {
    viewBox: `0 0 ${width} ${rows.length * row + 26}`, role: 'img', class: 'dues-chart',
    'aria-label': `按比例统计：${rows.map((g) => `${g.key} ${g.count} 人`).join('，')}；合计 ${count} 人 ${yuan(total)} 元`,
  });
  rows.forEach((g, i) => {
    const y = i * row + 4;
    const bar = Math.max(2, Math.round((g.count / max) * 170));
    const group = svg('g', { 'data-rate': g.key, 'data-count': g.count, 'data-sum': yuan(g.sum) });
    group.append(
      svg('text', { x: 0, y: y + 15 }, g.key),
      svg('rect', { class: 'bar', x: 52, y: y + 3, width: bar, height: row - 8, rx: 2 }),
      svg('text', { x: 52 + bar + 6, y: y + 15 }, `${g.count} 人 · ${yuan(g.sum)} 元`));
    root.append(group);
  });
  root.append(svg('text', { class: 'total', x: 0, y: rows.length * row + 20, 'data-count': count, 'data-sum': yuan(total) },
    `合计 ${count} 人 · ${yuan(total)} 元`));
  return root;
}
