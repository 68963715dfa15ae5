/**
 * The back-end's 1:1 fingerprint comparison (指纹比对): the prints the
 * kiosk's fingerprints step captured against the fingerprint block read
 * from the holder's ID card (GA 467 30 10, two 512-byte templates). Only a
 * real matcher can compare vendor templates, so the kiosk asks the back-end
 * (`POST /v1/ops/fingerprint-compare`, docs/gateway-openapi.yaml); the
 * fingerprints step belongs to the step library, so the library declares
 * this operation (served by `npm run sandbox-gateway` too). It is a read:
 * retrying it is safe. Templates are personal data: they travel only in the
 * request body and are never logged.
 *
 * The sandbox matcher compares simulated templates (drivers/fingerprint/
 * sim-template.ts): a captured print matches when it is of the same person
 * as one of the card's templates. Anything else (random bytes, a real
 * template) matches nothing.
 */
import { z } from 'zod';
import { FingerCode } from '../../contract';
import { simulatedPersonOf, SIM_TEMPLATE_SIZE } from '../../../drivers/fingerprint/sim-template';
import { gatewayOk } from './police-gateway';
import type { BackendOperation } from './operation';

const BASE64 = /^[A-Za-z0-9+/]+=*$/;
/** The card's block: 1024 bytes, 1368 characters of base64. */
const CARD_BLOCK_BASE64 = 1368;
/** The largest captured template accepted (4 KiB of bytes). */
const MAX_TEMPLATE_BASE64 = 5464;

export const FingerprintCompareRequest = z
  .object({
    /** The prints taken at the kiosk: which finger was asked for, and the scanner's template (base64). */
    captured: z.array(z.object({ finger: FingerCode, template: z.string().min(4).max(MAX_TEMPLATE_BASE64).regex(BASE64) }).strict()).min(1).max(10),
    /** The card's fingerprint block (base64 of 1024 bytes). */
    card: z.string().length(CARD_BLOCK_BASE64).regex(BASE64),
  })
  .strict();
export type FingerprintCompareRequest = z.infer<typeof FingerprintCompareRequest>;

/** The matcher's verdict: `score` 0–100, `match` at or above the back-end's own threshold. */
export const FingerprintCompareAnswer = z
  .object({
    outcome: z.enum(['match', 'noMatch']),
    score: z.number().int().min(0).max(100),
  })
  .strict();
export type FingerprintCompareAnswer = z.infer<typeof FingerprintCompareAnswer>;

/** The sandbox's scores: a print of the card's holder, and anyone else's. */
export const SANDBOX_SCORES = { match: 92, noMatch: 8 } as const;

function sandboxCompare(request: FingerprintCompareRequest): FingerprintCompareAnswer {
  const card = Buffer.from(request.card, 'base64');
  const holders = new Set<string>();
  for (let at = 0; at + SIM_TEMPLATE_SIZE <= card.length; at += SIM_TEMPLATE_SIZE) {
    const person = simulatedPersonOf(card.subarray(at, at + SIM_TEMPLATE_SIZE));
    if (person !== undefined) holders.add(person);
  }
  const matched = request.captured.some(({ template }) => {
    const person = simulatedPersonOf(Buffer.from(template, 'base64'));
    return person !== undefined && holders.has(person);
  });
  return matched ? { outcome: 'match', score: SANDBOX_SCORES.match } : { outcome: 'noMatch', score: SANDBOX_SCORES.noMatch };
}

export const fingerprintCompare: BackendOperation<FingerprintCompareRequest, FingerprintCompareAnswer> = {
  name: 'fingerprint-compare',
  request: FingerprintCompareRequest,
  response: FingerprintCompareAnswer,
  sandbox: (request) => gatewayOk(sandboxCompare(request)),
};
