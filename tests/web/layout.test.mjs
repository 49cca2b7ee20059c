// Every page of examples/web at a phone's width (390 px, an iPhone 12–15) and a desktop's (1280 px): no
// horizontal scrolling — document.scrollingElement.scrollWidth ≤ innerWidth — in each state a page can be in
// (result, error, the widest tables). A failure names the elements that stick out. Screenshots of the phone
// layouts go to target/screenshots/web-<page>-390.png.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { SHOTS, openBrowser } from './browser.mjs';
import { ROOT } from './serve.mjs';

const DATA = join(ROOT, 'examples', 'data');

let browser;
let page;

before(async () => {
  browser = await openBrowser({ width: 390, height: 844 });
  page = browser.page;
});

after(async () => {
  await browser?.close();
});

/** The horizontal overflow of the page as it is now: `{ scrollWidth, innerWidth, offenders }`. */
function overflow() {
  return page.evaluate(() => {
    const name = (el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''}`;
    const offenders = [...document.body.querySelectorAll('*')]
      .filter((el) => el.getBoundingClientRect().right > innerWidth + 0.5 && el.getClientRects().length)
      // The innermost ones: an element none of whose children sticks out too.
      .filter((el) => ![...el.children].some((c) => c.getBoundingClientRect().right > innerWidth + 0.5))
      .slice(0, 6)
      .map((el) => `${name(el)} (right ${Math.round(el.getBoundingClientRect().right)})`);
    return { scrollWidth: document.scrollingElement.scrollWidth, innerWidth, offenders };
  });
}

async function assertFits(what) {
  const o = await overflow();
  assert.ok(o.scrollWidth <= o.innerWidth,
    `${what}: the page is ${o.scrollWidth} px wide in a ${o.innerWidth} px window; sticking out: ${o.offenders.join(', ')}`);
}

async function open(file) {
  await page.goto(`${browser.site.url}${file}`);
  await page.waitForSelector('body[data-ready="true"]');
}

/** Each page and the states to check it in (each state a function that puts the page in it). */
const PAGES = {
  'index.html': {
    'the worked example with its trace': async () => {
      await page.click('#calculate');
      await page.waitForSelector('#trace-section:not([hidden])');
    },
    'the branch\'s month with its chart': async () => {
      await page.click('#add-to-month');
      await page.waitForSelector('#month-card:not([hidden]) svg.dues-chart');
    },
    'an error naming a deep field': async () => {
      await page.locator('#items tr.item .item-amount').last().fill('-600.00');
      await page.click('#calculate');
      await page.waitForSelector('#error:not([hidden])');
    },
  },
  'board.html': {
    'the officer of C1, who sees the most items': async () => {
      await page.selectOption('#viewer', 'officer-c1');
      await page.fill('#on', '2026-03-16');
      await page.waitForSelector('body[data-viewer="officer-c1"][data-on="2026-03-16"]');
    },
  },
  'member.html': {
    'the sample roster on a fixed day': async () => {
      await page.fill('#on', '2025-07-01');
      await page.click('#check');
      await page.waitForSelector('#reports section.report[data-member="P01"] svg.timeline');
    },
    'a roster with a record that cannot be read': async () => {
      const roster = JSON.parse(await page.inputValue('#record'));
      roster.members[2].events[1].kind = 'joined_party';
      await page.fill('#record', JSON.stringify(roster, null, 2));
      await page.click('#check');
      await page.waitForSelector('#batch-errors-section:not([hidden])');
    },
  },
  'payroll.html': {
    'a branch payroll with its table and chart': async () => {
      await page.fill('#month', '2026-11');
      await page.setInputFiles('#file', join(DATA, 'roster.csv'));
      await page.waitForSelector('#result:not([hidden])');
    },
    'a payroll with bad rows': async () => {
      await page.setInputFiles('#file', join(DATA, 'bad-roster.csv'));
      await page.waitForSelector('#problems-section:not([hidden])');
    },
  },
};

for (const width of [390, 1280]) {
  for (const [file, states] of Object.entries(PAGES)) {
    test(`${file} at ${width} px: no horizontal overflow, loaded and in every state`, async () => {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 800 });
      await open(file);
      await assertFits(`${file} at ${width} px, as loaded`);
      for (const [state, enter] of Object.entries(states)) {
        await enter();
        await assertFits(`${file} at ${width} px, ${state}`);
      }
      if (width === 390) {
        await page.screenshot({ path: join(SHOTS, `web-${file.replace('.html', '')}-390.png`), fullPage: true });
      }
    });
  }
}

test('the phone layout stacks the tables: each cell carries its column name', async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  await open('index.html');
  await page.click('#calculate');
  await page.waitForSelector('#trace-section:not([hidden])');
  const labels = await page.$$eval('#trace tr:first-child td', (tds) => tds.map((td) => td.dataset.label));
  assert.deepEqual(labels, ['步骤', '说明', '数值', '依据']);
  const display = await page.$eval('#trace tr:first-child td', (td) => getComputedStyle(td).display);
  assert.equal(display, 'grid', 'a stacked cell (label beside value) at 390 px');
  await page.setViewportSize({ width: 1280, height: 800 });
  assert.equal(await page.$eval('#trace tr:first-child td', (td) => getComputedStyle(td).display), 'table-cell');
});

test('no page errors, console errors or failed requests', () => {
  assert.deepEqual(browser.problems, []);
});
