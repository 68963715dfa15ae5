/**
 * The hall server's proxy pieces (issue 19) and how they meet. The case
 * registry (`cases/`) owns the cases and calls the others through these
 * interfaces; each is built and tested on its own.
 */
import type { FaceFrameAnswer, IssuedFaceChallenge } from '../../../electron/contract/domain';
import type { ProxyRecording, SignalBody, SignalIn } from '../../../electron/contract/proxy';
import type { PhoneFaceVerdict } from '../../contract/proxy-api';
import type { Result } from '../../../domain/result';

/**
 * The principal's face check on the phone, judged here (the trusted side):
 * the same challenge, frame requests and evidence rules as the kiosk host's
 * (shared code in `domain/face/`), the landmark model in Node, and the
 * back-end's 1:1 comparison with the principal's reference photo.
 * `checkKey` is the case id: one run and one try count per case.
 */
export interface PrincipalFaceCheck {
  consent(checkKey: string, granted: boolean): void;
  challenge(checkKey: string): Result<IssuedFaceChallenge, 'noConsent' | 'tooManyAttempts'>;
  frame(checkKey: string, frame: { challengeId: string; nonce: string; jpeg: string }): Promise<FaceFrameAnswer>;
  /** Compares with `idNumber`'s reference; counts a failed try. */
  verify(checkKey: string, idNumber: string, challengeId: string): Promise<PhoneFaceVerdict>;
  /** Ends the run and drops its frames. */
  forget(checkKey: string): void;
}

/** The back-end's 1:1 comparison (sandbox: the sample citizens' reference photos; real: the police gateway's verifyFace). */
export type FaceComparison = (request: { idNumber: string; probe: Uint8Array }) => Promise<Result<{ match: boolean; score: number }, 'notFound' | 'unavailable'>>;

/** The SMS gateway (sandbox: keeps what it "sent" for `npm run hall -- sms list` and the tests). */
export interface SmsPort {
  send(message: { mobile: string; text: string }): Promise<Result<{ messageId: string }, 'failed'>>;
}

/** One party's media of the consent segment, as the console recorded it (WebM). */
export interface RecordingPart {
  party: 'phone' | 'kiosk';
  webm: Uint8Array;
}

/**
 * Muxes the parts (ffmpeg: both videos and both audio tracks in one
 * Matroska file), encrypts it (AES-256-GCM, the hall's recording key),
 * stores it under the data folder and answers its digest; deletes what is
 * past its retention. A failure is a value: the case then drops.
 */
export interface RecordingStore {
  store(caseId: string, parts: readonly RecordingPart[]): Promise<Result<ProxyRecording, 'ffmpegMissing' | 'undecodable' | 'writeFailed'>>;
  /** Decrypts one (for an audit export); null when unknown or deleted. */
  open(caseId: string): Promise<Uint8Array | null>;
  /** Deletes what is past its retention, and any plaintext a crash left in a working folder. */
  purgeExpired(now: Date): Promise<number>;
  /** Deletes one (its case ended while it was being stored: no case points at it). */
  remove(caseId: string): Promise<void>;
}

/** Relays signalling between the parties of a case (the hall stamps `from`). */
export interface SignalHub {
  /** A phone or console socket (already authenticated for `caseId` and `role`) joins; returns leave. */
  attach(caseId: string, role: 'phone' | 'console', deliver: (signal: SignalIn) => void): () => void;
  /** From an authenticated party. Dropped when the target is not attached (it says hello when it comes). */
  relay(caseId: string, from: 'kiosk' | 'phone' | 'console', to: 'kiosk' | 'phone' | 'console', body: SignalBody): void;
  /** Everyone in the case is told bye and detached. */
  close(caseId: string): void;
}
