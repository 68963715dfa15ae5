/**
 * Serves the built phone page (`dist/hall-phone/`, from `npm run
 * build:hall-phone`) under `/p/`: the HTML never cached (the token rides in
 * its fragment; a stale page must not linger), hashed assets cached. Without
 * a build, a plain page says how to make one.
 */
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.bin': 'application/octet-stream',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

export const PHONE_NOT_BUILT_PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>OneDoor</title></head>
<body><h1>页面尚未构建 · The page is not built</h1>
<p>npm run build:hall-phone</p></body></html>`;

/** `pathname` starts with `/p/`. */
export async function servePhonePage(req: IncomingMessage, res: ServerResponse, pathname: string, pageDir: string, headers: Record<string, string>): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...headers, allow: 'GET, HEAD' }).end();
    return;
  }
  const root = resolve(pageDir);
  const indexPath = join(root, 'index.html');
  let requested: string;
  try {
    requested = decodeURIComponent(pathname.slice('/p'.length));
  } catch {
    res.writeHead(400, headers).end();
    return;
  }
  const filePath = normalize(join(root, requested === '/' ? 'index.html' : requested));
  if (filePath !== root && !filePath.startsWith(root + sep)) {
    res.writeHead(404, headers).end();
    return;
  }
  const send = (path: string, body: Buffer | string) => {
    res.writeHead(200, {
      ...headers,
      'content-type': CONTENT_TYPES[extname(path)] ?? 'application/octet-stream',
      'cache-control': path === indexPath ? 'no-store' : 'public, max-age=3600',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  const file = await readFile(filePath).catch(() => null);
  if (file) return send(filePath, file);
  if (filePath !== indexPath) {
    res.writeHead(404, { ...headers, 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  send(indexPath, PHONE_NOT_BUILT_PAGE);
}
