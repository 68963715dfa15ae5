/**
 * How a test asks the running host something while the kiosk page holds the
 * browser host's one renderer connection (a second socket is refused): the
 * page's own socket is routed through Playwright (`page.routeWebSocket`), the
 * page's traffic passes both ways untouched, and the test's calls go to the
 * host on the same connection, their replies kept from the page. Set it up
 * before the page opens the kiosk; it follows the page across reloads.
 */
import type { Page, WebSocketRoute } from 'playwright-core';

/** A reply envelope as the host sends it. */
export interface HostReply {
  id: string | null;
  ok: boolean;
  result?: unknown;
  error?: { code: string; messageKey?: string };
}

/** The test's calls on the page's connection. */
export interface HostLink {
  call(method: string, params?: Record<string, unknown>): Promise<HostReply>;
  /** Sends `text` as it is (e.g. garbage); resolves with the next reply that names no request. */
  raw(text: string): Promise<HostReply>;
}

const links = new WeakMap<Page, HostLink>();
const NO_ID = '\u0000no-id';

/** Routes `page`'s host socket through the test; call before the page opens the kiosk. */
export async function linkThroughPage(page: Page): Promise<HostLink> {
  let server: WebSocketRoute | null = null;
  let next = 0;
  const waiting = new Map<string, (reply: HostReply) => void>();
  await page.routeWebSocket(/\/api(\?|$)/, (ws) => {
    const toServer = ws.connectToServer();
    server = toServer;
    ws.onMessage((message) => toServer.send(message));
    // Closes are passed on by hand (a close handler turns Playwright's own forwarding off), noting that the link is down.
    ws.onClose(() => void toServer.close());
    toServer.onClose(() => {
      if (server === toServer) server = null;
      void ws.close();
    });
    toServer.onMessage((message) => {
      const reply = testReply(String(message));
      const key = reply ? (reply.id ?? NO_ID) : undefined;
      const resolve = key === undefined ? undefined : waiting.get(key);
      if (key !== undefined && resolve) {
        waiting.delete(key);
        resolve(reply!);
        return;
      }
      ws.send(message);
    });
  });
  const send = (key: string, text: string): Promise<HostReply> =>
    new Promise((resolve, reject) => {
      if (!server) return reject(new Error('the page has not connected to the host yet'));
      const timer = setTimeout(() => {
        waiting.delete(key);
        reject(new Error('the host did not answer on the page\'s connection within 5 s'));
      }, 5_000);
      waiting.set(key, (reply) => {
        clearTimeout(timer);
        resolve(reply);
      });
      server.send(text);
    });
  const link: HostLink = {
    call: (method, params = {}) => {
      const id = `test-link-${++next}`;
      return send(id, JSON.stringify({ v: 1, type: 'call', id, method, params }));
    },
    raw: (text) => send(NO_ID, text),
  };
  links.set(page, link);
  return link;
}

/** The link set up on `page` by {@link linkThroughPage}. */
export function linkOf(page: Page): HostLink {
  const link = links.get(page);
  if (!link) throw new Error('no host link on this page: call linkThroughPage(page) before it opens the kiosk');
  return link;
}

function testReply(text: string): HostReply | undefined {
  try {
    const parsed = JSON.parse(text) as { type?: unknown; id?: unknown };
    if (parsed.type !== 'reply') return undefined;
    const id = typeof parsed.id === 'string' && parsed.id.startsWith('test-link-') ? parsed.id : parsed.id == null ? null : undefined;
    return id === undefined ? undefined : (parsed as HostReply);
  } catch {
    return undefined;
  }
}
