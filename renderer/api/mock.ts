/**
 * A strict KioskApi for component tests: a call without a handler throws,
 * params, results and emitted events are checked against the contract, and
 * the test drives events and the connection state. {@link fixtureServiceHandlers}
 * serve the made-up fixture service (its wording and its first view).
 */
import {
  Calls,
  Events,
  type CallName,
  type CallOutcome,
  type CallParams,
  type CallResult,
  type ErrorCode,
  type EventName,
  type EventPayload,
  type KioskError,
} from '../../electron/contract';
import { createEventHub } from './event-hub';
import { FIXTURE_SERVICE_ID, fixtureViews, fixtureWording } from './fixture-service';
import type { ConnectionState, KioskClient } from './types';

/** How the mock answers one call. */
export type MockHandler<M extends CallName> = (params: CallParams<M>) => CallOutcome<M> | Promise<CallOutcome<M>>;

/** Handlers by call name; calls not listed fail loudly. */
export type MockHandlers = { [M in CallName]?: MockHandler<M> };

/** One call the mock received. */
export interface MockCall {
  method: CallName;
  params: unknown;
}

/** The mock client plus the controls a test needs. */
export interface MockKioskApi extends KioskClient {
  /** Pushes a host event (validated against the contract) to the subscribers. */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** Changes the reported transport state. */
  setConnectionState(state: ConnectionState): void;
  /** Adds or replaces a handler. */
  setHandler<M extends CallName>(method: M, handler: MockHandler<M>): void;
  /** Every call received, in order (including unexpected ones). */
  readonly calls: readonly MockCall[];
  /** Calls received without a handler; each one also threw. */
  readonly unexpectedCalls: readonly MockCall[];
  /** The params of every call to `method`, in order. */
  callsTo<M extends CallName>(method: M): CallParams<M>[];
  /** How many subscribers an event has (to check that components unsubscribe). */
  listenerCount(event: EventName): number;
}

/** A successful outcome. */
export function ok<M extends CallName>(value: CallResult<M>): CallOutcome<M> {
  return { ok: true, value };
}

/** A failed outcome, as the host would report it. */
export function fail(code: ErrorCode, messageKey = `errors.${code}`): { ok: false; error: KioskError } {
  return { ok: false, error: { code, messageKey } };
}

/**
 * Handlers for the fixture service: `service.wording` answers its words (and
 * refuses any other service, as the host does for one it does not know), and
 * `flow.start` its identify step. Spread them under a test's own handlers.
 */
export function fixtureServiceHandlers(): MockHandlers {
  return {
    'service.wording': ({ serviceId }) =>
      serviceId === FIXTURE_SERVICE_ID ? ok<'service.wording'>(fixtureWording) : fail('invalidParams', 'flow.unknownService'),
    'flow.start': ({ serviceId }) =>
      serviceId === FIXTURE_SERVICE_ID ? ok<'flow.start'>(fixtureViews.identify()) : fail('invalidParams', 'flow.unknownService'),
  };
}

/** Creates the strict mock. */
export function createMockKioskApi(handlers: MockHandlers = {}, initialState: ConnectionState = 'connected'): MockKioskApi {
  const table: MockHandlers = { ...handlers };
  const hub = createEventHub();
  const counts = new Map<EventName, number>();
  const calls: MockCall[] = [];
  const unexpectedCalls: MockCall[] = [];
  const listeners = new Set<(state: ConnectionState) => void>();
  let state = initialState;

  function checkOutcome<M extends CallName>(method: M, outcome: CallOutcome<M>): CallOutcome<M> {
    if (!outcome.ok) return outcome;
    const result = Calls[method].result.safeParse(outcome.value);
    if (!result.success) throw new Error(`Mock handler for "${method}" returned a result the contract rejects: ${result.error.message}`);
    return outcome;
  }

  return {
    call<M extends CallName>(method: M, params: CallParams<M>): Promise<CallOutcome<M>> {
      const record = { method, params };
      calls.push(record);
      const handler = table[method] as MockHandler<M> | undefined;
      if (!handler) {
        unexpectedCalls.push(record);
        throw new Error(`Unexpected KioskApi call "${method}" with ${JSON.stringify(params)}: the strict mock has no handler for it.`);
      }
      const checked = Calls[method].params.safeParse(params);
      if (!checked.success) throw new Error(`KioskApi call "${method}" with params the host would reject: ${checked.error.message}`);
      return Promise.resolve(handler(params)).then((outcome) => checkOutcome(method, outcome));
    },
    on(event, handler) {
      counts.set(event, (counts.get(event) ?? 0) + 1);
      const off = hub.on(event, handler);
      let done = false;
      return () => {
        if (done) return;
        done = true;
        counts.set(event, (counts.get(event) ?? 1) - 1);
        off();
      };
    },
    emit(event, payload) {
      const parsed = Events[event].safeParse(payload);
      if (!parsed.success) throw new Error(`Mock event "${event}" has a payload the contract rejects: ${parsed.error.message}`);
      hub.emit({ event, payload: parsed.data } as Parameters<typeof hub.emit>[0]);
    },
    setConnectionState(next) {
      if (next === state) return;
      state = next;
      for (const listener of [...listeners]) listener(next);
    },
    setHandler(method, handler) {
      (table as Record<CallName, unknown>)[method] = handler;
    },
    calls,
    unexpectedCalls,
    callsTo<M extends CallName>(method: M) {
      return calls.filter((c) => c.method === method).map((c) => c.params as CallParams<M>);
    },
    listenerCount: (event) => counts.get(event) ?? 0,
    connectionState: () => state,
    onConnectionChange(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    close() {
      listeners.clear();
    },
  };
}
