// The web flavour (wasm-bindgen --target web, ES module) also loads in Node when handed the wasm bytes;
// a few calls prove it is the same API as the Node build.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PKG_DIR, loadNodePackage } from './helpers.mjs';

let web;
const node = loadNodePackage();
const member = {
  member_id: 'M1', category: 'employed', employer_type: 'public_institution',
  incomes: [{ items: [{ code: 'post_salary', amount: '4000.00' }, { code: 'basic_performance', amount: '2000.00' }, { code: 'housing_fund', amount: '600.00' }] }],
};

before(async () => {
  web = await import(pathToFileURL(join(PKG_DIR, 'web', 'dangjian_wasm.js')).href);
  const bytes = await readFile(join(PKG_DIR, 'web', 'dangjian_wasm_bg.wasm'));
  await web.default({ module_or_path: bytes });
});

test('web build: coreVersion and assessDues agree with the Node build', () => {
  assert.equal(web.coreVersion(), node.coreVersion());
  const a = web.assessDues(web.Policy.bundled(), member, '2026-11');
  assert.equal(a.amount, '81.00');
  assert.equal(a.citation.article, '第二条');
  assert.deepEqual(a, node.assessDues(node.Policy.bundled(), member, '2026-11'));
  assert.equal(web.assessDuesJson(web.Policy.bundled(), JSON.stringify(member), '2026-11', false),
    node.assessDuesJson(node.Policy.bundled(), JSON.stringify(member), '2026-11', false));
});

test('web build: coded errors and the type guard', () => {
  assert.throws(() => web.assessDues(web.Policy.bundled(), { ...member, category: 'astronaut' }, '2026-11'),
    (e) => e instanceof Error && e.name === 'DangjianError' && e.kind === 'invalid_input'
      && e.code === 'INVALID_MEMBER_JSON' && e.field === 'category' && web.isDangjianError(e));
  assert.equal(web.isDangjianError(new Error('x')), false);
});

test('web build: calendar and ledger', () => {
  const cal = web.Calendar.official();
  assert.deepEqual(cal.addWorkingDays('2026-04-30', 1), { value: '2026-05-06', findings: [] });
  assert.deepEqual(cal.officialYears(), node.Calendar.official().officialYears());
  const ledger = { member_id: 'G1', obligations: [{ month: '2026-01', amount: '81.00' }], payments: [] };
  const r = web.evaluateDuesLedger(web.Policy.bundled(), ledger, '2026-03-01');
  assert.deepEqual(r.arrears, ['2026-01']);
  assert.equal(web.summarizeDues([r], { year: 2026 }).outstanding, '81.00');
});
