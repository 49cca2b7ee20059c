// The dues-only package `dangjian-dues` (build-npm.sh builds it beside `dangjian`: the crate's feature `dues`
// alone): it answers the dues vectors exactly as the full package does, exports the dues engine with Policy,
// Calendar and the code registry and nothing of the other engines, and ships one .wasm for Node and browsers.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { NPM_OUT, ROOT, loadNodePackage, requireFromNpmOut } from './helpers.mjs';
import { checkCase, describeMismatches } from './vector-check.mjs';

const DUES_DIR = join(NPM_OUT, 'dangjian-dues');
const dues = requireFromNpmOut('dangjian-dues');
const full = loadNodePackage();

// A public-institution member (第二条: post salary + basic performance pay, less the housing fund):
// base 4000.00 + 2000.00 − 600.00 = 5400.00, in the 5000–10000 bracket at 1.5% → 81.00.
const member = {
  member_id: 'M1', category: 'employed', employer_type: 'public_institution',
  incomes: [{ items: [{ code: 'post_salary', amount: '4000.00' }, { code: 'basic_performance', amount: '2000.00' },
    { code: 'housing_fund', amount: '600.00' }] }],
};

test('dues package: assessDues works out a hand-worked member (5400.00 × 1.5% = 81.00, 第二条)', () => {
  const a = dues.assessDues(dues.Policy.bundled(), member, '2026-11');
  assert.equal(a.amount, '81.00');
  assert.equal(a.base, '5400.00');
  assert.equal(a.citation.article, '第二条');
  // A student pays the flat 0.20 a month (2008 Rules 第五条 as bundled).
  const s = JSON.parse(dues.assessDuesJson(dues.Policy.bundled(), '{"member_id":"S1","category":"student"}', '2026-11'));
  assert.equal(s.amount, '0.20');
});

test('dues package: a wrong shape is the same coded error as in the full package', () => {
  const bad = { ...member, category: 'astronaut' };
  assert.throws(() => dues.assessDues(dues.Policy.bundled(), bad, '2026-11'),
    (e) => dues.isDangjianError(e) && e.code === 'INVALID_MEMBER_JSON' && e.field === 'category');
  assert.equal(dues.describeCode('INVALID_MEMBER_JSON')?.area, 'dues');
  assert.equal(dues.describeCode('NO_SUCH_CODE'), undefined);
});

// Every dues vector case: the dues package must give what the full package gives (the vectors suite checks the
// full package against the expected values), and at least the cases the full package passes must pass here.
const vectorDir = join(ROOT, 'tests', 'vectors', 'dues');
for (const file of readdirSync(vectorDir).filter((f) => f.endsWith('.json')).sort()) {
  const vector = JSON.parse(readFileSync(join(vectorDir, file), 'utf8'));
  test(`dues package: dues/${file} (${vector.cases.length} cases) as the full package`, () => {
    for (const c of vector.cases) {
      assert.equal(describeMismatches(checkCase(dues, c)), describeMismatches(checkCase(full, c)), c.name);
    }
  });
}

test('dues package: exports the dues engine and the shared classes, nothing of the other engines', () => {
  const names = Object.keys(dues).filter((k) => !k.startsWith('__')).sort();
  assert.deepEqual(names, [
    'Calendar', 'MonthRules', 'Policy', 'allCodes', 'assessDues', 'assessDuesBatch', 'assessDuesBatchJson', 'assessDuesJson',
    'coreVersion', 'dangjianForcePanicForTests', 'describeCode', 'evaluateDuesLedger', 'evaluateDuesLedgerJson',
    'isDangjianError', 'start', 'summarizeDues', 'summarizeDuesJson',
  ].sort());
  const others = Object.keys(full).filter((k) => /^(membership|credits|disclosure)|^(CreditsScheme|CreditsScorer|AuditTrail)$/.test(k));
  assert.ok(others.length > 30, 'the full package has the other engines');
  for (const k of others) assert.equal(k in dues, false, k);
  const dts = readFileSync(join(DUES_DIR, 'node', 'dangjian_wasm.d.ts'), 'utf8');
  assert.doesNotMatch(dts, /export function (membership|credits|disclosure)\w*\(/);
  assert.match(dts, /export function assessDues\(/);
});

test('dues package: one .wasm, which the Node build loads and the web build loads in Node from its bytes', async () => {
  const wasmFiles = (dir) => readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.wasm'));
  assert.deepEqual(wasmFiles(DUES_DIR), [join('web', 'dangjian_wasm_bg.wasm')]);
  const web = await import(pathToFileURL(join(DUES_DIR, 'web', 'dangjian_wasm.js')).href);
  web.initSync({ module: await readFile(join(DUES_DIR, 'web', 'dangjian_wasm_bg.wasm')) });
  assert.deepEqual(web.assessDues(web.Policy.bundled(), member, '2026-11'),
    dues.assessDues(dues.Policy.bundled(), member, '2026-11'));
});

test('dues package: smaller than the full package', () => {
  const size = (pkg) => readFileSync(join(NPM_OUT, pkg, 'web', 'dangjian_wasm_bg.wasm')).length;
  assert.ok(size('dangjian-dues') < size('dangjian') / 2, `${size('dangjian-dues')} vs ${size('dangjian')}`);
});

before(() => assert.equal(dues.coreVersion(), full.coreVersion()));
