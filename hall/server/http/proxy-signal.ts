/**
 * The console's call signalling socket, `WS /api/proxy/signal?caseId=`:
 * the same Host, Origin and session cookie as `/api/live` (checked by the
 * server before and here), and only the officer who joined the case. What
 * the console sends is validated as SignalOut for this case and relayed as
 * from `console` (the hall stamps the sender); the case's changes and the
 * others' signals come back as ConsoleCallLive. The socket lives no longer
 * than the officer's console session: signing out closes it at once, and
 * `sweep` (the server's live-socket timer) closes it once the session has
 * expired or was ended elsewhere (code 4001, like `/api/live`).
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { PROXY_FINAL_STATES, ProxyCaseId, SignalOut } from '../../../electron/contract/proxy';
import type { ConsoleCallLive } from '../../contract/proxy-api';
import type { ConsoleSession } from '../auth/sessions';
import type { ProxyCaseRegistry } from '../proxy/case-registry.types';

export const PROXY_SIGNAL_PATH = '/api/proxy/signal';
/** An SDP is at most 200 000 characters (the contract's cap), with room for the envelope. */
const MAX_SIGNAL_BYTES = 256 * 1024;
/** The officer's session ended: the console goes back to sign-in. */
const SIGNED_OUT_CODE = 4001;

export interface ProxySignalUpgrade {
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer, url: URL, refuse: (status: string) => void): void;
  /** The session signed out: its call sockets close. */
  endSession(tokenHash: string): void;
  /** Closes the call sockets whose session is no longer live (idle 30 min, past 12 h, ended elsewhere). */
  sweep(now: Date): Promise<void>;
  closeAll(): void;
}

export function createProxySignalUpgrade(options: {
  registry: ProxyCaseRegistry;
  sessionOf: (req: IncomingMessage) => Promise<ConsoleSession | null>;
  /** Whether the session is still live, without counting as the officer's activity. */
  sessionAlive: (tokenHash: string, now: Date) => Promise<boolean>;
  onError: (error: unknown) => void;
}): ProxySignalUpgrade {
  const { registry } = options;
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_SIGNAL_BYTES, perMessageDeflate: false });
  const sockets = new Map<WebSocket, string>();

  function serve(ws: WebSocket, caseId: string, tokenHash: string): void {
    sockets.set(ws, tokenHash);
    const send = (message: ConsoleCallLive) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
    };
    const leaveHub = registry.hub.attach(caseId, 'console', (signal) => send({ type: 'signal', signal }));
    const stopIce = registry.onConsoleIceServers(caseId, (iceServers) => send({ type: 'iceServers', caseId, iceServers }));
    const stopWatching = registry.onCase((view) => {
      if (view.caseId !== caseId) return;
      send({ type: 'case', case: view });
      if (PROXY_FINAL_STATES.includes(view.state)) ws.close(4000, 'case ended');
    });
    registry.attached(caseId, 'console');
    let gone = false;
    const cleanUp = () => {
      if (gone) return;
      gone = true;
      sockets.delete(ws);
      stopWatching();
      stopIce();
      leaveHub();
      registry.detached(caseId, 'console');
    };
    ws.on('close', cleanUp);
    ws.on('error', cleanUp);
    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (isBinary) return;
      let json: unknown;
      try {
        json = JSON.parse(rawText(data));
      } catch {
        return;
      }
      const parsed = SignalOut.safeParse(json);
      // Another case's signal or one addressed to itself is dropped: this socket speaks for this case's console only.
      if (!parsed.success || parsed.data.caseId !== caseId || parsed.data.to === 'console') return;
      registry.hub.relay(caseId, 'console', parsed.data.to, parsed.data.body);
    });
    const current = registry.list('all').find((view) => view.caseId === caseId);
    if (current) send({ type: 'case', case: current });
  }

  return {
    upgrade(req, socket, head, url, refuse) {
      const caseId = ProxyCaseId.safeParse(url.searchParams.get('caseId'));
      if (!caseId.success) return refuse('400 Bad Request');
      void options.sessionOf(req).then(
        (session) => {
          if (!session) return refuse('401 Unauthorized');
          const view = registry.list('all').find((entry) => entry.caseId === caseId.data);
          if (!view) return refuse('404 Not Found');
          // Only the officer who joined this case hears and speaks in its call.
          if (view.officer?.staffNumber !== session.username) return refuse('403 Forbidden');
          if (PROXY_FINAL_STATES.includes(view.state)) return refuse('410 Gone');
          wss.handleUpgrade(req, socket, head, (ws) => serve(ws, caseId.data, session.tokenHash));
        },
        (error: unknown) => {
          options.onError(error);
          refuse('500 Internal Server Error');
        },
      );
    },
    endSession(tokenHash) {
      for (const [ws, hash] of sockets) if (hash === tokenHash) ws.close(SIGNED_OUT_CODE, 'signed out');
    },
    async sweep(now) {
      const hashes = new Set(sockets.values());
      for (const tokenHash of hashes) {
        if (await options.sessionAlive(tokenHash, now)) continue;
        for (const [ws, hash] of sockets) if (hash === tokenHash) ws.close(SIGNED_OUT_CODE, 'session ended');
      }
    },
    closeAll() {
      for (const ws of sockets.keys()) ws.terminate();
      sockets.clear();
      wss.close();
    },
  };
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data as ArrayBuffer).toString('utf8');
}
