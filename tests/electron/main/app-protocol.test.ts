import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createAppProtocolHandler, mimeTypeFor, resolveAppPath } from '../../../electron/main/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/csp';

const root = path.resolve('/opt/onedoor/dist/renderer');

describe('resolveAppPath', () => {
  it('maps the app origin into the renderer folder', () => {
    expect(resolveAppPath(root, 'app://kiosk/')).toEqual({ ok: true, value: path.join(root, 'index.html') });
    expect(resolveAppPath(root, 'app://kiosk/index.html')).toEqual({ ok: true, value: path.join(root, 'index.html') });
    expect(resolveAppPath(root, 'app://kiosk/assets/app-1a2b.js?v=1#x')).toEqual({ ok: true, value: path.join(root, 'assets', 'app-1a2b.js') });
    expect(resolveAppPath(root, 'app://kiosk/fonts/%E5%AE%8B.woff2')).toEqual({ ok: true, value: path.join(root, 'fonts', '宋.woff2') });
  });

  it.each([
    'app://kiosk/../../etc/passwd',
    'app://kiosk/%2e%2e/%2e%2e/etc/passwd',
    'app://kiosk/assets/..%2f..%2f..%2fetc%2fpasswd',
    'app://kiosk/assets/%2E%2E%2F%2E%2E%2Fsecret',
    'app://kiosk/..%5c..%5cwindows%5cwin.ini',
    'app://kiosk/assets%5c..%5c..%5csecret',
    'app://kiosk/index.html%00.png',
    'app://kiosk/%E0%A4%A',
    'app://kiosk//etc/passwd',
  ])('refuses traversal %s', (url) => {
    const result = resolveAppPath(root, url);
    if (result.ok) {
      // Only acceptable if it stayed inside the root (e.g. a doubled slash).
      expect(result.value.startsWith(root + path.sep)).toBe(true);
    } else {
      expect([400, 403, 404]).toContain(result.error.status);
    }
  });

  it('never resolves outside the root', () => {
    for (const url of ['app://kiosk/../../etc/passwd', 'app://kiosk/%2e%2e/x', 'app://kiosk/a/..%2F..%2F..%2Fx', 'app://kiosk/..%5Cx']) {
      const result = resolveAppPath(root, url);
      expect(result.ok && !result.value.startsWith(root + path.sep), url).toBe(false);
    }
  });

  it('refuses other hosts and schemes', () => {
    expect(resolveAppPath(root, 'app://evil/index.html')).toEqual({ ok: false, error: { status: 403 } });
    expect(resolveAppPath(root, 'file:///etc/passwd')).toEqual({ ok: false, error: { status: 403 } });
    expect(resolveAppPath(root, 'app://kiosk:81/index.html')).toEqual({ ok: false, error: { status: 403 } });
    expect(resolveAppPath(root, 'not a url')).toEqual({ ok: false, error: { status: 400 } });
  });

  it('knows the renderer file types', () => {
    expect(mimeTypeFor('a/index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeFor('a/app.JS')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('a/model.bin')).toBe('application/octet-stream');
    expect(mimeTypeFor('a/noext')).toBe('application/octet-stream');
  });
});

describe('app protocol handler', () => {
  const files = new Map([[path.join(root, 'index.html'), new TextEncoder().encode('<!doctype html>')]]);
  const readFile = vi.fn(async (file: string) => {
    const body = files.get(file);
    if (!body) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    return body;
  });
  const handle = createAppProtocolHandler(root, readFile);

  it('serves files with the CSP and nosniff headers', async () => {
    const response = await handle(new Request('app://kiosk/'));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('<!doctype html>');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('refuses traversal without touching the disk', async () => {
    readFile.mockClear();
    const response = await handle(new Request('app://kiosk/%2e%2e/%2e%2e/etc/passwd'));
    expect(response.status).toBeGreaterThanOrEqual(400);
    const encoded = await handle(new Request('app://kiosk/assets/..%2f..%2f..%2fetc%2fpasswd'));
    expect(encoded.status).toBe(403);
    for (const [file] of readFile.mock.calls) expect(file.startsWith(root + path.sep)).toBe(true);
  });

  it('answers 404 for missing files and 405 for writes', async () => {
    expect((await handle(new Request('app://kiosk/missing.js'))).status).toBe(404);
    expect((await handle(new Request('app://kiosk/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });
});
