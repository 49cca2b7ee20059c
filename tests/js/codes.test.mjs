// The code registry through the npm package: allCodes, describeCode, and the codes real errors carry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadNodePackage, PKG_DIR } from './helpers.mjs';

const dj = loadNodePackage();

test('describeCode: a thrown error\'s code has its registry record', () => {
  const member = { member_id: 'M1', category: 'employed', employer_type: 'enterprise', incomes: [] };
  let code;
  try {
    dj.assessDues(dj.Policy.bundled(), member, '2026-11');
  } catch (e) {
    assert.ok(dj.isDangjianError(e));
    code = e.code;
  }
  assert.equal(code, 'MISSING_INCOME');
  assert.deepEqual(dj.describeCode(code), {
    code: 'MISSING_INCOME',
    area: 'dues',
    kind: 'error',
    message_zh: '未提供收入，无法计算党费',
    message_en: 'no income was given, so dues cannot be computed',
  });
});

test('describeCode: unknown and wrongly cased codes are undefined', () => {
  for (const bad of ['', 'missing_income', 'NOPE', 'MISSING_INCOME ']) {
    assert.equal(dj.describeCode(bad), undefined, bad);
  }
});

test('allCodes: one record per code, every one found by describeCode; the .d.ts union lists them all', () => {
  const all = dj.allCodes();
  assert.ok(all.length > 250);
  assert.equal(new Set(all.map((c) => c.code)).size, all.length);
  for (const c of all) {
    assert.deepEqual(dj.describeCode(c.code), c);
    assert.match(c.code, /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
  }
  const untested = all.filter((c) => c.untested !== undefined).map((c) => c.code);
  assert.ok(untested.includes('SERIALIZATION_FAILED'));
  const dts = readFileSync(join(PKG_DIR, 'node', 'dangjian_wasm.d.ts'), 'utf8');
  const union = dts.slice(dts.indexOf('export type DangjianCode ='));
  for (const c of all) assert.ok(union.includes(`| "${c.code}"`), c.code);
  assert.match(dts, /code: DangjianCode \| \(string & \{\}\);/);
});
