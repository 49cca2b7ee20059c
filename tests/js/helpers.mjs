// Shared paths and loaders for the node --test suite (tests/js/*.test.mjs).
// The package is built by wasm/scripts/build-npm.sh into target/npm/dangjian; target/npm/node_modules/dangjian
// links to it so that "dangjian" resolves by name through the package.json `exports` map.
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const NPM_OUT = join(ROOT, 'target', 'npm');
export const PKG_DIR = join(NPM_OUT, 'dangjian');

/** `require` as seen from target/npm/, so `require('dangjian')` goes through the package's exports map. */
export const requireFromNpmOut = createRequire(join(NPM_OUT, 'resolver.cjs'));

/** The Node flavour of the package, loaded by name (conditions: node, require). */
export function loadNodePackage() {
  return requireFromNpmOut('dangjian');
}

/** A small seeded generator (mulberry32): numbers in [0, 1), the same sequence for the same seed, so a
 * randomized test's failure can be replayed and a bench's input is the same run after run. */
export function rng(seed) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
