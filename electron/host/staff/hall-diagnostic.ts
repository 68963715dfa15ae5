/**
 * The hall link on the maintenance screen: the CLI's `hall check` (a round
 * trip through the hall's broker with this kiosk's credentials, on a client
 * of its own) beside what the running link knows: its state and when the
 * broker last answered. A kiosk without a hall works alone: that is said,
 * not counted as a fault. Lines carry the broker's address and the kiosk's
 * account name only.
 */
import type { Result } from '../../../domain/result';
import type { DiagnosticCheck } from '../../contract/staff';
import type { checkHall } from '../hall-link/check';
import type { HallLinkSettings } from '../hall-link/credentials';
import { hallCheckLine } from '../hall-link/hall-cli';
import type { HallLinkState } from '../hall-link/hall-link';

/** The id the hall link's check has in the diagnostics (it is no device). */
export const HALL_CHECK_ID = 'hall';

export interface HallDiagnosticDeps {
  kioskId: string;
  timeZone: string;
  /** The hall settings as the link resolved them: null without a hall, an error when they cannot be used. */
  settings: () => Result<HallLinkSettings | null, string>;
  check: (kioskId: string, settings: HallLinkSettings) => ReturnType<typeof checkHall>;
  link: () => { state(): HallLinkState; lastContact(): Date | null } | undefined;
}

export async function hallDiagnostic(deps: HallDiagnosticDeps): Promise<DiagnosticCheck> {
  const base = { deviceId: HALL_CHECK_ID, kind: 'hall' };
  const settings = deps.settings();
  if (!settings.ok) return { ...base, ok: false, lines: [`hall: ${settings.error}`.slice(0, 400)], summaryKey: 'staff.check.hallUnreachable' };
  if (!settings.value) return { ...base, ok: true, lines: ['no hall configured: the kiosk works alone'], summaryKey: 'staff.check.hallNotConfigured' };
  const result = await deps.check(deps.kioskId, settings.value);
  const link = deps.link();
  const contact = link?.lastContact();
  const linkLine = `link ${link?.state() ?? 'off'}, last contact ${contact ? shownTime(contact, deps.timeZone) : 'never'}`;
  return {
    ...base,
    ok: result.ok,
    lines: [hallCheckLine(settings.value, result).slice(0, 400), linkLine],
    summaryKey: result.ok ? 'staff.check.hallConnected' : 'staff.check.hallUnreachable',
  };
}

/** `2026-12-03 10:02:11` in the kiosk's zone. */
function shownTime(at: Date, timeZone: string): string {
  return at.toLocaleString('sv-SE', { timeZone, hour12: false });
}
