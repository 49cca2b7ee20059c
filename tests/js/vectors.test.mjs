// The shared vectors (tests/vectors/{dues,credits,disclosure,membership}/*.json): every case is one test, run through the
// Node build's JSON entry points and its object API (the vector's JS objects go straight in), compared as
// tests/vectors/README.md and the Rust harnesses say (decimals as strings, exactly). See vector-check.mjs.
//
// A case a Rust harness (core/tests/vectors.rs, credits_vectors.rs, disclosure_vectors.rs, membership_vectors.rs)
// fails too is a core problem, not a wasm one: when tests/js/run.sh hands over the harnesses' output
// (DANGJIAN_CORE_VECTOR_LOG), such a case is marked `todo` (reported, not counted as failed). A case only JS
// fails is a failure; so is a case only the Rust harness fails (the two harnesses must agree).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, loadNodePackage } from './helpers.mjs';
import { checkCase, describeMismatches, SUITES } from './vector-check.mjs';

const coreLog = process.env.DANGJIAN_CORE_VECTOR_LOG && existsSync(process.env.DANGJIAN_CORE_VECTOR_LOG)
  ? readFileSync(process.env.DANGJIAN_CORE_VECTOR_LOG, 'utf8').split('\n')
  : [];

/** The Rust harness's line for this case (`file: name: …`), when it fails there too. */
function coreFailure(file, name) {
  return coreLog.find((line) => line.startsWith(`${file}: ${name}: `));
}

const dj = loadNodePackage();

for (const [suite, kinds] of Object.entries(SUITES)) {
  const dir = join(ROOT, 'tests', 'vectors', suite);
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).sort() : [];
  const names = new Set();

  test(`${suite} vectors: at least one file with cases`, () => {
    assert.ok(files.length > 0, `no vector files in ${dir}`);
  });

  const cases = []; // `file: name`
  const failingHere = [];
  for (const file of files) {
    const vector = JSON.parse(readFileSync(join(dir, file), 'utf8'));

    test(`${suite}/${file}: well-formed (schema_version 1, named cases of known kinds)`, () => {
      assert.equal(vector.schema_version, 1);
      assert.ok(Array.isArray(vector.cases) && vector.cases.length > 0, 'a non-empty `cases` array');
      for (const c of vector.cases) {
        assert.equal(typeof c.name, 'string', 'every case has a name');
        assert.ok(kinds.includes(c.kind), `case "${c.name}": kind ${c.kind}`);
        assert.ok(!names.has(c.name), `case name "${c.name}" is unique across the ${suite} files`);
        names.add(c.name);
      }
    });

    for (const c of vector.cases ?? []) {
      cases.push(`${file}: ${c.name}`);
      const known = coreFailure(file, c.name);
      const options = known ? { todo: `fails in the Rust harness too (core): ${known}` } : {};
      test(`${suite}/${file}: ${c.name}`, options, () => {
        const mismatches = checkCase(dj, c);
        if (mismatches.length) failingHere.push(`${file}: ${c.name}`);
        assert.equal(mismatches.length, 0, `${file}: ${c.name}: ${describeMismatches(mismatches)}`);
      });
    }
  }

  // Only with the Rust harnesses' output: the cases failing here are exactly the ones failing there.
  test(`${suite} vectors: the same cases fail here and in the Rust harness`, { skip: !coreLog.length }, () => {
    const inCore = cases.filter((key) => coreLog.some((line) => line.startsWith(`${key}: `)));
    assert.deepEqual([...new Set(failingHere)].sort(), inCore.sort());
  });
}
