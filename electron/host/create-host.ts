/**
 * The host's composition root: config, logging, devices, session and the
 * KioskApi handlers. Electron's utility process and the browser host both
 * run exactly this; no logic lives in a transport.
 */
import { randomUUID } from 'node:crypto';
import packageJson from '../../package.json' with { type: 'json' };
import { PROTOCOL_VERSION, type EventEnvelope, type ResponseEnvelope } from '../contract';
import { idNumberCheckForKeypad } from '../../drivers/idcard/id-number';
import { createDispatcher, kioskError, type CallHandlers } from './api/dispatch';
import type { KioskConfig } from './config/schema';
import { createDock } from './devices/dock';
import { createDevicesFromConfig } from './devices/from-config';
import type { DeviceSource } from './devices/device-source';
import { toContractStatus } from './devices/to-contract';
import { createEventBus } from './events';
import { createLogger, type Logger } from './log/logger';
import { createCardIntake } from './session/card-intake';
import { identityFromTyped } from './session/identity';
import { createSessionStore, sessionInfo } from './session/session-store';
import { serviceEntries } from './services/availability';
import { SERVICE_CATALOGUE } from './services/catalogue';

export interface HostDeps {
  logger?: Logger;
  devices?: DeviceSource;
  now?: () => Date;
}

export interface KioskHost {
  readonly config: KioskConfig;
  readonly logger: Logger;
  readonly devices: DeviceSource;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Validates and answers one request envelope (object or JSON text). */
  dispatch(message: unknown): Promise<ResponseEnvelope>;
  /** Subscribes to event envelopes for the renderer(s). */
  onEvent(listener: (event: EventEnvelope) => void): () => void;
}

/** Composes a host from a validated config. */
export function createHost(config: KioskConfig, deps: HostDeps = {}): KioskHost {
  const logger = deps.logger ?? createLogger(config.log.level);
  const now = deps.now ?? (() => new Date());
  const devices = deps.devices ?? createDevicesFromConfig(config, logger);
  const bus = createEventBus((error) => logger.error({ err: error }, 'event listener failed'));
  const sessions = createSessionStore({
    now,
    backstopMs: config.session.backstopSeconds * 1000,
    onBackstop: (ended) => {
      logger.info({ sessionId: ended.sessionId, reason: 'timeout' }, 'session ended by the host backstop');
      bus.emit('session.ended', { sessionId: ended.sessionId, reason: 'timeout' });
    },
  });
  const unsubscribers: Array<() => void> = [];
  const simulation = Object.values(config.devices).some((device) => device.mode === 'simulated');
  const dock = createDock(
    { list: () => devices.list(), simulatorControls: (id) => devices.simulatorControls?.(id) },
    config.dock.enabled === 'auto' ? simulation : config.dock.enabled,
  );
  const onCard = createCardIntake({ sessions, bus, logger, now, defaults: () => ({ language: config.defaultLanguage, elderMode: false }) });
  const noSession = { ok: false as const, error: kioskError('noSession') };
  const services = () => serviceEntries(SERVICE_CATALOGUE, devices.list().map(toContractStatus), config.services);

  const handlers: CallHandlers = {
    'kiosk.info': () => ({
      ok: true,
      value: {
        hallName: config.hallName,
        kioskId: config.kioskId,
        version: packageJson.version,
        protocolVersion: PROTOCOL_VERSION,
        simulation,
        backend: config.backend.kind,
        defaultLanguage: config.defaultLanguage,
      },
    }),
    'devices.list': () => ({ ok: true, value: devices.list().map(toContractStatus) }),
    'session.start': (params) => {
      const started = sessions.start(params);
      if (!started.ok) return { ok: false, error: kioskError('sessionActive') };
      logger.info({ sessionId: started.session.sessionId, language: params.language, elderMode: params.elderMode }, 'session started');
      return { ok: true, value: started.session };
    },
    'session.end': ({ sessionId, reason }) => {
      const ended = sessions.end(sessionId, reason);
      if (!ended.ok) return noSession;
      logger.info({ sessionId, reason, durationMs: ended.durationMs }, 'session ended');
      bus.emit('session.ended', { sessionId, reason });
      return { ok: true, value: { ended: true } };
    },
    'session.current': () => {
      const open = sessions.current();
      return { ok: true, value: { session: open ? sessionInfo(open) : null, identity: open?.identity ?? null } };
    },
    'session.preferences': ({ sessionId, language, elderMode }) => {
      const open = sessions.get(sessionId);
      if (!open) return noSession;
      open.language = language;
      open.elderMode = elderMode;
      sessions.touch(sessionId);
      return { ok: true, value: sessionInfo(open) };
    },
    'session.activity': ({ sessionId }) => (sessions.touch(sessionId) ? { ok: true, value: { backstopMs: sessions.backstopMs } } : noSession),
    'identity.checkIdNumber': ({ idNumber }) => {
      const feedback = idNumberCheckForKeypad(idNumber, { now: now() });
      return { ok: true, value: feedback.state === 'invalid' ? { state: 'invalid', reasonKey: `idNumber.${feedback.reason}` } : { state: feedback.state } };
    },
    'identity.typed': ({ sessionId, idNumber }) => {
      const open = sessions.get(sessionId);
      if (!open) return noSession;
      const identity = identityFromTyped(idNumber, now());
      if (!identity) return { ok: false, error: { code: 'invalidParams', messageKey: 'idNumber.invalid' } };
      open.identity = identity;
      sessions.touch(sessionId);
      logger.info({ sessionId, source: 'typed' }, 'identity typed');
      return { ok: true, value: identity };
    },
    'help.request': ({ sessionId, reason, step }) => {
      const callId = randomUUID();
      const queuedAt = now().toISOString();
      logger.warn({ callId, sessionId, reason, step }, 'help requested');
      bus.emit('help.requested', { callId, reason, step, kioskId: config.kioskId, queuedAt });
      return { ok: true, value: { callId, queuedAt } };
    },
    'catalogue.list': () => ({ ok: true, value: { services: services() } }),
    'dock.state': () => dock.state(),
    'dock.act': (params) => {
      const outcome = dock.act(params);
      logger.info({ action: params.action, deviceId: params.deviceId, ok: outcome.ok }, 'dock action');
      return outcome;
    },
  };

  const dispatcher = createDispatcher(handlers, (method, error) => logger.error({ method, err: error }, 'call handler failed'));

  return {
    config,
    logger,
    devices,
    async start() {
      unsubscribers.push(
        devices.on('changed', (list) => {
          bus.emit('devices.changed', { devices: list.map(toContractStatus) });
          bus.emit('catalogue.changed', { services: services() });
        }),
        devices.on('cardPresented', ({ card }) => onCard(card)),
        devices.on('cardReadFailed', () => bus.emit('identity.readFailed', { messageKey: 'identity.readFailed' })),
      );
      await devices.start();
      logger.info({ kioskId: config.kioskId, backend: config.backend.kind, version: packageJson.version }, 'host started');
    },
    async stop() {
      const open = sessions.endAny('hostRestart');
      if (open) bus.emit('session.ended', { sessionId: open.sessionId, reason: 'hostRestart' });
      sessions.dispose();
      for (const unsubscribe of unsubscribers.splice(0)) unsubscribe();
      await devices.stop();
      logger.info('host stopped');
    },
    dispatch: (message) => dispatcher.dispatch(message),
    onEvent: (listener) => bus.subscribe(listener),
  };
}
