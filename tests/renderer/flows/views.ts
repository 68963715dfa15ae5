/**
 * FlowViews for renderer tests, valid against the contract: the fixture
 * service's views (renderer/api/fixture-service.ts), one builder per step
 * kind and the states a test needs. Its words are the fixture wording, which
 * the test support registers in i18n (step tests) or the mock serves
 * (`service.wording`, runner tests).
 */
import type { FlowStepData } from '../../../electron/contract';
import {
  FIXTURE_SERVICE_ID,
  fixtureIdentity,
  fixtureKey,
  fixtureView,
  fixtureViews,
  fixtureWording,
} from '../../../renderer/api/fixture-service';

export { FIXTURE_SERVICE_ID, fixtureKey, fixtureView as viewOf, fixtureWording };

type PrintState = 'printing' | 'printed' | 'notPrinted';
type Data<K extends FlowStepData['step']> = Extract<FlowStepData, { step: K }>;

export const cardIdentity = fixtureIdentity;

export const views = {
  identifyEmpty: () => fixtureView({ step: 'identify', identity: null, problem: null }, ['CONFIRM']),
  identifyCard: fixtureViews.identify,
  identifyExpired: () =>
    fixtureView({ step: 'identify', identity: { ...cardIdentity }, problem: 'expired' }, ['CONFIRM'], {
      messageKey: 'flow.identify.expired',
    }),
  consent: fixtureViews.consent,
  faceCheck: (over: { attempt?: number; lastOutcome?: 'passed' | 'noMatch' | 'refused' | null } = {}) =>
    fixtureView(
      { step: 'faceCheck', attempt: over.attempt ?? 0, maxAttempts: 3, lastOutcome: over.lastOutcome ?? null },
      over.lastOutcome === 'passed' ? [] : ['BACK'],
    ),
  /** The fixture's purpose choice; `accepts` false: the host takes no choice now. */
  choice: (over: { selected?: string | null; accepts?: boolean } = {}) => {
    const base = fixtureViews.choice();
    const data = base.data as Data<'choice'>;
    return fixtureView(
      { ...data, selected: over.selected ?? null },
      over.accepts === false ? ['BACK'] : ['CHOOSE', 'BACK'],
    );
  },
  queryRunning: () =>
    fixtureView({ step: 'query', titleKey: fixtureKey('lookup.title'), state: 'running', failure: null, retriesLeft: 2 }),
  queryFailed: (retriesLeft = 2) =>
    fixtureView(
      { step: 'query', titleKey: fixtureKey('lookup.title'), state: 'failed', failure: 'timeout', retriesLeft },
      retriesLeft > 0 ? ['RETRY', 'CONFIRM'] : ['CONFIRM'],
      { messageKey: 'flow.query.timeout' },
    ),
  review: fixtureViews.review,
  printing: () =>
    fixtureView({
      step: 'a4Print',
      state: 'printing',
      documentNumber: null,
      verifyCode: null,
      reprintAvailable: false,
      receipt: 'printing',
      noteKeys: [fixtureKey('print.notes.keep')],
    }),
  printed: (reprintAvailable = true, receipt: PrintState = 'printed') =>
    fixtureView(
      {
        step: 'a4Print',
        state: 'printed',
        documentNumber: 'WF-2026-000123',
        verifyCode: 'K7Q2-9XZ4',
        reprintAvailable,
        receipt,
        noteKeys: [fixtureKey('print.notes.keep')],
      },
      reprintAvailable ? ['CONFIRM', 'REPRINT'] : ['CONFIRM'],
    ),
  notPrinted: (reprintAvailable = true) =>
    fixtureView(
      {
        step: 'a4Print',
        state: 'notPrinted',
        documentNumber: 'WF-2026-000123',
        verifyCode: null,
        reprintAvailable,
        receipt: 'printing',
        noteKeys: [],
      },
      reprintAvailable ? ['REPRINT', 'CONFIRM'] : ['CONFIRM'],
      { messageKey: 'print.paperJam' },
    ),
  /** The fixture's collection slip in `state`; the host offers a reprint when `reprintAvailable`. */
  receipt: (state: PrintState = 'printed', reprintAvailable = true) => {
    const data = fixtureViews.receiptPrint().data as Data<'receiptPrint'>;
    const accepts = state === 'printing' ? [] : reprintAvailable ? (['CONFIRM', 'REPRINT'] as const) : (['CONFIRM'] as const);
    return fixtureView({ ...data, state, reprintAvailable }, [...accepts]);
  },
  done: (outcomeKey = fixtureKey('outcome.issued'), outcome = 'issued') =>
    fixtureView({ step: 'done', outcome, outcomeKey }),
  counter: (
    reasonKey = fixtureKey('counter.atCounter'),
    ticket: { state: PrintState; number: string | null } = { state: 'printed', number: 'A017' },
  ) =>
    fixtureView({ step: 'counter', reasonKey, window: '2号窗口', ticket }, ticket.state === 'printing' ? [] : ['CONFIRM']),
  referral: (to: 'registeredResidence' | 'exitEntry' = 'registeredResidence') =>
    fixtureView(
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
    fixtureView({ step: 'failed', reason: 'backendUnavailable', canRetry }, canRetry ? ['RETRY', 'CONFIRM'] : ['CONFIRM'], {
      messageKey: 'flow.failed.backendUnavailable',
    }),
};
