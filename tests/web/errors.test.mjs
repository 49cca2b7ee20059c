// Errors and traces in Chinese on the example pages: an error shows the code registry's sentence for its code
// (describeCode), the field in Chinese words and the core's own sentence only when it is one for people — never
// serde's reader text ("invalid type: string …"); the dues trace's details are Chinese, with an English switch,
// and every trace of the dues vectors has a Chinese wording (examples/web/trace-zh.js knows each shape).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './serve.mjs';
import { openBrowser } from './browser.mjs';

let browser;
let page;

before(async () => {
  browser = await openBrowser({ width: 960, height: 800 });
  page = browser.page;
});

after(async () => {
  await browser?.close();
});

const text = (selector) => page.textContent(selector).then((t) => t?.trim() ?? '');
/** serde's wording and the reader prefixes that must never reach a page. */
const READER_TEXT = /invalid type|invalid value|expected|missing field|unknown variant|JSON 无法读取|cannot read the JSON/;

/** The registry's record of a code, asked of the package in the page. */
const describe = (code) => page.evaluate(async (c) => (await import('dangjian')).describeCode(c), code);

async function openDues() {
  await page.goto(browser.site.url);
  await page.waitForSelector('body[data-ready="true"]');
}

/** Sets the first income row's amount and presses Calculate. */
async function calculateWith(amount) {
  await page.fill('#month', '2026-11');
  await page.locator('#items tr.item .item-amount').first().fill(amount);
  await page.click('#calculate');
  await page.waitForSelector('#result:not([hidden]), #error:not([hidden])');
}

test('dues: an amount that is not a number is said in Chinese from its code, the field in Chinese words', async () => {
  await openDues();
  await calculateWith('abc');
  assert.equal(await text('#error-code'), 'INVALID_MEMBER_JSON');
  assert.equal(await text('#error-field'), '(incomes[0].items[0].amount)');
  const info = await describe('INVALID_MEMBER_JSON');
  assert.equal(await text('#error-zh'), info.message_zh);
  assert.equal(await text('#error-where'), '位置：收入记录第 1 条 · 收入项目第 1 条 · 金额');
  assert.equal(await page.isHidden('#error-detail'), true, 'the core sentence was serde text: not shown');
  assert.doesNotMatch(await text('#error'), READER_TEXT);
  assert.equal(await text('#error-en'), info.message_en);
});

test('dues: a coded check keeps the core\'s own Chinese sentence beside the registry\'s', async () => {
  await calculateWith('-4000.00');
  assert.equal(await text('#error-code'), 'NEGATIVE_AMOUNT');
  assert.equal(await text('#error-zh'), (await describe('NEGATIVE_AMOUNT')).message_zh);
  assert.equal(await text('#error-detail'), '金额不能为负：-4000.00');
  assert.equal(await text('#error-where'), '位置：收入记录第 1 条 · 收入项目第 1 条 · 金额');
  assert.equal(await page.locator('#items tr.item').first().locator('.item-amount').getAttribute('aria-invalid'), 'true');
  await calculateWith('4000.00');
  assert.equal(await page.isHidden('#error'), true);
});

test('dues: the trace details are Chinese; the switch shows the English and back', async () => {
  await calculateWith('4000.00');
  const details = () => page.$$eval('#trace tr', (trs) => trs.map((tr) => tr.querySelector('td.detail').innerText.trim()));
  const zh = await details();
  assert.deepEqual(await page.$$eval('#trace tr', (trs) => trs.map((tr) => tr.dataset.step)),
    ['fixing', 'item', 'item', 'item', 'base', 'rate', 'amount']);
  assert.deepEqual(zh.slice(0, 5), [
    '按年核定：2026-01 核定的数额全年不变', // the bundled rule: fixed once a year (2008 Rules)
    '职务（岗位）工资 计入',
    '基础性绩效工资 计入',
    '住房公积金 扣除',
    '计入合计 6000.00 − 扣除合计 600.00',
  ]);
  // The bracket bound and the exact product's digits are the bundled policy's: matched by shape.
  assert.match(zh[5], /^计交基数 5400\.00 (≤ \S+|属最高档)：该比例适用于全部基数$/);
  assert.match(zh[6], /^5400\.00 × 0\.015 = 81\.0*，\S+保留 2 位小数$/);
  assert.equal(await page.locator('#trace tr[data-untranslated]').count(), 0);
  await page.check('#trace-en');
  const en = await details();
  assert.equal(en[0], 'annual fixing: the amount assessed in 2026-01 holds for the year');
  assert.equal(en[3], 'housing_fund deducted');
  await page.uncheck('#trace-en');
  assert.deepEqual(await details(), zh);
});

test('dues: every trace of the dues vectors has a Chinese wording (trace-zh.js knows every shape)', async () => {
  const dir = join(ROOT, 'tests', 'vectors', 'dues');
  const cases = readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
    .flatMap((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')).cases.filter((c) => c.kind === 'assess'));
  const result = await page.evaluate(async (all) => {
    const dj = await import('dangjian');
    const { traceDetailZh } = await import('/trace-zh.js');
    const same = { category: (c) => c, item: (c) => c };
    let steps = 0;
    const unknown = new Set();
    for (const c of all) {
      const policy = c.policy_overrides == null
        ? dj.Policy.bundled() : dj.Policy.bundled().withOverridesJson(JSON.stringify(c.policy_overrides));
      try {
        for (const s of dj.assessDues(policy, c.member, c.month).trace) {
          steps += 1;
          if (traceDetailZh(s.detail, same) === null) unknown.add(s.detail);
        }
      } catch { /* a case the core refuses has no trace */ } finally {
        policy.free();
      }
    }
    return { steps, unknown: [...unknown] };
  }, cases);
  assert.ok(cases.length > 20 && result.steps > 100, `${cases.length} cases, ${result.steps} steps`);
  assert.deepEqual(result.unknown, []);
});

test('member checker: unreadable JSON is the registry\'s sentence; a bad roster row is Chinese too', async () => {
  await page.goto(`${browser.site.url}member.html`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.fill('#record', '{"members": [ {"id": "M01", ');
  await page.click('#check');
  await page.waitForSelector('#error:not([hidden])');
  assert.equal(await text('#error-code'), 'INVALID_RECORD_JSON');
  assert.equal(await text('#error-zh'), (await describe('INVALID_RECORD_JSON')).message_zh);
  assert.doesNotMatch(await text('#error'), READER_TEXT);
  const roster = { members: [{ id: 'A', name: '甲', birth_date: '2000-01-01', org: 'B1', events: [{ kind: 'joined_party', date: '2024-01-01' }] }] };
  await page.fill('#record', JSON.stringify(roster));
  await page.click('#check');
  await page.waitForSelector('#batch-errors-section:not([hidden])');
  const cells = await page.$$eval('#batch-errors tbody tr td', (tds) => tds.map((td) => td.textContent.trim()));
  assert.equal(cells[2], 'INVALID_RECORD_JSON');
  assert.equal(cells[3], '事件第 1 条 · 事件类型 events[0].kind');
  assert.doesNotMatch(cells[4], READER_TEXT);
  assert.match(cells[4], /\p{Script=Han}/u);
});

test('board: a missing day is said in Chinese', async () => {
  await page.goto(`${browser.site.url}board.html`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.fill('#on', '');
  await page.waitForSelector('#error:not([hidden])');
  assert.equal(await text('#error-code'), 'INVALID_DATE');
  assert.equal(await text('#error-where'), '位置：日期');
  assert.match(await text('#error-zh'), /\p{Script=Han}/u);
  assert.doesNotMatch(await text('#error'), READER_TEXT);
});

test('no page errors, console errors or failed requests', () => {
  assert.deepEqual(browser.problems, []);
});
