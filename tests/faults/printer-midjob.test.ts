/**
 * The A4 printer failing while the certificate is printing (the job already
 * accepted by the simulated CUPS, a page going through): paper running out,
 * and a jam. The citizen is told the truth and offered one reprint; the
 * journal records the failed print and the reprint; exactly one certificate
 * comes out.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { until } from '../electron/host/integration/host-harness';
import { startFaultHost, toQuery, untilView, type FaultHost } from './fault-host';

const HAN = '410402199001011230';

let h: FaultHost | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

type Print = { documentNumber: string | null; reprintAvailable: boolean };

for (const [fault, messageKey, breakIt, mend] of [
  ['paper runs out', 'print.paperOut', (fh: FaultHost) => fh.printing.simulatorControls!.emptyPaper(), (fh: FaultHost) => fh.printing.simulatorControls!.refillPaper()],
  ['the paper jams', 'print.paperJam', (fh: FaultHost) => fh.printing.simulatorControls!.jam(), (fh: FaultHost) => fh.printing.simulatorControls!.clearJam()],
] as const) {
  describe(`A4 printer: ${fault} during the job`, () => {
    it('notPrinted with the reason, one reprint after the fix prints it once, the journal keeps both outcomes', async () => {
      h = await startFaultHost({ a4: { msPerPage: 300, startDelayMs: 0 } });
      const a4 = h.printing.simulatorControls!;
      const sessionId = await toQuery(h, HAN);
      await untilView(h, sessionId, 'review');
      await h.call('flow.send', { sessionId, event: { type: 'CONFIRM' } });

      // The job is on the printer, a sheet going through: now the fault.
      // The first certificate of a host renders cold (fonts, the back-end's seal): seconds on a busy machine.
      await until(() => (a4.state.activeJob ? true : undefined), 'job printing', 20_000);
      const fh = h;
      breakIt(fh);
      const failed = await untilView(h, sessionId, 'a4Print', (v) => v.data.step === 'a4Print' && v.data.state === 'notPrinted');
      expect(failed).toMatchObject({ messageKey, data: { reprintAvailable: true }, accepts: expect.arrayContaining(['REPRINT']) });
      expect(a4.printed()).toHaveLength(0);
      // The screen shows the back-end's number; the journal keeps the document under its own.
      const shown = (failed.data as Print).documentNumber!;
      expect(shown).toMatch(/^WFZ/);
      const db = h.journal.db;
      const number = (db.prepare('SELECT number FROM document_backend_numbers WHERE backend_number = ?').get(shown) as { number: string }).number;
      expect(number).toMatch(/^WF\d{4}-F-01-\d{6}$/);

      mend(fh);
      await h.call('flow.send', { sessionId, event: { type: 'REPRINT' } });
      const printed = await untilView(h, sessionId, 'a4Print', (v) => v.data.step === 'a4Print' && v.data.state === 'printed' && v.data.receipt !== 'printing');
      expect(printed.data).toMatchObject({ documentNumber: shown, reprintAvailable: false });
      expect(printed.accepts).not.toContain('REPRINT');
      expect(a4.printed()).toHaveLength(1);

      await h.call('flow.send', { sessionId, event: { type: 'CONFIRM' } });
      await untilView(h, sessionId, 'done');
      await h.call('session.end', { sessionId, reason: 'finished' });
      expect(db.prepare('SELECT print_outcome, reprint_outcome, reprint_count FROM documents WHERE number = ?').get(number)).toEqual({
        print_outcome: messageKey === 'print.paperOut' ? 'paperOut' : 'paperJam',
        reprint_outcome: 'completed',
        reprint_count: 1,
      });
      expect(h.transactions()).toEqual([expect.objectContaining({ session_id: sessionId, outcome: 'certificateIssued', end_reason: 'finished', print_outcome: 'completed' })]);
    }, 45_000);
  });
}
