/**
 * identify → consent → face check → the back-end's status of the citizen's
 * ID card application → a slip on the receipt printer, repeated on screen.
 * The latest application is shown; none found ends the run with a word on
 * where to ask.
 */
import { consentStep, faceCheckStep, factOf, identifyStep, queryStep, receiptPrintStep, type FlowContext, type FlowKit, type FlowPlan } from '../../flows/library';
import type { DetailRow } from '../../../contract';
import { idCardProgress, type IdCardApplication, type ProgressAnswer } from './backend';
import { wording } from './wording';

const SERVICE_ID = 'id-card-progress';
const key = (path: string) => `svc.${SERVICE_ID}.${path}`;
const zh = wording['zh-CN'] as Record<string, Record<string, string>>;

/** The application the slip is about: the latest accepted. */
export function latestApplication(answer: ProgressAnswer | undefined): IdCardApplication | null {
  if (!answer || answer.applications.length === 0) return null;
  return [...answer.applications].sort((a, b) => b.acceptedOn.localeCompare(a.acceptedOn))[0] ?? null;
}

const applicationOf = (context: FlowContext) => latestApplication(factOf<ProgressAnswer>(context, 'progress'));

/** What the screen shows (public: the acceptance number is the citizen's own reference, not personal data). */
export function progressRows(application: IdCardApplication | null): DetailRow[] {
  if (!application) return [];
  return [
    { labelKey: key('slip.kind'), textKey: key(`kinds.${application.kind}`) },
    { labelKey: key('slip.acceptanceNumber'), text: application.acceptanceNumber },
    { labelKey: key('slip.acceptedOn'), text: application.acceptedOn },
    { labelKey: key('slip.status'), textKey: key(`statuses.${application.status}`) },
    ...(application.expectedOn ? [{ labelKey: key('slip.expectedOn'), text: application.expectedOn }] : []),
    ...(application.collectAt ? [{ labelKey: key('slip.collectAt'), text: `${application.collectAt.hall} ${application.collectAt.window}` }] : []),
    ...(application.emsNumber ? [{ labelKey: key('slip.emsNumber'), text: application.emsNumber }] : []),
  ];
}

/** The same lines in Chinese, as the slip prints them. */
function slipLines(application: IdCardApplication): Array<{ label: string; value: string }> {
  const slip = zh.slip!;
  return [
    { label: slip.kind!, value: zh.kinds![application.kind]! },
    { label: slip.acceptanceNumber!, value: application.acceptanceNumber },
    { label: slip.acceptedOn!, value: application.acceptedOn },
    { label: slip.status!, value: zh.statuses![application.status]! },
    ...(application.expectedOn ? [{ label: slip.expectedOn!, value: application.expectedOn }] : []),
    ...(application.collectAt ? [{ label: slip.collectAt!, value: `${application.collectAt.hall} ${application.collectAt.window}` }] : []),
    ...(application.emsNumber ? [{ label: slip.emsNumber!, value: application.emsNumber }] : []),
  ];
}

export function idCardProgressFlow(kit: FlowKit): FlowPlan {
  return {
    steps: [
      identifyStep(),
      consentStep({ labelKey: key('steps.consent'), textKey: key('consent.text'), scopeKeys: [key('consent.scope.applications'), key('consent.scope.face')] }),
      faceCheckStep(),
      queryStep<ProgressAnswer>({
        id: 'progress',
        labelKey: key('steps.progress'),
        titleKey: key('query.progress'),
        run: (context) => kit.gateway.call(idCardProgress, { idNumber: context.identity?.idNumber ?? '' }),
        route: (result) => {
          if (!result.ok) return result.error.kind === 'notFound' ? { to: 'done', outcome: 'noApplication' } : { to: 'retry' };
          return result.value.applications.length > 0 ? { to: 'next' } : { to: 'done', outcome: 'noApplication' };
        },
      }),
      receiptPrintStep({
        labelKey: key('steps.slip'),
        titleKey: key('slip.title'),
        outcome: 'progressShown',
        rows: (context) => progressRows(applicationOf(context)),
        slip: (context) => {
          const application = applicationOf(context);
          return {
            sessionId: context.sessionId,
            title: zh.slip!.title!,
            lines: application ? slipLines(application) : [],
            ...(application ? { code: application.acceptanceNumber } : {}),
          };
        },
      }),
    ],
  };
}
