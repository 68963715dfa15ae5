import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { LiveMessage } from '../../../hall/contract/console-api';
import { ConsoleClient, insertHelpCall, insertKiosk, startHarness, type Harness } from './harness';

let hall: Harness;
let wang: ConsoleClient;
beforeAll(async () => {
  hall = await startHarness();
  wang = new ConsoleClient(hall.origin);
  await wang.login('wang');
  await insertKiosk(hall.db, 'HB-KIOSK-01');
}, 30_000);
afterAll(async () => {
  await hall?.close();
});

/** Opens /api/live as the browser console would; resolves with the socket and its parsed messages, or with the refusal status. */
function openLive(headers: Record<string, string>): Promise<{ ws: WebSocket; messages: LiveMessage[]; next: (pred: (m: LiveMessage) => boolean) => Promise<LiveMessage> } | { refused: number }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${hall.origin.replace('http', 'ws')}/api/live`, { headers });
    const messages: LiveMessage[] = [];
    const waiters: Array<{ pred: (m: LiveMessage) => boolean; resolve: (m: LiveMessage) => void }> = [];
    ws.on('message', (data: Buffer) => {
      const message = LiveMessage.parse(JSON.parse(data.toString()));
      messages.push(message);
      for (const w of [...waiters]) if (w.pred(message)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(message);
      }
    });
    const next = (pred: (m: LiveMessage) => boolean) =>
      new Promise<LiveMessage>((res) => {
        const seen = messages.find(pred);
        if (seen) res(seen);
        else waiters.push({ pred, resolve: res });
      });
    ws.once('open', () => resolve({ ws, messages, next }));
    ws.once('unexpected-response', (_req, res) => resolve({ refused: res.statusCode ?? 0 }));
    ws.once('error', reject);
  });
}

describe('the live feed', () => {
  it('pushes a help call (and its kiosk’s new count) when the link reports one', async () => {
    const live = await openLive({ origin: hall.origin, cookie: wang.cookie ?? '' });
    if ('refused' in live) throw new Error(`refused ${live.refused}`);
    try {
      await insertHelpCall(hall.db, 'HB-KIOSK-01', 'call-live-1');
      hall.link.change({ type: 'helpCall', kioskId: 'HB-KIOSK-01', callId: 'call-live-1' });
      const call = await live.next((m) => m.type === 'helpCall' && m.call.callId === 'call-live-1');
      expect(call).toMatchObject({ type: 'helpCall', call: { kioskId: 'HB-KIOSK-01', state: 'waiting', reason: 'button', step: 'photo' } });
      const kiosk = await live.next((m) => m.type === 'kiosk');
      expect(kiosk).toMatchObject({ type: 'kiosk', kiosk: { kioskId: 'HB-KIOSK-01', waitingHelpCalls: 1 } });
    } finally {
      live.ws.close();
    }
  });

  it('tells every console when one officer claims a call, and pushes supervision and its end', async () => {
    const zhao = new ConsoleClient(hall.origin);
    await zhao.login('zhao');
    const live = await openLive({ origin: hall.origin, cookie: zhao.cookie ?? '' });
    if ('refused' in live) throw new Error(`refused ${live.refused}`);
    try {
      await insertHelpCall(hall.db, 'HB-KIOSK-01', 'call-live-2');
      expect((await wang.post('/api/help-calls/call-live-2/claim', { etaMinutes: 3 })).status).toBe(200);
      expect(await live.next((m) => m.type === 'helpCall' && m.call.callId === 'call-live-2')).toMatchObject({ call: { state: 'claimed', claimedBy: 'wang', etaMinutes: 3 } });

      const session = { sessionId: 's-9', serviceId: null, category: null, step: null, stepSince: null, startedAt: '2026-12-03T01:58:00.000Z', nameMasked: null, idNumberMasked: null };
      await hall.db.query('INSERT INTO supervision (kiosk_id, session, updated_at) VALUES ($1, $2, now())', ['HB-KIOSK-01', JSON.stringify(session)]);
      hall.link.change({ type: 'supervision', kioskId: 'HB-KIOSK-01' });
      expect(await live.next((m) => m.type === 'supervision' && m.session !== null)).toMatchObject({ kioskId: 'HB-KIOSK-01', session: { session: { sessionId: 's-9' } } });
      await hall.db.query(`DELETE FROM supervision WHERE kiosk_id = 'HB-KIOSK-01'`);
      hall.link.change({ type: 'supervision', kioskId: 'HB-KIOSK-01' });
      expect(await live.next((m) => m.type === 'supervision' && m.session === null)).toEqual({ type: 'supervision', kioskId: 'HB-KIOSK-01', session: null });
    } finally {
      live.ws.close();
    }
  });

  it('refuses a socket without a session (401) or from a foreign page (403)', async () => {
    expect(await openLive({ origin: hall.origin })).toEqual({ refused: 401 });
    expect(await openLive({ origin: 'http://evil.example', cookie: wang.cookie ?? '' })).toEqual({ refused: 403 });
    expect(await openLive({ cookie: wang.cookie ?? '' })).toEqual({ refused: 403 });
  });

  it('closes a console’s socket when it signs out', async () => {
    const sun = new ConsoleClient(hall.origin);
    await sun.login('zhao');
    const live = await openLive({ origin: hall.origin, cookie: sun.cookie ?? '' });
    if ('refused' in live) throw new Error(`refused ${live.refused}`);
    const closed = new Promise<number>((resolve) => live.ws.once('close', (code) => resolve(code)));
    await sun.post('/api/logout');
    expect(await closed).toBe(4001);
  });

  it('closes a console’s socket once its session has been idle 30 minutes', async () => {
    const quick = await startHarness({ liveSweepMs: 100 });
    try {
      const client = new ConsoleClient(quick.origin);
      await client.login('wang');
      const ws = new WebSocket(`${quick.origin.replace('http', 'ws')}/api/live`, { headers: { origin: quick.origin, cookie: client.cookie ?? '' } });
      await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
      const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
      quick.clock.now = new Date(quick.clock.now.getTime() + 30 * 60_000);
      expect(await closed).toBe(4001);
    } finally {
      await quick.close();
    }
  }, 60_000);
});
