/**
 * One case as the registry holds it. Everything here is masked except
 * `secrets`, which lives in memory for the case's life and is dropped the
 * moment the case reaches a final state.
 */
import type { ProxyCaseView, SmsOutcome } from '../../../../electron/contract/proxy';
import type { CaseCore } from './state-machine';

type MaskedPerson = ProxyCaseView['agent'];

export interface CaseSecrets {
  /** The principal's full ID number (the face comparison). */
  idNumber: string;
  mobile: string;
  /** The link itself, so a re-sent `open` (QoS 1 redelivery) gets the same answer. */
  inviteUrl: string;
}

export interface ProxyCaseRecord {
  caseId: string;
  kioskId: string;
  requestId: string;
  serviceId: string;
  serviceName: ProxyCaseView['serviceName'];
  language: 'zh-CN' | 'en';
  agent: MaskedPerson;
  principal: MaskedPerson;
  core: CaseCore;
  createdAt: Date;
  linkExpiresAt: Date;
  tokenSha256: string;
  phoneSecretSha256: string | null;
  /** The principal passed the face check at some point (the phone may see the case). */
  verified: boolean;
  agentSignatureSha256: string | null;
  principalSignatureSha256: string | null;
  /** What the approved service run ended in (the kiosk's `completed`). */
  outcome: string | null;
  /** How the invitation SMS went (a re-sent `open` gets the same answer). */
  sms: SmsOutcome;
  /** Sockets of the phone and the console attached now. */
  present: Set<'phone' | 'console'>;
  secrets: CaseSecrets | null;
}
