/** A case's end as the principal is told it (pure). */
import type { ProxyEndReason } from '../../../electron/contract/proxy';
import type { PhoneCase } from '../../contract/proxy-api';
import type { PhoneOutcome } from '../screens/OutcomeScreen';

/** null while the case is live. */
export function finalOutcome(phoneCase: PhoneCase, language: string): PhoneOutcome | null {
  const reason = (fallback: ProxyEndReason): PhoneOutcome => ({ kind: 'ended', reason: phoneCase.endReason ?? fallback });
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
