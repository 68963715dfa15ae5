/**
 * Hall staff at the kiosk (issue 18 §1): sign-in (own ID card or staff
 * number, then a 6-digit PIN) and the maintenance screens. The host decides
 * who the officer is from its own card read or allow-list; the renderer only
 * passes keypad input and choices. Every staff call but the sign-in steps is
 * refused (`unauthorized`) unless an officer is signed in on the host.
 * Nothing here carries a full ID number or a document's personal content.
 */
import { z } from 'zod';
import { Consumable, DeviceStatus } from './domain';

const At = z.string().datetime();


/** An officer as the staff screens show them: staff number and masked name only. */
export const StaffOfficer = z.object({
  staffNumber: z.string().max(32),
  nameMasked: z.string().max(16),
  role: z.enum(['officer', 'supervisor']),
});
export type StaffOfficer = z.infer<typeof StaffOfficer>;

/** Where the kiosk's staff sign-in is. */
export const StaffView = z.discriminatedUnion('phase', [
  z.object({ phase: z.literal('signedOut') }),
  /** An allow-listed officer's card is on the reader at the attract screen: staff sign-in or a citizen's business. */
  z.object({ phase: z.literal('cardChoice'), officer: StaffOfficer }),
  /** Waiting for the PIN; `officer` is null when the sign-in began with a typed staff number (never says whether it exists). */
  z.object({ phase: z.literal('pin'), officer: StaffOfficer.nullable(), via: z.enum(['card', 'staffNumber']) }),
  z.object({ phase: z.literal('signedIn'), officer: StaffOfficer, idleSignOutMs: z.number().int().positive() }),
]);
export type StaffView = z.infer<typeof StaffView>;

export const PinOutcome = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('signedIn'), view: StaffView }),
  /** Wrong staff number or PIN (the kiosk never says which); `attemptsLeft` before the lockout, null when the number is unknown. */
  z.object({ outcome: z.literal('wrong'), attemptsLeft: z.number().int().nonnegative().nullable() }),
  z.object({ outcome: z.literal('lockedOut'), until: At }),
  /** No sign-in waiting for a PIN (it was cancelled or timed out). */
  z.object({ outcome: z.literal('noSignIn') }),
]);
export type PinOutcome = z.infer<typeof PinOutcome>;

/** One diagnostics check (the device CLI's checks, run by the host). */
export const DiagnosticCheck = z.object({
  deviceId: z.string().max(64),
  kind: z.string().max(32),
  ok: z.boolean(),
  /** Technical, non-personal lines (the CLI's own wording). */
  lines: z.array(z.string().max(400)).max(40),
  /** The result in the user's language: a `staff.check.*` message key (optional: added in W2). */
  summaryKey: z.string().max(128).optional(),
});
export type DiagnosticCheck = z.infer<typeof DiagnosticCheck>;

export const PrintResult = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('printed') }),
  z.object({ outcome: z.literal('notPrinted'), messageKey: z.string().max(128) }),
]);
export type PrintResult = z.infer<typeof PrintResult>;

/** A document as the staff screen may show it: number, type, time; never its content. */
export const StaffDocument = z.object({
  number: z.string().max(80),
  type: z.string().max(64),
  printedAt: At,
  reprinted: z.boolean(),
});
export type StaffDocument = z.infer<typeof StaffDocument>;

export const ReprintResult = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('reprinted'), document: StaffDocument }),
  z.object({ outcome: z.literal('notPrinted'), document: StaffDocument, messageKey: z.string().max(128) }),
  /** The policy said no: nothing printed today, already reprinted once, the file no longer kept. */
  z.object({
    outcome: z.literal('refused'),
    reason: z.enum(['noDocumentToday', 'reprintUsed', 'fileGone']),
    document: StaffDocument.nullable(),
  }),
]);
export type ReprintResult = z.infer<typeof ReprintResult>;

/** One of today's sessions, masked. */
export const JournalEntry = z.object({
  startedAt: At,
  serviceId: z.string().max(64).nullable(),
  outcome: z.string().max(32),
  idNumberMasked: z.string().max(24).nullable(),
  feeFen: z.number().int().nonnegative(),
});
export type JournalEntry = z.infer<typeof JournalEntry>;

export const DayEndReport = z.object({
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  byServiceAndOutcome: z.array(
    z.object({ serviceId: z.string().max(64), outcome: z.string().max(32), count: z.number().int().nonnegative() }),
  ),
  feesFen: z.number().int().nonnegative(),
  /** The payment reconciliation for the day; `unavailable` when the payment service gave no statement. */
  reconciliation: z.discriminatedUnion('state', [
    z.object({ state: z.literal('matched'), matched: z.number().int().nonnegative() }),
    z.object({
      state: z.literal('mismatches'),
      matched: z.number().int().nonnegative(),
      mismatches: z.number().int().positive(),
    }),
    z.object({ state: z.literal('unavailable') }),
    z.object({ state: z.literal('noPayments') }),
  ]),
  printFailures: z.number().int().nonnegative(),
});
export type DayEndReport = z.infer<typeof DayEndReport>;

const OutOfService = z.object({ message: z.string().max(200), since: At, by: z.enum(['kiosk', 'hall']) });

const none = z.object({}).strict();

/** Registered in `Calls` (calls.ts). */
export const StaffCalls = {
  'staff.state': { params: none, result: StaffView },
  /** The hidden corner gesture's way in: the typed staff number (the host looks it up). */
  'staff.beginWithNumber': {
    params: z
      .object({
        staffNumber: z
          .string()
          .min(1)
          .max(16)
          .regex(/^[A-Za-z0-9]+$/),
      })
      .strict(),
    result: StaffView,
  },
  /** At `cardChoice`: staff sign-in with that card, or the citizen's business (a session starts with the card). */
  'staff.cardChoice': { params: z.object({ choice: z.enum(['staff', 'citizen']) }).strict(), result: StaffView },
  'staff.pin': { params: z.object({ pin: z.string().regex(/^\d{6}$/) }).strict(), result: PinOutcome },
  /** Leaves a sign-in not finished. */
  'staff.cancel': { params: none, result: StaffView },
  /** The officer touched the screen: pushes back the auto sign-out. */
  'staff.touch': { params: none, result: StaffView },
  'staff.signOut': { params: none, result: StaffView },
  'staff.devices': { params: none, result: z.object({ devices: z.array(DeviceStatus) }) },
  'staff.diagnose': { params: none, result: z.object({ checks: z.array(DiagnosticCheck) }) },
  'staff.consumables': { params: none, result: z.object({ consumables: z.array(Consumable) }) },
  'staff.refill': {
    params: z.object({ deviceId: z.string().max(64), kind: Consumable.shape.kind }).strict(),
    result: z.object({ consumables: z.array(Consumable) }),
  },
  'staff.testPrint': { params: z.object({ target: z.enum(['receipt', 'a4']) }).strict(), result: PrintResult },
  'staff.lastDocument': { params: none, result: z.object({ document: StaffDocument.nullable() }) },
  'staff.reprintLast': { params: none, result: ReprintResult },
  'staff.journal': { params: none, result: z.object({ day: z.string(), sessions: z.array(JournalEntry) }) },
  'staff.dayEnd': { params: none, result: DayEndReport },
  'staff.restartDevice': {
    params: z.object({ deviceId: z.string().max(64) }).strict(),
    /**
     * `restarted`: the manager's device stopped and started; `reprobed`: the
     * A4 printer's CUPS queue asked again (the queue is CUPS's, the kiosk
     * cannot restart it); `checkOnScreen`: a camera, opened by the screen,
     * which checks the cameras again itself; `unknownDevice`: no such device.
     */
    result: z.object({ outcome: z.enum(['restarted', 'reprobed', 'checkOnScreen', 'unknownDevice']) }),
  },
  /** Out of service with `message` for citizens, or back in service (`null`). */
  'staff.setServiceState': {
    params: z.object({ message: z.string().trim().min(1).max(200).nullable() }).strict(),
    result: z.object({ outOfService: OutOfService.nullable() }),
  },
  /** Whether the kiosk is in service (any screen, e.g. after a reload). */
  'kiosk.serviceState': { params: none, result: z.object({ outOfService: OutOfService.nullable() }) },
} as const;

/** Registered in `Events` (events.ts). */
export const StaffEvents = {
  /** The staff sign-in moved on (a card offered both ways, signed in, signed out by the idle timer). */
  'staff.changed': StaffView,
} as const;
