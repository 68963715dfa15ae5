/**
 * Command and response APDUs (ISO/IEC 7816-4 §5.1), short form only: the
 * permit's files are small, so Lc and Le are one byte each (Le 00 = 256).
 * Decoding never throws.
 */
import { err, ok, type Result } from '../../domain/result';

export interface CommandApdu {
  cla: number;
  ins: number;
  p1: number;
  p2: number;
  /** Command data (Lc bytes); empty for none. */
  data: Uint8Array;
  /** Bytes expected back (1–256); undefined when none are expected. */
  le?: number;
}

export interface ResponseApdu {
  data: Uint8Array;
  /** SW1 SW2 as one number, e.g. 0x9000. */
  sw: number;
}

export type ApduError = { kind: 'tooShort'; length: number } | { kind: 'badLength'; message: string };

/** Encodes a command (case 1–4, short). */
export function encodeCommand(command: CommandApdu): Uint8Array {
  const { cla, ins, p1, p2, data, le } = command;
  for (const [name, byte] of [['CLA', cla], ['INS', ins], ['P1', p1], ['P2', p2]] as const) {
    if (!Number.isInteger(byte) || byte < 0 || byte > 0xff) throw new RangeError(`${name} ${byte} is not a byte`);
  }
  if (data.length > 255) throw new RangeError('command data longer than 255 bytes (short APDU)');
  if (le !== undefined && (!Number.isInteger(le) || le < 1 || le > 256)) throw new RangeError(`Le ${le} out of 1..256`);
  const bytes = [cla, ins, p1, p2];
  if (data.length > 0) bytes.push(data.length, ...data);
  if (le !== undefined) bytes.push(le === 256 ? 0 : le);
  return Uint8Array.from(bytes);
}

/** Decodes a short command APDU (the simulator's side). */
export function decodeCommand(bytes: Uint8Array): Result<CommandApdu, ApduError> {
  if (bytes.length < 4) return err({ kind: 'tooShort', length: bytes.length });
  const [cla, ins, p1, p2] = [bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]!];
  const body = bytes.subarray(4);
  if (body.length === 0) return ok({ cla, ins, p1, p2, data: new Uint8Array(0) });
  if (body.length === 1) return ok({ cla, ins, p1, p2, data: new Uint8Array(0), le: body[0] === 0 ? 256 : body[0]! });
  const lc = body[0]!;
  if (lc === 0) return err({ kind: 'badLength', message: 'Lc 00 starts an extended APDU, which this card does not take' });
  if (body.length === 1 + lc) return ok({ cla, ins, p1, p2, data: body.slice(1) });
  if (body.length === 2 + lc) {
    const le = body[1 + lc]!;
    return ok({ cla, ins, p1, p2, data: body.slice(1, 1 + lc), le: le === 0 ? 256 : le });
  }
  return err({ kind: 'badLength', message: `Lc ${lc} does not match the ${body.length - 1} bytes after it` });
}

/** Encodes a response: data then SW1 SW2. */
export function encodeResponse(response: ResponseApdu): Uint8Array {
  const out = new Uint8Array(response.data.length + 2);
  out.set(response.data, 0);
  out[out.length - 2] = (response.sw >> 8) & 0xff;
  out[out.length - 1] = response.sw & 0xff;
  return out;
}

/** Decodes a response: at least SW1 SW2. */
export function decodeResponse(bytes: Uint8Array): Result<ResponseApdu, ApduError> {
  if (bytes.length < 2) return err({ kind: 'tooShort', length: bytes.length });
  return ok({ data: bytes.slice(0, -2), sw: (bytes[bytes.length - 2]! << 8) | bytes[bytes.length - 1]! });
}

/** `9000`, `6A82`: how status words are written in logs and docs. */
export const swHex = (sw: number): string => sw.toString(16).toUpperCase().padStart(4, '0');
