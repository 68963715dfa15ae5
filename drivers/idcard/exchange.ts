/**
 * One request/answer at a time over a transport: write a GA 467 command,
 * wait for the next answer frame or a timeout. Stale bytes from an earlier
 * exchange are dropped before each write. Never throws.
 */

import type { Transport } from '../transport/transport';
import { Ga467FrameDecoder, type ResponseFrame } from './frame';

/** What came back for one write. */
export type ExchangeOutcome =
  | { kind: 'frame'; frame: ResponseFrame }
  | { kind: 'timeout' }
  /** A frame arrived but its LEN or checksum was bad. */
  | { kind: 'corrupt'; message: string }
  /** The transport is closed or gone. */
  | { kind: 'closed'; message: string }
  | { kind: 'cancelled' };

interface Pending {
  resolve: (outcome: ExchangeOutcome) => void;
  timer: ReturnType<typeof setTimeout>;
}

/** Pairs each command frame with the answer frame that follows it. */
export class FrameExchange {
  private readonly decoder: Ga467FrameDecoder<'response'>;
  private pending: Pending | undefined;

  constructor(
    private readonly transport: Transport,
    maxFrameLength?: number,
  ) {
    this.decoder = new Ga467FrameDecoder({ direction: 'response', maxLength: maxFrameLength });
  }

  /** Feed every `data` chunk of the transport here. Answers nobody waits for are dropped. */
  receive(chunk: Uint8Array): void {
    const items = this.decoder.push(chunk);
    if (this.pending === undefined) return;
    let corrupt: string | undefined;
    for (const item of items) {
      if (item.kind === 'frame') {
        this.settle({ kind: 'frame', frame: item.frame });
        return;
      }
      if (item.reason !== 'noise') corrupt = `discarded a frame (${item.reason})`;
    }
    if (corrupt !== undefined) this.settle({ kind: 'corrupt', message: corrupt });
  }

  /** Writes `frame` and waits up to `timeoutMs` for the answer. Only one exchange may run at a time. */
  send(frame: Uint8Array, timeoutMs: number): Promise<ExchangeOutcome> {
    this.cancel({ kind: 'cancelled' });
    if (!this.transport.isOpen)
      return Promise.resolve({ kind: 'closed', message: `${this.transport.description}: not open` });
    this.decoder.reset();
    const answered = new Promise<ExchangeOutcome>((resolve) => {
      const timer = setTimeout(() => this.settle({ kind: 'timeout' }), timeoutMs);
      this.pending = { resolve, timer };
    });
    const mine = this.pending;
    this.transport.write(frame).then(
      (written) => {
        if (!written.ok && this.pending === mine) this.settle({ kind: 'closed', message: written.error.message });
      },
      (error: unknown) => {
        if (this.pending === mine) this.settle({ kind: 'closed', message: String(error) });
      },
    );
    return answered;
  }

  /** Ends the running exchange, if any, with `outcome`. */
  cancel(outcome: ExchangeOutcome): void {
    if (this.pending !== undefined) this.settle(outcome);
  }

  private settle(outcome: ExchangeOutcome): void {
    const pending = this.pending;
    if (pending === undefined) return;
    this.pending = undefined;
    clearTimeout(pending.timer);
    pending.resolve(outcome);
  }
}
