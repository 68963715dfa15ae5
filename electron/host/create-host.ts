/**
 * The host's composition root: config, logging, devices, session and the
 * KioskApi handlers. Electron's utility process and the browser host both
 * run exactly this; no logic lives in a transport.
 */
import packageJson from '../../package.json' with { type: 'json' };
import { PROTOCOL_VERSION, type EventEnvelope, type ResponseEnvelope } from '../contract';
import { createDispatcher, kioskError, type CallHandlers } from './api/dispatch';
import type { KioskConfig } from './config/schema';
import { createDock } from './devices/dock';
import { createDevicesFromConfig } from './devices/from-config';
import type { DeviceSource } from './devices/device-source';
import { toContractStatus } from './devices/to-contract';
import { createEventBus } from './events';
import { createLogger, type Logger } from './log/logger';
import { createSessionStore } from './session/session-store';

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
  const devices = deps.devices ?? createDevicesFromConfig(config, logger);
  const sessions = createSessionStore(deps.now);
  const bus = createEventBus((error) => logger.error({ err: error }, 'event listener failed'));
  const unsubscribers: Array<() => void> = [];
  const simulation = Object.values(config.devices).some((device) => device.mode === 'simulated');
  const dock = createDock(
    { list: () => devices.list(), simulatorControls: (id) => devices.simulatorControls?.(id) },
    config.dock.enabled === 'auto' ? simulation : config.dock.enabled,
  );

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
      if (!ended.ok) return { ok: false, error: kioskError('noSession') };
      logger.info({ sessionId, reason, durationMs: ended.durationMs }, 'session ended');
      bus.emit('session.ended', { sessionId, reason });
      return { ok: true, value: { ended: true } };
    },
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
        }),
      );
      await devices.start();
      logger.info({ kioskId: config.kioskId, backend: config.backend.kind, version: packageJson.version }, 'host started');
    },
    async stop() {
      const open = sessions.endAny('hostRestart');
      if (open) bus.emit('session.ended', { sessionId: open.sessionId, reason: 'hostRestart' });
      for (const unsubscribe of unsubscribers.splice(0)) unsubscribe();
      await devices.stop();
      logger.info('host stopped');
    },
    dispatch: (message) => dispatcher.dispatch(message),
    onEvent: (listener) => bus.subscribe(listener),
  };
}
