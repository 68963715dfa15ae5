/**
 * What the dev dock can do to a simulated ID card reader: place a sample
 * card, take it away, pull and replug the cable, inject SAM/read faults.
 */
import type { Result } from '../../domain/result';
import type { FaultMode, IdCardSimulator, SimulatedCard } from '../idcard/simulator';
import type { MemoryTransport } from '../transport/memory';

/** Loads a sample card by name (A2's `loadSampleCard`, narrowed to what the dock needs). */
export type SampleCardLoader = (
  name: string,
) => Result<{ text: Uint8Array; photo: Uint8Array; appendedAddress?: Uint8Array; fingerprint?: Uint8Array; holder?: string }, { message: string }>;

/** The dock's handle on one simulated reader. */
export interface IdCardSimulatorControls {
  /** Tells these controls apart from other kinds' in a union. */
  readonly kind: 'idcard';
  /** Places a sample card (by name, e.g. `resident-han`) or raw card blocks. */
  placeCard(card: string | SimulatedCard): { ok: true } | { ok: false; error: string };
  removeCard(): void;
  /** Pulls the USB cable: the driver sees a disconnect and goes to noDevice. */
  unplug(): void;
  /** Plugs it back: the manager reconnects at once instead of waiting for its backoff. */
  replug(): void;
  /** Makes the SAM answer this SW3 code (e.g. 0x60 self-test failed); `null` clears it. */
  setSamFault(code: number | null): void;
  /** Makes reads fail with this SW3 code (e.g. 0x41); `null` clears it. */
  setCardReadFault(code: number | null, mode?: FaultMode): void;
  /** A silent reader receives but never answers. */
  setSilent(silent: boolean): void;
  readonly plugged: boolean;
  readonly cardPresent: boolean;
  /**
   * The person key (ID number) of the last sample card placed: the dock's
   * "holder's finger" is this person's. Kept after the card is taken away
   * (the holder is still at the kiosk).
   */
  readonly holder?: string | undefined;
}

/** Wires the controls to a simulator, the reader's end of its memory cable, and the manager's retry. */
export function createIdCardSimulatorControls(
  simulator: IdCardSimulator,
  cable: MemoryTransport,
  loadSample: SampleCardLoader,
  onReplug: () => void,
): IdCardSimulatorControls {
  let holder: string | undefined;
  return {
    kind: 'idcard',
    placeCard(card) {
      if (typeof card !== 'string') {
        simulator.placeCard(card);
        holder = undefined;
        return { ok: true };
      }
      const sample = loadSample(card);
      if (!sample.ok) return { ok: false, error: sample.error.message };
      const { text, photo, appendedAddress, fingerprint } = sample.value;
      simulator.placeCard({ text, photo, ...(appendedAddress ? { appendedAddress } : {}), ...(fingerprint ? { fingerprint } : {}) });
      holder = sample.value.holder;
      return { ok: true };
    },
    removeCard: () => simulator.removeCard(),
    unplug() {
      cable.unplug();
      // A real reader loses power with its cable: a card still lying there is read again after replug.
      simulator.powerCycle();
    },
    replug() {
      cable.replug();
      onReplug();
    },
    setSamFault: (code) => simulator.setSamFault(code),
    setCardReadFault: (code, mode) => simulator.setCardReadFault(code, mode),
    setSilent: (silent) => simulator.setSilent(silent),
    get plugged() {
      return cable.plugged;
    },
    get cardPresent() {
      return simulator.cardPresent;
    },
    get holder() {
      return holder;
    },
  };
}
