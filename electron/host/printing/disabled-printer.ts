/** The A4 printer when `printing.a4.enabled` is false: every print is refused before submitting. */
import type { A4Printer } from './a4/a4-printer';
import { messageKeyOf } from './a4/print-outcome';

/** An `A4Printer` that prints nothing and says no printer is set up (`print.queueMissing`). */
export function createDisabledA4Printer(queue: string): A4Printer {
  return {
    queue,
    print: async () => ({
      kind: 'notPrinted',
      stage: 'beforeSubmit',
      problem: 'queueMissing',
      messageKey: messageKeyOf('queueMissing'),
      warnings: [],
    }),
  };
}
