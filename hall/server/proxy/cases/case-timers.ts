/** Named timers per case (the link's end, the case's time limit, each party's reconnect window, the TURN refreshes), all cancelled when the case ends. */
import type { ProxyClock } from './clock';

export type CaseTimerName = 'link' | 'phone' | 'console' | 'kioskIce' | 'timeLimit' | 'phoneIce' | 'consoleIce';

export interface CaseTimers {
  /** (Re)starts `name` for the case: an earlier one of that name is cancelled. */
  set(caseId: string, name: CaseTimerName, ms: number, run: () => void): void;
  clear(caseId: string, name: CaseTimerName): void;
  clearAll(caseId: string): void;
}

export function createCaseTimers(clock: ProxyClock): CaseTimers {
  const timers = new Map<string, Map<CaseTimerName, () => void>>();
  return {
    set(caseId, name, ms, run) {
      const mine = timers.get(caseId) ?? new Map<CaseTimerName, () => void>();
      timers.set(caseId, mine);
      mine.get(name)?.();
      mine.set(name, clock.after(Math.max(0, ms), () => {
        mine.delete(name);
        run();
      }));
    },
    clear(caseId, name) {
      const mine = timers.get(caseId);
      mine?.get(name)?.();
      mine?.delete(name);
    },
    clearAll(caseId) {
      for (const cancel of timers.get(caseId)?.values() ?? []) cancel();
      timers.delete(caseId);
    },
  };
}
