/**
 * Fingerprint templates of the simulation (the simulated scanner, the sample
 * cards' fingerprint blocks, the sandbox back-end's 1:1 matcher). Real
 * templates are vendor minutiae that only a real matcher compares; these
 * carry the "finger identity" they stand for instead, so the sandbox can
 * decide match/noMatch the way a matcher would for the same person or not.
 *
 * Layout (512 bytes, like one template of the card's 1024-byte block):
 *   0..3  `OSFP` marker     4  version 1
 *   5     finger code (指位, 11–20; 0 unknown) — GA card templates keep the
 *         finger code at byte 5 too [K]
 *   6     quality (0–100)   7  reserved
 *   8..23 first 16 bytes of SHA-256 of the person key (e.g. the ID number)
 *   24..  filler derived from the person key and finger (looks like data)
 */
import { createHash } from 'node:crypto';

export const SIM_TEMPLATE_SIZE = 512;
/** The card's fingerprint block: two templates. */
export const SIM_CARD_FINGERPRINTS_SIZE = 2 * SIM_TEMPLATE_SIZE;
/** The person key the dock uses for "someone else's finger". */
export const SOMEONE_ELSE = 'someone-else';
/** The fingers a card's block holds in the simulation: 右手拇指, 左手拇指. */
export const SIM_CARD_FINGERS = [11, 16] as const;

const MARKER = [0x4f, 0x53, 0x46, 0x50];
const PERSON_AT = 8;
const PERSON_BYTES = 16;

const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/** A simulated template of `person`'s `finger` read at `quality`. */
export function simulatedTemplate(person: string, finger: number, quality: number, length = SIM_TEMPLATE_SIZE): Uint8Array {
  const out = new Uint8Array(Math.max(length, PERSON_AT + PERSON_BYTES));
  out.set(MARKER, 0);
  out[4] = 1;
  out[5] = finger & 0xff;
  out[6] = Math.max(0, Math.min(100, Math.round(quality)));
  out.set(sha256(person).subarray(0, PERSON_BYTES), PERSON_AT);
  let block = sha256(`${person}#${finger}`);
  for (let at = PERSON_AT + PERSON_BYTES; at < out.length; at += block.length) {
    out.set(block.subarray(0, Math.min(block.length, out.length - at)), at);
    block = createHash('sha256').update(block).digest();
  }
  return out;
}

/** The person tag of a simulated template (hex), or undefined for anything else. */
export function simulatedPersonOf(template: Uint8Array): string | undefined {
  if (template.length < PERSON_AT + PERSON_BYTES || MARKER.some((b, i) => template[i] !== b) || template[4] !== 1) return undefined;
  return Buffer.from(template.subarray(PERSON_AT, PERSON_AT + PERSON_BYTES)).toString('hex');
}

/** The finger code of a simulated template, or undefined. */
export function simulatedFingerOf(template: Uint8Array): number | undefined {
  return simulatedPersonOf(template) === undefined ? undefined : template[5];
}

/** The 1024-byte fingerprint block of `person`'s card (thumbs, right then left). */
export function simulatedCardFingerprints(person: string): Uint8Array {
  const out = new Uint8Array(SIM_CARD_FINGERPRINTS_SIZE);
  SIM_CARD_FINGERS.forEach((finger, i) => out.set(simulatedTemplate(person, finger, 90), i * SIM_TEMPLATE_SIZE));
  return out;
}
