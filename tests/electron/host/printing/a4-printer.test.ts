/** The job follower with a strict fake CUPS (no real CUPS needed). */
import { describe, expect, it } from 'vitest';
import { createA4Printer, type CupsClient, type JobState, type PrinterAttributes } from '../../../../electron/host/printing/a4';

function fakeCups(script: { states: Array<{ state: JobState; reasons?: string[] }>; after?: string[] }) {
  const calls: string[] = [];
  let polls = 0;
  const idle = (reasons: string[] = []): PrinterAttributes => ({ state: 'idle', reasons, message: '', accepting: true });
  const cups: CupsClient = {
    async printerAttributes() {
      calls.push('printer');
      return { ok: true, value: idle(calls.includes('submit') ? script.after : []) };
    },
    async submit() {
      calls.push('submit');
      return { ok: true, value: 7 };
    },
    async jobAttributes() {
      calls.push('job');
      const step = script.states[Math.min(polls++, script.states.length - 1)]!;
      return { ok: true, value: { state: step.state, reasons: step.reasons ?? [] } };
    },
    async cancel() {
      calls.push('cancel');
      return { ok: true, value: undefined };
    },
    async purge() {
      calls.push('purge');
      return { ok: true, value: undefined };
    },
  };
  return { cups, calls };
}

let clock = 0;
const fastClock = { sleep: async (ms: number) => void (clock += ms), now: () => clock };

describe('A4 printer job following', () => {
  it('completes only when the job reaches completed', async () => {
    const { cups } = fakeCups({ states: [{ state: 'pending' }, { state: 'processing' }, { state: 'completed' }] });
    const outcome = await createA4Printer(cups, { queue: 'q', ...fastClock }).print(new Uint8Array(1), 't');
    expect(outcome).toEqual({ kind: 'completed', jobId: 7, warnings: [], messageKey: 'print.completed' });
  });

  it('cancels a job that never finishes and reports a timeout', async () => {
    const { cups, calls } = fakeCups({ states: [{ state: 'processing' }] });
    const outcome = await createA4Printer(cups, { queue: 'q', jobTimeoutMs: 1000, pollIntervalMs: 200, ...fastClock }).print(new Uint8Array(1), 't');
    expect(outcome).toMatchObject({ kind: 'notPrinted', stage: 'afterSubmit', problem: 'timeout', jobState: 'timeout', messageKey: 'print.timeout' });
    expect(calls).toContain('cancel');
  });

  it('treats a job held by a stopped queue as ended, cancels it, and names the printer reason', async () => {
    const { cups, calls } = fakeCups({ states: [{ state: 'pending', reasons: ['printer-stopped'] }], after: ['door-open-error'] });
    const outcome = await createA4Printer(cups, { queue: 'q', ...fastClock }).print(new Uint8Array(1), 't');
    expect(outcome).toMatchObject({ kind: 'notPrinted', problem: 'doorOpen', jobState: 'pending' });
    expect(calls.filter((c) => c === 'cancel')).toHaveLength(1);
  });

  it('purges every submitted job from CUPS once it has ended, so the spool keeps no copy of the document', async () => {
    const ends: Array<{ states: Array<{ state: JobState; reasons?: string[] }> }> = [
      { states: [{ state: 'processing' }, { state: 'completed' }] },
      { states: [{ state: 'aborted' }] },
      { states: [{ state: 'canceled' }] },
      { states: [{ state: 'pending', reasons: ['printer-stopped'] }] },
      { states: [{ state: 'processing' }] }, // never ends: timeout
    ];
    for (const script of ends) {
      const { cups, calls } = fakeCups(script);
      await createA4Printer(cups, { queue: 'q', jobTimeoutMs: 1000, pollIntervalMs: 200, ...fastClock }).print(new Uint8Array(1), 't');
      expect(calls.filter((c) => c === 'purge')).toHaveLength(1);
      expect(calls.at(-1)).toBe('purge');
    }
  });

  it('purges nothing when the printer refused before submitting', async () => {
    const { cups, calls } = fakeCups({ states: [{ state: 'completed' }] });
    cups.printerAttributes = async () => ({ ok: true, value: { state: 'idle', reasons: ['media-empty-error'], message: '', accepting: true } });
    expect(await createA4Printer(cups, { queue: 'q', ...fastClock }).print(new Uint8Array(1), 't')).toMatchObject({ stage: 'beforeSubmit' });
    expect(calls).not.toContain('purge');
  });

  it('reports an aborted job without a printer reason as jobAborted', async () => {
    const { cups } = fakeCups({ states: [{ state: 'aborted' }] });
    expect(await createA4Printer(cups, { queue: 'q', ...fastClock }).print(new Uint8Array(1), 't')).toMatchObject({ problem: 'jobAborted', messageKey: 'print.jobAborted' });
  });
});
