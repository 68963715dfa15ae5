/**
 * `proxy.signal`: the kiosk renderer's WebRTC signalling for the session's
 * current, live proxy case, relayed to the hall (which stamps the sender
 * itself). Refused for another case, a case no longer live, or no hall.
 * The signal itself is never logged.
 */
import type { CallHandlers } from '../api/dispatch';
import { kioskError } from '../api/dispatch';
import type { KioskProxy } from './proxy-desk';

export function proxySignalHandlers(proxy: Pick<KioskProxy, 'signal'>): Pick<CallHandlers, 'proxy.signal'> {
  return {
    'proxy.signal': ({ sessionId, caseId, to, body }) => {
      const sent = proxy.signal(sessionId, caseId, to, body);
      if (sent.ok) return { ok: true, value: sent.value };
      switch (sent.error) {
        case 'noSession':
          return { ok: false, error: kioskError('noSession') };
        case 'notThisCase':
        case 'caseNotLive':
          return { ok: false, error: { code: 'invalidParams', messageKey: 'errors.invalidParams', details: { reason: sent.error } } };
        case 'hallUnavailable':
          return { ok: false, error: { code: 'deviceUnavailable', messageKey: 'errors.deviceUnavailable', details: { reason: sent.error } } };
        default: {
          const unknown: never = sent.error;
          return unknown;
        }
      }
    },
  };
}
