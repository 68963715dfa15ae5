/**
 * A command from hall staff to one kiosk: validated, refused when the kiosk is
 * offline, published (QoS 1) on the kiosk's command topic, then recorded in
 * `hall_audit` with who sent it.
 *
 * Offline kiosks: `outOfService` (and back in service) is published anyway.
 * It is a state, not a moment: the kiosk's persistent session holds it and
 * the kiosk applies it when it reconnects, which is what the supervisor who
 * takes a broken kiosk out of service wants. Every other command is about the
 * citizen in front of the kiosk now (a hint, more time, end the session, a
 * help call's answer); delivered after a reconnect it would reach the wrong
 * person or nobody, so it is refused as `kioskOffline` and, should the kiosk
 * drop right after, expires in the broker after two minutes.
 */
import { randomUUID } from 'node:crypto';
import { err, ok, type Result } from '../../../domain/result';
import { KioskCommand, KioskCommandMessage, KioskId, kioskTopic } from '../../../electron/contract/hall-link';
import type { HallDb } from '../store/hall-db';
import type { SendCommandError } from './types';

/** How long a moment-bound command may wait in the broker for its kiosk. */
export const SESSION_COMMAND_EXPIRY_SECONDS = 120;

export interface CommandDeps {
  db: HallDb;
  now: () => Date;
  /** True while the hall server's own MQTT connection is up. */
  linkConnected: () => boolean;
  publish(topic: string, payload: string, options: { qos: 1; retain: false; messageExpiryInterval?: number }): Promise<void>;
}

const Sender = KioskCommandMessage.shape.by;

export async function sendKioskCommand(
  deps: CommandDeps,
  kioskId: string,
  command: KioskCommand,
  by: { username: string; role: 'officer' | 'supervisor' },
): Promise<Result<{ commandId: string }, SendCommandError>> {
  const parsedCommand = KioskCommand.safeParse(command);
  const sender = Sender.safeParse(by);
  if (!KioskId.safeParse(kioskId).success || !parsedCommand.success || !sender.success) return err('invalid');
  const queuedWhenOffline = parsedCommand.data.type === 'outOfService';
  if (!deps.linkConnected()) return err('kioskOffline');
  if (!queuedWhenOffline) {
    const { rows } = await deps.db.query<{ online: boolean }>('SELECT online FROM kiosks WHERE kiosk_id = $1', [kioskId]);
    if (rows[0]?.online !== true) return err('kioskOffline');
  }
  const message: KioskCommandMessage = { commandId: randomUUID(), at: deps.now().toISOString(), by: sender.data, command: parsedCommand.data };
  await deps.publish(kioskTopic.command(kioskId), JSON.stringify(message), {
    qos: 1,
    retain: false,
    ...(queuedWhenOffline ? {} : { messageExpiryInterval: SESSION_COMMAND_EXPIRY_SECONDS }),
  });
  await deps.db.query(`INSERT INTO hall_audit (at, username, action, subject, detail) VALUES ($1, $2, 'kioskCommand', $3, $4::jsonb)`, [
    deps.now(),
    sender.data.username,
    kioskId,
    JSON.stringify({ commandId: message.commandId, role: sender.data.role, command: message.command }),
  ]);
  return ok({ commandId: message.commandId });
}
