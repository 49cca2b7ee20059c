// The branch's month on the dues calculator (index.html): members calculated one by one and added, drawn by
// the same chart module as the payroll page (examples/web/dues-chart.js) — members per rate and the total.
// Amounts worked by hand from the 2008 Rules: Art. 2 (employed, on the base: ≤3000 → 0.5%, 3000–5000 inclusive
// → 1%, 5000–10000 → 1.5%), Art. 5 (retired: above 5000 → 1%), Art. 6 (students: 0.20 a month, flat).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pageUnderTest } from './browser.mjs';

const ui = pageUnderTest('index.html');

/** Fills the form (category, items [code, amount]), calculates, and adds the result to the month. */
async function add(category, items, month = '2026-11') {
  await ui.page.fill('#month', month);
  await ui.page.selectOption('#category', category);
  if (items) {
    while (await ui.page.locator('#items tr.item').count()) await ui.page.locator('#items tr.item .remove-item').first().click();
    for (const [code, amount] of items) {
      await ui.page.click('#add-item');
      const row = ui.page.locator('#items tr.item').last();
      await row.locator('.item-code').selectOption(code);
      await row.locator('.item-amount').fill(amount);
    }
  }
  await ui.page.click('#calculate');
  await ui.page.waitForSelector('#result:not([hidden])');
  const amount = await ui.page.textContent('#result-amount');
  await ui.page.click('#add-to-month');
  return amount;
}

const chart = () => ui.page.$eval('#month-chart svg', (svg) => ({
  groups: [...svg.querySelectorAll('g[data-rate]')].map((g) => [g.dataset.rate, Number(g.dataset.count), g.dataset.sum]),
  total: [svg.querySelector('text.total').dataset.count, svg.querySelector('text.total').dataset.sum],
  right: svg.getBoundingClientRect().right,
}));

test('the branch\'s month: members per rate and the total, by hand', async () => {
  assert.equal(await ui.page.isHidden('#month-card'), true, 'no list before anything is added');
  // The page's worked example: 4000.00 + 2000.00 − 600.00 = 5400.00 → 1.5% → 81.00.
  assert.equal(await add('employed'), '81.00');
  assert.equal(await ui.page.isDisabled('#add-to-month'), true, 'added once per calculation');
  assert.equal(await add('employed', [['post_salary', '2800.00']]), '14.00'); // ≤ 3000 → 0.5%
  assert.equal(await add('employed', [['post_salary', '5000.00']]), '50.00'); // 5000 inclusive → 1%
  assert.equal(await add('student'), '0.20');
  assert.equal(await add('retired', [['pension', '5200.00']]), '52.00'); // > 5000 → 1%
  const c = await chart();
  assert.deepEqual(c.groups, [['定额', 1, '0.20'], ['0.5%', 1, '14.00'], ['1%', 2, '102.00'], ['1.5%', 1, '81.00']]);
  assert.deepEqual(c.total, ['5', '197.20']);
  assert.ok(c.right <= 390, `the chart ends at ${c.right} px`);
  assert.equal(await ui.page.locator('#month-table tbody tr').count(), 5);
  assert.equal(await ui.page.textContent('#month-of'), '2026-11');
});

test('the branch\'s month: another month starts a new list; 清空 empties it', async () => {
  assert.equal(await add('employed', [['post_salary', '3000.00']], '2026-12'), '15.00'); // 3000 inclusive → 0.5%
  assert.deepEqual((await chart()).groups, [['0.5%', 1, '15.00']]);
  assert.equal(await ui.page.textContent('#month-of'), '2026-12');
  await ui.page.click('#month-clear');
  assert.equal(await ui.page.isHidden('#month-card'), true);
});

test('no page errors, console errors or failed requests', () => {
  assert.deepEqual(ui.browser.problems, []);
});
