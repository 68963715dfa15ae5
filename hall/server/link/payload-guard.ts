/**
 * First look at a kiosk's payload, before JSON.parse and zod: too large, too
 * deeply nested or carrying NUL characters (which PostgreSQL refuses in text
 * and jsonb, and which would otherwise fail the write on every re-delivery)
 * is refused outright, so a hostile payload costs one linear scan.
 */
import { err, ok, type Result } from '../../../domain/result';

/** The largest payload the hall reads (a 500-row journal batch is well under it). */
export const MAX_LINK_PAYLOAD_BYTES = 512 * 1024;
/** No contract payload nests deeper than ~6 levels; audit details get some room. */
export const MAX_LINK_JSON_DEPTH = 32;

export type PayloadProblem = 'tooLarge' | 'tooDeep' | 'notJson' | 'nulCharacter';

/** Deepest nesting of `[`/`{` outside strings. */
function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth += 1;
      if (depth > deepest) deepest = depth;
    } else if (c === 0x7d || c === 0x5d) depth -= 1;
  }
  return deepest;
}

export function decodeLinkPayload(payload: Buffer): Result<unknown, PayloadProblem> {
  if (payload.length > MAX_LINK_PAYLOAD_BYTES) return err('tooLarge');
  const text = payload.toString('utf8');
  if (text.includes('\u0000') || /\\u0000/i.test(text)) return err('nulCharacter');
  if (jsonDepth(text) > MAX_LINK_JSON_DEPTH) return err('tooDeep');
  try {
    return ok(JSON.parse(text) as unknown);
  } catch {
    return err('notJson');
  }
}
