/**
 * Streaming decoder for a scanner in serial line mode: each code arrives as
 * its UTF-8 bytes followed by the configured suffix, in whatever chunks the
 * OS delivers. Torn and merged chunks decode the same; garbage is tolerated:
 * an over-long line is dropped (up to its terminator) with a typed error, a
 * line that is not UTF-8 is dropped with a typed error, empty lines (a stray
 * terminator, the LF of a CRLF scanner set to CR) are skipped.
 */
import type { Result } from '../../domain/result';
import type { LineSuffix } from './config';

/** Why a line was dropped. Never carries the line's content (it may be personal data). */
export type LineError =
  | { kind: 'overlong'; maxLength: number; message: string }
  | { kind: 'invalidUtf8'; length: number; message: string };

/** One decoded line or one dropped line, in arrival order. */
export type LineEvent = Result<string, LineError>;

export interface LineDecoderOptions {
  suffix: LineSuffix;
  /** Longest line accepted, in bytes, suffix excluded. Default 4096. */
  maxLength?: number;
}

/** A stateful decoder: feed it chunks, get the lines completed so far. */
export interface LineDecoder {
  push(chunk: Uint8Array): LineEvent[];
  /** Forgets a partial line (e.g. after a reconnect). */
  reset(): void;
}

const CR = 0x0d;
const LF = 0x0a;

/** Creates a {@link LineDecoder}. */
export function createLineDecoder(options: LineDecoderOptions): LineDecoder {
  const maxLength = Math.max(1, Math.floor(options.maxLength ?? 4096));
  // CRLF is split at LF (a torn CR|LF needs no look-ahead) and the CR stripped.
  const terminator = options.suffix === 'CR' ? CR : LF;
  const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  // One byte of slack holds a CRLF line's CR that is stripped at the LF.
  const buffer = new Uint8Array(maxLength + 1);
  let length = 0;
  let discarding = false;

  function finish(out: LineEvent[]): void {
    if (discarding) {
      discarding = false;
      length = 0;
      return;
    }
    let start = 0;
    let end = length;
    length = 0;
    if (options.suffix === 'CRLF' && end > start && buffer[end - 1] === CR) end -= 1;
    // A CRLF scanner configured as CR: the LF starts the next line.
    if (options.suffix === 'CR' && end > start && buffer[start] === LF) start += 1;
    if (end <= start) return;
    if (end - start > maxLength) {
      out.push({ ok: false, error: { kind: 'overlong', maxLength, message: `line longer than ${maxLength} bytes dropped` } });
      return;
    }
    try {
      out.push({ ok: true, value: utf8.decode(buffer.subarray(start, end)) });
    } catch {
      out.push({ ok: false, error: { kind: 'invalidUtf8', length: end - start, message: `line of ${end - start} bytes is not UTF-8; dropped` } });
    }
  }

  return {
    push(chunk) {
      const out: LineEvent[] = [];
      for (const byte of chunk) {
        if (byte === terminator) {
          finish(out);
          continue;
        }
        if (discarding) continue;
        if (length >= buffer.length) {
          // Too long: report once, then skip everything up to the next terminator.
          discarding = true;
          length = 0;
          out.push({ ok: false, error: { kind: 'overlong', maxLength, message: `line longer than ${maxLength} bytes dropped` } });
          continue;
        }
        buffer[length++] = byte;
      }
      return out;
    },
    reset() {
      length = 0;
      discarding = false;
    },
  };
}
