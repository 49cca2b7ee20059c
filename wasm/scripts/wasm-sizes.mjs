#!/usr/bin/env node
// Where the bytes of a .wasm go: the sections, the largest functions and the code per crate, read from the
// module's `name` section. No dependencies (a twiggy-like summary in plain Node).
//
//   node wasm/scripts/wasm-sizes.mjs FILE.wasm [--top N] [--gzip]
//
// The package's final .wasm has no names (wasm-opt strips them): give it the cargo build's module
// (target/wasm32-unknown-unknown/wasm-release/dangjian_wasm.wasm), or that module after
// `wasm-opt -Oz -g` (names kept) for the sizes after optimisation. --gzip adds each crate's code gzip'd
// alone (an upper bound of what it costs the package, which is gzip'd whole).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a));
const topIdx = args.indexOf('--top');
const top = topIdx >= 0 ? Number(args[topIdx + 1]) : 30;
const withGzip = args.includes('--gzip');
if (!file) {
  console.error('usage: node wasm/scripts/wasm-sizes.mjs FILE.wasm [--top N] [--gzip]');
  process.exit(2);
}
const bytes = readFileSync(file);

/** A cursor over the module's bytes: LEB128 numbers, names, skips. */
function reader(buf, start = 0, end = buf.length) {
  let pos = start;
  const r = {
    get pos() { return pos; },
    set pos(p) { pos = p; },
    end,
    u8: () => buf[pos++],
    u32() {
      let result = 0; let shift = 0; let b;
      do { b = buf[pos++]; result += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80);
      return result;
    },
    name() { const n = r.u32(); const s = buf.toString('utf8', pos, pos + n); pos += n; return s; },
    limits() { const flag = r.u8(); r.u32(); if (flag & 1) r.u32(); },
  };
  return r;
}

const SECTION_NAMES = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start',
  'element', 'code', 'data', 'datacount', 'tag'];
const sections = [];
let importedFuncs = 0;
const bodies = []; // { index, start, size }
const names = new Map();
const top0 = reader(bytes, 8);
while (top0.pos < bytes.length) {
  const id = top0.u8();
  const size = top0.u32();
  const start = top0.pos;
  const body = reader(bytes, start, start + size);
  let label = SECTION_NAMES[id] ?? `section ${id}`;
  if (id === 0) {
    const custom = body.name();
    label = `custom "${custom}"`;
    if (custom === 'name') readNames(body, start + size);
  } else if (id === 2) {
    importedFuncs = countImportedFuncs(body);
  } else if (id === 10) {
    const n = body.u32();
    for (let i = 0; i < n; i += 1) {
      const s = body.u32();
      bodies.push({ index: importedFuncs + i, start: body.pos, size: s });
      body.pos += s;
    }
  }
  sections.push({ label, size });
  top0.pos = start + size;
}

function countImportedFuncs(r) {
  let funcs = 0;
  const n = r.u32();
  for (let i = 0; i < n; i += 1) {
    r.name(); r.name();
    const kind = r.u8();
    if (kind === 0) { r.u32(); funcs += 1; } else if (kind === 1) { r.u8(); r.limits(); } else if (kind === 2) r.limits();
    else if (kind === 3) { r.u8(); r.u8(); } else if (kind === 4) { r.u8(); r.u32(); }
  }
  return funcs;
}

function readNames(r, end) {
  while (r.pos < end) {
    const sub = r.u8();
    const size = r.u32();
    const next = r.pos + size;
    if (sub === 1) {
      const n = r.u32();
      for (let i = 0; i < n; i += 1) { const idx = r.u32(); names.set(idx, r.name()); }
    }
    r.pos = next;
  }
}

/** A Rust symbol as a path: legacy `_ZN…E` demangled; a v0 `_R…` symbol reduced to its first crate's name. */
function demangle(sym) {
  if (sym.startsWith('_R')) {
    const m = sym.match(/C(?:s[0-9A-Za-z]*_)?\d+([A-Za-z_][A-Za-z0-9_]*)/);
    return m ? `${m[1]}::${sym}` : sym;
  }
  if (!sym.startsWith('_ZN')) return sym;
  const parts = [];
  let i = 3;
  while (i < sym.length && sym[i] !== 'E') {
    const len = sym.slice(i).match(/^\d+/);
    if (!len) break;
    i += len[0].length;
    parts.push(sym.slice(i, i + Number(len[0])));
    i += Number(len[0]);
  }
  if (parts.length && /^h[0-9a-f]{16}$/.test(parts[parts.length - 1])) parts.pop();
  const map = { LT: '<', GT: '>', u20: ' ', RF: '&', C: ',', BP: '*', u7b: '{', u7d: '}', u3b: ';', u5b: '[', u5d: ']', LP: '(', RP: ')', u27: "'" };
  return parts.join('::').replace(/\$([A-Za-z0-9]+)\$/g, (all, k) => map[k] ?? all).replace(/\.\./g, '::').replace(/^_/, '');
}

/** The crate a function belongs to: the first path segment of its (demangled) name, generics aside. */
function crateOf(name) {
  if (!name) return '(no name)';
  let n = demangle(name);
  // `<A as B>::f` and `<A>::f`: the type's crate; `core::ptr::drop_in_place<T>`: T's crate.
  const drop = n.match(/^core::ptr::drop_in_place<(.*)>$/);
  if (drop) n = drop[1];
  n = n.replace(/^[<&*\s]+|^(mut|const|dyn) /g, '').replace(/^[<&*\s]+/, '');
  const m = n.match(/^([A-Za-z_][A-Za-z0-9_]*)::/);
  return m ? m[1] : (n.startsWith('__') || n.startsWith('wasm') ? 'wasm-bindgen glue' : n.split(/[<:(\s]/)[0] || '(other)');
}

const total = bytes.length;
const codeSize = () => sections.find((s) => s.label === 'code')?.size ?? total;
const pct = (n) => `${((100 * n) / total).toFixed(1)}%`;
const pctCode = (n) => `${((100 * n) / codeSize()).toFixed(1)}% of code`;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`${file}: ${total} bytes (${kb(total)}), gzip -9 ${kb(gzipSync(bytes, { level: 9 }).length)}`);
console.log(`${bodies.length} functions, ${names.size ? `${names.size} named` : 'no name section (give the unstripped module)'}`);
console.log('\nsections:');
for (const s of [...sections].sort((a, b) => b.size - a.size)) console.log(`  ${kb(s.size).padStart(10)}  ${pct(s.size).padStart(6)}  ${s.label}`);

if (names.size) {
  const byCrate = new Map();
  for (const b of bodies) {
    const c = crateOf(names.get(b.index));
    const entry = byCrate.get(c) ?? { size: 0, count: 0, parts: [] };
    entry.size += b.size; entry.count += 1;
    if (withGzip) entry.parts.push(bytes.subarray(b.start, b.start + b.size));
    byCrate.set(c, entry);
  }
  console.log('\ncode by crate (a generic function counts for the crate that defines it):');
  for (const [c, e] of [...byCrate].sort((a, b) => b[1].size - a[1].size).slice(0, top)) {
    const gz = withGzip ? `  gzip alone ${kb(gzipSync(Buffer.concat(e.parts), { level: 9 }).length).padStart(9)}` : '';
    console.log(`  ${kb(e.size).padStart(10)}  ${pctCode(e.size).padStart(14)}  ${String(e.count).padStart(5)} fns${gz}  ${c}`);
  }
  console.log(`\nlargest ${top} functions:`);
  for (const b of [...bodies].sort((a, z) => z.size - a.size).slice(0, top)) {
    const n = demangle(names.get(b.index) ?? `func[${b.index}]`);
    console.log(`  ${kb(b.size).padStart(10)}  ${pctCode(b.size).padStart(14)}  ${n.length > 150 ? `${n.slice(0, 147)}...` : n}`);
  }
  // Generic code of a crate instantiated for another's types still carries its name somewhere in the path.
  console.log('\ncode whose name mentions:');
  for (const key of ['serde_path_to_error', 'serde_json', 'serde_wasm_bindgen', 'serde::', 'core::fmt', 'rust_decimal',
    'chrono', 'sm2', 'primeorder', 'elliptic_curve', 'crypto_bigint', 'sha2', 'sm3', 'tsify', 'dangjian::dues',
    'dangjian::membership', 'dangjian::credits', 'dangjian::disclosure', 'dangjian::codes', 'dangjian::policy', 'dlmalloc']) {
    const size = bodies.filter((b) => demangle(names.get(b.index) ?? '').includes(key)).reduce((s, b) => s + b.size, 0);
    console.log(`  ${kb(size).padStart(10)}  ${pctCode(size).padStart(14)}  ${key}`);
  }
}
