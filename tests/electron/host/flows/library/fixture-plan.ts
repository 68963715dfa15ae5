/**
 * A tiny plan for the step library's tests, every step configured from the
 * test: identify → consent → face check → colour (a choice) → lookup (a
 * query whose answers the test scripts) → review → print (A4 with a slip).
 */
import { createActor } from 'xstate';
import type { Identity } from '../../../../../electron/contract';
import {
  a4PrintStep,
  buildFlow,
  choiceStep,
  chosen,
  consentStep,
  faceCheckStep,
  factOf,
  identifyStep,
  queryStep,
  reviewStep,
  routeFailure,
  type FlowKit,
  type FlowPlan,
  type PreparedDocument,
  type QueryOptions,
  type StepDefinition,
} from '../../../../../electron/host/flows/library';
import type { GatewayResult } from '../../../../../electron/host/gateway/police-gateway';
import { testKit, type KitOptions } from '../../services/flow-kit';

export const KEY = (path: string) => `svc.test-service.${path}`;

/** What the lookup answers, call by call; a promise to hold it running. */
export type LookupAnswer = GatewayResult<{ size: number }> | Promise<GatewayResult<{ size: number }>> | 'throw';

export interface FixtureScript {
  /** Answers of the lookup in order; when empty, `{ ok: true, value: { size: 1 } }`. */
  lookup: LookupAnswer[];
  /** Requests the lookup was called with (the colour chosen, the request key). */
  lookups: Array<{ colour: string | null; requestKey: string }>;
  /** What the print's prepare returns, call by call (default: a document). */
  prepare: Array<PreparedDocument | Promise<PreparedDocument>>;
  /** Documents the print told `onIssued` of. */
  issued: Array<{ documentNumber: string | null; state: string }>;
}

export function fixtureScript(): FixtureScript {
  return { lookup: [], lookups: [], prepare: [], issued: [] };
}

/** A document request: the recording desk keeps it, never renders it. */
export const FIXTURE_DOCUMENT: PreparedDocument = {
  ok: true,
  value: {
    printedNumber: 'ZM2026-TEST-000001',
    verifyCode: 'ABCD2345EF',
    request: { kind: 'testDocument', template: { id: 'test' }, vars: { colour: 'red' }, printedNumber: 'ZM2026-TEST-000001' },
  },
};

export interface FixtureOptions {
  lookup?: Partial<Pick<QueryOptions<{ size: number }>, 'maxAttempts' | 'failedReasonKey' | 'route'>>;
  /** Replaces the steps (by index) or adds steps; for tests of the builder. */
  steps?: (steps: StepDefinition[]) => StepDefinition[];
  printMayEnter?: () => boolean;
  receipt?: boolean;
}

/** The fixture plan with `script` answering its back-end and print. */
export function fixturePlan(script: FixtureScript, options: FixtureOptions = {}): (kit: FlowKit) => FlowPlan {
  return (kit) => {
    const steps: StepDefinition[] = [
      identifyStep(),
      consentStep({ labelKey: KEY('steps.consent'), textKey: KEY('consent.text'), scopeKeys: [KEY('consent.scope')] }),
      faceCheckStep(),
      choiceStep({
        id: 'colour',
        labelKey: KEY('steps.colour'),
        titleKey: KEY('colour.title'),
        back: true,
        options: [
          { value: 'red', labelKey: KEY('colour.red') },
          { value: 'blue', labelKey: KEY('colour.blue'), noteKey: KEY('colour.blueNote') },
        ],
      }),
      queryStep<{ size: number }>({
        id: 'lookup',
        labelKey: KEY('steps.lookup'),
        titleKey: KEY('lookup.title'),
        run: async (context, _kit, requestKey) => {
          script.lookups.push({ colour: chosen(context, 'colour'), requestKey });
          const next = script.lookup.shift() ?? { ok: true, value: { size: 1 } };
          if (next === 'throw') throw new Error('a bug in the service');
          return next;
        },
        route: options.lookup?.route ?? ((result) => routeFailure(result, KEY('counter.notFound')) ?? { to: 'next' }),
        ...(options.lookup?.maxAttempts ? { maxAttempts: options.lookup.maxAttempts } : {}),
        ...(options.lookup?.failedReasonKey ? { failedReasonKey: options.lookup.failedReasonKey } : {}),
      }),
      reviewStep({
        labelKey: KEY('steps.review'),
        titleKey: KEY('review.title'),
        backTo: 'colour',
        rows: (context) => [
          { labelKey: KEY('review.colour'), textKey: KEY(`colour.${chosen(context, 'colour') ?? 'none'}`) },
          { labelKey: KEY('review.size'), text: String(factOf<{ size: number }>(context, 'lookup')?.size ?? '') },
        ],
      }),
      a4PrintStep({
        labelKey: KEY('steps.print'),
        outcome: 'printedIt',
        noteKeys: () => [KEY('notes.verify')],
        ...(options.printMayEnter ? { mayEnter: options.printMayEnter } : {}),
        prepare: async () => script.prepare.shift() ?? FIXTURE_DOCUMENT,
        ...(options.receipt === false
          ? {}
          : {
              receipt: (context, print) => ({
                sessionId: context.sessionId,
                serviceName: kit.serviceName['zh-CN'],
                documentNumber: print.printedNumber ?? '',
                verifyCode: print.verifyCode,
                name: context.identity?.name ?? null,
                idNumberMasked: context.identity?.idNumberMasked ?? '',
                issuedAt: kit.now(),
              }),
            }),
        onIssued: (_context, print) => script.issued.push({ documentNumber: print.documentNumber, state: print.state }),
      }),
    ];
    return { steps: options.steps ? options.steps(steps) : steps };
  };
}

/** The plan's machine as an actor, for a test that reads the run's context (what the host passed, the facts). */
export function startActor(plan: (kit: FlowKit) => FlowPlan, identity: Identity | null, options: KitOptions = {}) {
  const test = testKit('test-service', { 'zh-CN': '测试事项', en: 'Test service' }, 'certificates', options);
  const built = buildFlow(plan(test.kit), test.kit);
  const actor = createActor(built.machine, { input: { sessionId: 'session-actor', flowId: 'flow-actor-0000', identity } });
  actor.start();
  return { ...test, built, actor, view: () => built.view(actor.getSnapshot() as never) };
}

/** A promise the test resolves when it wants. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}
