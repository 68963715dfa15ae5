/**
 * The 无犯罪记录证明 flow from library steps: identify → consent → face check
 * → registration (after the face check: nothing the back-end knows about the
 * person shapes a screen before) → purpose → record query → review → A4
 * print with its slip. The certificate's number, verification code and
 * electronic seal come from the back-end when it is issued.
 */
import { zonedIsoDate } from '../../../../domain/calendar-date';
import { err } from '../../../../domain/result';
import { formatChineseDate } from '../../issued/templates/chinese-date';
import {
  a4PrintStep,
  choiceStep,
  chosen,
  consentStep,
  faceCheckStep,
  factOf,
  identifyStep,
  issueCertificateDocument,
  certificateReceipt,
  queryStep,
  reviewStep,
  type FlowContext,
  type FlowKit,
  type FlowPlan,
  type PreparedDocument,
} from '../../flows/library';
import { holderDocumentType, type CriminalRecordAnswer, type PersonRecord } from '../../gateway/police-gateway';
import certificateTemplate from './certificate.template.json' with { type: 'json' };
import { PURPOSES, SERVICE_ID, idDocumentTypeOf, type CertificatePurpose, type NcrSettings } from './definition';
import { routeAnswer, routePerson } from './rules';

const key = (path: string) => `svc.${SERVICE_ID}.${path}`;

/** 申请用途 as printed in the outbox record and on the certificate's review. */
const purposeOf = (context: FlowContext): CertificatePurpose => {
  const value = chosen(context, 'purpose');
  return (PURPOSES as readonly string[]).includes(value ?? '') ? (value as CertificatePurpose) : 'other';
};

/** `2026-03-02` → `2026年3月2日` (anything else as it came). */
const printedDate = (isoDate: string): string => formatChineseDate(isoDate) ?? isoDate;

const nameOf = (context: FlowContext) => context.identity?.name ?? factOf<PersonRecord>(context, 'registration')?.name ?? null;

/** The notes under the certificate's details: abroad, validity (where the site asks), verification. */
function noteKeys(context: FlowContext, settings: NcrSettings): string[] {
  return [...(purposeOf(context) === 'abroad' ? [key('notes.abroad')] : []), ...(settings.validityNote ? [key('notes.validity')] : []), key('notes.verify')];
}

/** The same notes in Chinese, as the certificate prints them. */
function printedNotes(context: FlowContext, settings: NcrSettings, words: Record<string, string>): string[] {
  return noteKeys(context, settings)
    .filter((noteKey) => !noteKey.endsWith('.verify'))
    .map((noteKey) => words[noteKey.slice(noteKey.lastIndexOf('.') + 1)] ?? '');
}

export function noCriminalRecordFlow(kit: FlowKit, settings: NcrSettings, notesZh: Record<string, string>): FlowPlan {
  return {
    // A typed number has no name: the counter's ticket takes the registration lookup's (printed masked).
    holderName: nameOf,
    steps: [
      identifyStep(),
      consentStep({ labelKey: key('steps.consent'), textKey: key('consent.text'), scopeKeys: [key('consent.scope.registration'), key('consent.scope.face'), key('consent.scope.record')] }),
      faceCheckStep(),
      queryStep<PersonRecord>({
        id: 'registration',
        labelKey: key('steps.registration'),
        titleKey: key('query.registration'),
        run: (context) => kit.gateway.lookupPerson(context.identity?.idNumber ?? ''),
        route: (result) => {
          const route = routePerson(result, kit.homeProvinceCode);
          switch (route) {
            case 'eligible':
              return { to: 'next' };
            case 'outOfProvince':
              return { to: 'counter', reasonKey: key('counter.outOfProvince') };
            case 'foreigner':
              return { to: 'referral', referral: { to: 'exitEntry', province: null, city: null } };
            case 'counterOnly':
              return { to: 'counter', reasonKey: 'flow.counter.reason.atCounter' };
            case 'notFound':
              return { to: 'counter', reasonKey: 'flow.counter.reason.atCounter' };
            case 'backendProblem':
              return { to: 'retry' };
            default: {
              const unknown: never = route;
              return unknown;
            }
          }
        },
      }),
      choiceStep({
        id: 'purpose',
        labelKey: key('steps.purpose'),
        titleKey: key('purpose.title'),
        options: PURPOSES.map((purpose) => ({ value: purpose, labelKey: key(`purpose.${purpose}`), noteKey: key(`purpose.${purpose}Note`) })),
      }),
      queryStep<CriminalRecordAnswer>({
        id: 'record',
        labelKey: key('steps.record'),
        titleKey: key('query.record'),
        run: async (context, _kit, requestKey) => {
          const idNumber = context.identity?.idNumber ?? '';
          const purpose = purposeOf(context);
          // The purpose is part of the request: another purpose after BACK is another query.
          return kit.gateway.queryCriminalRecord({ idNumber, purpose, requestKey: `${requestKey}-${purpose}` });
        },
        // The counter's record goes out only when the flow itself goes to the counter (not for a run that ended mid-query).
        onRouted: (_route, answer, context) => {
          if (!answer.ok || routeAnswer(answer) !== 'counter' || !context.identity) return;
          kit.applications.submit(
            {
              serviceId: SERVICE_ID,
              payload: { kind: 'counterReferral', idNumber: context.identity.idNumber, purpose: purposeOf(context), result: answer.value.result, queryDate: answer.value.queryDate },
            },
            `${context.flowId}-counter`,
          );
        },
        route: (result) => {
          const route = routeAnswer(result);
          switch (route) {
            case 'certificate':
              return { to: 'next' };
            // Deliberately coarse: the screen never says whether a record was found.
            case 'counter':
              return { to: 'counter', reasonKey: 'flow.counter.reason.atCounter' };
            case 'notFound':
              return { to: 'counter', reasonKey: 'flow.counter.reason.atCounter' };
            case 'retryable':
              return { to: 'retry' };
            default: {
              const unknown: never = route;
              return unknown;
            }
          }
        },
      }),
      reviewStep({
        labelKey: key('steps.review'),
        titleKey: key('review.title'),
        backTo: 'purpose',
        rows: (context) => [
          { labelKey: key('review.name'), text: nameOf(context) ?? '' },
          { labelKey: key('review.idNumber'), text: context.identity?.idNumberMasked ?? '' },
          { labelKey: key('review.purpose'), textKey: key(`purpose.${purposeOf(context)}`) },
          { labelKey: key('review.queryDate'), text: factOf<CriminalRecordAnswer>(context, 'record')?.queryDate ?? '' },
        ],
        noteKeys: (context) => noteKeys(context, settings),
      }),
      a4PrintStep({
        labelKey: key('steps.print'),
        outcome: 'certificateIssued',
        noteKeys: (context) => noteKeys(context, settings),
        mayEnter: (context) => routeAnswer({ ok: true, value: factOf<CriminalRecordAnswer>(context, 'record') ?? { result: 'needsReview', queryDate: '', issuingOffice: '' } }) === 'certificate',
        prepare: async (context, _kit, requestKey): Promise<PreparedDocument> => {
          const identity = context.identity;
          const answer = factOf<CriminalRecordAnswer>(context, 'record');
          if (!identity || !answer) return err('notAllowed');
          const name = nameOf(context) ?? '';
          return issueCertificateDocument(kit, {
            kind: 'noCriminalRecord',
            template: certificateTemplate,
            idempotencyKey: requestKey,
            holder: { name, idNumber: identity.idNumber, idDocumentType: holderDocumentType(identity) },
            facts: { queryDate: answer.queryDate, purpose: purposeOf(context) },
            vars: (certificate) => ({
              name,
              idDocumentType: idDocumentTypeOf(identity.cardType),
              idNumber: identity.idNumber,
              // Printed in the official form (2026年3月2日), as the certificate has always read.
              queryDate: printedDate(answer.queryDate),
              issueDate: printedDate(certificate.issueDate || zonedIsoDate(kit.now(), kit.timeZone)),
              notes: printedNotes(context, settings, notesZh),
            }),
          });
        },
        receipt: certificateReceipt(kit, nameOf),
        onIssued: (context, print) => {
          const answer = factOf<CriminalRecordAnswer>(context, 'record');
          if (!context.identity || !answer || print.documentNumber === null) return;
          kit.applications.submit(
            {
              serviceId: SERVICE_ID,
              payload: {
                kind: 'certificateIssued',
                idNumber: context.identity.idNumber,
                purpose: purposeOf(context),
                result: answer.result,
                queryDate: answer.queryDate,
                documentNumber: print.documentNumber,
                backendNumber: print.printedNumber,
                printed: print.state === 'printed',
              },
            },
            `${context.flowId}-certificate`,
          );
        },
      }),
    ],
  };
}
