/**
 * The hall's time zone from `kiosk.info`, for steps that need the hall's
 * calendar (the ID keypad's "birth date after today" check) without prop
 * drilling. Until the kiosk info has loaded, the zone the host defaults to.
 */
import { createContext, useContext, type ReactElement, type ReactNode } from 'react';
import { DEFAULT_TIME_ZONE } from '../../domain/calendar-date';

const KioskTimeZoneContext = createContext<string>(DEFAULT_TIME_ZONE);

/** Provides the kiosk's configured zone (undefined while `kiosk.info` is loading) to the screens below. */
export function KioskTimeZoneProvider({ timeZone, children }: { timeZone: string | undefined; children: ReactNode }): ReactElement {
  return <KioskTimeZoneContext.Provider value={timeZone ?? DEFAULT_TIME_ZONE}>{children}</KioskTimeZoneContext.Provider>;
}

/** The hall's IANA time zone, e.g. `Asia/Shanghai`. */
export function useKioskTimeZone(): string {
  return useContext(KioskTimeZoneContext);
}
