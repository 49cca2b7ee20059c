// The npm package's shape: package.json fields and which flavour each resolution condition picks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NPM_OUT, PKG_DIR, requireFromNpmOut } from './helpers.mjs';

const pkg = JSON.parse(readFileSync(join(PKG_DIR, 'package.json'), 'utf8'));

test('package.json names the package and lists what it ships', () => {
  assert.equal(pkg.name, 'dangjian');
  assert.match(pkg.version, /^\d+\.\d+\.\d+/);
  assert.deepEqual(pkg.files, ['web/', 'node/', 'README.md']);
  for (const rel of [pkg.main, pkg.module, pkg.types, './README.md',
    './web/dangjian_wasm_bg.wasm', './node/dangjian_wasm_bg.wasm', './web/dangjian_wasm.d.ts']) {
    assert.ok(existsSync(join(PKG_DIR, rel)), rel);
  }
});

test('exports map: node/require pick the nodejs build, browser/import pick the web build', () => {
  assert.equal(requireFromNpmOut.resolve('dangjian'), join(PKG_DIR, 'node', 'dangjian_wasm.js'));
  const resolveEsm = (...conditions) => execFileSync(process.execPath, [
    ...conditions.flatMap((c) => ['--conditions', c]), '--input-type=module',
    '-e', 'console.log(import.meta.resolve("dangjian"))',
  ], { cwd: NPM_OUT, encoding: 'utf8' }).trim();
  assert.match(resolveEsm(), /\/dangjian\/node\/dangjian_wasm\.js$/, 'ESM import in Node');
  assert.match(resolveEsm('browser'), /\/dangjian\/web\/dangjian_wasm\.js$/, 'browser condition');
  const e = pkg.exports['.'];
  assert.deepEqual(Object.keys(e), ['browser', 'node', 'import', 'require']);
  assert.equal(e.import.default, './web/dangjian_wasm.js');
  assert.equal(e.require.default, './node/dangjian_wasm.js');
});

test('ESM import by name in Node gets named exports from the CommonJS build', () => {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e',
    'import { checkAmount, coreVersion } from "dangjian"; console.log(checkAmount("2"), typeof coreVersion())'],
  { cwd: NPM_OUT, encoding: 'utf8' }).trim();
  assert.equal(out, '2.00 string');
});
