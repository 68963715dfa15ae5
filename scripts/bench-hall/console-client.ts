/**
 * The console as the bench's observer: an officer added with the hall's own
 * function, signed in through `POST /api/login` (Origin sent, as a browser
 * does), then `/api/live` opened with the session cookie and the Origin.
 * Every message is checked against the console contract; help calls are
 * timestamped on arrival with `Date.now()` (the kiosks stamp the press with
 * `Date.now()` too, on the same machine).
 */
import { WebSocket } from 'ws';
import { LiveMessage } from '../../hall/contract/console-api';
import { addOfficer } from '../../hall/server/auth/officers';
import type { HallDb } from '../../hall/server/store/hall-db';

export interface LiveConsole {
  /** Help calls seen: callId → `Date.now()` at arrival (the first `helpCall` message of that call). */
  readonly helpCallsAt: ReadonlyMap<string, number>;
  counts(): { kiosk: number; helpCall: number; other: number; invalid: number };
  close(): void;
}

const OFFICER = { username: 'bench-officer', role: 'officer' as const, password: 'bench-officer-password' };

export async function openLiveConsole(db: Pick<HallDb, 'query'>, origin: string): Promise<LiveConsole> {
  const added = await addOfficer(db, OFFICER);
  if (!added.ok && added.error !== 'exists') throw new Error(`the bench officer could not be added: ${added.error}`);
  const res = await fetch(`${origin}/api/login`, {
    method: 'POST',
    headers: { origin, 'content-type': 'application/json' },
    body: JSON.stringify({ username: OFFICER.username, password: OFFICER.password }),
  });
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (res.status !== 200 || !cookie) throw new Error(`console login refused: HTTP ${res.status} ${await res.text()}`);

  const helpCallsAt = new Map<string, number>();
  const counts = { kiosk: 0, helpCall: 0, other: 0, invalid: 0 };
  const ws = new WebSocket(`${origin.replace(/^http/, 'ws')}/api/live`, { headers: { origin, cookie } });
  ws.on('message', (data: Buffer) => {
    const at = Date.now();
    let parsed: ReturnType<typeof LiveMessage.safeParse>;
    try {
      parsed = LiveMessage.safeParse(JSON.parse(data.toString('utf8')));
    } catch {
      counts.invalid += 1;
      return;
    }
    if (!parsed.success) {
      counts.invalid += 1;
      return;
    }
    const message = parsed.data;
    switch (message.type) {
      case 'helpCall':
        counts.helpCall += 1;
        if (!helpCallsAt.has(message.call.callId)) helpCallsAt.set(message.call.callId, at);
        return;
      case 'kiosk':
        counts.kiosk += 1;
        return;
      case 'alert':
      case 'supervision':
      case 'proxyCase':
        counts.other += 1;
        return;
    }
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', (_req, r) => reject(new Error(`/api/live refused: HTTP ${r.statusCode ?? 0}`)));
    ws.once('error', reject);
  });
  return { helpCallsAt, counts: () => ({ ...counts }), close: () => ws.close() };
}
