// The headless Chromium every web test file drives (Debian's chromium through playwright-core, no browser
// download), one page per file, with the problems a page can have (page errors, console errors, failed
// requests, HTTP errors) collected so a test can fail on them. page.test.mjs keeps its own copy of this set-up.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { ROOT, startServer } from './serve.mjs';

// playwright-core lives in the project-local tools folder (installed by wasm/scripts/build-npm.sh).
const { chromium } = createRequire(join(ROOT, 'target', 'tools', 'node', 'package.json'))('playwright-core');

export const SHOTS = join(ROOT, 'target', 'screenshots');

/** Starts the server and Chromium; resolves to `{ site, page, problems, close() }`. */
export async function openBrowser({ width = 1280, height = 800 } = {}) {
  const site = await startServer(0);
  const profile = mkdtempSync(join(tmpdir(), 'dangjian-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.DANGJIAN_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width, height },
    locale: 'zh-CN',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(15_000);
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  mkdirSync(SHOTS, { recursive: true });
  return {
    site,
    page,
    problems,
    close: async () => {
      await context.close();
      await site.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * For a test file that drives one page: opens Chromium on `path` before its tests (once the page says
 * `data-ready`) and closes it after them. Returns the holder whose `browser` and `page` are set by then.
 */
export function pageUnderTest(path, viewport = { width: 390, height: 844 }) {
  const held = { browser: undefined, page: undefined };
  before(async () => {
    held.browser = await openBrowser(viewport);
    held.page = held.browser.page;
    await held.page.goto(`${held.browser.site.url}${path}`);
    await held.page.waitForSelector('body[data-ready="true"]');
  });
  after(async () => {
    await held.browser?.close();
  });
  return held;
}
