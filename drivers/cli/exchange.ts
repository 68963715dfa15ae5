/**
 * One GA 467 request/answer for diagnostics, over the driver's own
 * {@link FrameExchange}: the answer frame, or a one-line reason.
 */
import { FrameExchange } from '../idcard/exchange';
import type { ResponseFrame } from '../idcard/frame';
import type { Transport } from '../transport/transport';

/** The answer, or why there is none. */
export type ExchangeResult = { ok: true; frame: ResponseFrame } | { ok: false; error: string };

/** Sends `command` and resolves with the reader's answer within `timeoutMs`. */
export async function exchange(transport: Transport, command: Uint8Array, timeoutMs: number): Promise<ExchangeResult> {
  const frames = new FrameExchange(transport);
  const offData = transport.on('data', (chunk) => frames.receive(chunk));
  const offGone = transport.on('disconnected', (reason) => frames.cancel({ kind: 'closed', message: reason.message }));
  try {
    const outcome = await frames.send(command, timeoutMs);
    switch (outcome.kind) {
      case 'frame':
        return { ok: true, frame: outcome.frame };
      case 'timeout':
        return { ok: false, error: `no answer within ${timeoutMs} ms` };
      case 'corrupt':
        return { ok: false, error: `corrupt answer: ${outcome.message}` };
      case 'closed':
        return { ok: false, error: `port closed: ${outcome.message}` };
      case 'cancelled':
        return { ok: false, error: 'cancelled' };
    }
  } finally {
    offData();
    offGone();
  }
}
