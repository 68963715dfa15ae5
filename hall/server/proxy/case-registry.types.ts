/**
 * The hall's proxy cases (issue 19), as the phone routes, the console routes
 * and the kiosk link use them. Implemented by `cases/` (P2); the phone and
 * console HTTP sides are built against this interface.
 *
 * A phone is known by the secret its claim got (the `proxy_phone` cookie):
 * the registry keeps only its SHA-256. An officer is the console session's.
 */
import type { Result } from '../../../domain/result';
import type { PhoneCase, PhoneClaimed, ConsoleJoined, ProxyApiError, ProxyDecision, PhoneErrorCode } from '../../contract/proxy-api';
import type { IceServer, ProxyCaseView, ProxyRecording, SignatureStrokes } from '../../../electron/contract/proxy';
import type { SignalHub } from './ports';

export interface Officer {
  staffNumber: string;
  name: string;
}

export interface ProxyCaseRegistry {
  /** Signalling between the parties (the kiosk's side is wired inside the registry). */
  readonly hub: SignalHub;

  // --- the principal's phone
  /** First claim of a live link binds it to a new phone secret; any later claim is refused. */
  claim(token: string): Result<{ caseId: string; phoneSecret: string; claimed: PhoneClaimed }, Extract<PhoneErrorCode, 'linkUnknown' | 'linkUsed' | 'linkExpired'>>;
  /** The case a phone secret belongs to, while the case is live. */
  phoneCaseId(phoneSecret: string): Result<string, Extract<PhoneErrorCode, 'notClaimed' | 'caseEnded'>>;
  /**
   * How the case of a verified phone ended (its final view, `endReason` included), once it has; null while
   * it is live, for a phone never verified, or a secret unknown. A phone that was away when it ended learns it so.
   */
  endedPhoneCase(phoneSecret: string): PhoneCase | null;
  /** The principal's full ID number, for the face comparison only (null once the case ended). */
  principalIdNumber(caseId: string): string | null;
  /** The face check matched: the case moves to `principalVerified`. */
  principalVerified(caseId: string): void;
  /** The face check ran out of tries: the case ends `failed` (principalFaceFailed). */
  principalFaceFailed(caseId: string): void;
  /** The case as the principal's phone sees it; `notVerified` before the face check passed. */
  phoneCase(caseId: string): Result<PhoneCase, Extract<PhoneErrorCode, 'notVerified' | 'caseEnded'>>;
  /** The principal signed on the phone (only while `recorded`, after the consent segment). */
  principalSigned(caseId: string, signature: SignatureStrokes): Result<PhoneCase, Extract<PhoneErrorCode, 'notVerified' | 'caseEnded' | 'badRequest'>>;
  /** The principal left on purpose (the case drops: principalLeft). */
  phoneLeft(caseId: string): void;

  // --- the officer's console
  list(filter: 'open' | 'all'): ProxyCaseView[];
  /** The officer takes the case (one officer per case) and gets the call's ICE servers and the statement. */
  join(caseId: string, officer: Officer): Result<ConsoleJoined, ProxyApiError>;
  recordingStarted(caseId: string, officer: Officer): Result<ProxyCaseView, ProxyApiError>;
  recordingStored(caseId: string, officer: Officer, recording: ProxyRecording): Result<ProxyCaseView, ProxyApiError>;
  /** The recording could not be stored: the case drops (recordingNotStored) and nothing is done. */
  recordingFailed(caseId: string): void;
  decide(caseId: string, officer: Officer, decision: ProxyDecision): Result<ProxyCaseView, ProxyApiError>;
  officerLeft(caseId: string, officer: Officer): void;

  // --- presence: a party's socket came or went; a party gone longer than the reconnect window drops the case
  attached(caseId: string, role: 'phone' | 'console'): void;
  detached(caseId: string, role: 'phone' | 'console'): void;

  // --- watching
  /** Every change of any case, masked (the console's live socket, the kiosk link). Returns unsubscribe. */
  onCase(listener: (view: ProxyCaseView) => void): () => void;
  /** Changes of one case as its phone sees them (only once verified). Returns unsubscribe. */
  onPhoneCase(caseId: string, listener: (view: PhoneCase) => void): () => void;
  /**
   * Fresh ICE servers for the officer's side of one case's call, sent before
   * the TURN credentials from `join` (or the last refresh) lapse. The phone's
   * come as a new PhoneCase through `onPhoneCase`. Returns unsubscribe.
   */
  onConsoleIceServers(caseId: string, listener: (iceServers: IceServer[]) => void): () => void;

  /** Ends every live case (server stop): each party is told `hallUnavailable`. */
  close(): Promise<void>;
}
