/**
 * The kiosk's link to the hall over MQTT 5 (ARCHITECTURE §7): status,
 * alerts, help calls, supervision and journal rows up; commands and the
 * staff allow-list down. It never blocks the kiosk: events are queued in
 * memory (bounded) while the link is down, journal rows wait in the journal's
 * `hall_outbox` and leave only on the broker's PUBACK, and nothing a citizen
 * does waits on the hall.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import type { DeviceStatus, EventEnvelope, ServiceCategory } from '../../contract';
import { type CommandAck, StaffAllowList, hallTopic, kioskTopic, type Consumable, type JournalBatch, type KioskOnline } from '../../contract/hall-link';
import type { EventBus } from '../events';
import type { AuditLog } from '../journal/transactions-audit';
import type { Logger } from '../log/logger';
import { readCommand, runCommand, type CommandPorts } from './commands';
import type { HallLinkSettings } from './credentials';
import { mqttOptions, nextBackoff, RECONNECT_MIN_MS } from './mqtt-options';
import { createHallOutbox } from './outbox';
import { createSessionTracker, type Outgoing } from './session-tracker';
import { buildStatus } from './status';
import { withoutIdNumbers } from './no-id-numbers';
import { proxyTopic } from '../../contract/proxy';
import type { ProxyChannel } from '../proxy/proxy-channel';

export type HallLinkState = 'off' | 'connecting' | 'online' | 'offline';

export interface HallLink {
  start(): Promise<void>;
  stop(): Promise<void>;
  state(): HallLinkState;
  /** When the broker last sent this kiosk anything (a CONNACK, an ack, a ping's answer, a message); null before the first. */
  lastContact(): Date | null;
  /** Something the status shows changed outside the bus (a staff sign-in, a consumable count): republish soon. */
  statusChanged(): void;
}

/** H4's cache of the officers allowed to sign in (structural: any object with `replace`). */
export interface AllowListSink {
  replace(list: StaffAllowList): void;
}

/** What the link gives the kiosk's proxy side: a channel to publish on, the down topic's payloads, the link's ups and downs. */
export interface HallProxySide {
  attach(channel: ProxyChannel | null): void;
  receive(payload: Buffer): void;
  linkChanged(online: boolean): void;
}

export interface HallLinkDeps {
  kioskId: string;
  hallName: string;
  version: string;
  /** null: no hall configured (the link stays `off`). */
  settings: HallLinkSettings | null;
  bus: EventBus;
  /** The kiosk journal (migrated to 8). */
  db: Database;
  audit: AuditLog;
  logger: Logger;
  now?: () => Date;
  categoryOf: (serviceId: string) => ServiceCategory | null;
  /** When the open session with this id started, null if it is not open. */
  sessionStartedAt: (sessionId: string) => string | null;
  devices: () => DeviceStatus[];
  consumables?: () => Consumable[];
  outOfService?: () => { message: string; since: string } | null;
  staffSignedIn?: () => { staffNumber: string; nameMasked: string } | null;
  allowList?: AllowListSink;
  /** What hall commands do on the kiosk (session, hints, service state, help). */
  commands: CommandPorts;
  /** 可视化代办: the kiosk's proxy side (electron/host/proxy/), given the proxy topics. */
  proxy?: HallProxySide;
  /** Replaces `mqtt.connect` (tests). */
  connect?: (url: string, options: IClientOptions) => MqttClient;
}

/** Journal rows per batch (the contract allows 500). */
export const JOURNAL_BATCH_ROWS = 200;
const EVENT_QUEUE_MAX = 500;
const STATUS_MIN_GAP_MS = 1000;
const OUTBOX_POLL_MS = 1000;
/** A batch whose PUBACK never came (a lost session) is sent again after this long; the hall ignores repeats. */
const BATCH_STALL_MS = 60_000;
const RECENT_COMMANDS = 200;
const STOP_GRACE_MS = 2000;

interface QueuedMessage {
  topic: string;
  payload: string;
}

export function createHallLink(deps: HallLinkDeps): HallLink {
  const now = deps.now ?? (() => new Date());
  const log = deps.logger.child({ component: 'hall-link' });
  const { kioskId, settings } = deps;
  const outbox = createHallOutbox(deps.db, deps.categoryOf, now);
  const tracker = createSessionTracker({ now, newId: randomUUID, categoryOf: deps.categoryOf, sessionStartedAt: deps.sessionStartedAt });
  const queue: QueuedMessage[] = [];
  const recentCommands = new Map<string, CommandAck['outcome']>();
  let client: MqttClient | null = null;
  let state: HallLinkState = 'off';
  let stopped = false;
  let backoff = RECONNECT_MIN_MS;
  let statusTimer: NodeJS.Timeout | null = null;
  let lastStatusAt = 0;
  let intervalTimer: NodeJS.Timeout | null = null;
  let pollTimer: NodeJS.Timeout | null = null;
  let batchInFlight: { since: number } | null = null;
  let lastBacklog = -1;
  let allowListVersion = -1;
  let unsubscribe: (() => void) | null = null;
  let lastContact: Date | null = null;

  const connected = () => client?.connected === true && !stopped;

  const publish = (topic: string, payload: unknown, retain: boolean, done?: (error?: Error) => void) => {
    client?.publish(topic, JSON.stringify(withoutIdNumbers(payload)), { qos: 1, retain }, (error) => {
      if (error) log.warn({ topic, err: error.message }, 'hall publish not acknowledged');
      done?.(error ?? undefined);
    });
  };

  const sendStatus = () => {
    statusTimer = null;
    if (!connected()) return;
    lastStatusAt = Date.now();
    try {
      const status = buildStatus(
        {
          kioskId,
          hallName: deps.hallName,
          version: deps.version,
          devices: deps.devices,
          consumables: deps.consumables ?? (() => []),
          outOfService: deps.outOfService ?? (() => null),
          staffSignedIn: deps.staffSignedIn ?? (() => null),
          session: () => tracker.current(),
          journalBacklog: () => outbox.backlog(),
        },
        now(),
      );
      publish(kioskTopic.status(kioskId), status, true);
    } catch (error) {
      log.error({ err: error instanceof Error ? error.message : String(error) }, 'hall status not built');
    }
  };

  /** Coalesced: at most one status a second, whatever the number of changes. */
  const requestStatus = () => {
    if (statusTimer || !connected()) return;
    const wait = Math.max(0, lastStatusAt + STATUS_MIN_GAP_MS - Date.now());
    statusTimer = setTimeout(sendStatus, wait);
    statusTimer.unref?.();
  };

  const enqueue = (topic: string, payload: unknown) => {
    queue.push({ topic, payload: JSON.stringify(withoutIdNumbers(payload)) });
    // A long outage drops the oldest events (status and journal rows have their own catch-up).
    if (queue.length > EVENT_QUEUE_MAX) queue.splice(0, queue.length - EVENT_QUEUE_MAX);
    flushQueue();
  };

  const flushQueue = () => {
    while (connected() && queue.length > 0) {
      const next = queue.shift()!;
      client?.publish(next.topic, next.payload, { qos: 1, retain: false }, (error) => {
        if (error) log.warn({ topic: next.topic, err: error.message }, 'hall event not acknowledged');
      });
    }
  };

  const publishOutgoing = (out: Outgoing) => {
    switch (out.kind) {
      case 'supervision':
        return enqueue(kioskTopic.supervision(kioskId), out.message);
      case 'help':
        return enqueue(kioskTopic.help(kioskId), out.message);
      case 'alert':
        return enqueue(kioskTopic.alert(kioskId), out.message);
    }
  };

  const pumpJournal = () => {
    try {
      outbox.collect();
      const backlog = outbox.backlog();
      if (backlog !== lastBacklog) {
        lastBacklog = backlog;
        requestStatus();
      }
      if (!connected()) return;
      if (batchInFlight && Date.now() - batchInFlight.since < BATCH_STALL_MS) return;
      const rows = outbox.pending(JOURNAL_BATCH_ROWS);
      if (rows.length === 0) return;
      const batch: JournalBatch = { batchId: randomUUID(), rows: rows.map((r) => r.row) };
      const flight = { since: Date.now() };
      batchInFlight = flight;
      publish(kioskTopic.journal(kioskId), batch, false, (error) => {
        if (batchInFlight === flight) batchInFlight = null;
        if (error || stopped) return;
        outbox.markSent(rows.map((r) => r.seq));
        pumpJournal();
      });
    } catch (error) {
      log.error({ err: error instanceof Error ? error.message : String(error) }, 'hall outbox failed');
    }
  };

  const onEvent = (envelope: EventEnvelope) => {
    const tracked = tracker.handle(envelope);
    for (const out of tracked.out) publishOutgoing(out);
    if (tracked.statusChanged) requestStatus();
  };

  const ack = (commandId: string, outcome: CommandAck['outcome']) => {
    const message: CommandAck = { commandId, outcome, at: now().toISOString() };
    enqueue(kioskTopic.commandAck(kioskId), message);
  };

  const onCommand = (payload: Buffer) => {
    const read = readCommand(payload, now());
    if (!read.ok) {
      const problem = read.error;
      log.warn({ problem: problem.kind }, 'hall command refused');
      const commandId = problem.kind === 'notJson' ? null : problem.commandId;
      deps.audit.record({ actor: 'staff', action: 'hall.commandRefused', detail: { problem: problem.kind, commandId } });
      if (commandId) ack(commandId, 'refused');
      return;
    }
    const { commandId, command, by } = read.value;
    // QoS 1 may deliver a command twice: the second gets the first's answer and changes nothing.
    const earlier = recentCommands.get(commandId);
    if (earlier) return ack(commandId, earlier);
    const outcome = runCommand(command, by.username, deps.commands);
    recentCommands.set(commandId, outcome);
    if (recentCommands.size > RECENT_COMMANDS) recentCommands.delete(recentCommands.keys().next().value!);
    deps.audit.record({ actor: 'staff', action: `hall.${command.type}`, subject: by.username, detail: { commandId, role: by.role, outcome } });
    log.info({ commandId, type: command.type, outcome }, 'hall command');
    ack(commandId, outcome);
    requestStatus();
  };

  const onAllowList = (payload: Buffer) => {
    let json: unknown;
    try {
      json = JSON.parse(payload.toString());
    } catch {
      json = null;
    }
    const parsed = StaffAllowList.safeParse(json);
    if (!parsed.success) return log.warn('hall staff allow-list refused: not a valid list');
    if (parsed.data.version < allowListVersion) return;
    allowListVersion = parsed.data.version;
    deps.allowList?.replace(parsed.data);
    log.info({ version: parsed.data.version, staff: parsed.data.staff.length }, 'hall staff allow-list received');
  };

  const onConnect = () => {
    state = 'online';
    backoff = RECONNECT_MIN_MS;
    if (client) client.options.reconnectPeriod = backoff;
    log.info({ url: settings?.url }, 'hall link online');
    const online: KioskOnline = { online: true, at: now().toISOString() };
    publish(kioskTopic.online(kioskId), online, true);
    const topics = [kioskTopic.command(kioskId), hallTopic.staff, ...(deps.proxy ? [proxyTopic.down(kioskId)] : [])];
    client?.subscribe(topics, { qos: 1 }, (error) => {
      if (error) log.warn({ err: error.message }, 'hall subscriptions refused');
    });
    lastStatusAt = 0;
    sendStatus();
    flushQueue();
    batchInFlight = null;
    pumpJournal();
    deps.proxy?.linkChanged(true);
  };

  /**
   * The proxy side's channel. Not through withoutIdNumbers: `open` carries
   * the principal's full number to the hall by design (contract/proxy.ts);
   * the broker's ACL lets only this kiosk write this topic.
   */
  const proxyChannel: ProxyChannel = {
    online: connected,
    publish(message) {
      if (!connected()) return false;
      // Expires after 30 s: a stale `open` (the full number, the mobile) is neither delivered late nor kept on the broker's disk.
      client?.publish(proxyTopic.up(kioskId), JSON.stringify(message), { qos: 1, retain: false, properties: { messageExpiryInterval: 30 } }, (error) => {
        if (error) log.warn({ kind: message.type, err: error.message }, 'proxy message not acknowledged');
      });
      return true;
    },
  };

  return {
    async start() {
      if (!settings) {
        log.info('no hall configured: the kiosk works alone');
        return;
      }
      stopped = false;
      state = 'connecting';
      unsubscribe = deps.bus.subscribe(onEvent);
      const connect = deps.connect ?? ((url: string, options: IClientOptions) => mqtt.connect(url, options));
      const c = connect(settings.url, mqttOptions(kioskId, settings));
      client = c;
      deps.proxy?.attach(proxyChannel);
      c.on('connect', onConnect);
      c.on('packetreceive', () => {
        lastContact = now();
      });
      c.on('message', (topic, payload) => {
        if (topic === kioskTopic.command(kioskId)) onCommand(payload);
        else if (topic === hallTopic.staff) onAllowList(payload);
        else if (deps.proxy && topic === proxyTopic.down(kioskId)) deps.proxy.receive(payload);
      });
      c.on('offline', () => {
        if (state === 'online') log.warn('hall link offline: the kiosk goes on alone and catches up later');
        state = 'offline';
      });
      // A live proxy call cannot wait for the link to come back: its step hears at once.
      c.on('close', () => deps.proxy?.linkChanged(false));
      c.on('reconnect', () => {
        backoff = nextBackoff(backoff);
        c.options.reconnectPeriod = backoff;
      });
      c.on('error', (error) => log.warn({ err: error.message, code: (error as { code?: unknown }).code }, 'hall link error'));
      intervalTimer = setInterval(requestStatus, settings.statusIntervalSeconds * 1000);
      intervalTimer.unref?.();
      pollTimer = setInterval(pumpJournal, OUTBOX_POLL_MS);
      pollTimer.unref?.();
    },
    async stop() {
      if (!client) return;
      stopped = true;
      unsubscribe?.();
      deps.proxy?.linkChanged(false);
      deps.proxy?.attach(null);
      for (const timer of [statusTimer, intervalTimer, pollTimer]) if (timer) clearTimeout(timer);
      statusTimer = intervalTimer = pollTimer = null;
      const c = client;
      client = null;
      // A clean stop says so itself (the last will is for a lost link).
      if (c.connected) {
        const offline: KioskOnline = { online: false, at: now().toISOString() };
        // Bounded: over a dead link the PUBACK never comes, and the last will says it anyway.
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, STOP_GRACE_MS);
          c.publish(kioskTopic.online(kioskId), JSON.stringify(offline), { qos: 1, retain: true }, () => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      // Forced: a clean end would wait for in-flight PUBACKs; unacknowledged rows stay in the outbox.
      await c.endAsync(true).catch(() => undefined);
      state = 'off';
    },
    state: () => state,
    lastContact: () => lastContact,
    statusChanged: requestStatus,
  };
}
