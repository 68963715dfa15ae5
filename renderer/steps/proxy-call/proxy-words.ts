/**
 * The i18n keys of the proxy step's reasons and prompts, one per value of the
 * contract's enums (the Records make a new value a build error until it is
 * worded), and the spoken prompt of each phase.
 */
import type { ProxyCallPhase, ProxyCallStepData, ProxyEndReason, SmsOutcome } from '../../../electron/contract/proxy';
import type { VoiceKey } from '../../voice/VoiceContext';

type OpenRefusedReason = NonNullable<ProxyCallStepData['openRefusedReason']>;

/** Why the case ended, in the agent's words. */
export const END_REASON_KEYS: Readonly<Record<ProxyEndReason, string>> = {
  refusedByOfficer: 'flow.proxyCall.ended.refusedByOfficer',
  principalFaceFailed: 'flow.proxyCall.ended.principalFaceFailed',
  linkExpired: 'flow.proxyCall.ended.linkExpired',
  principalLeft: 'flow.proxyCall.ended.principalLeft',
  agentCancelled: 'flow.proxyCall.ended.agentCancelled',
  kioskSessionEnded: 'flow.proxyCall.ended.kioskSessionEnded',
  officerLeft: 'flow.proxyCall.ended.officerLeft',
  networkLost: 'flow.proxyCall.ended.networkLost',
  recordingNotStored: 'flow.proxyCall.ended.recordingNotStored',
  hallUnavailable: 'flow.proxyCall.ended.hallUnavailable',
  caseTimeLimit: 'flow.proxyCall.ended.caseTimeLimit',
};

/** Why the hall would not open a case (no reason: the hall could not be reached). */
export const REFUSED_KEYS: Readonly<Record<OpenRefusedReason, string>> = {
  serviceNotProxyAllowed: 'flow.proxyCall.refused.serviceNotProxyAllowed',
  principalIsAgent: 'flow.proxyCall.refused.principalIsAgent',
  invalidRequest: 'flow.proxyCall.refused.invalidRequest',
  busy: 'flow.proxyCall.refused.busy',
  unavailable: 'flow.proxyCall.refused.unavailable',
};

/** How the invitation's text message went. */
export const SMS_KEYS: Readonly<Record<SmsOutcome, string>> = {
  sent: 'flow.proxyCall.invite.sms.sent',
  failed: 'flow.proxyCall.invite.sms.failed',
  notConfigured: 'flow.proxyCall.invite.sms.notConfigured',
};

/**
 * The phase's spoken prompt. Silent while the officer is in the call and
 * while the statement is recorded: the kiosk's speaker would be heard by the
 * others and end up in the consent recording.
 */
export function proxyVoiceKey(phase: ProxyCallPhase): VoiceKey | null {
  switch (phase) {
    case 'opening':
    case 'inCall':
    case 'recording':
      return null;
    case 'openRefused':
      return 'voice.flow.proxyCall.refused';
    case 'waitingForPrincipal':
      return 'voice.flow.proxyCall.invite';
    case 'principalChecking':
      return 'voice.flow.proxyCall.checking';
    case 'waitingForOfficer':
      return 'voice.flow.proxyCall.waitingForOfficer';
    case 'signing':
      return 'voice.flow.proxyCall.sign';
    case 'awaitingDecision':
      return 'voice.flow.proxyCall.deciding';
    case 'approved':
      return 'voice.flow.proxyCall.approved';
    case 'ended':
      return 'voice.flow.proxyCall.ended';
    default: {
      const never: never = phase;
      return never;
    }
  }
}
