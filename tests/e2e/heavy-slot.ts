/**
 * One "heavy" e2e set-up at a time across the e2e workers: a hall process
 * (Mosquitto, PGlite, often coturn) with its console's Chromium, and for
 * 可视化代办 three Chromium instances with fake cameras and microphones.
 * Two of those at once on the 2-core CI machine starved each other: in the
 * CI run of 2026-12-03 media between kiosk and console never flowed within
 * 45 s and a console page did not draw its sign-in within 30 s, while each
 * file passed alone. The other worker goes on with light files meanwhile;
 * `tests/e2e/sequencer.ts` spaces heavy files out so it seldom has to wait.
 *
 * The slot is a lock file holding the worker's process id: taken with an
 * exclusive create, given back by deleting it, and taken over when its
 * holder is gone (a worker that crashed). A process holding it may take it
 * again (a file that starts a second hall after a failed test skipped its
 * stop).
 */
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processIsAlive } from '../../electron/host/process-alive';

/** The lock file; `ONEDOOR_E2E_HEAVY_SLOT` names another (the slot's own unit test, beside a real e2e run). */
const slotPath = (): string => process.env.ONEDOOR_E2E_HEAVY_SLOT ?? join(tmpdir(), 'onedoor-e2e-heavy-slot');

/** How long a heavy set-up may wait for the slot: longer than the longest heavy file. Tests that start one add it to their time limit. */
export const HEAVY_SLOT_WAIT_MS = 240_000;

let heldHere = 0;

function holder(): number | null {
  try {
    const pid = Number(readFileSync(slotPath(), 'utf8'));
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function tryTake(): boolean {
  try {
    writeFileSync(slotPath(), String(process.pid), { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const pid = holder();
    if (pid === process.pid) return true;
    // Gone (crashed) or unreadable half-written: remove and try again on the next round.
    if (pid === null || !processIsAlive(pid)) {
      try {
        unlinkSync(slotPath());
      } catch {
        // Another waiter removed it first.
      }
    }
    return false;
  }
}

/** Waits for the heavy slot; resolves to the function that gives it back (call it once, after the set-up is stopped). */
export async function takeHeavySlot(): Promise<() => void> {
  const deadline = Date.now() + HEAVY_SLOT_WAIT_MS;
  while (!tryTake()) {
    if (Date.now() > deadline) throw new Error(`no heavy e2e slot within ${HEAVY_SLOT_WAIT_MS / 1000} s: ${slotPath()} is held by process ${holder() ?? '?'}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  heldHere += 1;
  let given = false;
  return () => {
    if (given) return;
    given = true;
    heldHere -= 1;
    if (heldHere === 0 && holder() === process.pid) unlinkSync(slotPath());
  };
}
