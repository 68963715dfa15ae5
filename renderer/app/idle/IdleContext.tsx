/**
 * How steps deep inside a session talk to its idle timer without prop
 * drilling: a step can *hold* the timer while the kiosk itself is working
 * (a face being compared, a query, a print: the citizen is waiting on us, not
 * idle), and can report *presence* (a face seen by the camera counts as the
 * citizen still being there, like a touch).
 */
import { createContext, useContext, useEffect, type ReactElement, type ReactNode } from 'react';

/** What the session frame offers its steps. */
export interface IdleControl {
  /** Holds the idle timer until the returned release is called (safe to call twice). */
  hold(): () => void;
  /** The citizen is evidently there (seen by the camera): counts like a touch. */
  presence(): void;
}

const NO_SESSION: IdleControl = { hold: () => () => {}, presence: () => {} };
const IdleContext = createContext<IdleControl>(NO_SESSION);

/** Provides the session's idle control to the steps below. */
export function IdleProvider({ control, children }: { control: IdleControl; children: ReactNode }): ReactElement {
  return <IdleContext.Provider value={control}>{children}</IdleContext.Provider>;
}

/** Holds the session's idle timer while `active` is true. */
export function useIdleHold(active: boolean): void {
  const { hold } = useContext(IdleContext);
  useEffect(() => (active ? hold() : undefined), [active, hold]);
}

/** The function a step calls when it sees the citizen is there. */
export function usePresence(): () => void {
  return useContext(IdleContext).presence;
}
