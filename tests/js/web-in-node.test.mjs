// The web flavour (wasm-bindgen --target web, ES module) also loads in Node when handed the wasm bytes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PKG_DIR } from './helpers.mjs';

test('web build: init({ module_or_path: bytes }) then call the API', async () => {
  const web = await import(pathToFileURL(join(PKG_DIR, 'web', 'dangjian_wasm.js')).href);
  const bytes = await readFile(join(PKG_DIR, 'web', 'dangjian_wasm_bg.wasm'));
  await web.default({ module_or_path: bytes });
  assert.match(web.coreVersion(), /^\d+\.\d+\.\d+/);
  assert.equal(web.checkAmount('12.5'), '12.50');
  assert.throws(() => web.checkAmount('-1'), (e) => e instanceof Error && e.code === 'INVALID_AMOUNT' && web.isDangjianError(e));
  assert.deepEqual(web.describeAmount({ amount: '1' }), { normalized: '1.00', yuan: '1', totalFen: '100' });
});
