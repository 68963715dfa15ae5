/**
 * Receipt-printer failures as message keys for the screen and outcome
 * values for the journal. The keys (`receipt.*`) need texts in the
 * renderer's catalogues.
 */
import type { PrintFailure } from '../../../drivers/receipt/print-failure';

/** Shown when the kiosk has no receipt printer (disabled, or not in the device layer). */
export const RECEIPT_UNAVAILABLE_KEY = 'receipt.unavailable';
/** Shown when the receipt could not be laid out (a bug or an unprintable value). */
export const RECEIPT_ENCODE_FAILED_KEY = 'receipt.encodeFailed';

/** The message key for a failed print. */
export function receiptMessageKey(failure: PrintFailure): string {
  switch (failure.kind) {
    case 'paperOut':
      return 'receipt.paperOut';
    case 'coverOpen':
      return 'receipt.coverOpen';
    case 'notReady':
      return 'receipt.notReady';
    case 'interrupted':
      return failure.cause === 'paperOut' ? 'receipt.interruptedPaperOut' : 'receipt.interrupted';
    case 'timeout':
    case 'noDevice':
      return 'receipt.offline';
    case 'hardwareError':
      return 'receipt.hardwareError';
    case 'cancelled':
      return 'receipt.cancelled';
    case 'protocol':
      return 'receipt.protocol';
    default: {
      const unreachable: never = failure;
      return unreachable;
    }
  }
}

/** The journal's value for a failed print (`paperOut`, `interrupted:paperOut`…). */
export function receiptOutcome(failure: PrintFailure): string {
  return failure.kind === 'interrupted' ? `interrupted:${failure.cause}` : failure.kind;
}
