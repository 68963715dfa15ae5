/**
 * One GA 467 request/answer for diagnostics, over the driver's own
 * {@link FrameExchange}: the answer frame, or a one-line reason.
 */
import { FrameExchange } from '../idcard/exchange';
import type { ResponseFrame } from '../idcard/frame';
import type { Transport } from '../transport/transport';
import { err, ok, type Result } from '../../domain/result';

/** Why no answer came, with a one-line message for the terminal. */
export type ExchangeFailure = { kind: 'timeout' | 'corrupt' | 'closed' | 'cancelled'; message: string };

/** The answer frame, or why there is none. */
export type ExchangeResult = Result<ResponseFrame, ExchangeFailure>;

/** Sends `command` and resolves with the reader's answer within `timeoutMs`. */
export async function exchange(transport: Transport, command: Uint8Array, timeoutMs: number): Promise<ExchangeResult> {
  const frames = new FrameExchange(transport);
  const offData = transport.on('data', (chunk) => frames.receive(chunk));
  const offGone = transport.on('disconnected', (reason) => frames.cancel({ kind: 'closed', message: reason.message }));
  try {
    const outcome = await frames.send(command, timeoutMs);
    switch (outcome.kind) {
      case 'frame':
        return ok(outcome.frame);
      case 'timeout':
        return err({ kind: 'timeout', message: `no answer within ${timeoutMs} ms` });
      case 'corrupt':
        return err({ kind: 'corrupt', message: `corrupt answer: ${outcome.message}` });
      case 'closed':
        return err({ kind: 'closed', message: `port closed: ${outcome.message}` });
      case 'cancelled':
        return err({ kind: 'cancelled', message: 'cancelled' });
    }
  } finally {
    offData();
    offGone();
  }
}
