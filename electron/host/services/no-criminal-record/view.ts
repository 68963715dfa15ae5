/**
 * What the renderer draws for each state of the flow: public data only
 * (masked ID number), and deliberately coarse at the counter, so the screen
 * never tells the hall whether a record was found.
 */
import type { FlowIdentity } from '../../../contract';
import { reprintAvailable } from '../../flows/guards';
import type { StepView } from '../../flows/flow-instance';
import type { NcrContext } from './context';
import { MAX_QUERY_ATTEMPTS, PURPOSES, SERVICE_NAME } from './definition';

/** The snapshot fields the view reads (an XState snapshot of the machine). */
export interface NcrSnapshotLike {
  context: NcrContext;
  /** XState state value: `'review'` or `{ print: 'printed' }`. */
  value: unknown;
}

/** `[top-level state, child state]` of a state value. */
function statePath(value: unknown): [string, string | null] {
  if (typeof value === 'string') return [value, null];
  if (typeof value === 'object' && value !== null) {
    const [top, child] = Object.entries(value)[0] ?? ['done', null];
    return [top, typeof child === 'string' ? child : null];
  }
  return ['done', null];
}

function publicIdentity(context: NcrContext): FlowIdentity | null {
  const identity = context.identity;
  return identity ? { source: identity.source, cardType: identity.cardType, name: identity.name, idNumberMasked: identity.idNumberMasked } : null;
}

/** The step view for a snapshot. */
export function viewOf(snapshot: NcrSnapshotLike, windows: { certificates: string; exitEntry: string }, maxFaceAttempts: number): StepView {
  const context = snapshot.context;
  const [top, child] = statePath(snapshot.value);
  if (top === 'identify') {
    const problem = context.identifyProblem;
    return { data: { step: 'identify', identity: publicIdentity(context), problem }, ...(problem ? { messageKey: `flow.identify.${problem}` } : {}) };
  }
  if (top === 'consent') {
    // Nothing runs on this step any more (the 户籍 lookup waits for the face check), so it is never busy.
    return { data: { step: 'consent', serviceName: { ...SERVICE_NAME }, granted: context.consent, busy: false } };
  }
  if (top === 'faceCheck') {
    const last = context.face.last;
    return {
      data: { step: 'faceCheck', attempt: context.face.attempts, maxAttempts: maxFaceAttempts, lastOutcome: last },
      ...(last && last !== 'passed' ? { messageKey: `flow.face.${last}` } : {}),
    };
  }
  if (top === 'choosePurpose') return { data: { step: 'choosePurpose', options: [...PURPOSES], selected: context.purpose } };
  if (top === 'query') {
    const failed = child === 'failed';
    return {
      data: { step: 'query', state: failed ? 'failed' : 'running', failure: failed ? context.queryFailure : null, retriesLeft: Math.max(0, MAX_QUERY_ATTEMPTS - context.queryAttempts) },
      ...(failed && context.queryFailure ? { messageKey: `flow.query.${context.queryFailure}` } : {}),
    };
  }
  if (top === 'review') {
    return {
      data: {
        step: 'review',
        name: context.identity?.name ?? context.person?.name ?? null,
        idNumberMasked: context.identity?.idNumberMasked ?? '',
        purpose: context.purpose ?? 'other',
        queryDate: context.answer?.queryDate ?? '',
      },
    };
  }
  if (top === 'print') {
    const print = context.print;
    const settled = child === 'printed' || child === 'notPrinted';
    return {
      data: {
        step: 'print',
        state: print.state,
        documentNumber: print.documentNumber,
        verifyCode: print.state === 'printed' ? (context.answer?.verifyCode ?? null) : null,
        reprintAvailable: settled && reprintAvailable(print),
        receipt: print.receipt,
      },
      ...(print.messageKey ? { messageKey: print.messageKey } : {}),
    };
  }
  if (top === 'counter') {
    const counter = context.counter ?? { reason: 'queryFailed' as const, ticket: { state: 'notPrinted' as const, number: null } };
    return { data: { step: 'counter', reason: counter.reason, window: windows.certificates, ticket: counter.ticket }, messageKey: `flow.counter.${counter.reason}` };
  }
  if (top === 'referral') {
    const referral = context.referral ?? { to: 'exitEntry' as const, province: null, city: null };
    return {
      data: {
        step: 'referral',
        to: referral.to,
        registeredProvince: referral.province,
        registeredCity: referral.city,
        window: referral.to === 'exitEntry' ? windows.exitEntry : windows.certificates,
      },
      messageKey: `flow.referral.${referral.to}`,
    };
  }
  if (top === 'failed') {
    const failure = context.failure ?? { reason: 'internal' as const, retryable: false };
    return { data: { step: 'failed', reason: failure.reason, canRetry: failure.retryable }, messageKey: `flow.failed.${failure.reason}` };
  }
  return { data: { step: 'done', outcome: context.outcome ?? 'failed' } };
}
