/**
 * identify → consent → face check → the driver record (shared
 * `driver-record`: 70 or over, a licence that may be used, a valid fit
 * medical check; else the counter with why and what to do) → the medical
 * check shown → the 三力测试 (library step; a fail goes to the counter with
 * what happens next) → the annual record submitted (its own operation,
 * idempotent) → a slip on the receipt printer: the result, the date, when
 * the next one is due.
 */
import { addDays, zonedIsoDate } from '../../../../domain/calendar-date';
import { maskIdNumber, maskName } from '../../../../domain/mask';
import {
  abilityResult,
  abilityTestStep,
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
  type Route,
} from '../../flows/library';
import type { DriverRecordAnswer } from '../shared/traffic/driver-record';
import { elderlyAnnualCheck, type AnnualCheckAnswer } from './backend';
import { eligibility, nextDueBy, type Refusal } from './eligibility';
import { driverRecordStep } from '../shared/traffic/driver-record-step';
import { wording } from './wording';

export const SERVICE_ID = 'elderly-driver-check';
const key = (path: string) => `svc.${SERVICE_ID}.${path}`;
const zh = wording['zh-CN'] as { slip: Record<string, string>; passed: string };

const recordOf = (context: FlowContext) => factOf<DriverRecordAnswer>(context, 'record');
const submittedOf = (context: FlowContext) => factOf<AnnualCheckAnswer>(context, 'submission');

/** The counter's reason for each refusal: why, and what to do instead. */
export function refusalReasonKey(reason: Refusal): string {
  switch (reason) {
    case 'notNeeded':
    case 'licenceNotUsable':
    case 'noMedicalCheck':
    case 'medicalCheckLapsed':
    case 'medicalCheckUnfit':
      return key(`refusal.${reason}`);
    default: {
      const unknown: never = reason;
      throw new Error(`unknown refusal ${String(unknown)}`);
    }
  }
}

/** Where the driver record leads: on when the annual check can be recorded here, else the counter with the reason. */
export function routeEligibility(record: DriverRecordAnswer, today: string): Route {
  const decided = eligibility(record, today);
  return decided.kind === 'eligible' ? { to: 'next' } : { to: 'counter', reasonKey: refusalReasonKey(decided.reason) };
}

/** The slip's and the screen's lines: the result, the date, the next due date. */
function slipLines(context: FlowContext) {
  const record = recordOf(context);
  const result = abilityResult(context);
  const submitted = submittedOf(context);
  if (!record || !result || !submitted) return [];
  const testedOn = submitted.recordedOn;
  return [
    { id: 'name', label: zh.slip.name!, value: maskName(record.name) },
    { id: 'idNumber', label: zh.slip.idNumber!, value: maskIdNumber(record.licence.number) },
    { id: 'classes', label: zh.slip.classes!, value: record.licence.classes },
    { id: 'medical', label: zh.slip.medical!, value: `${record.medicalCheck?.institution ?? ''} ${record.medicalCheck?.checkedOn ?? ''}` },
    { id: 'ability', label: zh.slip.ability!, value: `${result.total}分 ${zh.passed}` },
    { id: 'abilityDetail', label: zh.slip.abilityDetail!, value: `${result.scores.memory.points}/${result.scores.judgement.points}/${result.scores.reaction.points}` },
    { id: 'testedOn', label: zh.slip.testedOn!, value: testedOn },
    { id: 'abilityValidUntil', label: zh.slip.abilityValidUntil!, value: addDays(testedOn, 364) },
    { id: 'nextDueBy', label: zh.slip.nextDueBy!, value: nextDueBy(record.points.cycleTo) },
    { id: 'acceptanceNumber', label: zh.slip.acceptanceNumber!, value: submitted.acceptanceNumber },
  ];
}

export function elderlyDriverCheckFlow(kit: FlowKit): FlowPlan {
  const today = () => zonedIsoDate(kit.now(), kit.timeZone);
  return {
    // A typed number brings no name: the ticket takes the licence record's.
    holderName: (context) => context.identity?.name ?? recordOf(context)?.name ?? null,
    steps: [
      identifyStep(),
      consentStep({ labelKey: key('steps.consent'), textKey: key('consent.text'), scopeKeys: [key('consent.scope.record'), key('consent.scope.test'), key('consent.scope.submit')] }),
      faceCheckStep(),
      driverRecordStep(kit, { labelKey: key('steps.record'), titleKey: key('query.record'), noLicenceKey: key('refusal.noLicence'), route: (record) => routeEligibility(record, today()) }),
      reviewStep({
        id: 'medical',
        labelKey: key('steps.medical'),
        titleKey: key('medical.title'),
        backTo: false,
        rows: (context) => {
          const record = recordOf(context);
          const check = record?.medicalCheck;
          if (!record || !check) return [];
          return [
            { labelKey: key('medical.name'), text: record.name },
            { labelKey: key('medical.idNumber'), text: context.identity?.idNumberMasked ?? maskIdNumber(record.licence.number) },
            { labelKey: key('medical.classes'), text: record.licence.classes },
            { labelKey: key('medical.institution'), text: check.institution },
            { labelKey: key('medical.checkedOn'), text: check.checkedOn },
            { labelKey: key('medical.validUntil'), text: check.validUntil },
            { labelKey: key('medical.conclusion'), textKey: key('medical.fit') },
          ];
        },
        noteKeys: () => [key('medical.note')],
      }),
      // The 三力测试: two attempts today; a fail goes to the counter, which says what happens next.
      abilityTestStep({
        labelKey: key('steps.abilityTest'),
        failed: { to: 'counter', reasonKey: key('refusal.abilityFailed') },
        failedNoteKey: key('abilityFailed'),
      }),
      queryStep<AnnualCheckAnswer>({
        id: 'submission',
        labelKey: key('steps.submission'),
        titleKey: key('query.submission'),
        run: (context, _kit, requestKey) => {
          const record = recordOf(context);
          const result = abilityResult(context);
          return kit.gateway.call(elderlyAnnualCheck, {
            idNumber: context.identity?.idNumber ?? '',
            fileNumber: record?.licence.fileNumber ?? '',
            medicalCheck: { institution: record?.medicalCheck?.institution ?? '', checkedOn: record?.medicalCheck?.checkedOn ?? '' },
            abilityTest: {
              memory: result?.scores.memory.points ?? 0,
              judgement: result?.scores.judgement.points ?? 0,
              reaction: result?.scores.reaction.points ?? 0,
              total: result?.total ?? 0,
              passed: true,
              testedOn: zonedIsoDate(new Date(result?.testedAt ?? kit.now().toISOString()), kit.timeZone),
              attempts: result?.attempts.length ?? 1,
            },
            requestKey,
          });
        },
        route: (result) => (result.ok ? { to: 'next' } : { to: 'retry' }),
      }),
      receiptPrintStep({
        labelKey: key('steps.slip'),
        titleKey: key('slip.title'),
        outcome: 'annualCheckRecorded',
        rows: (context) => slipLines(context).map((line) => ({ labelKey: key(`slip.${line.id}`), text: line.value })),
        slip: (context) => {
          const submitted = submittedOf(context);
          return {
            sessionId: context.sessionId,
            title: zh.slip.title!,
            lines: slipLines(context).map(({ label, value }) => ({ label, value })),
            ...(submitted ? { code: submitted.acceptanceNumber, codeFormat: 'code128' as const } : {}),
            notes: [zh.slip.note!],
          };
        },
      }),
    ],
  };
}
