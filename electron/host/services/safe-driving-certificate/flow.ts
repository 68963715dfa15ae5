/**
 * identify → consent → face check → the period (1 or 3 years) → the
 * driver's record from the traffic police → review → the A4 certificate with
 * the back-end's number, verification code and seal, like the
 * no-criminal-record certificate. No licence found ends the run with a word.
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
import { holderDocumentType } from '../../gateway/police-gateway';
import { driverSafetyRecord, type DriverRecord } from './backend';
import certificateTemplate from './certificate.template.json' with { type: 'json' };
import { wording } from './wording';

const SERVICE_ID = 'safe-driving-certificate';
const key = (path: string) => `svc.${SERVICE_ID}.${path}`;
const statusesZh = (wording['zh-CN'].statuses ?? {}) as Record<string, string>;

const yearsOf = (context: FlowContext): 1 | 3 => (chosen(context, 'period') === 'y3' ? 3 : 1);
const recordOf = (context: FlowContext) => factOf<DriverRecord>(context, 'record');
/** The card's name, or the licence record's for a typed number. */
const nameOf = (context: FlowContext) => context.identity?.name ?? recordOf(context)?.name ?? '';

export function safeDrivingFlow(kit: FlowKit): FlowPlan {
  return {
    steps: [
      identifyStep(),
      consentStep({ labelKey: key('steps.consent'), textKey: key('consent.text'), scopeKeys: [key('consent.scope.licence'), key('consent.scope.record'), key('consent.scope.face')] }),
      faceCheckStep(),
      choiceStep({
        id: 'period',
        labelKey: key('steps.period'),
        titleKey: key('period.title'),
        options: [
          { value: 'y1', labelKey: key('period.y1'), noteKey: key('period.y1Note') },
          { value: 'y3', labelKey: key('period.y3'), noteKey: key('period.y3Note') },
        ],
      }),
      queryStep<DriverRecord>({
        id: 'record',
        labelKey: key('steps.record'),
        titleKey: key('query.record'),
        // The period is part of the request: another period after BACK is another query.
        run: (context, _kit, requestKey) =>
          kit.gateway.call(driverSafetyRecord, { idNumber: context.identity?.idNumber ?? '', years: yearsOf(context), requestKey: `${requestKey}-${yearsOf(context)}` }),
        route: (result) => {
          if (result.ok) return { to: 'next' };
          return result.error.kind === 'notFound' ? { to: 'done', outcome: 'noLicence' } : { to: 'retry' };
        },
      }),
      reviewStep({
        labelKey: key('steps.review'),
        titleKey: key('review.title'),
        backTo: 'period',
        rows: (context) => {
          const record = recordOf(context);
          if (!record) return [];
          return [
            { labelKey: key('review.name'), text: nameOf(context) },
            { labelKey: key('review.idNumber'), text: context.identity?.idNumberMasked ?? '' },
            { labelKey: key('review.classes'), text: record.licence.classes },
            { labelKey: key('review.status'), textKey: key(`statuses.${record.licence.status}`) },
            { labelKey: key('review.period'), text: `${record.periodFrom} – ${record.periodTo}` },
            { labelKey: key('review.violations'), text: `${record.violations} (${record.unhandledViolations})` },
            { labelKey: key('review.accidents'), text: `${record.accidents} (${record.accidentsAtFault})` },
            { labelKey: key('review.points'), text: String(record.points) },
          ];
        },
        noteKeys: () => [key('notes.verify')],
      }),
      a4PrintStep({
        labelKey: key('steps.print'),
        outcome: 'certificateIssued',
        noteKeys: () => [key('notes.verify')],
        mayEnter: (context) => recordOf(context) !== undefined,
        prepare: async (context, _kit, requestKey): Promise<PreparedDocument> => {
          const identity = context.identity;
          const record = recordOf(context);
          if (!identity || !record) return err('notAllowed');
          return issueCertificateDocument(kit, {
            kind: 'safeDriving',
            template: certificateTemplate,
            idempotencyKey: `${requestKey}-${yearsOf(context)}`,
            holder: { name: nameOf(context), idNumber: identity.idNumber, idDocumentType: holderDocumentType(identity) },
            facts: { periodFrom: record.periodFrom, periodTo: record.periodTo, violations: String(record.violations), accidents: String(record.accidents), points: String(record.points) },
            vars: (certificate) => ({
              name: nameOf(context),
              idNumber: identity.idNumber,
              classes: record.licence.classes,
              firstIssuedOn: formatChineseDate(record.licence.firstIssuedOn),
              licenceStatus: statusesZh[record.licence.status] ?? record.licence.status,
              // Dates in the official form (2026年3月2日).
              periodFrom: formatChineseDate(record.periodFrom),
              periodTo: formatChineseDate(record.periodTo),
              violations: String(record.violations),
              unhandledViolations: String(record.unhandledViolations),
              accidents: String(record.accidents),
              accidentsAtFault: String(record.accidentsAtFault),
              points: String(record.points),
              issueDate: formatChineseDate(certificate.issueDate || zonedIsoDate(kit.now(), kit.timeZone)),
            }),
          });
        },
        receipt: certificateReceipt(kit, nameOf),
      }),
    ],
  };
}
