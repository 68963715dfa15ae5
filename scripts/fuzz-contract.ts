/**
 * Fuzzes the contract's messages (electron/contract): `npx tsx scripts/fuzz-contract.ts [--iterations N] [--seed S]`.
 *
 * Host side, through the entry the browser host's WebSocket server feeds raw
 * text into (`host.dispatch(text)`, which is `createDispatcher(...).dispatch`
 * from electron/host/api/dispatch.ts), with recording handlers for every call
 * of the contract's registry (`Calls`) instead of a whole host, and no socket.
 * Renderer side, through renderer/api/envelope.ts (`decodeHostMessage`,
 * `readReply`, `readEvent`), which both of its transports use.
 *
 * One message per iteration; the calls and events take turns, so every one
 * is fuzzed, and one without a hand-written example (scripts/fuzz/contract-examples.ts)
 * fails the run:
 * - valid calls: the example varied within its schema (values drawn by
 *   fast-check from the schema's `z.toJSONSchema` form: scripts/fuzz/schema-values.ts),
 *   params omitted where `{}` is valid, unknown envelope keys (`__proto__`,
 *   `constructor`…, which the envelope strips), any indentation: accepted,
 *   the handler called once with exactly those params, the reply echoing the
 *   id, and the handler's result (generated from the result schema) read back
 *   by the renderer unchanged;
 * - valid events, with unknown keys the payload schemas strip: read back unchanged;
 * - params a schema must refuse by its own declaration (scripts/fuzz/schema-refusals.ts: wrong JSON type,
 *   missing required key, unknown key in a strict object, strings and arrays
 *   out of bounds or off their pattern, numbers out of range, not integers or
 *   infinite, unknown enum values, deep nesting, prototype-pollution objects):
 *   `invalidParams`, the handler not called;
 * - broken envelopes (version, type, id, method, not an object, `undefined`
 *   as the binary-frame path sends): exactly the contract's code, and an id
 *   echoed only when it is a valid one;
 * - mutated JSON text (bytes flipped, inserted, deleted, duplicated,
 *   truncated, invalid UTF-8, stray JSON tokens): the code an independent
 *   reading of the envelope rules gives (`notJson`, `tooLarge`,
 *   `invalidMessage`, `unsupportedVersion`, `unknownMethod`; past the envelope,
 *   accepted exactly when the call's params schema accepts the params);
 * - results a handler returns that their schema refuses: `internal` from the
 *   host (and one fault logged), `errors.invalidReply` in the renderer;
 *   events with refused payloads or unknown names: refused by the renderer;
 *   mutated reply and event text: the renderer never throws;
 * - messages at and just over MAX_MESSAGE_BYTES, and nesting 100 000 deep.
 * Every error reply must have the contract's shape (`code`, `messageKey =
 * errors.<code>`), never echo an input value, and nothing may throw.
 * After every iteration Object.prototype, Array.prototype and
 * Function.prototype must hold no new property.
 */
import { pathToFileURL } from 'node:url';
import {
  Calls,
  Events,
  MAX_MESSAGE_BYTES,
  PROTOCOL_VERSION,
  RequestId,
  ResponseEnvelope,
  type CallName,
  type EventName,
  type ErrorCode,
} from '../electron/contract';
import { createDispatcher, type CallHandlers, type HandlerOutcome } from '../electron/host/api/dispatch';
import { clientErrors, decodeHostMessage, describeRefusal, readEvent, readReply } from '../renderer/api/envelope';
import { CALL_EXAMPLES, EVENT_EXAMPLES } from './fuzz/contract-examples';
import { emptyStats, formatReport, fuzzLoop, int, pick, type FuzzOptions, type FuzzStats, type Random } from './fuzz/harness';
import { insertToken, mutateBytes, STANDARD_MUTATIONS } from './fuzz/mutate';
import { codePoints, defineOwn, jsonEqual, MARKER, pollutionValue, POLLUTION_KEYS, toJson } from './fuzz/json-values';
import { addStrippedKeys, refuse } from './fuzz/schema-refusals';
import { acceptsEmptyObject, generate, vary } from './fuzz/schema-values';

/** What a fuzz run saw; `failures` empty means it passed. */
export interface ContractFuzzReport extends FuzzStats {
  methods: number;
  events: number;
  validCalls: number;
  validEvents: number;
  refusedParams: number;
  brokenEnvelopes: number;
  mutatedTexts: number;
  /** Of the mutated texts, how many were still valid calls (and accepted). */
  mutatedAccepted: number;
  refusedResults: number;
  refusedEvents: number;
  mutatedHostTexts: number;
  limits: number;
  /** Error replies to broken envelopes whose valid RequestId (≤ 64 code points, > 64 UTF-16 units) was not echoed: see echoedId. */
  unechoedIds: number;
  bytes: number;
}

type Reply = ResponseEnvelope;
type Fail = (what: string) => void;

const METHODS = Object.keys(Calls) as CallName[];
const EVENTS = Object.keys(Events) as EventName[];
const utf8 = new TextEncoder();
const byteLength = (text: string): number => Buffer.byteLength(text, 'utf8');

/** Checks that the examples cover the registry and are valid. */
export function exampleProblems(): string[] {
  const problems: string[] = [];
  for (const m of METHODS) {
    if (!Object.hasOwn(CALL_EXAMPLES, m)) problems.push(`call ${m} has no example in scripts/fuzz/contract-examples.ts`);
    else if (!Calls[m].params.safeParse(CALL_EXAMPLES[m]).success) problems.push(`the example params of ${m} are not valid`);
  }
  for (const e of EVENTS) {
    if (!Object.hasOwn(EVENT_EXAMPLES, e)) problems.push(`event ${e} has no example in scripts/fuzz/contract-examples.ts`);
    else if (!Events[e].safeParse(EVENT_EXAMPLES[e]).success) problems.push(`the example payload of ${e} is not valid`);
  }
  return problems;
}

const PROTOTYPES = [Object.prototype, Array.prototype, Function.prototype] as const;
const prototypeKeys = PROTOTYPES.map((p) => Reflect.ownKeys(p).length);

function pollution(): string | undefined {
  for (const [k, p] of PROTOTYPES.entries()) {
    if (Reflect.ownKeys(p).length !== prototypeKeys[k]) return `a prototype gained a property: ${Reflect.ownKeys(p).map(String).join(',')}`;
  }
  const probe = {} as Record<string, unknown>;
  if (probe.polluted !== undefined || ([] as unknown as Record<string, unknown>).polluted !== undefined) return 'Object.prototype.polluted is set';
  return undefined;
}

/** RequestId and method names: 1..64 characters, counted in code points as this zod counts them. */
const validName = (x: unknown): x is string => typeof x === 'string' && codePoints(x) >= 1 && codePoints(x) <= 64;
/**
 * The id an error reply for a message that fails the envelope echoes: the
 * dispatcher's extractId counts UTF-16 units, so an id of 33..64 code points
 * but more than 64 units (astral characters), valid by RequestId, is not
 * echoed there. Renderer ids are ASCII UUIDs; reported, not fixed here.
 */
const echoedId = (x: unknown): string | null => (validName(x) && x.length <= 64 ? x : null);

/** The contract's error reply: shape, code, message key, id; never an input value. */
function checkError(reply: Reply, code: ErrorCode, id: string | null, privacy: boolean): string | undefined {
  if (!ResponseEnvelope.safeParse(reply).success) return `reply does not match ResponseEnvelope: ${JSON.stringify(reply).slice(0, 200)}`;
  if (reply.ok) return `accepted; expected ${code}`;
  if (reply.error.code !== code) return `code ${reply.error.code} (${JSON.stringify(reply.error.details ?? {}).slice(0, 300)}); expected ${code}`;
  if (reply.error.messageKey !== `errors.${code}`) return `messageKey ${reply.error.messageKey}`;
  if (reply.id !== id) return `reply id ${JSON.stringify(reply.id)}, expected ${JSON.stringify(id)}`;
  if (privacy && JSON.stringify(reply.error).includes(MARKER)) return `the error echoes an input value: ${JSON.stringify(reply.error).slice(0, 300)}`;
  return undefined;
}

interface Host {
  dispatch(raw: unknown): Promise<Reply>;
  received: { method: string; params: unknown }[];
  faults: string[];
  outcome: HandlerOutcome<CallName>;
}

function createFuzzHost(): Host {
  const host: Host = {
    received: [],
    faults: [],
    outcome: { ok: false, error: { code: 'internal', messageKey: 'errors.internal' } },
    dispatch: (raw) => dispatcher.dispatch(raw),
  };
  const handlers = Object.fromEntries(
    METHODS.map((m) => [
      m,
      (params: unknown) => {
        host.received.push({ method: m, params });
        return host.outcome;
      },
    ]),
  ) as unknown as CallHandlers;
  const dispatcher = createDispatcher(handlers, (method) => host.faults.push(method));
  return host;
}

function shuffledEnvelope(r: Random, fields: [string, unknown][]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of r() < 0.3 ? [...fields].sort(() => r() - 0.5) : fields) if (v !== undefined) defineOwn(out, k, v);
  return out;
}

function randomId(r: Random): string {
  const roll = r();
  if (roll < 0.7) return `req-${int(r, 1e9)}`;
  // 33..64 astral characters: within RequestId's 64 code points, over 64 UTF-16 units.
  if (roll < 0.75) return '𠮷'.repeat(1 + int(r, 64));
  return generate(RequestId, r) as string;
}

interface CallMessage {
  method: CallName;
  id: string;
  params: unknown;
  text: string;
}

/** A valid call: the method's example varied, maybe without params, with stripped envelope keys. */
function validCall(r: Random, method: CallName): CallMessage {
  const schema = Calls[method].params;
  let params: unknown = vary(schema, CALL_EXAMPLES[method], r);
  const empty = acceptsEmptyObject(schema) && Object.keys(params as object).length === 0;
  const id = randomId(r);
  const fields: [string, unknown][] = [
    ['v', PROTOCOL_VERSION],
    ['type', 'call'],
    ['id', id],
    ['method', method],
  ];
  if (empty && r() < 0.4) params = r() < 0.5 ? undefined : null;
  fields.push(['params', params]);
  if (r() < 0.1) fields.push([pick(r, [...POLLUTION_KEYS, 'extra', 'polluted']), pollutionValue(r)]);
  const text = toJson(shuffledEnvelope(r, fields), r() < 0.1 ? 1 + int(r, 4) : undefined);
  return { method, id, params: params ?? {}, text: r() < 0.05 ? ` \n\t${text}\r\n ` : text };
}

async function checkAccepted(host: Host, message: CallMessage, result: unknown, fail: Fail): Promise<boolean> {
  host.received.length = 0;
  host.faults.length = 0;
  host.outcome = { ok: true, value: result } as HandlerOutcome<CallName>;
  const reply = await host.dispatch(message.text);
  if (byteLength(message.text) > MAX_MESSAGE_BYTES) {
    const problem = checkError(reply, 'invalidMessage', null, true);
    if (problem) fail(`${message.method}: message over the size limit: ${problem}`);
    return false;
  }
  if (!reply.ok) {
    fail(`${message.method}: a valid call was refused: ${reply.error.code} ${JSON.stringify(reply.error.details ?? {}).slice(0, 400)}\n    ${message.text.slice(0, 400)}`);
    return false;
  }
  if (reply.id !== message.id) fail(`${message.method}: reply id ${JSON.stringify(reply.id)} for ${JSON.stringify(message.id)}`);
  if (host.received.length !== 1 || host.received[0]!.method !== message.method) {
    fail(`${message.method}: handlers called ${host.received.length} times (${host.received.map((c) => c.method).join(',')})`);
    return false;
  }
  // The handler gets what the schema makes of the params (a `.trim()` trims them), so that is what it must equal.
  const parsed = Calls[message.method].params.safeParse(JSON.parse(toJson(message.params)));
  const expected = parsed.success ? JSON.parse(toJson(parsed.data)) : undefined;
  if (!jsonEqual(host.received[0]!.params, expected)) fail(`${message.method}: the handler got other params than sent`);
  if (host.faults.length) fail(`${message.method}: faults ${host.faults.join(',')}`);
  // The renderer reads the reply back.
  const replyText = JSON.stringify(reply);
  const decoded = decodeHostMessage(replyText);
  if (byteLength(replyText) > MAX_MESSAGE_BYTES) {
    if (decoded.ok) fail(`${message.method}: the renderer accepted a reply over the size limit`);
    return true;
  }
  if (!decoded.ok || decoded.value.type !== 'reply') {
    fail(`${message.method}: the renderer refused the host's reply: ${decoded.ok ? decoded.value.type : describeRefusal(decoded.error)}`);
    return true;
  }
  const outcome = readReply(message.method, decoded.value);
  if (!outcome.ok) fail(`${message.method}: the renderer refused a valid result: ${outcome.error.messageKey}`);
  else if (!jsonEqual(outcome.value, JSON.parse(JSON.stringify(result)))) fail(`${message.method}: the renderer read another result than the host sent`);
  return true;
}

/** What the dispatcher must answer to `text`, by the envelope rules written out here. */
function expectedFor(text: string): { code: ErrorCode | 'ok'; id: string | null; reason?: string; method?: CallName; params?: unknown; unechoed?: boolean } {
  if (byteLength(text) > MAX_MESSAGE_BYTES) return { code: 'invalidMessage', id: null, reason: 'tooLarge' };
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch {
    return { code: 'invalidMessage', id: null, reason: 'notJson' };
  }
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return { code: 'invalidMessage', id: null };
  const m = message as Record<string, unknown>;
  const id = echoedId(m.id);
  const unechoed = validName(m.id) && id === null;
  if (!Object.hasOwn(m, 'v')) return { code: 'invalidMessage', id, unechoed };
  if (m.v !== PROTOCOL_VERSION) return { code: 'unsupportedVersion', id, unechoed };
  if (m.type !== 'call' || !validName(m.id) || !validName(m.method)) return { code: 'invalidMessage', id, unechoed };
  if (!Object.hasOwn(Calls, m.method)) return { code: 'unknownMethod', id: m.id };
  // From here on the reply echoes the envelope's id.
  const method = m.method as CallName;
  const params = m.params ?? {};
  // Past the envelope only the call's schema can say (this is the validator under test; the other fuzz cases check it against the declarations).
  return { code: Calls[method].params.safeParse(params).success ? 'ok' : 'invalidParams', id: m.id, method, params };
}

const JSON_TOKENS = ['{', '}', '[', ']', '"', '\\', ',', ':', 'null', 'true', '1e400', '-0', '"__proto__":{"polluted":1},', '"constructor":{"prototype":{"polluted":1}},', '\u0000', '\ud800'].map((t) => [...utf8.encode(t)]);

function mutateText(r: Random, text: string): string {
  const roll = r();
  if (roll < 0.05) return `\ufeff${text}`;
  if (roll < 0.1) return text.slice(0, int(r, text.length));
  const bytes = mutateBytes(r, utf8.encode(text), [...STANDARD_MUTATIONS, insertToken(JSON_TOKENS), insertToken(JSON_TOKENS)], 4);
  return new TextDecoder().decode(bytes); // invalid UTF-8 becomes U+FFFD, as ws hands it over
}

async function checkByRules(host: Host, text: string, fail: Fail, report: ContractFuzzReport): Promise<void> {
  host.received.length = 0;
  host.outcome = { ok: false, error: { code: 'noSession', messageKey: 'errors.noSession' } };
  const expected = expectedFor(text);
  const reply = await host.dispatch(text);
  if (expected.code === 'ok') {
    report.mutatedAccepted++;
    // The handler answered noSession: the call went through.
    const problem = checkError(reply, 'noSession', expected.id, false);
    if (problem) return fail(`mutated text, a valid call: ${problem}\n    ${text.slice(0, 300)}`);
    if (host.received.length !== 1 || host.received[0]!.method !== expected.method) fail('mutated text: the handler was not called exactly once');
    return undefined;
  }
  if (expected.unechoed) report.unechoedIds++;
  const problem = checkError(reply, expected.code, expected.id, false);
  if (problem) return fail(`mutated text: ${problem}\n    ${JSON.stringify(text.slice(0, 300))}`);
  if (expected.reason && (reply.ok || reply.error.details?.reason !== expected.reason)) fail(`mutated text: reason should be ${expected.reason}`);
  if (host.received.length) fail('mutated text: a handler ran for a refused message');
  return undefined;
}

type EnvelopeCase = { raw: unknown; code: ErrorCode | 'ok'; id: string | null; what: string };

function brokenEnvelope(r: Random, call: CallMessage): EnvelopeCase {
  const base = JSON.parse(call.text) as Record<string, unknown>;
  const text = (o: unknown): string => JSON.stringify(o);
  const without = (k: string): Record<string, unknown> => {
    const o = { ...base };
    delete o[k];
    return o;
  };
  switch (int(r, 8)) {
    case 0:
      return { raw: text(without('v')), code: 'invalidMessage', id: echoedId(call.id), what: 'no v' };
    case 1: {
      const v = pick(r, [2, 0, -1, '1', null, true, [], {}, 1.5, PROTOCOL_VERSION + 1]);
      return { raw: text({ ...base, v }), code: 'unsupportedVersion', id: echoedId(call.id), what: `v ${JSON.stringify(v)}` };
    }
    case 2: {
      const type = pick(r, [undefined, 'reply', 'event', 'CALL', 'call ', 1, null]);
      return { raw: text(type === undefined ? without('type') : { ...base, type }), code: 'invalidMessage', id: echoedId(call.id), what: `type ${JSON.stringify(type)}` };
    }
    case 3: {
      const id = pick(r, [undefined, '', 'i'.repeat(65), 5, null, {}, [call.id]]);
      return { raw: text(id === undefined ? without('id') : { ...base, id }), code: 'invalidMessage', id: null, what: `id ${JSON.stringify(id)}` };
    }
    case 4: {
      const method = pick(r, [undefined, '', 'm'.repeat(65), 7, null, [call.method]]);
      return { raw: text(method === undefined ? without('method') : { ...base, method }), code: 'invalidMessage', id: echoedId(call.id), what: `method ${JSON.stringify(method)}` };
    }
    case 5: {
      const method = pick(r, [...POLLUTION_KEYS, 'kiosk.inf', 'KIOSK.INFO', ` ${call.method}`, `${call.method} `, `${call.method}.x`, 'session', 'a'.repeat(64)]);
      return { raw: text({ ...base, method }), code: 'unknownMethod', id: call.id, what: `method ${method}` };
    }
    case 6: {
      const raw = pick(r, ['[]', text([base]), '1', '"call"', 'true', 'null', '""', undefined, 42, null, [base]]);
      return { raw, code: 'invalidMessage', id: null, what: `message ${typeof raw === 'string' ? raw.slice(0, 40) : Array.isArray(raw) ? 'array' : String(raw)}` };
    }
    default: {
      // The envelope is not strict: unknown keys, prototype-pollution names included, are stripped.
      const o = { ...base };
      for (let k = 1 + int(r, 3); k > 0; k--) defineOwn(o, pick(r, [...POLLUTION_KEYS, 'polluted', 'extra', 'V', 'Type']), pollutionValue(r));
      return { raw: text(o), code: 'ok', id: call.id, what: 'unknown envelope keys' };
    }
  }
}

/** Messages at the size limit, one byte over, and deeply nested. */
function limitCase(r: Random, call: CallMessage): { text: string; code: ErrorCode | 'ok'; deep: boolean } {
  const base = JSON.parse(call.text) as Record<string, unknown>;
  if (r() < 0.5) {
    const depth = 1000 + int(r, 100_000);
    const nested = '['.repeat(depth) + ']'.repeat(depth);
    const inParams = r() < 0.5;
    const head = JSON.stringify({ ...base, params: inParams ? '@@' : base.params, pad: inParams ? undefined : '@@' });
    return { text: head.replace('"@@"', nested), code: inParams ? 'invalidParams' : 'ok', deep: true };
  }
  const over = r() < 0.5 ? 1 : 0;
  const empty = byteLength(JSON.stringify({ ...base, pad: '' }));
  const room = MAX_MESSAGE_BYTES + over - empty;
  const unit = pick(r, ['x', '码', '😀']);
  const units = Math.floor(room / byteLength(unit));
  const pad = unit.repeat(units) + 'x'.repeat(room - units * byteLength(unit));
  return { text: JSON.stringify({ ...base, pad }), code: over ? 'invalidMessage' : 'ok', deep: false };
}

/** Runs the fuzzer; never throws (exceptions are reported as failures). */
export async function runContractFuzz(options: FuzzOptions): Promise<ContractFuzzReport> {
  const host = createFuzzHost();
  const problems = exampleProblems();
  let nextMethod = 0;
  let nextEvent = 0;
  const makeReport = (seed: number): ContractFuzzReport => ({
      ...emptyStats(seed),
      methods: METHODS.length,
      events: EVENTS.length,
      validCalls: 0,
      validEvents: 0,
      refusedParams: 0,
      brokenEnvelopes: 0,
      mutatedTexts: 0,
      mutatedAccepted: 0,
      refusedResults: 0,
      refusedEvents: 0,
      mutatedHostTexts: 0,
      limits: 0,
      unechoedIds: 0,
      bytes: 0,
    });
  if (problems.length) {
    // Without an example for every call and event the registry is not covered: fail before fuzzing.
    const report = makeReport(options.seed ?? 0xc0de);
    report.failures.push(...problems);
    return report;
  }
  // Per call and event: accepted valid messages and refused ones, for the coverage check at the end.
  const covered = new Map<string, { accepted: number; refused: number }>([...METHODS, ...EVENTS].map((n) => [n, { accepted: 0, refused: 0 }]));
  const report = await fuzzLoop<ContractFuzzReport>(
    options,
    0xc0de,
    makeReport,
    async (iteration, report) => {
      const { random: r, fail } = iteration;
      const method = METHODS[nextMethod++ % METHODS.length]!;
      const event = EVENTS[nextEvent % EVENTS.length]!;
      const roll = r();
      iteration.label = method;
      try {
        if (roll < 0.2) {
          // A valid call, accepted, its result read back by the renderer.
          const call = validCall(r, method);
          report.bytes += byteLength(call.text);
          report.validCalls++;
          if (await checkAccepted(host, call, generate(Calls[method].result, r), fail)) covered.get(method)!.accepted++;
        } else if (roll < 0.28) {
          // A valid event (unknown keys stripped).
          nextEvent++;
          iteration.label = event;
          report.validEvents++;
          const payload = vary(Events[event], EVENT_EXAMPLES[event], r);
          const sent = r() < 0.3 ? addStrippedKeys(Events[event], payload, r).value : payload;
          const text = toJson({ v: PROTOCOL_VERSION, type: 'event', event, payload: sent });
          report.bytes += byteLength(text);
          const decoded = decodeHostMessage(text);
          if (!decoded.ok || decoded.value.type !== 'event') return fail(`${event}: a valid event was refused: ${decoded.ok ? decoded.value.type : describeRefusal(decoded.error)}`);
          const read = readEvent(decoded.value);
          if (!read.ok) return fail(`${event}: a valid payload was refused: ${describeRefusal(read.error)}\n    ${text.slice(0, 400)}`);
          if (read.value.event !== event || !jsonEqual(read.value.payload, JSON.parse(JSON.stringify(payload)))) fail(`${event}: the payload read back differs`);
          covered.get(event)!.accepted++;
        } else if (roll < 0.53) {
          // Params the schema refuses by its declaration.
          const call = validCall(r, method);
          let refused;
          for (let k = 0; k < 8 && !refused; k++) refused = refuse(Calls[method].params, call.params, r, true);
          if (!refused) return;
          report.refusedParams++;
          const envelope = JSON.parse(call.text) as Record<string, unknown>;
          const text = toJson({ ...envelope, params: refused.value });
          report.bytes += byteLength(text);
          host.received.length = 0;
          const reply = await host.dispatch(text);
          const tooLarge = byteLength(text) > MAX_MESSAGE_BYTES;
          const problem = checkError(reply, tooLarge ? 'invalidMessage' : 'invalidParams', tooLarge ? null : call.id, true);
          if (problem) fail(`${refused.what}: ${problem}`);
          if (host.received.length) fail(`${refused.what}: the handler ran`);
          covered.get(method)!.refused++;
        } else if (roll < 0.63) {
          // A broken envelope.
          report.brokenEnvelopes++;
          const call = validCall(r, method);
          if (byteLength(call.text) > MAX_MESSAGE_BYTES - 1000) return;
          const c = brokenEnvelope(r, call);
          if (c.code !== 'ok' && c.code !== 'unknownMethod' && c.id === null && validName(call.id) && call.id.length > 64) report.unechoedIds++;
          host.received.length = 0;
          host.outcome = { ok: false, error: { code: 'noSession', messageKey: 'errors.noSession' } };
          const reply = await host.dispatch(c.raw);
          const problem = checkError(reply, c.code === 'ok' ? 'noSession' : c.code, c.id, c.code !== 'ok');
          if (problem) fail(`envelope, ${c.what}: ${problem}`);
          if (c.code === 'unknownMethod' && !reply.ok && reply.error.details?.method !== JSON.parse(c.raw as string).method) fail('unknownMethod does not name the method');
          if ((host.received.length === 1) !== (c.code === 'ok')) fail(`envelope, ${c.what}: handler calls ${host.received.length}`);
        } else if (roll < 0.8) {
          // Mutated JSON text.
          report.mutatedTexts++;
          const text = mutateText(r, validCall(r, method).text);
          report.bytes += byteLength(text);
          await checkByRules(host, text, fail, report);
        } else if (roll < 0.87) {
          // A result its schema refuses: the host answers internal, the renderer invalidReply.
          const result = generate(Calls[method].result, r);
          const refused = refuse(Calls[method].result, result, r);
          if (!refused) return;
          report.refusedResults++;
          const call = validCall(r, method);
          if (byteLength(call.text) > MAX_MESSAGE_BYTES) return;
          host.received.length = 0;
          host.faults.length = 0;
          // Through JSON, as a handler's value could be: the infinity token becomes Infinity.
          host.outcome = { ok: true, value: JSON.parse(toJson(refused.value)) as unknown } as HandlerOutcome<CallName>;
          const reply = await host.dispatch(call.text);
          const problem = checkError(reply, 'internal', call.id, true);
          if (problem) fail(`result ${refused.what}: ${problem}`);
          if (host.faults.length !== 1) fail(`result ${refused.what}: ${host.faults.length} faults reported`);
          const text = toJson({ v: PROTOCOL_VERSION, type: 'reply', id: call.id, ok: true, result: refused.value });
          const decoded = decodeHostMessage(text);
          if (byteLength(text) > MAX_MESSAGE_BYTES) {
            if (decoded.ok) fail('the renderer accepted a reply over the size limit');
            return;
          }
          if (!decoded.ok || decoded.value.type !== 'reply') return fail(`renderer: a well-formed reply envelope was refused: ${decoded.ok ? '' : describeRefusal(decoded.error)}`);
          const outcome = readReply(method, decoded.value);
          if (outcome.ok || outcome.error.code !== clientErrors.invalidReply.code || outcome.error.messageKey !== clientErrors.invalidReply.messageKey) {
            fail(`renderer accepted result ${refused.what}`);
          }
        } else if (roll < 0.94) {
          // An event payload its schema refuses, or an unknown event.
          nextEvent++;
          iteration.label = event;
          const payload = vary(Events[event], EVENT_EXAMPLES[event], r);
          const refused = r() < 0.15 ? { value: payload, what: 'unknown event name' } : refuse(Events[event], payload, r);
          if (!refused) return;
          report.refusedEvents++;
          const name = refused.what === 'unknown event name' ? pick(r, [...POLLUTION_KEYS, `${event}.x`, event.toUpperCase(), 'host']) : event;
          const text = toJson({ v: PROTOCOL_VERSION, type: 'event', event: name, payload: refused.value });
          const decoded = decodeHostMessage(text);
          if (byteLength(text) > MAX_MESSAGE_BYTES) {
            if (decoded.ok) fail('the renderer accepted an event over the size limit');
            return;
          }
          if (!decoded.ok || decoded.value.type !== 'event') return fail(`renderer: a well-formed event envelope was refused: ${decoded.ok ? '' : describeRefusal(decoded.error)}`);
          if (readEvent(decoded.value).ok) fail(`renderer accepted event ${name} with ${refused.what}`);
          covered.get(event)!.refused++;
        } else if (roll < 0.985) {
          // Mutated reply or event text: the renderer never throws.
          report.mutatedHostTexts++;
          const isEvent = r() < 0.5;
          const text = isEvent
            ? toJson({ v: PROTOCOL_VERSION, type: 'event', event, payload: vary(Events[event], EVENT_EXAMPLES[event], r) })
            : JSON.stringify({ v: PROTOCOL_VERSION, type: 'reply', id: randomId(r), ok: true, result: generate(Calls[method].result, r) });
          const mutated = mutateText(r, text);
          let parses = true;
          try {
            JSON.parse(mutated);
          } catch {
            parses = false;
          }
          const decoded = decodeHostMessage(mutated);
          if (!parses && byteLength(mutated) <= MAX_MESSAGE_BYTES && (decoded.ok || decoded.error.kind !== 'notJson')) fail('renderer: text that is not JSON was not refused as such');
          if (decoded.ok && decoded.value.type === 'reply') readReply(method, decoded.value);
          if (decoded.ok && decoded.value.type === 'event') readEvent(decoded.value);
        } else {
          // The size limit and deep nesting.
          report.limits++;
          const call = validCall(r, method);
          if (call.text.length > 10_000) return;
          const c = limitCase(r, call);
          host.received.length = 0;
          host.outcome = { ok: false, error: { code: 'noSession', messageKey: 'errors.noSession' } };
          const reply = await host.dispatch(c.text);
          const want = c.code === 'ok' ? 'noSession' : c.code;
          const problem = checkError(reply, want, want === 'invalidMessage' ? null : call.id, true);
          if (problem) fail(`${c.deep ? 'deep nesting' : `${byteLength(c.text)} bytes`}: ${problem}`);
        }
      } finally {
        const polluted = pollution();
        if (polluted) fail(polluted);
      }
    },
  );
  // Every call and event must have been accepted and refused (the turns guarantee it in a run of this length).
  if (report.iterations >= 40 * (METHODS.length + EVENTS.length) && report.failures.length === 0) {
    for (const [name, c] of covered) if (c.accepted === 0 || c.refused === 0) report.failures.push(`${name} was accepted ${c.accepted} and refused ${c.refused} times`);
  }
  return report;
}

/** One line summarising a report. */
export function formatContractFuzzReport(r: ContractFuzzReport): string {
  return formatReport('contract', r, [
    `${r.methods} calls and ${r.events} events`,
    `${(r.bytes / 1e6).toFixed(1)} MB`,
    `valid calls ${r.validCalls}`,
    `valid events ${r.validEvents}`,
    `refused params ${r.refusedParams}`,
    `broken envelopes ${r.brokenEnvelopes}`,
    `mutated texts ${r.mutatedTexts} (${r.mutatedAccepted} still valid)`,
    `refused results ${r.refusedResults}`,
    `refused events ${r.refusedEvents}`,
    `mutated host texts ${r.mutatedHostTexts}`,
    `size and depth limits ${r.limits}`,
    `valid ids not echoed ${r.unechoedIds}`,
  ]);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void import('./fuzz/runner').then((m) => m.runCli(['--only', 'contract', ...process.argv.slice(2)]));
}
