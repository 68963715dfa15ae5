/**
 * Wraps a ConsoleApi so that any `signedOut` answer (the session expired or
 * was ended on the server) sends the officer back to the login screen, from
 * whichever screen made the call. The answer is still returned as it was.
 */
import type { ApiResult, ConsoleApi } from './console-api';

export function withSignedOutGuard(api: ConsoleApi, onSignedOut: () => void): ConsoleApi {
  const guard =
    <A extends unknown[], T>(call: (...args: A) => Promise<ApiResult<T>>) =>
    async (...args: A): Promise<ApiResult<T>> => {
      const result = await call(...args);
      if (!result.ok && result.error.error === 'signedOut') onSignedOut();
      return result;
    };
  return {
    login: api.login.bind(api),
    logout: api.logout.bind(api),
    me: api.me.bind(api),
    kiosks: guard(api.kiosks.bind(api)),
    sendCommand: guard(api.sendCommand.bind(api)),
    alerts: guard(api.alerts.bind(api)),
    acknowledgeAlert: guard(api.acknowledgeAlert.bind(api)),
    resolveAlert: guard(api.resolveAlert.bind(api)),
    helpCalls: guard(api.helpCalls.bind(api)),
    claimHelpCall: guard(api.claimHelpCall.bind(api)),
    resolveHelpCall: guard(api.resolveHelpCall.bind(api)),
    supervision: guard(api.supervision.bind(api)),
    stats: guard(api.stats.bind(api)),
    dropOff: guard(api.dropOff.bind(api)),
    statsCsvUrl: api.statsCsvUrl.bind(api),
    staff: guard(api.staff.bind(api)),
    addStaff: guard(api.addStaff.bind(api)),
    removeStaff: guard(api.removeStaff.bind(api)),
  };
}
