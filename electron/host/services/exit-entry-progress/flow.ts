/**
 * 出入境办理进度查询及领证: where the citizen's 出入境 applications stand,
 * two ways in (the first choice):
 * - the 受理回执: its 受理编号 scanned (CODE128 under the kiosk's scanner)
 *   or typed, then the last four characters of the ID number → that one
 *   application, as much as the receipt itself shows (masked name);
 * - the ID card (or typed number) → consent → face check → every application
 *   of the person, newest first.
 * Then what was found on screen → a 领证 queue ticket when a document is ready
 * at this hall, a slip of what was shown (masked), or finish. 不予批准 goes to
 * the counter with a discreet word; nothing found ends with what to do.
 */
import { maskIdNumber } from '../../../../domain/mask';
import type { DetailRow } from '../../../contract';
import {
  choiceStep,
  chosen,
  consentStep,
  faceCheckStep,
  factOf,
  formStep,
  formValues,
  identifyStep,
  queryStep,
  receiptPrintStep,
  reviewStep,
  skippedWhen,
  type FlowContext,
  type FlowKit,
  type FlowPlan,
  type Route,
} from '../../flows/library';
import type { GatewayResult } from '../../gateway/police-gateway';
import { exitEntryProgress, MAX_ACCEPTANCE_NUMBER_LENGTH, type ExitEntryApplication, type ProgressAnswer, type ProgressRequest } from './backend';
import { wording } from './wording';

const SERVICE_ID = 'exit-entry-progress';
export const key = (path: string): string => `svc.${SERVICE_ID}.${path}`;
const zh = wording['zh-CN'] as Record<string, Record<string, string>>;

/** Applications shown on one screen (the review's 24 rows: a name row and at most seven rows each). */
export const MAX_SHOWN = 3;

export type Way = 'receipt' | 'idCard';
const wayOf = (context: FlowContext): Way | null => {
  const value = chosen(context, 'way');
  return value === 'receipt' || value === 'idCard' ? value : null;
};
const byReceipt = (context: FlowContext) => wayOf(context) === 'receipt';
const byIdCard = (context: FlowContext) => wayOf(context) === 'idCard';

/** What the back-end is asked: the receipt's number and tail, or the face-checked identity's number (never without a passed face check). */
export function progressRequest(context: FlowContext): ProgressRequest | null {
  if (byReceipt(context)) {
    const acceptanceNumber = formValues(context, 'receipt')?.number;
    const idNumberTail = formValues(context, 'holderCheck')?.idNumberTail;
    return typeof acceptanceNumber === 'string' && typeof idNumberTail === 'string' ? { by: 'acceptanceNumber', acceptanceNumber, idNumberTail } : null;
  }
  const identity = context.identity;
  return byIdCard(context) && context.identityConfirmed && context.face.passed && identity ? { by: 'idNumber', idNumber: identity.idNumber.toUpperCase() } : null;
}

/** Where the answer leads: nothing found (by way), 不予批准 to the counter, otherwise on to the screen of what was found. */
export function routeProgress(result: GatewayResult<ProgressAnswer>, way: Way | null): Route | { to: 'retry' } {
  if (!result.ok) {
    if (result.error.kind !== 'notFound') return { to: 'retry' };
    return way === 'receipt' ? { to: 'done', outcome: 'numberNotFound' } : { to: 'done', outcome: 'noApplication' };
  }
  if (result.value.applications.length === 0) return { to: 'done', outcome: 'noApplication' };
  // Discreet: the screen never says that, or why, an application was refused; staff explain.
  if (result.value.applications.some((application) => application.status === 'refused')) return { to: 'counter', reasonKey: key('counter.seeStaff') };
  return { to: 'next' };
}

/** The applications to show, newest first. */
export function shownApplications(answer: ProgressAnswer | undefined): ExitEntryApplication[] {
  if (!answer) return [];
  return [...answer.applications].sort((a, b) => b.acceptedOn.localeCompare(a.acceptedOn) || b.acceptanceNumber.localeCompare(a.acceptanceNumber)).slice(0, MAX_SHOWN);
}

const answerOf = (context: FlowContext) => factOf<ProgressAnswer>(context, 'progress');

/** Whether a document is ready for collection at this hall (the back-end names the hall; the kiosk knows its own). */
export function readyHere(application: ExitEntryApplication, hallName: string | undefined): boolean {
  return application.status === 'ready' && application.collection !== null && hallName !== undefined && application.collection.hall === hallName;
}

/** Where to collect: this hall's 出入境 window (the config's), or the other hall's as the back-end says. */
function collectAt(application: ExitEntryApplication, kit: FlowKit): string {
  const collection = application.collection!;
  const window = readyHere(application, kit.hallName) ? kit.window : collection.window;
  return window ? `${collection.hall} ${window}` : collection.hall;
}

/** One line of what was found, as the screen (a key or a text) and the slip (Chinese) show it. */
interface Line {
  label: string;
  text?: string;
  textKey?: string;
}

/** What the screen and the slip show of one application: what its receipt shows, its status, and where or when. */
export function applicationLines(application: ExitEntryApplication, kit: FlowKit): Line[] {
  const lines: Line[] = [
    { label: 'result.document', textKey: `documents.${application.document}` },
    { label: 'result.kind', textKey: `kinds.${application.kind}` },
    { label: 'result.acceptanceNumber', text: application.acceptanceNumber },
    { label: 'result.acceptedOn', text: application.acceptedOn },
    { label: 'result.status', textKey: `statuses.${application.status}` },
  ];
  switch (application.status) {
    case 'accepted':
    case 'underReview':
    case 'producing':
      if (application.expectedOn) lines.push({ label: 'result.expectedOn', text: application.expectedOn });
      break;
    case 'ready':
      if (application.collection) lines.push({ label: 'result.collectAt', text: collectAt(application, kit) }, { label: 'result.collectFrom', text: application.collection.from });
      break;
    case 'posted':
      if (application.ems) lines.push({ label: 'result.emsNumber', text: application.ems.number }, { label: 'result.postedOn', text: application.ems.postedOn });
      break;
    case 'collected':
      if (application.collectedOn) lines.push({ label: 'result.collectedOn', text: application.collectedOn });
      break;
    case 'refused':
      break;
    default: {
      const unknown: never = application.status;
      return unknown;
    }
  }
  return lines;
}

/** The screen's rows: the masked name (and masked number when the citizen identified), then each application's lines. */
export function resultRows(context: FlowContext, kit: FlowKit): DetailRow[] {
  const answer = answerOf(context);
  if (!answer) return [];
  const identity = byIdCard(context) && context.identityConfirmed ? context.identity : null;
  const holder: DetailRow[] = [
    { labelKey: key('result.holder'), text: answer.holderNameMasked },
    ...(identity ? [{ labelKey: key('result.idNumber'), text: identity.idNumberMasked }] : []),
  ];
  return [
    ...holder,
    ...shownApplications(answer).flatMap((application) =>
      applicationLines(application, kit).map((line) => ({ labelKey: key(line.label), ...(line.text !== undefined ? { text: line.text } : {}), ...(line.textKey ? { textKey: key(line.textKey) } : {}) })),
    ),
  ];
}

/** What to bring and where: said for each status the citizen must act on. */
export function resultNotes(context: FlowContext, kit: FlowKit): string[] {
  const answer = answerOf(context);
  const shown = shownApplications(answer);
  const notes: string[] = [];
  if (shown.some((application) => readyHere(application, kit.hallName))) notes.push(key('notes.collectHere'));
  if (shown.some((application) => application.status === 'ready' && !readyHere(application, kit.hallName))) notes.push(key('notes.collectElsewhere'));
  if (shown.some((application) => application.status === 'posted')) notes.push(key('notes.posted'));
  if ((answer?.applications.length ?? 0) > MAX_SHOWN) notes.push(key('notes.more'));
  return notes;
}

/** The slip: what the screen showed, in Chinese, masked. */
function slipLines(context: FlowContext, kit: FlowKit): Array<{ label: string; value: string }> {
  const answer = answerOf(context);
  if (!answer) return [];
  const word = (path: string) => path.split('.').reduce<unknown>((tree, part) => (tree as Record<string, unknown>)[part], zh) as string;
  const identity = byIdCard(context) && context.identityConfirmed ? context.identity : null;
  return [
    { label: word('result.holder'), value: answer.holderNameMasked },
    ...(identity ? [{ label: word('result.idNumber'), value: maskIdNumber(identity.idNumber) }] : []),
    ...shownApplications(answer).flatMap((application) =>
      applicationLines(application, kit).map((line) => ({ label: word(line.label), value: line.text ?? word(line.textKey!) })),
    ),
  ];
}

export function exitEntryProgressFlow(kit: FlowKit): FlowPlan {
  return {
    // The ticket names the identified person only: a receipt's holder is not known to the kiosk.
    holderName: (context) => (context.identityConfirmed ? (context.identity?.name ?? null) : null),
    steps: [
      choiceStep({
        id: 'way',
        labelKey: key('steps.way'),
        titleKey: key('way.title'),
        options: [
          { value: 'receipt', labelKey: key('way.receipt'), noteKey: key('way.receiptNote') },
          { value: 'idCard', labelKey: key('way.idCard'), noteKey: key('way.idCardNote') },
        ],
      }),
      skippedWhen(
        formStep({
          id: 'receipt',
          labelKey: key('steps.receipt'),
          titleKey: key('receipt.title'),
          scanField: 'number',
          back: true,
          fields: [{ id: 'number', type: 'text', input: 'code', maxLength: MAX_ACCEPTANCE_NUMBER_LENGTH, labelKey: key('receipt.number') }],
        }),
        (context) => !byReceipt(context),
      ),
      skippedWhen(
        formStep({
          id: 'holderCheck',
          labelKey: key('steps.holderCheck'),
          titleKey: key('holderCheck.title'),
          back: true,
          fields: [{ id: 'idNumberTail', type: 'text', input: 'idNumberTail', maxLength: 4, labelKey: key('holderCheck.idNumberTail') }],
        }),
        (context) => !byReceipt(context),
      ),
      skippedWhen(identifyStep(), (context) => !byIdCard(context)),
      skippedWhen(
        consentStep({ labelKey: key('steps.consent'), textKey: key('consent.text'), scopeKeys: [key('consent.scope.applications'), key('consent.scope.face')] }),
        (context) => !byIdCard(context),
      ),
      skippedWhen(faceCheckStep(), (context) => !byIdCard(context)),
      queryStep<ProgressAnswer>({
        id: 'progress',
        labelKey: key('steps.progress'),
        titleKey: key('query.progress'),
        run: (context) => {
          const request = progressRequest(context);
          // Unreachable past the gates (the receipt's forms, or a confirmed identity and a passed face check); fail closed.
          return request ? kit.gateway.call(exitEntryProgress, request) : Promise.resolve({ ok: false, error: { kind: 'unavailable', status: 0 } } as const);
        },
        route: (result, context) => routeProgress(result, wayOf(context)),
      }),
      reviewStep({
        id: 'result',
        labelKey: key('steps.result'),
        titleKey: key('result.title'),
        rows: (context) => resultRows(context, kit),
        noteKeys: (context) => resultNotes(context, kit),
        backTo: false,
      }),
      choiceStep({
        id: 'next',
        labelKey: key('steps.next'),
        titleKey: key('next.title'),
        options: (context) => [
          ...(shownApplications(answerOf(context)).some((application) => readyHere(application, kit.hallName)) ? [{ value: 'ticket', labelKey: key('next.ticket'), noteKey: key('next.ticketNote') }] : []),
          { value: 'slip', labelKey: key('next.slip') },
          { value: 'finish', labelKey: key('next.finish') },
        ],
        route: (value): Route => {
          switch (value) {
            case 'ticket':
              return { to: 'counter', reasonKey: key('counter.collect'), reasonParams: { window: kit.window } };
            case 'finish':
              return { to: 'done', outcome: 'progressShown' };
            default:
              return { to: 'next' };
          }
        },
      }),
      receiptPrintStep({
        labelKey: key('steps.slip'),
        titleKey: key('slip.title'),
        outcome: 'progressShown',
        rows: (context) => resultRows(context, kit),
        slip: (context) => ({ sessionId: context.sessionId, title: zh.slip!.title!, lines: slipLines(context, kit) }),
      }),
    ],
  };
}
