/** A case's end as the principal is told it (pure). */
import type { ProxyEndReason } from '../../../electron/contract/proxy';
import type { PhoneCase } from '../../contract/proxy-api';
import type { PhoneOutcome } from '../screens/OutcomeScreen';

/**
 * null while the case is live. The phone's own 退出 never comes this way (the
 * page closes its socket first), so `principalLeft` told by the hall means it
 * was away too long: its network was lost, and it is told that, not "you left".
 */
export function finalOutcome(phoneCase: PhoneCase, language: string): PhoneOutcome | null {
  const told = phoneCase.endReason === 'principalLeft' ? 'networkLost' : phoneCase.endReason;
  const reason = (fallback: ProxyEndReason): PhoneOutcome => ({ kind: 'ended', reason: told ?? fallback });
  switch (phoneCase.state) {
    case 'approved':
      return { kind: 'approved', serviceName: language === 'en' ? phoneCase.statement.serviceName.en : phoneCase.statement.serviceName['zh-CN'] };
    case 'refused':
      return reason('refusedByOfficer');
    case 'failed':
      return reason('principalFaceFailed');
    case 'expired':
      return reason('linkExpired');
    case 'dropped':
      return reason('networkLost');
    case 'invited':
    case 'principalJoined':
    case 'principalVerified':
    case 'inCall':
    case 'recording':
    case 'recorded':
      return null;
    default: {
      const never: never = phoneCase.state;
      return never;
    }
  }
}
