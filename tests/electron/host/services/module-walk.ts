/**
 * The walk of a service module's flow that service-modules*.test.ts check:
 * the flow test kit (flow-kit.ts) driven through its paths and side steps
 * for every sandbox citizen and with the back-end, the printer and the slips
 * failing, recording every view, back-end call and machine fault.
 */
import type { FlowView, Identity } from '../../../../electron/contract';
import type { FlowMachineEvent } from '../../../../electron/host/flows/flow-events';
import type { BackendOperation } from '../../../../electron/host/gateway/operation';
import type { PoliceGateway } from '../../../../electron/host/gateway/police-gateway';
import type { ServiceModule } from '../../../../electron/host/services/service-module';
import { card, sandboxCitizens, sandboxGateway, serviceRunner, typed, type FlowRun } from './flow-kit';
import { aDot, writtenName } from '../flows/library/signatures';
import { validFormValues } from './form-values';
import { competentAnswers, poorAnswers } from '../flows/library/ability-answers';

/** A way to run a module: who is at the kiosk, and what fails. */
interface Variant {
  label: string;
  identity: Identity | null;
  gateway?: () => PoliceGateway;
  prepare?: (run: FlowRun) => void;
  /**
   * Walk every distinct view (the first variant, 陈思远 by card), or each
   * step's state once (everyone else): the other people and faults reach
   * their own refusals, outcomes and keys without replaying every
   * combination of photo, prints, delivery and payment again, which grows
   * with each service's length and would make this file the suite's slowest.
   */
  exhaustive?: boolean;
}

const CHEN = '410402199001011230';
const UNAVAILABLE = { ok: false, error: { kind: 'unavailable', status: 503 } } as const;

/** The sandbox with every call failing as unavailable. */
function downGateway(): PoliceGateway {
  const base = sandboxGateway();
  return {
    ...base,
    lookupPerson: async () => UNAVAILABLE,
    queryCriminalRecord: async () => UNAVAILABLE,
    issueCertificate: async () => UNAVAILABLE,
    call: async () => UNAVAILABLE,
  };
}

/** Every sandbox citizen by card and by typed number, nobody, a stranger, and 陈思远 with each device or the back-end failing. */
function variants(): Variant[] {
  // The keypad takes 18-character numbers only: a 2017 foreigner permit number is read from its card.
  const people: Variant[] = Object.keys(sandboxCitizens().citizens).flatMap((id) => [
    { label: `card ${id}`, identity: card(id) },
    ...(/^\d{17}[\dX]$/.test(id) ? [{ label: `typed ${id}`, identity: typed(id) }] : []),
  ]);
  people[0] = { ...people[0]!, exhaustive: true };
  return [
    ...people,
    { label: 'nobody', identity: null },
    { label: 'a stranger', identity: typed('410404197001010098') },
    { label: 'back-end down', identity: card(CHEN), gateway: downGateway },
    { label: 'A4 paper out', identity: card(CHEN), prepare: (run) => (run.documents.script = ['paperOut', 'paperOut']) },
    { label: 'A4 document failed', identity: card(CHEN), prepare: (run) => (run.documents.script = ['documentFailed']) },
    {
      label: 'slips out',
      identity: card(CHEN),
      prepare: (run) => {
        run.slips.script = { tickets: ['paperOut'], receipts: ['paperOut'], infoSlips: ['paperOut', 'paperOut'] };
      },
    },
  ];
}

/**
 * What a device does for a step that waits for one (the host's events the
 * flow kit sends): a page the document camera kept, a print of a quality,
 * the order paid on a phone or by a 付款码.
 */
type DeviceAct =
  | { type: 'ACCEPT_PAGE'; stepId: string; paper: string }
  | { type: 'FINGERPRINT'; quality: number }
  | { type: 'PAY_BY_PHONE' }
  | { type: 'PAY_BY_CODE'; authCode: string }
  | { type: 'PHOTO'; spec: Extract<FlowView['data'], { step: 'photo' }>['spec'] };
type WalkEvent = FlowMachineEvent | DeviceAct;

/** A 付款码 the payment sandbox takes (WeChat's prefix) and one it declines. */
const PAYS = '138800000000000001';
const DECLINED = '139900000000000001';

/** What the devices could do next at `view` (device steps only). */
function deviceActs(view: FlowView): WalkEvent[] {
  const data = view.data;
  switch (data.step) {
    case 'photo':
      // The photo module accepted a take (or a studio's 回执) of the step's spec, and the citizen chose it.
      return data.chosen ? [] : [{ type: 'PHOTO', spec: data.spec }];
    case 'documentCapture':
      return data.state === 'capturing' ? data.papers.filter((paper) => paper.pageIds.length < paper.maxPages).map((paper) => ({ type: 'ACCEPT_PAGE', stepId: view.stepId, paper: paper.value })) : [];
    case 'fingerprints':
      // A good print, and a bad one on a finger's first try (not more: each try is a new view).
      if (data.state !== 'capturing' || data.finger === null) return [];
      return [{ type: 'FINGERPRINT', quality: 80 }, ...(data.tries === 0 && data.captured.length === 0 && data.exemptions.length === 0 ? [{ type: 'FINGERPRINT', quality: 10 } as const] : [])];
    case 'form':
      // A code held under the scanner (a form that takes scans): one no back-end knows, and one of the wrong form.
      return data.scanFieldId ? [{ type: 'CODE_SCANNED', text: '1234567890' }, { type: 'CODE_SCANNED', text: 'not a code' }] : [];
    case 'payment':
      return data.state === 'waiting' && data.qrText ? [{ type: 'PAY_BY_PHONE' }, { type: 'PAY_BY_CODE', authCode: data.failure === null ? DECLINED : PAYS }] : [];
    default:
      return [];
  }
}

/** Plays one event of a path: a device's through the kit, the rest sent to the flow; false when the step refuses it. */
async function play(run: FlowRun, event: WalkEvent): Promise<boolean> {
  switch (event.type) {
    case 'ACCEPT_PAGE':
      return run.acceptPage(event.stepId, event.paper);
    case 'FINGERPRINT':
      return run.fingerprint(event.quality);
    case 'PHOTO':
      return run.photo(event.spec);
    case 'PAY_BY_PHONE':
      await run.payByPhone();
      return true;
    case 'PAY_BY_CODE':
      await run.payByCode(event.authCode);
      return true;
    default:
      return run.flow.send(event);
  }
}

/** What a citizen (or the host) could do next at `view`: every event the step accepts, every option, every face verdict, every device's act. */
function nextEvents(view: FlowView, first: boolean): WalkEvent[] {
  const events: WalkEvent[] = [...deviceActs(view)];
  for (const type of view.accepts) {
    switch (type) {
      case 'CHOOSE':
        if (view.data.step === 'choice') events.push(...view.data.options.map((option) => ({ type, value: option.value })));
        break;
      case 'CONSENT':
        events.push({ type, granted: true }, { type, granted: false });
        break;
      case 'SIGN':
        events.push({ type, signature: writtenName() }, { type, signature: aDot() });
        break;
      case 'CONFIRM':
      case 'BACK':
      case 'RETRY':
      case 'REPRINT':
        events.push({ type });
        break;
      case 'SUBMIT_FORM':
        // An empty submission stays with its errors; valid values go on (both ways for a delivery step).
        events.push({ type, values: {} });
        if (view.data.step === 'form') events.push({ type, values: validFormValues(view.data.fields) });
        if (view.data.step === 'delivery') events.push({ type, values: { method: 'hall' } }, { type, values: { method: 'ems', ...validFormValues(view.data.fields) } });
        break;
      case 'SELECT':
        // Everything offered taken on, the first one only, and everything set aside.
        if (view.data.step === 'selection') {
          const offered = view.data.items.filter((item) => item.selectable).map((item) => item.id);
          events.push({ type, values: offered }, { type, values: offered.slice(0, 1) }, { type, values: [] });
        }
        break;
      case 'EXEMPT_FINGER':
        // Fingers given up before any try (up to a hand with none left), not mixed with tries: the combinations add nothing but time.
        if (view.data.step !== 'fingerprints' || (view.data.captured.length === 0 && view.data.tries === 0 && view.data.lastQuality === null)) events.push({ type, reason: 'missing' });
        break;
      case 'ABILITY_ANSWERS':
        // A round answered as a careful driver would, and one answered all wrong (the test then fails).
        if (view.data.step === 'abilityTest' && view.data.round) {
          const { name, showing, questions } = view.data.round;
          events.push({ type, round: name, showing, answers: competentAnswers(questions) }, { type, round: name, showing, answers: poorAnswers(questions) });
        }
        break;
      default: {
        const unknown: never = type;
        throw new Error(`unknown event type ${String(unknown)}`);
      }
    }
  }
  if (view.data.step === 'faceCheck') {
    events.push({ type: 'FACE_RESULT', outcome: 'passed', attemptsLeft: 2 }, { type: 'FACE_RESULT', outcome: 'noMatch', attemptsLeft: 0 });
    // One failed try that may be retried (not more: each try is a new view).
    if (view.data.attempt === 0) events.push({ type: 'FACE_RESULT', outcome: 'noMatch', attemptsLeft: 1 }, { type: 'FACE_RESULT', outcome: 'refused', attemptsLeft: 1 });
  }
  if (first) events.push({ type: 'IDENTITY_CHANGED' });
  return events;
}

export interface Walk {
  label: string;
  /** Every view heard, settled or not. */
  views: FlowView[];
  /** Back-end operations called, with their requests. */
  calls: Array<{ operation: BackendOperation<unknown, unknown>; request: unknown }>;
  faults: unknown[];
}

const MAX_DEPTH = 16;

/** Walks `module`'s flow breadth-first from `variant`'s start, replaying each path in a fresh run, each distinct settled view once. */
export async function walk(module: ServiceModule, variant: Variant): Promise<Walk> {
  const result: Walk = { label: variant.label, views: [], calls: [], faults: [] };
  const seen = new Set<string>();
  const queue: WalkEvent[][] = [[]];
  // The flow is built once for the walk (as the host builds it once); each replay still starts a fresh run and kit.
  const runner = serviceRunner(module);
  while (queue.length > 0) {
    const path = queue.shift()!;
    const base = variant.gateway?.() ?? sandboxGateway();
    const gateway: PoliceGateway = {
      ...base,
      call: (operation, request) => {
        result.calls.push({ operation: operation as BackendOperation<unknown, unknown>, request });
        return base.call(operation, request);
      },
    };
    const run = runner.start(variant.identity, gateway);
    variant.prepare?.(run);
    run.flow.subscribe((view) => result.views.push(view));
    result.views.push(run.view());
    let view = await run.settled();
    for (const event of path) {
      if (!(await play(run, event))) throw new Error(`${module.id} (${variant.label}): ${event.type} refused at ${view.stepId} on replay`);
      view = await run.settled();
    }
    result.faults.push(...run.faults);
    run.flow.stop();
    const data = view.data as { step: string; state?: unknown };
    const signature = JSON.stringify(
      variant.exhaustive
        ? { stepId: view.stepId, data: view.data, messageKey: view.messageKey, accepts: view.accepts }
        : { stepId: view.stepId, step: data.step, state: data.state, messageKey: view.messageKey, accepts: view.accepts },
    );
    if (seen.has(signature)) continue;
    seen.add(signature);
    if (view.step === 'done' || path.length >= MAX_DEPTH) continue;
    for (const event of nextEvents(view, path.length === 0)) queue.push([...path, event]);
  }
  return result;
}

const walks = new Map<string, Promise<Walk[]>>();
/** Every variant's walk of `module` (once per module for all the tests below). */
export function walksOf(module: ServiceModule): Promise<Walk[]> {
  let found = walks.get(module.id);
  if (!found) {
    found = (async () => {
      const all: Walk[] = [];
      for (const variant of variants()) all.push(await walk(module, variant));
      return all;
    })();
    walks.set(module.id, found);
  }
  return found;
}
