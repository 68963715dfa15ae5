/**
 * Commands from the hall console: validated (schema, age), carried out on the
 * kiosk through narrow ports, acknowledged, and audited with the officer's
 * username. A command the kiosk cannot read or that is older than
 * {@link MAX_COMMAND_AGE_MS} is refused: a console click from long ago
 * (queued while the kiosk was offline) must not end today's session. Out of
 * service is a state, not an act on a citizen: the hall queues it for a kiosk
 * that is offline, and the kiosk applies it when it is back within
 * {@link MAX_STATE_COMMAND_AGE_MS} (commands arrive in order, so the latest wins).
 */
import { err, ok, type Result } from '../../../domain/result';
import { KioskCommandMessage, type CommandAck, type KioskCommand } from '../../contract/hall-link';

export const MAX_COMMAND_AGE_MS = 10 * 60_000;
export const MAX_STATE_COMMAND_AGE_MS = 7 * 24 * 3_600_000;

export type CommandProblem = { kind: 'notJson' } | { kind: 'malformed'; commandId: string | null; issues: string } | { kind: 'stale'; commandId: string; ageMs: number };

/** Parses and checks a command's bytes; a refused command with an id still gets a `refused` ack. */
export function readCommand(bytes: Buffer | string, now: Date): Result<KioskCommandMessage, CommandProblem> {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString());
  } catch {
    return err({ kind: 'notJson' });
  }
  const parsed = KioskCommandMessage.safeParse(json);
  if (!parsed.success) {
    const id = (json as { commandId?: unknown } | null)?.commandId;
    return err({ kind: 'malformed', commandId: typeof id === 'string' && id.length <= 64 ? id : null, issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ').slice(0, 300) });
  }
  const ageMs = now.getTime() - Date.parse(parsed.data.at);
  if (ageMs > (parsed.data.command.type === 'outOfService' ? MAX_STATE_COMMAND_AGE_MS : MAX_COMMAND_AGE_MS)) return err({ kind: 'stale', commandId: parsed.data.commandId, ageMs });
  return ok(parsed.data);
}

/** What the kiosk does for the hall (wired in hall-link.ts to the session store, the bus and the service state). */
export interface CommandPorts {
  /** The open session's id, if any. */
  currentSessionId(): string | null;
  hint(sessionId: string, text: string): void;
  moreTime(sessionId: string, seconds: number): void;
  endSession(sessionId: string): void;
  setOutOfService(message: string | null, username: string): void;
  helpAnswered(callId: string, state: 'claimed' | 'resolved', etaMinutes: number | null): void;
}

/** Carries out a valid command; the outcome goes into its ack. */
export function runCommand(command: KioskCommand, username: string, ports: CommandPorts): CommandAck['outcome'] {
  switch (command.type) {
    case 'hint':
    case 'moreTime':
    case 'endSession': {
      const sessionId = ports.currentSessionId();
      if (!sessionId || (command.sessionId !== undefined && command.sessionId !== sessionId)) return 'noSession';
      if (command.type === 'hint') ports.hint(sessionId, command.text);
      else if (command.type === 'moreTime') ports.moreTime(sessionId, command.seconds);
      else ports.endSession(sessionId);
      return 'done';
    }
    case 'outOfService':
      ports.setOutOfService(command.message, username);
      return 'done';
    case 'helpClaimed':
      ports.helpAnswered(command.callId, 'claimed', command.etaMinutes);
      return 'done';
    case 'helpResolved':
      ports.helpAnswered(command.callId, 'resolved', null);
      return 'done';
  }
}
