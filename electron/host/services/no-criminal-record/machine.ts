/**
 * The 无犯罪记录证明 flow as an XState machine: identify → consent → face
 * check (then the 户籍 lookup) → purpose → query → review → print → done,
 * with side steps: counter (queue ticket), referral (户籍地/居住地, 出入境)
 * and failed. Every transition that matters is guarded by the engine's
 * rules; back-end calls and printing are invoked promises whose expected
 * failures are values.
 *
 * The identity is fixed when the run leaves identify: it never goes back
 * there, and another identity (IDENTITY_CHANGED from the host) ends the run.
 * Nothing the back-end knows about the person (registered where, known at
 * all) decides a step before their face check passed: the only decision
 * before it is the foreigner one, read from the card or number itself.
 */
import { assign, fromPromise, setup } from 'xstate';
import { zonedIsoDate } from '../../../../domain/calendar-date';
import type { CertificatePurpose } from '../../../contract';
import { consentGiven, identityIsForeigner, identityProblem, identityUsable, faceMayRetry, reprintAvailable, verified } from '../../flows/guards';
import type { FlowMachineEvent } from '../../flows/flow-events';
import type { ApplicationQueue, TicketPrinter } from '../../flows/ports';
import type { CriminalRecordAnswer, GatewayResult, PersonRecord, PoliceGateway } from '../../gateway/police-gateway';
import { initialContext, type CounterReason, type NcrContext, type NcrInput } from './context';
import type { CertificatePrinter, CertificatePrintOutcome } from './certificate-printer';
import { DEFAULT_HOME_PROVINCE_CODE, MAX_QUERY_ATTEMPTS, SERVICE_ID, SERVICE_NAME, idDocumentTypeOf } from './definition';
import { mayPrint, routeAnswer, routePerson } from './rules';

export interface NoCriminalRecordDeps {
  gateway: PoliceGateway;
  certificatePrinter: CertificatePrinter;
  ticketPrinter: TicketPrinter;
  applications: ApplicationQueue;
  kioskId: string;
  /** Counter windows: certificates (this service) and 出入境. */
  windows: { certificates: string; exitEntry: string };
  homeProvinceCode?: string;
  /** `face.maxAttempts`: shown on the face step (the face module counts the tries against it). */
  maxFaceAttempts: number;
  now?: () => Date;
  /** The configured zone: the certificate's issue date is the hall's date (default Asia/Shanghai). */
  timeZone?: string;
}

/** Builds the machine with its dependencies bound. */
export function createNoCriminalRecordMachine(deps: NoCriminalRecordDeps) {
  const now = deps.now ?? (() => new Date());
  const home = deps.homeProvinceCode ?? DEFAULT_HOME_PROVINCE_CODE;
  const nameOf = (context: NcrContext) => context.identity?.name ?? context.person?.name ?? null;

  const submitCertificateRecord = (context: NcrContext, outcome: CertificatePrintOutcome) => {
    if (!context.identity || !context.answer || outcome.documentNumber === null) return;
    deps.applications.submit(
      {
        serviceId: SERVICE_ID,
        payload: {
          kind: 'certificateIssued',
          idNumber: context.identity.idNumber,
          purpose: context.purpose,
          result: context.answer.result,
          queryDate: context.answer.queryDate,
          documentNumber: outcome.documentNumber,
          backendNumber: context.print.backendNumber,
          printed: outcome.kind === 'printed',
        },
      },
      `${context.flowId}-certificate`,
    );
  };

  return setup({
    types: {
      context: {} as NcrContext,
      events: {} as FlowMachineEvent,
      input: {} as NcrInput,
    },
    actors: {
      lookupPerson: fromPromise<GatewayResult<PersonRecord>, { idNumber: string }>(({ input }) => deps.gateway.lookupPerson(input.idNumber)),
      queryRecord: fromPromise<GatewayResult<CriminalRecordAnswer>, { idNumber: string; purpose: CertificatePurpose; requestKey: string }>(({ input }) =>
        deps.gateway.queryCriminalRecord(input),
      ),
      issueCertificate: fromPromise<CertificatePrintOutcome & { backendNumber: string | null }, NcrContext>(async ({ input: context }) => {
        const identity = context.identity;
        const answer = context.answer;
        if (!identity || !answer) return { kind: 'notPrinted', documentNumber: null, messageKey: 'flow.print.notAllowed', reprintable: false, backendNumber: null };
        const number = await deps.gateway.issueDocumentNumber({ type: 'noCriminalRecord', kioskId: deps.kioskId, idempotencyKey: `${context.flowId}-number` });
        if (!number.ok) return { kind: 'notPrinted', documentNumber: null, messageKey: 'flow.print.numberUnavailable', reprintable: false, backendNumber: null };
        const outcome = await deps.certificatePrinter.printCertificate({
          sessionId: context.sessionId,
          name: nameOf(context) ?? '',
          idDocumentType: idDocumentTypeOf(identity.cardType),
          idNumber: identity.idNumber,
          queryDate: answer.queryDate,
          issuingOffice: answer.issuingOffice,
          issueDate: zonedIsoDate(now(), deps.timeZone),
          ...(answer.verifyCode ? { verifyCode: answer.verifyCode } : {}),
          ...(answer.verifyUrl ? { verifyUrl: answer.verifyUrl } : {}),
          backendNumber: number.value.number,
        });
        return { ...outcome, backendNumber: number.value.number };
      }),
      reprintCertificate: fromPromise<CertificatePrintOutcome, { documentNumber: string }>(({ input }) => deps.certificatePrinter.reprintCertificate(input.documentNumber)),
      printReceipt: fromPromise<{ kind: 'printed' } | { kind: 'notPrinted'; messageKey: string }, NcrContext>(({ input: context }) =>
        deps.ticketPrinter.printCollectionReceipt({
          sessionId: context.sessionId,
          serviceName: SERVICE_NAME['zh-CN'],
          documentNumber: context.print.documentNumber ?? '',
          verifyCode: context.answer?.verifyCode ?? null,
          name: nameOf(context),
          idNumberMasked: context.identity?.idNumberMasked ?? '',
          issuedAt: now(),
        }),
      ),
      printTicket: fromPromise<{ ticketNumber?: string; kind: 'printed' | 'notPrinted' }, NcrContext>(({ input: context }) =>
        deps.ticketPrinter.printQueueTicket({
          sessionId: context.sessionId,
          serviceId: SERVICE_ID,
          serviceName: SERVICE_NAME['zh-CN'],
          window: deps.windows.certificates,
          name: nameOf(context),
        }),
      ),
    },
    guards: {
      identityUsable: ({ context }) => identityUsable(context),
      foreignerIdentity: ({ context }) => identityUsable(context) && identityIsForeigner(context),
      consentGranted: ({ event }) => event.type === 'CONSENT' && event.granted,
      consentGiven: ({ context }) => consentGiven(context),
      facePassedNow: ({ context, event }) => event.type === 'FACE_RESULT' && event.outcome === 'passed' && identityUsable(context) && consentGiven(context),
      faceMayRetry: ({ event }) => event.type === 'FACE_RESULT' && faceMayRetry(event.attemptsLeft),
      verified: ({ context }) => verified(context),
      mayPrint: ({ context }) => mayPrint(context),
      queryRetriesLeft: ({ context }) => context.queryAttempts < MAX_QUERY_ATTEMPTS,
      reprintAvailable: ({ context }) => reprintAvailable(context.print),
      receiptPending: ({ context }) => context.print.receipt !== 'printed',
      // Only the lookup after a passed face check fails retryably; a retry goes back to it, never around the face.
      lookupRetryable: ({ context }) => context.failure?.retryable === true && verified(context),
    },
    actions: {
      setIdentity: assign({
        identity: ({ event }) => (event.type === 'IDENTITY' ? event.identity : null),
        identifyProblem: () => null,
      }),
      markIdentifyProblem: assign({ identifyProblem: ({ context }) => identityProblem(context.identity) }),
      grantConsent: assign({ consent: () => true }),
      clearConsent: assign({ consent: () => false, person: () => null }),
      facePassed: assign({ face: ({ context }) => ({ passed: true, attempts: context.face.attempts + 1, last: 'passed' as const }) }),
      faceFailed: assign({
        face: ({ context, event }) => ({ passed: false, attempts: context.face.attempts + 1, last: event.type === 'FACE_RESULT' ? event.outcome : context.face.last }),
      }),
      setPurpose: assign({ purpose: ({ event, context }) => (event.type === 'PURPOSE' ? event.purpose : context.purpose), queryAttempts: () => 0, queryFailure: () => null }),
      clearAnswer: assign({ answer: () => null }),
      countQueryAttempt: assign({ queryAttempts: ({ context }) => context.queryAttempts + 1 }),
      countReprint: assign({ print: ({ context }) => ({ ...context.print, state: 'printing' as const, reprintsUsed: context.print.reprintsUsed + 1 }) }),
      referToExitEntry: assign({ referral: () => ({ to: 'exitEntry' as const, province: null, city: null }) }),
      toCounter: assign({ counter: (_, params: { reason: CounterReason }) => ({ reason: params.reason, ticket: { state: 'printing' as const, number: null } }) }),
      submitCounterReferral: ({ context }) => {
        if (!context.identity || !context.answer) return;
        deps.applications.submit(
          { serviceId: SERVICE_ID, payload: { kind: 'counterReferral', idNumber: context.identity.idNumber, purpose: context.purpose, result: context.answer.result, queryDate: context.answer.queryDate } },
          `${context.flowId}-counter`,
        );
      },
      outcome: assign({ outcome: (_, params: { outcome: NonNullable<NcrContext['outcome']> }) => params.outcome }),
    },
  }).createMachine({
    id: 'ncr',
    context: ({ input }) => initialContext(input),
    initial: 'identify',
    // From any step still running: another identity was presented, so this run ends, having revealed nothing.
    on: { IDENTITY_CHANGED: { target: '.done', actions: { type: 'outcome', params: { outcome: 'identityChanged' } } } },
    states: {
      identify: {
        on: {
          IDENTITY: { actions: 'setIdentity' },
          CONFIRM: [
            { guard: 'foreignerIdentity', target: 'referral', actions: 'referToExitEntry' },
            { guard: 'identityUsable', target: 'consent' },
            { actions: 'markIdentifyProblem' },
          ],
        },
      },
      consent: {
        on: {
          CONSENT: [
            { guard: 'consentGranted', target: 'faceCheck', actions: 'grantConsent' },
            { target: 'done', actions: { type: 'outcome', params: { outcome: 'declined' } } },
          ],
        },
      },
      faceCheck: {
        initial: 'verifying',
        states: {
          verifying: {
            on: {
              FACE_RESULT: [
                { guard: 'facePassedNow', target: 'lookingUp', actions: 'facePassed' },
                { guard: 'faceMayRetry', actions: 'faceFailed' },
                { target: '#ncr.counter', actions: ['faceFailed', { type: 'toCounter', params: { reason: 'faceCheckFailed' } }] },
              ],
              BACK: { target: '#ncr.consent', actions: 'clearConsent' },
            },
          },
          // Only now, with the face proved, may the back-end's answer about this person shape the screen.
          lookingUp: {
            invoke: {
              src: 'lookupPerson',
              input: ({ context }) => ({ idNumber: context.identity?.idNumber ?? '' }),
              onDone: [
                {
                  guard: ({ event }) => routePerson(event.output, home) === 'eligible',
                  target: '#ncr.choosePurpose',
                  actions: assign({ person: ({ event }) => (event.output.ok ? event.output.value : null) }),
                },
                {
                  guard: ({ event }) => routePerson(event.output, home) === 'outOfProvince',
                  target: '#ncr.referral',
                  actions: assign({
                    referral: ({ event }) => {
                      const residence = event.output.ok ? event.output.value.registeredResidence : null;
                      return { to: 'registeredResidence' as const, province: residence?.province ?? null, city: residence?.city ?? null };
                    },
                  }),
                },
                { guard: ({ event }) => routePerson(event.output, home) === 'foreigner', target: '#ncr.referral', actions: 'referToExitEntry' },
                { guard: ({ event }) => routePerson(event.output, home) === 'counterOnly', target: '#ncr.counter', actions: { type: 'toCounter', params: { reason: 'counterOnly' } } },
                { guard: ({ event }) => routePerson(event.output, home) === 'notFound', target: '#ncr.counter', actions: { type: 'toCounter', params: { reason: 'notFound' } } },
                { target: '#ncr.failed', actions: assign({ failure: () => ({ reason: 'backendUnavailable' as const, retryable: true }) }) },
              ],
              onError: { target: '#ncr.failed', actions: assign({ failure: () => ({ reason: 'internal' as const, retryable: false }) }) },
            },
          },
        },
      },
      choosePurpose: {
        on: { PURPOSE: { guard: 'verified', target: 'query', actions: ['setPurpose', 'clearAnswer'] } },
      },
      query: {
        initial: 'running',
        states: {
          running: {
            entry: 'countQueryAttempt',
            invoke: {
              src: 'queryRecord',
              input: ({ context }) => ({
                idNumber: context.identity?.idNumber ?? '',
                purpose: context.purpose ?? 'other',
                requestKey: `${context.flowId}-query-${context.purpose ?? 'other'}`,
              }),
              onDone: [
                {
                  guard: ({ event }) => routeAnswer(event.output) === 'certificate',
                  target: '#ncr.review',
                  actions: assign({ answer: ({ event }) => (event.output.ok ? event.output.value : null), queryFailure: () => null }),
                },
                {
                  guard: ({ event }) => routeAnswer(event.output) === 'counter',
                  target: '#ncr.counter',
                  actions: [assign({ answer: ({ event }) => (event.output.ok ? event.output.value : null) }), 'submitCounterReferral', { type: 'toCounter', params: { reason: 'resultAtCounter' } }],
                },
                { guard: ({ event }) => routeAnswer(event.output) === 'notFound', target: '#ncr.counter', actions: { type: 'toCounter', params: { reason: 'notFound' } } },
                { target: 'failed', actions: assign({ queryFailure: ({ event }) => (event.output.ok ? null : event.output.error.kind) }) },
              ],
              onError: { target: '#ncr.failed', actions: assign({ failure: () => ({ reason: 'internal' as const, retryable: false }) }) },
            },
          },
          failed: {
            on: {
              RETRY: { guard: 'queryRetriesLeft', target: 'running' },
              CONFIRM: { target: '#ncr.counter', actions: { type: 'toCounter', params: { reason: 'queryFailed' } } },
            },
          },
        },
      },
      review: {
        on: {
          CONFIRM: { guard: 'mayPrint', target: 'print' },
          BACK: { target: 'choosePurpose', actions: 'clearAnswer' },
        },
      },
      print: {
        initial: 'issuing',
        states: {
          issuing: {
            invoke: {
              src: 'issueCertificate',
              input: ({ context }) => context,
              onDone: [
                {
                  guard: ({ event }) => event.output.kind === 'printed',
                  target: 'receipt',
                  actions: [
                    assign({ print: ({ context, event }) => ({ ...context.print, state: 'printed' as const, documentNumber: event.output.documentNumber, backendNumber: event.output.backendNumber, reprintable: true, messageKey: null }) }),
                    ({ context, event }) => submitCertificateRecord(context, event.output),
                  ],
                },
                {
                  target: 'notPrinted',
                  actions: [
                    assign({
                      print: ({ context, event }) => ({
                        ...context.print,
                        state: 'notPrinted' as const,
                        documentNumber: event.output.documentNumber,
                        backendNumber: event.output.backendNumber,
                        reprintable: event.output.kind === 'notPrinted' && event.output.reprintable,
                        messageKey: event.output.kind === 'notPrinted' ? event.output.messageKey : null,
                      }),
                    }),
                    ({ context, event }) => submitCertificateRecord(context, event.output),
                  ],
                },
              ],
              onError: { target: 'notPrinted', actions: assign({ print: ({ context }) => ({ ...context.print, state: 'notPrinted' as const, messageKey: 'print.submitFailed' }) }) },
            },
          },
          reprinting: {
            entry: 'countReprint',
            invoke: {
              src: 'reprintCertificate',
              input: ({ context }) => ({ documentNumber: context.print.documentNumber ?? '' }),
              onDone: [
                {
                  guard: ({ event }) => event.output.kind === 'printed',
                  target: 'afterReprint',
                  actions: assign({ print: ({ context }) => ({ ...context.print, state: 'printed' as const, messageKey: null }) }),
                },
                {
                  target: 'notPrinted',
                  actions: assign({
                    print: ({ context, event }) => ({ ...context.print, state: 'notPrinted' as const, messageKey: event.output.kind === 'notPrinted' ? event.output.messageKey : null }),
                  }),
                },
              ],
              onError: { target: 'notPrinted', actions: assign({ print: ({ context }) => ({ ...context.print, state: 'notPrinted' as const, messageKey: 'print.submitFailed' }) }) },
            },
          },
          afterReprint: { always: [{ guard: 'receiptPending', target: 'receipt' }, { target: 'printed' }] },
          receipt: {
            invoke: {
              src: 'printReceipt',
              input: ({ context }) => context,
              onDone: { target: 'printed', actions: assign({ print: ({ context, event }) => ({ ...context.print, receipt: event.output.kind }) }) },
              onError: { target: 'printed', actions: assign({ print: ({ context }) => ({ ...context.print, receipt: 'notPrinted' as const }) }) },
            },
          },
          printed: {
            on: {
              CONFIRM: { target: '#ncr.done', actions: { type: 'outcome', params: { outcome: 'certificateIssued' } } },
              REPRINT: { guard: 'reprintAvailable', target: 'reprinting' },
            },
          },
          notPrinted: {
            on: {
              REPRINT: { guard: 'reprintAvailable', target: 'reprinting' },
              CONFIRM: { target: '#ncr.counter', actions: { type: 'toCounter', params: { reason: 'printFailed' } } },
            },
          },
        },
      },
      counter: {
        initial: 'ticketing',
        states: {
          ticketing: {
            invoke: {
              src: 'printTicket',
              input: ({ context }) => context,
              onDone: {
                target: 'ready',
                actions: assign({
                  counter: ({ context, event }) =>
                    context.counter ? { ...context.counter, ticket: { state: event.output.kind, number: event.output.ticketNumber ?? null } } : null,
                }),
              },
              onError: {
                target: 'ready',
                actions: assign({ counter: ({ context }) => (context.counter ? { ...context.counter, ticket: { state: 'notPrinted' as const, number: null } } : null) }),
              },
            },
          },
          ready: { on: { CONFIRM: { target: '#ncr.done', actions: { type: 'outcome', params: { outcome: 'counter' } } } } },
        },
      },
      referral: {
        on: { CONFIRM: { target: 'done', actions: { type: 'outcome', params: { outcome: 'referred' } } } },
      },
      failed: {
        on: {
          RETRY: { guard: 'lookupRetryable', target: 'faceCheck.lookingUp', actions: assign({ failure: () => null }) },
          CONFIRM: { target: 'done', actions: { type: 'outcome', params: { outcome: 'failed' } } },
        },
      },
      done: { type: 'final' },
    },
  });
}

export type NoCriminalRecordMachine = ReturnType<typeof createNoCriminalRecordMachine>;
