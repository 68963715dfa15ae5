/**
 * Kiosk statuses are retained, latest-wins and republished every 10 s by
 * every kiosk: at province scale they are most of the traffic. They are
 * acknowledged at once and written in the background, only the newest per
 * kiosk, so a help call or a journal batch never waits behind a queue of
 * statuses the next one would overwrite anyway. A status lost to a crash is
 * replaced by the kiosk's next one within its interval; help calls, alerts,
 * supervision and journal rows keep acknowledge-after-write.
 */
export interface StatusCoalescer<P> {
  /** Keeps `packet` as the kiosk's newest status, replacing one not yet written. */
  offer(kioskId: string, packet: P): void;
  /** Resolves when every offered status is written (or failed). */
  idle(): Promise<void>;
  /** Statuses replaced before they were written. */
  superseded(): number;
}

export function createStatusCoalescer<P>(write: (packet: P) => Promise<unknown>, onError: (error: unknown) => void): StatusCoalescer<P> {
  const pending = new Map<string, P>();
  let running: Promise<void> | null = null;
  let superseded = 0;
  const drain = async () => {
    for (;;) {
      const next = pending.entries().next();
      if (next.done) break;
      const [kioskId, packet] = next.value;
      pending.delete(kioskId);
      await write(packet).catch(onError);
    }
    running = null;
  };
  return {
    offer(kioskId, packet) {
      if (pending.has(kioskId)) superseded += 1;
      pending.set(kioskId, packet);
      running ??= drain();
    },
    async idle() {
      while (running) await running;
    },
    superseded: () => superseded,
  };
}
