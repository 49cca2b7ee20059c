// Static server for the web example, on 127.0.0.1 (port 0 = any free port):
//   /pkg/…          -> target/npm/dangjian/web/…   (the npm package's web build)
//   /pkg-payroll/…  -> target/npm/dangjian-payroll/web/… (its payroll build: build-npm.sh --payroll)
//   /test/vectors/… -> tests/vectors/…              (the conformance vectors, for the page test)
//   /test/js/…      -> tests/js/…                   (vector-check.mjs, shared with the Node suite)
//   /…              -> examples/web/…
// `node tests/web/serve.mjs [port]` serves until Ctrl-C; tests import { startServer }.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const MOUNTS = [
  ['/pkg/', join(ROOT, 'target', 'npm', 'dangjian', 'web')],
  ['/pkg-payroll/', join(ROOT, 'target', 'npm', 'dangjian-payroll', 'web')],
  ['/test/vectors/', join(ROOT, 'tests', 'vectors')],
  ['/test/js/', join(ROOT, 'tests', 'js')],
  ['/', join(ROOT, 'examples', 'web')],
];
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ts': 'text/plain; charset=utf-8',
};

/** Maps a URL path to a file under one of the mounts, or null (outside every mount, or traversal). */
function toFile(urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (path.endsWith('/')) path += 'index.html';
  for (const [prefix, dir] of MOUNTS) {
    if (!path.startsWith(prefix)) continue;
    const file = normalize(join(dir, path.slice(prefix.length)));
    return file === dir || file.startsWith(dir + sep) ? file : null;
  }
  return null;
}

/** Starts the server; resolves to { server, url, close() }. */
export function startServer(port = 0) {
  const server = createServer(async (req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
    const file = toFile(pathname);
    try {
      if (!file || req.method !== 'GET' && req.method !== 'HEAD' || !(await stat(file)).isFile()) throw new Error('no');
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'content-length': body.length,
        'cache-control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`not found: ${pathname}\n`);
    }
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = server.address();
      resolvePromise({
        server,
        url: `http://127.0.0.1:${actual}/`,
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { url } = await startServer(Number(process.argv[2] ?? 0));
  console.log(`serving examples/web at ${url} (Ctrl-C stops)`);
}
