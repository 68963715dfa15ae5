/**
 * An SMS gateway over HTTP: POST `{ mobile, text }` as JSON with the API key
 * as a bearer token; any 2xx is sent. A failure (refused, unreachable, no
 * answer in time) is `failed`: the kiosk still shows the QR code. Logs never
 * carry the text (it holds the link) nor the full number.
 */
import { err, ok } from '../../../../domain/result';
import type { SmsPort } from '../ports';
import { maskMobile } from './sms-text';

export interface HttpSmsOptions {
  url: string;
  apiKey: string;
  timeoutMs?: number;
  log?: (line: string) => void;
  fetch?: typeof fetch;
}

export function createHttpSms(options: HttpSmsOptions): SmsPort {
  const doFetch = options.fetch ?? fetch;
  return {
    async send(message) {
      try {
        const response = await doFetch(options.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${options.apiKey}` },
          body: JSON.stringify({ mobile: message.mobile, text: message.text }),
          signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
        });
        if (!response.ok) {
          options.log?.(`SMS → ${maskMobile(message.mobile)} refused by the gateway (HTTP ${response.status})`);
          return err('failed');
        }
        const body = (await response.json().catch(() => ({}))) as { messageId?: unknown };
        return ok({ messageId: typeof body.messageId === 'string' ? body.messageId.slice(0, 64) : 'unknown' });
      } catch (error) {
        options.log?.(`SMS → ${maskMobile(message.mobile)} not sent: ${error instanceof Error ? error.name : 'error'}`);
        return err('failed');
      }
    },
  };
}
