/**
 * A proxy case's states and what may move it (pure; electron/contract/proxy.ts
 * `ProxyCaseState`). The rules a citizen relies on: nothing is approved
 * unless the consent segment is stored and both people signed; a refusal has
 * a reason; one officer per case; a final state never changes.
 */
import { err, ok, type Result } from '../../../../domain/result';
import { PROXY_FINAL_STATES, type ProxyCaseState, type ProxyEndReason, type ProxyRecording } from '../../../../electron/contract/proxy';

export interface CaseOfficer {
  staffNumber: string;
  nameMasked: string;
}

/** The part of a case the state machine owns. */
export interface CaseCore {
  state: ProxyCaseState;
  officer: CaseOfficer | null;
  principalSigned: boolean;
  agentSigned: boolean;
  recording: ProxyRecording | null;
  decision: { approved: boolean; reason: string | null; at: string } | null;
  endReason: ProxyEndReason | null;
}

export type CaseEvent =
  | { type: 'claimed' }
  | { type: 'principalVerified' }
  | { type: 'principalFaceFailed' }
  | { type: 'officerJoined'; officer: CaseOfficer }
  | { type: 'recordingStarted'; staffNumber: string }
  | { type: 'recordingStored'; staffNumber: string; recording: ProxyRecording }
  | { type: 'recordingFailed' }
  | { type: 'principalSigned' }
  | { type: 'agentSigned' }
  | { type: 'decided'; staffNumber: string; approve: boolean; reason: string | null; at: string }
  | { type: 'linkExpired' }
  /** A party left, the kiosk cancelled, the hall stops. */
  | { type: 'ended'; reason: Exclude<ProxyEndReason, 'refusedByOfficer' | 'principalFaceFailed' | 'linkExpired'> };

export type CaseRefusal = 'caseEnded' | 'wrongState' | 'otherOfficer' | 'notSigned' | 'recordingMissing' | 'reasonMissing';

export const initialCase = (): CaseCore => ({
  state: 'invited',
  officer: null,
  principalSigned: false,
  agentSigned: false,
  recording: null,
  decision: null,
  endReason: null,
});

export const isFinal = (state: ProxyCaseState): boolean => PROXY_FINAL_STATES.includes(state);

/** States in which the officer is in the call (joined, recording, recorded). */
const OFFICER_STATES: readonly ProxyCaseState[] = ['inCall', 'recording', 'recorded'];

function officerCheck(core: CaseCore, staffNumber: string): CaseRefusal | null {
  if (!core.officer) return 'wrongState';
  return core.officer.staffNumber === staffNumber ? null : 'otherOfficer';
}

/** The case after `event`, or why it may not happen. Pure. */
export function transition(core: CaseCore, event: CaseEvent): Result<CaseCore, CaseRefusal> {
  if (isFinal(core.state)) return err('caseEnded');
  const to = (state: ProxyCaseState, extra: Partial<CaseCore> = {}): Result<CaseCore, CaseRefusal> => ok({ ...core, ...extra, state });
  const only = (from: ProxyCaseState, state: ProxyCaseState, extra: Partial<CaseCore> = {}) => (core.state === from ? to(state, extra) : err<CaseRefusal>('wrongState'));
  switch (event.type) {
    case 'claimed':
      return only('invited', 'principalJoined');
    case 'principalVerified':
      return only('principalJoined', 'principalVerified');
    case 'principalFaceFailed':
      return only('principalJoined', 'failed', { endReason: 'principalFaceFailed' });
    case 'officerJoined': {
      if (core.officer) return core.officer.staffNumber === event.officer.staffNumber ? ok(core) : err('otherOfficer');
      return only('principalVerified', 'inCall', { officer: event.officer });
    }
    case 'recordingStarted': {
      const refusal = officerCheck(core, event.staffNumber);
      if (refusal) return err(refusal);
      // Starting again while recording (a retake) keeps the state.
      return core.state === 'inCall' || core.state === 'recording' ? to('recording') : err('wrongState');
    }
    case 'recordingStored': {
      const refusal = officerCheck(core, event.staffNumber);
      if (refusal) return err(refusal);
      return only('recording', 'recorded', { recording: event.recording });
    }
    case 'recordingFailed':
      return only('recording', 'dropped', { endReason: 'recordingNotStored' });
    case 'principalSigned':
      return only('recorded', 'recorded', { principalSigned: true });
    case 'agentSigned':
      return only('recorded', 'recorded', { agentSigned: true });
    case 'decided': {
      const refusal = officerCheck(core, event.staffNumber);
      if (refusal) return err(refusal);
      if (!OFFICER_STATES.includes(core.state)) return err('wrongState');
      if (!event.approve) {
        const reason = event.reason?.trim() ?? '';
        if (reason.length < 2) return err('reasonMissing');
        return to('refused', { decision: { approved: false, reason, at: event.at }, endReason: 'refusedByOfficer' });
      }
      if (core.state !== 'recorded' || !core.recording) return err('recordingMissing');
      if (!core.principalSigned || !core.agentSigned) return err('notSigned');
      return to('approved', { decision: { approved: true, reason: null, at: event.at } });
    }
    case 'linkExpired':
      return core.state === 'invited' || core.state === 'principalJoined' ? to('expired', { endReason: 'linkExpired' }) : err('wrongState');
    case 'ended':
      return to('dropped', { endReason: event.reason });
    default: {
      const never: never = event;
      return never;
    }
  }
}
