/**
 * Makes the A4 status device notice the simulated printer's changes at once
 * (a dock action, a page printed) instead of at its next poll. The device
 * joins a refresh already in flight, which may have read the state before
 * the change; so each burst of changes gets one refresh to flush that and
 * one that certainly reads after it.
 */
import type { A4PrinterDevice } from './a4/a4-printer-device';
import type { A4SimulatorControls } from './a4/simulated';

/** Refreshes `device` after every change of `controls`; returns the unsubscribe. */
export function followSimulator(controls: A4SimulatorControls, device: Pick<A4PrinterDevice, 'refresh'>): () => void {
  let running = false;
  let again = false;
  const run = async (): Promise<void> => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        await device.refresh();
        await device.refresh();
      } while (again);
    } catch {
      // The next poll reports whatever went wrong.
    } finally {
      running = false;
    }
  };
  return controls.onChange(() => void run());
}
