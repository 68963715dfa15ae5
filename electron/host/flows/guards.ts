/**
 * The host's transition rules, as pure functions over the flow context, so
 * each is tested on its own (table-driven) and every service reuses them.
 * A machine names them in its `setup({ guards })`.
 */
import type { Identity } from '../../contract';
import type { BaseFlowContext } from './flow-context';

/** Why an identity cannot be used, or null when it can; an expired card is usable only with `acceptExpired` (a renewal). */
export function identityProblem(identity: Identity | null, acceptExpired = false): 'missing' | 'invalidNumber' | 'expired' | null {
  if (!identity) return 'missing';
  if (!identity.idNumberValid) return 'invalidNumber';
  if (identity.expired && !acceptExpired) return 'expired';
  return null;
}

/** A present, valid identity, unexpired unless the run accepts an expired card. */
export function identityUsable(context: BaseFlowContext): boolean {
  return identityProblem(context.identity, context.acceptExpired === true) === null;
}

/** A foreigner: a foreigner card, or a typed 2023 foreigner number (leading 9). */
export function identityIsForeigner(context: BaseFlowContext): boolean {
  const identity = context.identity;
  if (!identity) return false;
  return identity.cardType === 'foreigner' || (identity.cardType === null && /^9\d{16}[\dX]$/.test(identity.idNumber));
}

/** Consent given (required before any back-end query or submission). */
export function consentGiven(context: BaseFlowContext): boolean {
  return context.consent;
}

/** The face check passed (required before anything is queried or printed). */
export function facePassed(context: BaseFlowContext): boolean {
  return context.face.passed;
}

/**
 * Another face attempt is allowed after the one just made. The face module
 * counts the tries against `face.maxAttempts` (and the person's lockout), so
 * its `attemptsLeft` is the one number: the flow keeps no cap of its own.
 */
export function faceMayRetry(attemptsLeft: number): boolean {
  return attemptsLeft > 0;
}

/** Identity usable, consent given and face passed: the citizen is verified. */
export function verified(context: BaseFlowContext): boolean {
  return identityUsable(context) && consentGiven(context) && facePassed(context);
}

/** Reprints allowed per document. */
export const MAX_REPRINTS = 1;

/** One reprint per document, and only of a document that exists. */
export function reprintAvailable(print: { documentNumber: string | null; reprintsUsed: number; reprintable: boolean }): boolean {
  return print.documentNumber !== null && print.reprintable && print.reprintsUsed < MAX_REPRINTS;
}
