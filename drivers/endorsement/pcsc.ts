/**
 * The endorsement writer's contactless reader over PC/SC, through the
 * `pcsclite` npm package (santigimeno/node-pcsclite, a native binding over
 * libpcsclite). It is not a dependency of the kiosk: it needs libpcsclite-dev
 * to build, so a site with a real writer installs it (`npm install pcsclite`)
 * and names the reader in `devices.endorsementWriter`; it is loaded with a
 * dynamic import only then. Only the small surface used here is typed.
 */
import { err, ok, type Result } from '../../domain/result';
import type { Timers } from '../manager/timers';
import { createEmitter } from '../transport/transport-events';
import type { ApduTransport, ApduTransportEvents, CardLink, LinkProblem } from './transport';

/** The part of a pcsclite reader the adapter uses. */
export interface PcscReader {
  readonly name: string;
  readonly SCARD_STATE_PRESENT: number;
  readonly SCARD_SHARE_SHARED: number;
  readonly SCARD_LEAVE_CARD: number;
  on(event: 'status', listener: (status: { state: number; atr?: Uint8Array }) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  connect(options: { share_mode: number }, callback: (error: Error | null | undefined, protocol: number) => void): void;
  transmit(data: Uint8Array, responseLength: number, protocol: number, callback: (error: Error | null | undefined, data: Uint8Array) => void): void;
  disconnect(disposition: number, callback: (error?: Error | null) => void): void;
  close(): void;
}

/** A PC/SC context (what `require('pcsclite')()` returns). */
export interface PcscContext {
  on(event: 'reader', listener: (reader: PcscReader) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  close(): void;
}

export type PcscFactory = () => PcscContext;

/** Loads the binding; a missing package is a value, with what to install. */
export async function loadPcsclite(): Promise<Result<PcscFactory, string>> {
  // A variable specifier: the package is optional, and neither TypeScript nor the bundler may resolve it.
  const specifier = 'pcsclite';
  try {
    const loaded = (await import(specifier)) as { default?: unknown };
    const factory = typeof loaded.default === 'function' ? loaded.default : loaded;
    return typeof factory === 'function' ? ok(factory as PcscFactory) : err('the pcsclite package exports no function');
  } catch (error) {
    return err(`the pcsclite binding is not installed (apt-get install libpcsclite-dev pcscd; npm install pcsclite): ${error instanceof Error ? error.message : String(error)}`);
  }
}

export interface PcscTransportOptions {
  /** The reader's name or a part of it, e.g. `PICC` or `ACR1252`. */
  readerName: string;
  timers: Timers;
  /** How long `open` waits for pcscd to list the reader (default 3 s). */
  findTimeoutMs?: number;
  /** Default: {@link loadPcsclite}; tests pass a mocked binding. */
  load?: () => Promise<Result<PcscFactory, string>>;
}

/** Longest response: 256 data bytes and SW1 SW2. */
const MAX_RESPONSE = 258;

export function createPcscTransport(options: PcscTransportOptions): ApduTransport {
  const events = createEmitter<ApduTransportEvents>();
  let context: PcscContext | undefined;
  let reader: PcscReader | undefined;
  let cardPresent = false;
  const seen = new Set<string>();

  function attach(found: PcscReader): void {
    reader = found;
    found.on('status', (status) => {
      const present = (status.state & found.SCARD_STATE_PRESENT) !== 0;
      if (present === cardPresent) return;
      cardPresent = present;
      events.emit(present ? 'cardPresent' : 'cardAbsent');
    });
    found.on('end', () => {
      if (reader !== found) return;
      reader = undefined;
      cardPresent = false;
      events.emit('readerLost', `reader "${found.name}" went away`);
    });
    // Errors show up as failed commands; the listener keeps an unhandled 'error' from throwing.
    found.on('error', () => undefined);
  }

  return {
    get description() {
      return `pcsc:${reader?.name ?? options.readerName}`;
    },
    get cardPresent() {
      return reader !== undefined && cardPresent;
    },
    async open() {
      if (context) return reader ? ok(undefined) : err({ kind: 'noReader', message: `no PC/SC reader named "${options.readerName}"` });
      const loaded = await (options.load ?? loadPcsclite)();
      if (!loaded.ok) return err({ kind: 'noReader', message: loaded.error });
      let made: PcscContext;
      try {
        made = loaded.value();
      } catch (error) {
        return err({ kind: 'noReader', message: `PC/SC unavailable (is pcscd running?): ${error instanceof Error ? error.message : String(error)}` });
      }
      context = made;
      return new Promise<Result<void, LinkProblem>>((resolve) => {
        let settled = false;
        const settle = (result: Result<void, LinkProblem>): void => {
          if (settled) return;
          settled = true;
          options.timers.clearTimeout(timer);
          if (!result.ok) {
            context = undefined;
            try {
              made.close();
            } catch {
              /* already gone */
            }
          }
          resolve(result);
        };
        const timer = options.timers.setTimeout(() => {
          const names = [...seen].map((n) => `"${n}"`).join(', ');
          settle(err({ kind: 'noReader', message: `no PC/SC reader named "${options.readerName}" (${names ? `readers: ${names}` : 'no reader listed'})` }));
        }, options.findTimeoutMs ?? 3000);
        made.on('error', (error) => settle(err({ kind: 'noReader', message: `PC/SC error: ${error.message}` })));
        made.on('reader', (found) => {
          seen.add(found.name);
          if (reader || !found.name.includes(options.readerName)) return;
          attach(found);
          settle(ok(undefined));
        });
      });
    },
    async close() {
      const held = context;
      context = undefined;
      reader = undefined;
      cardPresent = false;
      try {
        held?.close();
      } catch {
        /* already gone */
      }
    },
    async connect() {
      const on = reader;
      if (!on) return err({ kind: 'noReader', message: `no PC/SC reader named "${options.readerName}"` });
      if (!cardPresent) return err({ kind: 'noCard', message: `no card on "${on.name}"` });
      const protocol = await new Promise<Result<number, LinkProblem>>((resolve) => {
        on.connect({ share_mode: on.SCARD_SHARE_SHARED }, (error, p) => {
          if (!error) resolve(ok(p));
          else resolve(err(cardPresent ? { kind: 'io', message: `SCardConnect: ${error.message}` } : { kind: 'noCard', message: 'the card left before the connection' }));
        });
      });
      if (!protocol.ok) return protocol;
      const link: CardLink = {
        atr: new Uint8Array(0),
        transmit(command) {
          return new Promise((resolve) => {
            if (reader !== on) return resolve(err({ kind: 'noReader', message: `reader "${on.name}" went away` }));
            if (!cardPresent) return resolve(err({ kind: 'cardRemoved', message: 'the card left the reader' }));
            on.transmit(command, MAX_RESPONSE, protocol.value, (error, data) => {
              if (!error) resolve(ok(new Uint8Array(data)));
              // A card pulled mid-command shows up as a transmit error with the reader's state already empty.
              else resolve(err(cardPresent ? { kind: 'io', message: `SCardTransmit: ${error.message}` } : { kind: 'cardRemoved', message: 'the card left the reader' }));
            });
          });
        },
        disconnect() {
          return new Promise((resolve) => {
            try {
              on.disconnect(on.SCARD_LEAVE_CARD, () => resolve());
            } catch {
              resolve();
            }
          });
        },
      };
      return ok(link);
    },
    on(event, listener) {
      return events.on(event, listener);
    },
  };
}

/** The names of the PC/SC readers pcscd lists within `waitMs` (for the diagnostics CLI). */
export async function listPcscReaders(options: { timers: Timers; waitMs?: number; load?: () => Promise<Result<PcscFactory, string>> }): Promise<Result<string[], string>> {
  const loaded = await (options.load ?? loadPcsclite)();
  if (!loaded.ok) return loaded;
  let context: PcscContext;
  try {
    context = loaded.value();
  } catch (error) {
    return err(`PC/SC unavailable (is pcscd running?): ${error instanceof Error ? error.message : String(error)}`);
  }
  const names: string[] = [];
  context.on('reader', (reader) => names.push(reader.name));
  context.on('error', () => undefined);
  await new Promise<void>((resolve) => options.timers.setTimeout(resolve, options.waitMs ?? 1000));
  try {
    context.close();
  } catch {
    /* already gone */
  }
  return ok(names);
}
