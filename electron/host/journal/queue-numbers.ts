/**
 * Counter-window queue numbers, per window and day, in the journal: the
 * next value is taken in a single statement inside an IMMEDIATE transaction
 * (like document numbers), so two sessions, or two processes on the same
 * file, never get the same ticket; a number whose ticket did not print is
 * recorded as such and never reused.
 */
import type { Database } from 'better-sqlite3';
import type { KioskConfig } from '../config/schema';
import { stationDay } from './transactions-repo';

type Windows = KioskConfig['services']['windows'];

/** Letter per counter category; a window shared by two categories takes the first one's. */
const WINDOW_LETTERS: ReadonlyArray<[keyof Windows, string]> = [
  ['huzheng', 'A'],
  ['certificates', 'B'],
  ['traffic', 'C'],
  ['exitEntry', 'D'],
  ['proxy', 'E'],
];

/** The ticket's letter for a window name (`Q` for a window the config does not name). */
export function windowLetter(window: string, windows: Windows): string {
  return WINDOW_LETTERS.find(([category]) => windows[category] === window)?.[1] ?? 'Q';
}

/** `B007`: the window's letter and the day's sequence (three digits at least). */
export function formatTicketNumber(letter: string, sequence: number): string {
  return `${letter}${String(sequence).padStart(3, '0')}`;
}

export interface AllocatedTicket {
  number: string;
  day: string;
  window: string;
  sequence: number;
}

export interface QueueNumbers {
  /** Allocates the next ticket for `window` today and records it for the session. */
  allocate(request: { window: string; sessionId: string; serviceId: string }): AllocatedTicket;
  /** Records what became of the ticket: `printed` or the print problem. */
  recordOutcome(ticket: AllocatedTicket, outcome: string): void;
  /** The session's last ticket, if any. */
  lastForSession(sessionId: string): { number: string; outcome: string } | undefined;
}

/** Creates the allocator over the journal's `queue_numbers` and `queue_tickets`. */
export function createQueueNumbers(db: Database, windows: Windows, now: () => Date = () => new Date(), timeZone?: string): QueueNumbers {
  const advance = db.prepare(
    `INSERT INTO queue_numbers (day, counter_window, last_value) VALUES (?, ?, 1)
     ON CONFLICT (day, counter_window) DO UPDATE SET last_value = last_value + 1
     RETURNING last_value`,
  );
  const insert = db.prepare('INSERT INTO queue_tickets (ticket_number, day, counter_window, session_id, service_id, issued_at) VALUES (?, ?, ?, ?, ?, ?)');
  const outcome = db.prepare('UPDATE queue_tickets SET outcome = ? WHERE day = ? AND counter_window = ? AND ticket_number = ?');
  const last = db.prepare('SELECT ticket_number AS number, outcome FROM queue_tickets WHERE session_id = ? ORDER BY issued_at DESC, rowid DESC LIMIT 1');

  const allocateTx = db.transaction((request: { window: string; sessionId: string; serviceId: string }, at: Date): AllocatedTicket => {
    const day = stationDay(at, timeZone); // the hall's day: numbering restarts at its midnight
    const sequence = (advance.get(day, request.window) as { last_value: number }).last_value;
    const number = formatTicketNumber(windowLetter(request.window, windows), sequence);
    insert.run(number, day, request.window, request.sessionId, request.serviceId, at.toISOString());
    return { number, day, window: request.window, sequence };
  });

  return {
    allocate: (request) => allocateTx.immediate(request, now()),
    recordOutcome: (ticket, value) => void outcome.run(value, ticket.day, ticket.window, ticket.number),
    lastForSession: (sessionId) => last.get(sessionId) as { number: string; outcome: string } | undefined,
  };
}
