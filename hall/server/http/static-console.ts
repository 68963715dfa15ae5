/**
 * Serves the built console (`dist/hall-console/`, from `npm run build:hall`)
 * with the strict CSP; a path without a file is the single-page app's
 * index.html. Without a build, a plain page says how to make one.
 */
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { SECURITY_HEADERS } from './security';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

export const NOT_BUILT_PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>OneDoor 大厅控制台</title></head>
<body><h1>大厅控制台尚未构建 · The hall console is not built</h1>
<p>请运行 <code>npm run build:hall</code> 后刷新本页。</p>
<p>Run <code>npm run build:hall</code>, then reload this page.</p></body></html>`;

export async function serveConsole(req: IncomingMessage, res: ServerResponse, consoleDir: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...SECURITY_HEADERS, allow: 'GET, HEAD' }).end();
    return;
  }
  const root = resolve(consoleDir);
  const indexPath = join(root, 'index.html');
  const pathname = new URL(req.url ?? '/', 'http://hall').pathname;
  let requested: string;
  try {
    requested = decodeURIComponent(pathname);
  } catch {
    res.writeHead(400, SECURITY_HEADERS).end();
    return;
  }
  const filePath = normalize(join(root, requested === '/' ? 'index.html' : requested));
  if (filePath !== root && !filePath.startsWith(root + sep)) {
    res.writeHead(404, SECURITY_HEADERS).end();
    return;
  }
  const send = (status: number, path: string, body: Buffer | string) => {
    res.writeHead(status, {
      ...SECURITY_HEADERS,
      'content-type': CONTENT_TYPES[extname(path)] ?? 'application/octet-stream',
      'cache-control': path === indexPath ? 'no-store' : 'public, max-age=3600',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  const file = await readFile(filePath).catch(() => null);
  if (file) return send(200, filePath, file);
  // A client-side route (no extension) is the app; a missing asset is a 404.
  if (filePath !== indexPath && extname(filePath) !== '') {
    res.writeHead(404, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  const index = await readFile(indexPath).catch(() => null);
  if (index) return send(200, indexPath, index);
  send(200, indexPath, NOT_BUILT_PAGE);
}
