/**
 * Every registered service module, whatever it is: its wording (the same
 * keys in both languages, a word for each outcome, voice prompts espeak can
 * read), every i18n key its views can show (found by walking its flow with
 * the flow test kit through its paths and side steps, for every sandbox
 * citizen and with the back-end, the printer and the slips failing), its
 * back-end operations' sandbox answers against their schemas, and its place
 * in the catalogue. A new service is checked here without naming it.
 */
import { describe, expect, it } from 'vitest';
import { ServiceWording, type FlowView, type Identity } from '../../../../electron/contract';
import type { FlowMachineEvent } from '../../../../electron/host/flows/flow-events';
import { LIBRARY_OUTCOMES } from '../../../../electron/host/flows/library';
import type { BackendOperation } from '../../../../electron/host/gateway/operation';
import type { PoliceGateway } from '../../../../electron/host/gateway/police-gateway';
import { SERVICE_CATALOGUE } from '../../../../electron/host/services/catalogue';
import { COUNTER_SERVICES } from '../../../../electron/host/services/counter-services';
import { SERVICE_MODULES } from '../../../../electron/host/services/registry';
import type { ServiceModule } from '../../../../electron/host/services/service-module';
import { catalogues, flattenKeys } from '../../../../renderer/i18n';
import { card, sandboxCitizens, sandboxGateway, startService, typed, type FlowRun } from './flow-kit';
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

interface Walk {
  label: string;
  /** Every view heard, settled or not. */
  views: FlowView[];
  /** Back-end operations called, with their requests. */
  calls: Array<{ operation: BackendOperation<unknown, unknown>; request: unknown }>;
  faults: unknown[];
}

const MAX_DEPTH = 16;

/** Walks `module`'s flow breadth-first from `variant`'s start, replaying each path in a fresh run, each distinct settled view once. */
async function walk(module: ServiceModule, variant: Variant): Promise<Walk> {
  const result: Walk = { label: variant.label, views: [], calls: [], faults: [] };
  const seen = new Set<string>();
  const queue: WalkEvent[][] = [[]];
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
    const run = startService(module, variant.identity, { gateway });
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

/** The i18n keys a view names: every `…Key` and `…Keys` field, at any depth (data, path, message). */
function keysOf(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => keysOf(item, into));
  else if (typeof value === 'object' && value !== null) {
    for (const [name, child] of Object.entries(value)) {
      if (name.endsWith('Key') && typeof child === 'string') into.add(child);
      else if (name.endsWith('Keys') && Array.isArray(child)) child.filter((key): key is string => typeof key === 'string').forEach((key) => into.add(key));
      else keysOf(child, into);
    }
  }
  return into;
}

/** Dotted keys of a wording tree's strings. */
const leaves = (tree: object) => new Set(flattenKeys(tree));
const appKeys = { 'zh-CN': leaves(catalogues['zh-CN']), en: leaves(catalogues.en) };

const walks = new Map<string, Promise<Walk[]>>();
/** Every variant's walk of `module` (once per module for all the tests below). */
function walksOf(module: ServiceModule): Promise<Walk[]> {
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

describe('the registry', () => {
  it('has modules, each with its own kebab-case id', () => {
    expect(SERVICE_MODULES.length).toBeGreaterThan(0);
    const ids = SERVICE_MODULES.map((module) => module.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('the catalogue lists every module as a kiosk flow, and no counter-only line shares a module\'s id', () => {
    for (const module of SERVICE_MODULES) {
      expect(SERVICE_CATALOGUE.filter((entry) => entry.id === module.id), module.id).toEqual([
        expect.objectContaining({ id: module.id, category: module.catalogue.category, name: module.catalogue.name, kioskFlow: true, devices: module.catalogue.devices }),
      ]);
      expect(COUNTER_SERVICES.map((service) => service.id), module.id).not.toContain(module.id);
    }
  });

  it('no two different back-end operations share a name (one shared operation may be listed by several modules)', () => {
    const operations = new Set(SERVICE_MODULES.flatMap((module) => module.backend ?? []));
    const names = [...operations].map((operation) => operation.name);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe.each(SERVICE_MODULES.map((module) => [module.id, module] as const))('service module %s', (id, module) => {
  const svc = `svc.${id}.`;
  const words = { 'zh-CN': leaves(module.wording['zh-CN']), en: leaves(module.wording.en) };

  it('has the same wording keys in zh-CN and en', () => {
    expect([...words.en].sort()).toEqual([...words['zh-CN']].sort());
  });

  it('has wording the contract carries to the renderer (each key a short identifier starting with a letter)', () => {
    expect(ServiceWording.safeParse(module.wording).success).toBe(true);
  });

  it('words each of its outcomes, and none of them is one of the library\'s', () => {
    for (const outcome of module.outcomes) {
      expect(words['zh-CN'], outcome).toContain(`outcomes.${outcome}`);
      expect(words.en, outcome).toContain(`outcomes.${outcome}`);
      expect(LIBRARY_OUTCOMES as readonly string[]).not.toContain(outcome);
    }
  });

  it('speaks its zh-CN prompts in Chinese only (espeak reads the text as pinyin: no Latin letters or digits)', () => {
    const voice = module.wording['zh-CN'].voice;
    for (const key of voice && typeof voice === 'object' ? flattenKeys(voice) : []) {
      const prompt = key.split('.').reduce<unknown>((tree, part) => (tree as Record<string, unknown>)[part], voice);
      expect(prompt, `voice.${key}`).not.toMatch(/[A-Za-z0-9]/);
    }
  });

  it('every i18n key its views show exists (its own in its wording, the rest in the renderer\'s catalogues); its outcomes are its own or the library\'s', async () => {
    const all = await walksOf(module);
    const views = all.flatMap((w) => w.views);
    expect(all.flatMap((w) => w.faults)).toEqual([]);
    const keys = new Set<string>();
    for (const view of views) keysOf(view, keys);
    const missing: string[] = [];
    for (const key of keys) {
      if (key.startsWith('svc.')) {
        if (!key.startsWith(svc)) missing.push(`${key} (another service's key)`);
        const own = key.slice(svc.length);
        for (const language of ['zh-CN', 'en'] as const) if (!words[language].has(own)) missing.push(`${key} (${language})`);
      } else {
        for (const language of ['zh-CN', 'en'] as const) if (!appKeys[language].has(key)) missing.push(`${key} (${language})`);
      }
    }
    expect(missing).toEqual([]);

    const outcomes = new Set(views.flatMap((view) => (view.data.step === 'done' ? [view.data.outcome] : [])));
    for (const outcome of outcomes) expect([...module.outcomes, ...LIBRARY_OUTCOMES], outcome).toContain(outcome);
    // The walk reached each of the service's own outcomes: none is dead wording.
    for (const outcome of module.outcomes) expect([...outcomes], outcome).toContain(outcome);
    // The sandbox never answers garbage: a badResponse is a request the service's own schema refuses, or a sandbox answer outside it.
    for (const w of all) expect(w.views.filter((view) => view.data.step === 'query' && view.data.failure === 'badResponse').map((view) => view.stepId), w.label).toEqual([]);
    // And it went through every step of the main path.
    const stepIds = new Set(views.map((view) => view.stepId));
    for (const step of views[0]!.path) expect([...stepIds], step.id).toContain(step.id);
  }, 300_000);

  it('its voice prompts are for steps its flow has (voice.<stepId>, a side step included)', async () => {
    const [first] = await walksOf(module);
    const stepIds = [...first!.views[0]!.path.map((step) => step.id), 'counter', 'referral', 'failed', 'done'];
    const voice = module.wording['zh-CN'].voice;
    for (const key of voice && typeof voice === 'object' ? Object.keys(voice) : []) expect(stepIds, `voice.${key}`).toContain(key);
  }, 300_000);

  it('each back-end operation is called by its flow, and its sandbox answers every sandbox citizen within its response schema', async () => {
    const calls = (await walksOf(module)).flatMap((w) => w.calls);
    const sandbox = sandboxGateway();
    const people = [...Object.keys(sandboxCitizens().citizens), '410404197001010098'];
    for (const operation of module.backend ?? []) {
      const requests = calls.filter((call) => call.operation.name === operation.name).map((call) => call.request);
      expect(requests.length, `${operation.name} is never called`).toBeGreaterThan(0);
      let answered = 0;
      for (const request of requests) {
        const asked = (request as { idNumber?: unknown }).idNumber;
        for (const idNumber of people) {
          // The recorded request, for each citizen in turn.
          const forCitizen = typeof asked === 'string' ? { ...(request as object), idNumber } : request;
          // A number the operation does not take (a 2017 permit where only 18-character numbers are served) is never sent.
          if (!operation.request.safeParse(forCitizen).success) continue;
          const answer = await sandbox.answerOperation(operation, forCitizen);
          if (!answer.ok) {
            expect(answer.error.kind, `${operation.name} for ${idNumber}`).toBe('notFound');
            continue;
          }
          answered += 1;
          const parsed = operation.response.safeParse(answer.value);
          expect(parsed.success, `${operation.name} for ${idNumber}: ${parsed.success ? '' : parsed.error.message}`).toBe(true);
        }
      }
      expect(answered, `${operation.name} never answered`).toBeGreaterThan(0);
    }
  }, 300_000);
});
