/** FlowViews for renderer tests, valid against the contract, one builder per step. */
import { FlowView, type FlowEventType, type FlowStepData } from '../../../electron/contract';

const MAIN: readonly string[] = [
  'identify',
  'consent',
  'faceCheck',
  'choosePurpose',
  'query',
  'review',
  'print',
  'done',
];

/** A view of the no-criminal-record flow for `data`, with the events it accepts. */
export function viewOf(data: FlowStepData, accepts: FlowEventType[] = [], extra: Partial<FlowView> = {}): FlowView {
  const index = MAIN.indexOf(data.step);
  return FlowView.parse({
    serviceId: 'no-criminal-record',
    step: data.step,
    stepIndex: index >= 0 ? index : MAIN.length - 1,
    stepCount: MAIN.length,
    canGoBack: accepts.includes('BACK'),
    accepts,
    data,
    // One run, and the same place in it unless a test says otherwise (views of equal seq are all shown).
    flowId: 'flow-1',
    seq: 0,
    ...extra,
  });
}

export const cardIdentity = {
  source: 'card',
  cardType: 'resident',
  name: '陈思远',
  idNumberMasked: '4104**********1230',
} as const;

export const views = {
  identifyEmpty: () => viewOf({ step: 'identify', identity: null, problem: null }, ['CONFIRM']),
  identifyCard: () => viewOf({ step: 'identify', identity: { ...cardIdentity }, problem: null }, ['CONFIRM']),
  identifyExpired: () =>
    viewOf({ step: 'identify', identity: { ...cardIdentity }, problem: 'expired' }, ['CONFIRM'], {
      messageKey: 'flow.identify.expired',
    }),
  consent: (busy = false) =>
    viewOf(
      {
        step: 'consent',
        serviceName: { 'zh-CN': '无犯罪记录证明', en: 'No-criminal-record certificate' },
        granted: busy,
        busy,
      },
      busy ? [] : ['CONSENT', 'BACK'],
    ),
  faceCheck: (over: { attempt?: number; lastOutcome?: 'passed' | 'noMatch' | 'refused' | null } = {}) =>
    viewOf(
      { step: 'faceCheck', attempt: over.attempt ?? 0, maxAttempts: 3, lastOutcome: over.lastOutcome ?? null },
      over.lastOutcome === 'passed' ? [] : ['BACK'],
    ),
  purpose: () =>
    viewOf({ step: 'choosePurpose', options: ['employment', 'abroad', 'settlement', 'other'], selected: null }, [
      'PURPOSE',
    ]),
  queryRunning: () => viewOf({ step: 'query', state: 'running', failure: null, retriesLeft: 2 }),
  queryFailed: (retriesLeft = 2) =>
    viewOf(
      { step: 'query', state: 'failed', failure: 'timeout', retriesLeft },
      retriesLeft > 0 ? ['RETRY', 'CONFIRM'] : ['CONFIRM'],
      {
        messageKey: 'flow.query.timeout',
      },
    ),
  review: () =>
    viewOf(
      {
        step: 'review',
        name: '陈思远',
        idNumberMasked: '4104**********1230',
        purpose: 'employment',
        queryDate: '2026-05-01',
      },
      ['CONFIRM', 'BACK'],
    ),
  printing: () =>
    viewOf({
      step: 'print',
      state: 'printing',
      documentNumber: null,
      verifyCode: null,
      reprintAvailable: false,
      receipt: 'printing',
    }),
  printed: (reprintAvailable = true) =>
    viewOf(
      {
        step: 'print',
        state: 'printed',
        documentNumber: 'WF-2026-000123',
        verifyCode: 'K7Q2-9XZ4',
        reprintAvailable,
        receipt: 'printed',
      },
      reprintAvailable ? ['CONFIRM', 'REPRINT'] : ['CONFIRM'],
    ),
  notPrinted: (reprintAvailable = true) =>
    viewOf(
      {
        step: 'print',
        state: 'notPrinted',
        documentNumber: 'WF-2026-000123',
        verifyCode: null,
        reprintAvailable,
        receipt: 'printing',
      },
      reprintAvailable ? ['REPRINT', 'CONFIRM'] : ['CONFIRM'],
      { messageKey: 'print.paperJam' },
    ),
  done: (outcome: 'certificateIssued' | 'counter' | 'referred' | 'declined' | 'failed' | 'identityChanged' = 'certificateIssued') =>
    viewOf({ step: 'done', outcome }),
  counter: (
    reason:
      | 'resultAtCounter'
      | 'counterOnly'
      | 'faceCheckFailed'
      | 'printFailed'
      | 'notFound'
      | 'queryFailed' = 'resultAtCounter',
    ticket: { state: 'printing' | 'printed' | 'notPrinted'; number: string | null } = {
      state: 'printed',
      number: 'A017',
    },
  ) =>
    viewOf({ step: 'counter', reason, window: '2号窗口', ticket }, ticket.state === 'printing' ? [] : ['CONFIRM'], {
      messageKey: `flow.counter.${reason}`,
    }),
  referral: (to: 'registeredResidence' | 'exitEntry' = 'registeredResidence') =>
    viewOf(
      {
        step: 'referral',
        to,
        registeredProvince: to === 'registeredResidence' ? '广东省' : null,
        registeredCity: to === 'registeredResidence' ? '深圳市' : null,
        window: to === 'exitEntry' ? '5号窗口' : '2号窗口',
      },
      ['CONFIRM'],
      { messageKey: `flow.referral.${to}` },
    ),
  failed: (canRetry = true) =>
    viewOf({ step: 'failed', reason: 'backendUnavailable', canRetry }, canRetry ? ['RETRY', 'CONFIRM'] : ['CONFIRM'], {
      messageKey: 'flow.failed.backendUnavailable',
    }),
};
