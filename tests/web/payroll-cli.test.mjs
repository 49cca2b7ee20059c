// The payroll page computes what the CLI computes, for the CLI's own payroll test files: each file written by
// examples/cli/tests/payroll.rs (`cargo test -p dangjian-cli --test payroll`, which tests/web/run.sh runs
// first, writes them to target/tmp/payroll/ — one copy of the bytes, made by the Rust test) is dropped on
// payroll.html with the options that test gives the CLI (map, map file, ignore, sheet, category, employer type),
// and the page's table is checked against the built `dangjian dues FILE --month 2026-11 --lang en …`:
// - the members and each amount in order (stdout), their count and total (the summary line on stderr);
// - the rows that could not be assessed: how many, and each error line's place and code (stderr `error:`);
// - the warnings' codes (stderr `warning:`);
// - for a file the CLI refuses (exit 2): the page's error has the same code and names the same line or cell.
// The shapes: UTF-8 with BOM and CRLF, GBK, title rows, a blank line, 合计 and 制表人 rows, a totals row that
// disagrees, a value with three decimals, an unterminated quote, an ambiguous 绩效工资 (refused; mapped either
// way; a map file), an unknown column (refused; ignored; mapped to ignore), no category column (refused; the
// defaults), categories that contradict the items, cells Excel would run as formulas, sixty bad rows, a
// workbook with a merged title, the text cell "4,000.00" and two sheets (by name, by number, the first, a
// missing one), a formula saved without its value, and workbooks whose declared size is a bomb.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './serve.mjs';
import { pageUnderTest } from './browser.mjs';

const CLI = process.env.DANGJIAN_CLI ?? join(ROOT, 'target', 'debug', 'dangjian');
const FIXTURES = process.env.DANGJIAN_PAYROLL_FIXTURES ?? join(ROOT, 'target', 'tmp', 'payroll');
const MONTH = '2026-11';

const ui = pageUnderTest('payroll.html');

/** RFC 4180 CSV text → rows of cells (quoted cells may hold commas, quotes and line breaks). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i += 1; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\n') { row.push(cell.replace(/\r$/, '')); rows.push(row); row = []; cell = ''; }
    else cell += c;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

/** `dangjian dues FILE --month 2026-11 --lang en ARGS`: exit status, [member_id, amount] rows and stderr. */
function runCli(file, args) {
  assert.ok(existsSync(CLI), `the CLI binary ${CLI} (tests/web/run.sh builds it)`);
  const out = spawnSync(CLI, ['dues', file, '--month', MONTH, '--lang', 'en', ...args], { encoding: 'utf8' });
  const [head = [], ...lines] = parseCsv(out.stdout);
  const id = head.indexOf('member_id');
  const amount = head.indexOf('amount');
  return { status: out.status, rows: lines.map((c) => [c[id], c[amount]]), stderr: out.stderr };
}

/** The CLI's stderr summary: `… N members assessed, total due X yuan, M rows with errors`. */
function summary(stderr) {
  const m = stderr.match(/(\d+) members? assessed, total due (-?\d+)(\.\d{2})? yuan, (\d+) rows? with errors/);
  assert.ok(m, `a summary line at the end of: ${stderr.slice(-400)}`);
  // With no member assessed the CLI writes the total as "0": the same amount as the page's 0.00.
  return { members: Number(m[1]), total: `${m[2]}${m[3] ?? '.00'}`, bad: Number(m[4]) };
}

const CODE = /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/;

/** The printed row errors: `error: PLACE (ID): CODE …` → [place, code]. */
const rowErrors = (stderr) => stderr.split('\n').filter((l) => l.startsWith('error: ') && / \([^)]*\): /.test(l))
  .map((l) => [l.slice('error: '.length, l.indexOf(' (')), l.match(CODE)?.[0]]);

/** The codes of the printed warnings. */
const warningCodes = (stderr) => [...new Set(stderr.split('\n').filter((l) => l.startsWith('warning: ')).map((l) => l.match(CODE)?.[0]))];

/** Sets the page's options, drops the file; resolves to what the page shows. */
async function onPage(file, o) {
  await ui.page.fill('#month', MONTH);
  await ui.page.selectOption('#category', o.category ?? '');
  await ui.page.selectOption('#employer-type', o.employerType ?? '');
  await ui.page.fill('#sheet', o.sheet ?? '');
  await ui.page.fill('#ignore', (o.ignore ?? []).join(', '));
  await ui.page.fill('#maps', o.mapText ?? (o.maps ?? []).join('\n'));
  // Picking the file the input already holds fires no change event: empty it first (which computes nothing).
  const computed = async () => Number((await ui.page.getAttribute('body', 'data-computed')) ?? 0);
  if (await ui.page.$eval('#file', (input) => input.files.length > 0)) {
    const emptied = await computed();
    await ui.page.setInputFiles('#file', []);
    await ui.page.waitForSelector(`body[data-computed="${emptied + 1}"]`);
  }
  const before = await computed();
  await ui.page.setInputFiles('#file', file);
  await ui.page.waitForSelector(`body[data-computed="${before + 1}"]`);
  return ui.page.evaluate(() => {
    const text = (id) => document.getElementById(id).textContent.trim();
    if (!document.getElementById('error').hidden) {
      return { error: { code: text('error-code'), field: text('error-field').replace(/^\(|\)$/g, ''), where: text('error-where') } };
    }
    return {
      rows: [...document.querySelectorAll('#dues tbody tr')].map((tr) => [tr.dataset.member, tr.querySelector('td.amount').textContent.trim()]),
      total: text('total'),
      counts: text('counts'),
      problems: [...document.querySelectorAll('#problems tbody tr')].map((tr) => [tr.cells[0].textContent.trim(), tr.dataset.code]),
      warnings: [...document.querySelectorAll('#warnings li code')].map((c) => c.textContent.trim()),
      chartTotal: document.querySelector('#chart text.total')?.dataset.sum,
    };
  });
}

/** The CLI's arguments for the same options. */
function cliArgs(o) {
  const args = [];
  for (const m of o.maps ?? []) args.push('--map', m);
  if (o.mapFile) args.push('--map-file', join(FIXTURES, o.mapFile));
  for (const i of o.ignore ?? []) args.push('--ignore', i);
  if (o.sheet) args.push('--sheet', o.sheet);
  if (o.cliCategory) args.push('--category', o.cliCategory);
  if (o.cliEmployerType) args.push('--employer-type', o.cliEmployerType);
  return args;
}

// Each case: a file the Rust test writes, the options it runs the CLI with, and what it must be (so a case that
// quietly stops refusing, or starts refusing, fails here too).
const CASES = [
  ['payroll-bom.csv', {}, 'table'],
  ['payroll-gbk.csv', {}, 'table'],
  ['payroll-totals.csv', {}, 'table'],
  ['payroll-bad-line.csv', {}, 'table'],
  ['payroll-quote.csv', {}, 'refused'],
  ['payroll-ambiguous.csv', {}, 'refused'],
  ['payroll-ambiguous.csv', { maps: ['绩效工资=basic_performance'] }, 'table'],
  ['payroll-ambiguous.csv', { maps: ['绩效工资=reward_performance'] }, 'table'],
  ['payroll-ambiguous.csv', { mapFile: 'maps.txt' }, 'table'],
  ['payroll-unknown.csv', {}, 'refused'],
  ['payroll-unknown.csv', { ignore: ['工会会费'] }, 'table'],
  ['payroll-unknown.csv', { maps: ['工会会费=ignore'] }, 'table'],
  ['payroll-defaults.csv', {}, 'refused'],
  // The CLI test's `--category 在职党员 --employer-type 事业单位`; the page's lists hold the same values' codes.
  ['payroll-defaults.csv', { category: 'employed', cliCategory: '在职党员', employerType: 'public_institution', cliEmployerType: '事业单位' }, 'table'],
  ['payroll-contradiction.csv', {}, 'table'],
  ['payroll-injection.csv', {}, 'table'],
  ['payroll-many-errors.csv', {}, 'table'],
  ['payroll.xlsx', { sheet: '2026年11月' }, 'table'],
  ['payroll.xlsx', { sheet: '2' }, 'table'],
  ['payroll.xlsx', {}, 'table'],
  ['payroll.xlsx', { sheet: '2026年12月' }, 'refused'],
  ['payroll-formula.xlsx', {}, 'table'],
  ['bomb-far-cell.xlsx', {}, 'refused'],
  ['bomb-sst.xlsx', {}, 'refused'],
  ['bomb-dimension.xlsx', {}, 'refused'],
  ['bomb-col.xlsx', {}, 'refused'],
];

for (const [name, o, expected] of CASES) {
  const label = `${name}${Object.keys(o).length ? ` ${JSON.stringify(o)}` : ''}`;
  test(`payroll page = CLI: ${label}`, async () => {
    const file = join(FIXTURES, name);
    assert.ok(existsSync(file), `${file}: written by cargo test -p dangjian-cli --test payroll (tests/web/run.sh runs it)`);
    const cli = runCli(file, cliArgs(o));
    const shown = await onPage(file, o.mapFile ? { ...o, mapText: readFileSync(join(FIXTURES, o.mapFile), 'utf8') } : o);
    if (expected === 'refused') {
      assert.equal(cli.status, 2, cli.stderr);
      assert.ok(shown.error, `the page refuses it too: ${JSON.stringify(shown)}`);
      assert.ok(cli.stderr.includes(`${shown.error.code}: `), `the CLI's code ${shown.error.code} in: ${cli.stderr}`);
      assert.ok(shown.error.field, 'the page names where');
      assert.ok(cli.stderr.includes(shown.error.field), `the CLI names ${shown.error.field} too: ${cli.stderr}`);
      // A line is said in Chinese as the CLI's Chinese report says it (第 N 行).
      const line = shown.error.field.match(/^line (\d+)$/);
      if (line) assert.equal(shown.error.where, `位置：第 ${line[1]} 行`);
      return;
    }
    assert.notEqual(cli.status, 2, cli.stderr);
    assert.equal(shown.error, undefined, JSON.stringify(shown.error));
    const s = summary(cli.stderr);
    assert.deepEqual(shown.rows, cli.rows, 'each member and amount, in order');
    assert.equal(shown.rows.length, s.members);
    assert.equal(shown.total, s.total);
    assert.equal(shown.chartTotal, s.total, 'the chart\'s total line');
    assert.match(shown.counts, new RegExp(`^${s.members} 人计算，${s.bad} 行未计算`));
    for (const [place, code] of rowErrors(cli.stderr)) {
      assert.ok(shown.problems.some(([p, c]) => p === place && c === code), `${place} ${code} among ${JSON.stringify(shown.problems)}`);
    }
    for (const code of warningCodes(cli.stderr)) {
      assert.ok(shown.warnings.includes(code), `warning ${code} among ${JSON.stringify(shown.warnings)}`);
    }
  });
}

test('the cases cover the issue\'s shapes: errors, warnings and refusals were compared, not only clean tables', () => {
  const refused = CASES.filter(([, , e]) => e === 'refused').length;
  assert.ok(refused >= 8, `${refused} refused files`);
  for (const name of ['payroll-bad-line.csv', 'payroll-formula.xlsx', 'payroll-contradiction.csv', 'payroll-totals.csv']) {
    const cli = runCli(join(FIXTURES, name), []);
    assert.ok(rowErrors(cli.stderr).length + warningCodes(cli.stderr).length > 0, `${name}: something to compare on stderr`);
  }
});

test('no page errors, console errors or failed requests', () => {
  assert.deepEqual(ui.browser.problems, []);
});
