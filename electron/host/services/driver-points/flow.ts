/**
 * identify (card or typed number) → consent → face check → the driver record
 * and the violations not yet handled (no licence: the counter, with why) →
 * the record on screen, whatever the licence's status (it is a query: a
 * revoked or cancelled licence is shown as such) → print it on the receipt
 * printer, on A4, or not at all → done. Free.
 */
import { zonedIsoDate } from '../../../../domain/calendar-date';
import { err, ok } from '../../../../domain/result';
import {
  a4PrintStep,
  choiceStep,
  chosen,
  consentStep,
  faceCheckStep,
  factOf,
  identifyStep,
  queryStep,
  receiptPrintStep,
  reviewStep,
  type FlowContext,
  type FlowKit,
  type FlowPlan,
  type PreparedDocument,
  type Route,
} from '../../flows/library';
import type { GatewayResult } from '../../gateway/police-gateway';
import infoSheetTemplate from './info-sheet.template.json' with { type: 'json' };
import { queryDriverSheet, type DriverSheet } from './query';
import { a4Vars, sheetNoteKeys, sheetRows, slipContent } from './sheet';

export const SERVICE_ID = 'driver-points';
const key = (path: string) => `svc.${SERVICE_ID}.${path}`;

/** How the citizen takes the sheet away. */
export const OUTPUTS = ['receipt', 'a4', 'none'] as const;
export type Output = (typeof OUTPUTS)[number];

const sheetOf = (context: FlowContext) => factOf<DriverSheet>(context, 'record');
const outputOf = (context: FlowContext) => chosen(context, 'output') as Output | null;

/** Where the query's answer leads: on with a record; no licence: the counter with why and what to do; anything else: another try. */
export function routeRecord(result: GatewayResult<DriverSheet>): Route | { to: 'retry' } {
  if (result.ok) return { to: 'next' };
  return result.error.kind === 'notFound' ? { to: 'counter', reasonKey: key('refusal.noLicence') } : { to: 'retry' };
}

/** Where each way of taking the sheet leads: on to its print step, or the end without printing. */
export function routeOutput(output: Output): Route {
  switch (output) {
    case 'receipt':
    case 'a4':
      return { to: 'next' };
    case 'none':
      return { to: 'done', outcome: 'sheetShown' };
    default: {
      const unknown: never = output;
      return unknown;
    }
  }
}

export function driverPointsFlow(kit: FlowKit): FlowPlan {
  return {
    // A typed number brings no name: the counter's ticket takes the licence record's.
    holderName: (context) => context.identity?.name ?? sheetOf(context)?.record.name ?? null,
    steps: [
      identifyStep(),
      consentStep({ labelKey: key('steps.consent'), textKey: key('consent.text'), scopeKeys: [key('consent.scope.licence'), key('consent.scope.violations'), key('consent.scope.face')] }),
      faceCheckStep(),
      queryStep<DriverSheet>({
        id: 'record',
        labelKey: key('steps.record'),
        titleKey: key('query.record'),
        run: (context) => queryDriverSheet(kit.gateway, context.identity?.idNumber ?? ''),
        route: routeRecord,
      }),
      reviewStep({
        id: 'sheet',
        labelKey: key('steps.sheet'),
        titleKey: key('sheet.title'),
        backTo: false,
        rows: (context) => {
          const sheet = sheetOf(context);
          return sheet ? sheetRows(sheet) : [];
        },
        noteKeys: (context) => {
          const sheet = sheetOf(context);
          return sheet ? sheetNoteKeys(sheet) : [];
        },
      }),
      choiceStep({
        id: 'output',
        labelKey: key('steps.output'),
        titleKey: key('output.title'),
        back: true,
        options: [
          { value: 'receipt', labelKey: key('output.receipt'), noteKey: key('output.receiptNote') },
          { value: 'a4', labelKey: key('output.a4'), noteKey: key('output.a4Note') },
          { value: 'none', labelKey: key('output.none'), noteKey: key('output.noneNote') },
        ],
        route: (value) => routeOutput(value as Output),
      }),
      receiptPrintStep({
        labelKey: key('steps.slip'),
        titleKey: key('sheet.title'),
        outcome: 'slipPrinted',
        skip: (context) => outputOf(context) !== 'receipt',
        rows: (context) => {
          const sheet = sheetOf(context);
          return sheet ? sheetRows(sheet) : [];
        },
        slip: (context) => {
          const sheet = sheetOf(context);
          // The step is entered only after the record step passed, so the sheet is there.
          const content = sheet ? slipContent(sheet) : { title: '', lines: [], notes: [] };
          return { sessionId: context.sessionId, title: content.title, lines: content.lines, notes: content.notes };
        },
      }),
      a4PrintStep({
        labelKey: key('steps.print'),
        outcome: 'sheetPrinted',
        mayEnter: (context) => outputOf(context) === 'a4' && sheetOf(context) !== undefined,
        prepare: async (context): Promise<PreparedDocument> => {
          const sheet = sheetOf(context);
          if (!sheet) return err('notAllowed');
          return ok({
            // An information sheet: the kiosk journal numbers it, the back-end issues no certificate.
            printedNumber: null,
            verifyCode: null,
            request: { kind: 'driverInfoSheet', template: infoSheetTemplate, vars: a4Vars(sheet, zonedIsoDate(kit.now(), kit.timeZone), kit.hallName ?? '') },
          });
        },
      }),
    ],
  };
}
