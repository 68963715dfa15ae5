/**
 * One interface for every contactless reader the endorsement writer may sit
 * on: PC/SC (pcsc.ts, through the `pcsclite` binding) and the simulator's
 * reader (simulator.ts). It carries APDUs, nothing of the permit's layout.
 */
import type { Result } from '../../domain/result';

export type LinkProblem =
  /** No reader by that name (unplugged, pcscd down, the binding missing). */
  | { kind: 'noReader'; message: string }
  /** The reader is there, no card lies on it. */
  | { kind: 'noCard'; message: string }
  /** The card left the field while talking to it. */
  | { kind: 'cardRemoved'; message: string }
  | { kind: 'io'; message: string };

/** A card lying on the reader, connected. */
export interface CardLink {
  /** Answer to reset (ATS for contactless), for diagnostics. */
  readonly atr: Uint8Array;
  /** Sends one command APDU, resolves with the response APDU bytes (data + SW1 SW2). Never rejects. */
  transmit(command: Uint8Array): Promise<Result<Uint8Array, LinkProblem>>;
  /** Leaves the card; never rejects. */
  disconnect(): Promise<void>;
}

export interface ApduTransportEvents {
  cardPresent: () => void;
  cardAbsent: () => void;
  /** The reader went away (pulled, pcscd stopped). */
  readerLost: (message: string) => void;
}

export interface ApduTransport {
  /** E.g. `pcsc:ACS ACR1252 1S CL Reader PICC 0`, `simulated`. */
  readonly description: string;
  /** Finds the reader; an expected failure is a value. Never rejects. */
  open(): Promise<Result<void, LinkProblem>>;
  close(): Promise<void>;
  readonly cardPresent: boolean;
  /** Connects to the card lying on the reader now. Never rejects. */
  connect(): Promise<Result<CardLink, LinkProblem>>;
  on<E extends keyof ApduTransportEvents>(event: E, listener: ApduTransportEvents[E]): () => void;
}
