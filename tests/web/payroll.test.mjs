// The payroll page (examples/web/payroll.html) against the CLI: the same export read by the same reader
// (dangjian-payroll, in the payroll build of the package) gives the same members and amounts as
// `dangjian dues FILE --month 2026-11` on stdout — for examples/data/roster.csv, roster.xlsx and
// bad-roster.csv (whose bad rows the page lists with their line and code instead). The CLI binary is the one
// tests/web/run.sh builds (DANGJIAN_CLI). Screenshot: target/screenshots/web-payroll.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './serve.mjs';
import { SHOTS, pageUnderTest } from './browser.mjs';

const CLI = process.env.DANGJIAN_CLI ?? join(ROOT, 'target', 'debug', 'dangjian');
const DATA = join(ROOT, 'examples', 'data');
const MONTH = '2026-11';

const ui = pageUnderTest('payroll.html');

/** The CLI's stdout table for a file: Map member_id → amount (a bad row is on stderr, not here). */
function cliAmounts(file) {
  assert.ok(existsSync(CLI), `the CLI binary ${CLI} (tests/web/run.sh builds it)`);
  let out;
  try {
    out = execFileSync(CLI, ['dues', join(DATA, file), '--month', MONTH], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    out = e.stdout; // exit 1: some rows were refused; the others are on stdout
  }
  const [head, ...lines] = out.trim().split('\n');
  const cols = head.split(',');
  const id = cols.indexOf('member_id');
  const amount = cols.indexOf('amount');
  return new Map(lines.map((l) => l.split(',')).map((c) => [c[id], c[amount]]));
}

/** Picks the file on the page; resolves to Map member_id → amount of its dues table. */
async function pageAmounts(file) {
  const before = Number((await ui.page.getAttribute('body', 'data-computed')) ?? 0);
  await ui.page.fill('#month', MONTH);
  await ui.page.setInputFiles('#file', join(DATA, file));
  await ui.page.waitForSelector(`body[data-computed="${before + 1}"]`);
  const rows = await ui.page.$$eval('#dues tbody tr', (trs) => trs.map((tr) => [tr.dataset.member, tr.querySelector('td.amount').textContent.trim()]));
  return new Map(rows);
}

const sum = (amounts) => {
  const fen = [...amounts.values()].reduce((s, a) => s + BigInt(a.replace('.', '')), 0n);
  return `${fen / 100n}.${String(fen % 100n).padStart(2, '0')}`;
};

for (const file of ['roster.csv', 'roster.xlsx']) {
  test(`payroll page: ${file} for ${MONTH} — the CLI's members and amounts, and their total`, async () => {
    const cli = cliAmounts(file);
    const shown = await pageAmounts(file);
    assert.equal(await ui.page.isHidden('#error'), true, await ui.page.textContent('#error'));
    assert.ok(cli.size >= 30, `${cli.size} members from the CLI`);
    assert.deepEqual([...shown], [...cli]);
    assert.equal(await ui.page.textContent('#total'), sum(cli));
    // The chart: one bar group per rate (or flat amount), the counts adding up to the members.
    const counts = await ui.page.$$eval('#chart g[data-rate] text:last-of-type', (ts) => ts.map((t) => Number.parseInt(t.textContent, 10)));
    assert.equal(counts.reduce((a, b) => a + b, 0), cli.size);
    if (file === 'roster.csv') await ui.page.screenshot({ path: join(SHOTS, 'web-payroll.png'), fullPage: true });
  });
}

test('payroll page: bad-roster.csv — the good rows as the CLI; each bad row with its line and code', async () => {
  const cli = cliAmounts('bad-roster.csv');
  const shown = await pageAmounts('bad-roster.csv');
  assert.deepEqual([...shown], [...cli]);
  const problems = await ui.page.$$eval('#problems tbody tr', (trs) => trs.map((tr) => [tr.cells[0].textContent.trim(), tr.dataset.code]));
  // Lines as in the file: the header is line 1 (each expectation worked out from the row itself).
  for (const expected of [
    ['line 3', 'NEGATIVE_AMOUNT'], // housing_fund -120.00
    ['line 4', 'UNKNOWN_CATEGORY'], // retiree
    ['line 6', 'UNKNOWN_EMPLOYER_TYPE'], // private_company
    ['line 7', 'TOO_MANY_DECIMALS'], // 3200.555
    ['line 8', 'NOT_A_NUMBER'], // 四千二
    ['line 9', 'DUPLICATE_MEMBER_ID'], // DY2026104 again
  ]) {
    assert.ok(problems.some(([place, code]) => place.includes(expected[0]) && code === expected[1]),
      `${expected.join(' ')} in ${JSON.stringify(problems)}`);
  }
  const lines = problems.map(([place]) => Number(place.match(/\d+/)?.[0] ?? 0));
  assert.deepEqual(lines, [...lines].sort((x, y) => x - y), 'in file order');
  const messages = await ui.page.$$eval('#problems tbody tr td:last-child', (tds) => tds.map((td) => td.textContent));
  assert.ok(messages.every((m) => /\p{Script=Han}/u.test(m) && !/invalid type|expected /.test(m)), messages.join(' | '));
});

test('payroll page: a file that is not a payroll is its coded error in Chinese', async () => {
  const before = Number((await ui.page.getAttribute('body', 'data-computed')) ?? 0);
  await ui.page.setInputFiles('#file', { name: 'notes.csv', mimeType: 'text/csv', buffer: Buffer.from('随便写的,一些\n文字,而已\n') });
  await ui.page.waitForSelector(`body[data-computed="${before + 1}"]`);
  assert.equal(await ui.page.isVisible('#error'), true);
  assert.match(await ui.page.textContent('#error-code'), /^[A-Z_]+$/);
  assert.match(await ui.page.textContent('#error-zh'), /\p{Script=Han}/u);
  assert.equal(await ui.page.getAttribute('#file', 'aria-invalid'), 'true');
});

test('no page errors, console errors or failed requests', () => {
  assert.deepEqual(ui.browser.problems, []);
});
