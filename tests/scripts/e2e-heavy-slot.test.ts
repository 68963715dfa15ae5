/**
 * The e2e run's two helpers for heavy files (a hall, a console, often three
 * Chromium): the order that spreads them among the light files, and the slot
 * that lets one run at a time across the worker processes.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spreadOut } from '../e2e/sequencer';
import { takeHeavySlot } from '../e2e/heavy-slot';

describe('spreading heavy e2e files among light ones', () => {
  it('keeps every file once, the light ones in their order, and puts the first heavy file first', () => {
    const light = ['l1', 'l2', 'l3', 'l4', 'l5', 'l6'];
    const heavy = ['h1', 'h2', 'h3'];
    expect(spreadOut(light, heavy)).toEqual(['h1', 'l1', 'l2', 'h2', 'l3', 'l4', 'h3', 'l5', 'l6']);
    expect(spreadOut(light, [])).toEqual(light);
    expect(spreadOut([], heavy)).toEqual(heavy);
  });
});

describe('the heavy slot', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'heavy-slot-'));
    process.env.ONEDOOR_E2E_HEAVY_SLOT = join(dir, 'slot');
  });
  afterAll(() => {
    delete process.env.ONEDOOR_E2E_HEAVY_SLOT;
    rmSync(dir, { recursive: true, force: true });
  });

  /** Another worker process asking for the slot: `taken` resolves when it has it (it then gives it back). */
  function otherWorker(): { taken: Promise<void>; hasIt: () => boolean; exited: Promise<number> } {
    const module = JSON.stringify(join(import.meta.dirname, '../e2e/heavy-slot.ts'));
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `const { takeHeavySlot } = await import(${module}); const give = await takeHeavySlot(); console.log('taken'); give();`], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: process.env,
    });
    let has = false;
    const taken = new Promise<void>((resolve) => child.stdout.on('data', (d: Buffer) => d.toString().includes('taken') && ((has = true), resolve())));
    const exited = new Promise<number>((resolve) => child.once('exit', () => resolve(child.pid!)));
    return { taken, hasIt: () => has, exited };
  }

  it('is held by one process at a time, taken again by its holder, and free once given back', { timeout: 30_000 }, async () => {
    const giveBack = await takeHeavySlot();
    const again = await takeHeavySlot();
    const other = otherWorker();
    await new Promise((r) => setTimeout(r, 3_000));
    expect(other.hasIt()).toBe(false);
    again();
    await new Promise((r) => setTimeout(r, 1_000));
    expect(other.hasIt()).toBe(false);
    giveBack();
    await other.taken;
  });

  it('is taken over from a holder that is gone', { timeout: 30_000 }, async () => {
    // A slot left by a worker that crashed names a process that is no more.
    const gone = await otherWorker().exited;
    writeFileSync(process.env.ONEDOOR_E2E_HEAVY_SLOT!, String(gone));
    const giveBack = await takeHeavySlot();
    giveBack();
  });
});
