// A minimal static file server for dist/ on 127.0.0.1 (no dependencies).
//   node web/serve.mjs DIR [PORT]     (PORT 0: any free port; the first line printed names it)
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const root = resolve(process.argv[2] || 'dist');
const portArg = process.argv[3] || process.env.PORT || '8080';
const port = Number(portArg);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`serve.mjs: "${portArg}" is not a port number (0 picks a free one)`);
  process.exit(2);
}
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.json': 'application/json', '.jsonl': 'application/x-ndjson',
  '.txt': 'text/plain; charset=utf-8', '.csv': 'text/csv', '.png': 'image/png', '.css': 'text/css',
};

const server = createServer(async (req, res) => {
  try {
    const url = new URL(req.url, 'http://localhost');
    let path = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(root, path);
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
    const body = await readFile(file);
    res.writeHead(200, { 'Content-Type': types[extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-cache' });
    res.end(body);
  } catch {
    // Browsers ask for /favicon.ico on pages without an icon link (embed-example.html): answer
    // "no content" rather than 404, so that request does not log a console error.
    if (req.url === '/favicon.ico') { res.writeHead(204).end(); return; }
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
  }
});
server.listen(port, '127.0.0.1', () => {
  const actual = server.address().port;  // differs from `port` when port is 0
  console.log(`Parallax is at http://127.0.0.1:${actual}/  (single file: http://127.0.0.1:${actual}/parallax.html; Ctrl+C stops)`);
});
