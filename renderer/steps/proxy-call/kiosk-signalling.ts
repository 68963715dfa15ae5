/**
 * The call's signalling at the kiosk: the renderer holds the WebRTC call and
 * its host relays the messages to the hall over MQTT — the KioskApi call
 * `proxy.signal` out, the event `proxy.signal` in. Incoming messages are
 * checked against the contract and kept only for this session's case; the
 * hall has stamped who sent them. Nothing here is logged (SDP and ICE
 * candidates carry addresses).
 */
import type { z } from 'zod';
import type { KioskApi } from '../../../electron/contract';
import { ProxySignalEvent, type ProxyCaseId, type ProxySignalParams } from '../../../electron/contract/proxy';
import type { Result } from '../../../domain/result';
import type { CallSignalling } from '../../proxy-call/mesh-types';

/** The part of the KioskApi the relay needs. */
export interface SignalRelayApi {
  call(method: 'proxy.signal', params: z.input<typeof ProxySignalParams>): Promise<Result<unknown, unknown>>;
  on(event: 'proxy.signal', handler: (payload: unknown) => void): () => void;
}

/**
 * The KioskApi as the relay. `proxy.signal` (call and event) joins the
 * contract with the host's proxy side (electron/contract/calls.ts, events.ts);
 * once it is there KioskApi satisfies {@link SignalRelayApi} as it is and this
 * cast can go.
 */
export function signalRelayOf(api: KioskApi): SignalRelayApi {
  return api as unknown as SignalRelayApi;
}

/** {@link CallSignalling} for the kiosk (`self` = kiosk) in session `sessionId`, case `caseId`. */
export function kioskSignalling(api: SignalRelayApi, sessionId: string, caseId: ProxyCaseId): CallSignalling {
  return {
    send(to, body) {
      // The kiosk only ever talks to the phone and the console; the host refuses anything for another case.
      if (to === 'kiosk') return;
      void api.call('proxy.signal', { sessionId, caseId, to, body });
    },
    onSignal(handler) {
      return api.on('proxy.signal', (payload) => {
        const parsed = ProxySignalEvent.safeParse(payload);
        if (!parsed.success || parsed.data.sessionId !== sessionId || parsed.data.caseId !== caseId) return;
        handler(parsed.data.from, parsed.data.body);
      });
    },
  };
}
