// The web example (examples/web) in headless Debian Chromium through playwright-core (no browser download).
// Any page error, console error, failed request or HTTP error fails the suite. Screenshots go to target/screenshots/.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, startServer } from './serve.mjs';

// playwright-core lives in the project-local tools folder (installed by wasm/scripts/build-npm.sh).
const { chromium } = createRequire(join(ROOT, 'target', 'tools', 'node', 'package.json'))('playwright-core');

const CHROMIUM = process.env.DANGJIAN_CHROMIUM ?? '/usr/bin/chromium';
const SHOTS = join(ROOT, 'target', 'screenshots');
const problems = [];
let site;
let profile;
let context;
let page;

before(async () => {
  site = await startServer(0);
  profile = mkdtempSync(join(tmpdir(), 'dangjian-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 900, height: 760 },
    locale: 'zh-CN',
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  mkdirSync(SHOTS, { recursive: true });
});

after(async () => {
  await context?.close();
  await site?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

async function submit(amount) {
  await page.fill('#amount', amount);
  await page.click('#calculate');
}

test('page loads the wasm package and shows the core version', async () => {
  const response = await page.goto(site.url);
  assert.equal(response?.status(), 200);
  await page.waitForSelector('body[data-ready="true"]');
  assert.match(await page.textContent('#core-version'), /^\d+\.\d+\.\d+/);
  assert.equal(await page.isEnabled('#amount'), true);
  assert.equal(await page.title(), '党费计算 · Dues calculator — dangjian');
});

test('a valid amount shows the normalized result', async () => {
  await submit('12.5');
  await page.waitForSelector('#result:not([hidden])');
  assert.equal(await page.textContent('#result-amount'), '12.50');
  assert.equal(await page.isHidden('#error'), true);
  await page.screenshot({ path: join(SHOTS, 'web-dues.png'), fullPage: true });
});

test('a negative amount shows the INVALID_AMOUNT error code', async () => {
  await submit('-1');
  await page.waitForSelector('#error:not([hidden])');
  assert.equal(await page.textContent('#error-code'), 'INVALID_AMOUNT');
  assert.equal(await page.textContent('#error-field'), '(amount)');
  assert.equal(await page.textContent('#error-zh'), '金额不能为负数');
  assert.equal(await page.getAttribute('#amount', 'aria-invalid'), 'true');
  assert.equal(await page.isHidden('#result'), true);
  await page.screenshot({ path: join(SHOTS, 'web-dues-error.png'), fullPage: true });
});

test('a good amount after a bad one clears the error', async () => {
  await submit('1.234');
  await page.waitForSelector('#error:not([hidden])');
  assert.equal(await page.textContent('#error-code'), 'INVALID_AMOUNT');
  await submit('0.05');
  await page.waitForSelector('#result:not([hidden])');
  assert.equal(await page.textContent('#result-amount'), '0.05');
  assert.equal(await page.isHidden('#error'), true);
  assert.equal(await page.getAttribute('#amount', 'aria-invalid'), null);
});

test('no page errors, console errors or failed requests', () => {
  assert.deepEqual(problems, []);
});
