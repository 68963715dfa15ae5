/**
 * Staff sign-in on the host: PIN checked with argon2, 5 wrong PINs lock the
 * officer out for 15 minutes (kept across a restart), 2 minutes without a
 * touch sign the officer out whatever the screen does, and every step is
 * audited with the masked officer, never an ID number.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createEventBus } from '../../../../electron/host/events';
import { createAuditLog } from '../../../../electron/host/journal/transactions-audit';
import { createStaffAllowList } from '../../../../electron/host/staff/allow-list';
import { createPinLockout } from '../../../../electron/host/staff/pin-lockout';
import { createStaffDesk } from '../../../../electron/host/staff/staff-desk';
import type { Journal } from '../../../../electron/host/journal';
import { allowList, KEY, logger, manualClock, OFFICER_ID, PIN, tempJournal } from './support';

const journals = tempJournal();
afterEach(() => journals.dispose());

function desk(journal: Journal, clock: ReturnType<typeof manualClock>) {
  const cache = createStaffAllowList({ db: journal.db, staffIdKey: () => KEY, logger, now: clock.now });
  if (cache.version() === null) cache.replace(allowList(1));
  const timers: Array<{ at: number; run: () => void }> = [];
  const events: unknown[] = [];
  const bus = createEventBus((error) => {
    throw error;
  });
  bus.subscribe((envelope) => events.push(envelope.payload));
  const citizenCards: string[] = [];
  const staff = createStaffDesk<string>({
    allowList: cache,
    lockout: createPinLockout(journal.db, clock.now),
    audit: createAuditLog(journal.db, clock.now),
    bus,
    logger,
    now: clock.now,
    startCitizenSession: (card) => citizenCards.push(card),
    schedule: (ms, run) => {
      const timer = { at: clock.now().getTime() + ms, run };
      timers.push(timer);
      return () => timers.splice(timers.indexOf(timer), 1);
    },
  });
  /** Fires the timers that are due, as the event loop would. */
  const runDue = () => {
    for (const timer of timers.filter((t) => t.at <= clock.now().getTime())) {
      timers.splice(timers.indexOf(timer), 1);
      timer.run();
    }
  };
  return { staff, events, citizenCards, runDue };
}

describe('staff sign-in', () => {
  it('signs in with the card on the reader and the right PIN', async () => {
    const clock = manualClock();
    const { staff } = desk(journals.open(), clock);
    expect(staff.cardRead(OFFICER_ID, 'card')).toBe(true);
    expect(staff.view()).toMatchObject({ phase: 'cardChoice', officer: { staffNumber: '100234', nameMasked: '王**' } });
    expect(staff.cardChoice('staff')).toMatchObject({ phase: 'pin', via: 'card' });
    expect(await staff.pin(PIN)).toMatchObject({
      outcome: 'signedIn',
      view: { phase: 'signedIn', officer: { staffNumber: '100234' } },
    });
    expect(staff.staffSignedIn()).toEqual({ staffNumber: '100234', nameMasked: '王**' });
  });

  it('lets a citizen card through, and hands an officer their card back for their own business', () => {
    const { staff, citizenCards } = desk(journals.open(), manualClock());
    expect(staff.cardRead('410402199001011230', 'citizen-card')).toBe(false);
    staff.cardRead(OFFICER_ID, 'officer-card');
    expect(staff.cardChoice('citizen')).toEqual({ phase: 'signedOut' });
    expect(citizenCards).toEqual(['officer-card']);
  });

  it('locks the officer out for 15 minutes after 5 wrong PINs, even against the right PIN, across a restart', async () => {
    const clock = manualClock();
    const journal = journals.open();
    const { staff } = desk(journal, clock);
    staff.beginWithNumber('100234');
    const outcomes = [];
    for (let i = 0; i < 5; i++) outcomes.push(await staff.pin('000000'));
    expect(outcomes.slice(0, 4).map((o) => o.outcome === 'wrong' && o.attemptsLeft)).toEqual([4, 3, 2, 1]);
    const until = new Date(clock.now().getTime() + 15 * 60_000).toISOString();
    expect(outcomes[4]).toEqual({ outcome: 'lockedOut', until });
    expect(await staff.pin(PIN)).toEqual({ outcome: 'lockedOut', until });
    journal.close();

    // A restart keeps the lockout.
    clock.advance(14 * 60_000);
    const restarted = desk(journals.open(), clock).staff;
    restarted.beginWithNumber('100234');
    expect(await restarted.pin(PIN)).toEqual({ outcome: 'lockedOut', until });
    clock.advance(60_000);
    restarted.touch();
    expect(await restarted.pin(PIN)).toMatchObject({ outcome: 'signedIn' });
  });

  it('PINs sent all at once are checked one at a time: the lockout after the fifth wrong one holds against a right PIN sent with them', async () => {
    const { staff } = desk(journals.open(), manualClock());
    staff.beginWithNumber('100234');
    const outcomes = await Promise.all([...Array.from({ length: 20 }, () => staff.pin('000000')), staff.pin(PIN)]);
    expect(outcomes.slice(0, 4).map((o) => o.outcome)).toEqual(['wrong', 'wrong', 'wrong', 'wrong']);
    expect(outcomes.slice(4).every((o) => o.outcome === 'lockedOut')).toBe(true);
  });

  it('never says whether a typed staff number exists', async () => {
    const { staff } = desk(journals.open(), manualClock());
    expect(staff.beginWithNumber('999999')).toEqual({ phase: 'pin', via: 'staffNumber', officer: null });
    expect(await staff.pin(PIN)).toEqual({ outcome: 'wrong', attemptsLeft: 4 });
    staff.beginWithNumber('100234');
    expect(await staff.pin('000000')).toEqual({ outcome: 'wrong', attemptsLeft: 4 });
  });

  it('signs the officer out after 2 minutes without a touch, even if the screen asks nothing', async () => {
    const clock = manualClock();
    const { staff, events, runDue } = desk(journals.open(), clock);
    staff.beginWithNumber('100234');
    await staff.pin(PIN);
    clock.advance(100_000);
    expect(staff.touch()).toMatchObject({ phase: 'signedIn' });
    clock.advance(100_000);
    runDue();
    expect(staff.authorize()).toMatchObject({ staffNumber: '100234' });
    clock.advance(120_000);
    runDue();
    expect(events.at(-1)).toEqual({ phase: 'signedOut' });
    expect(staff.authorize()).toBeNull();
    expect(staff.staffSignedIn()).toBeNull();
  });

  it('refuses the officer when the timer did not fire but 2 minutes passed (the host checks each call)', async () => {
    const clock = manualClock();
    const { staff } = desk(journals.open(), clock);
    staff.beginWithNumber('100234');
    await staff.pin(PIN);
    clock.advance(120_001);
    expect(staff.authorize()).toBeNull();
  });

  it('audits every step with the masked officer and never an ID number', async () => {
    const clock = manualClock();
    const journal = journals.open();
    const { staff } = desk(journal, clock);
    staff.cardRead(OFFICER_ID, 'card');
    staff.cardChoice('staff');
    await staff.pin('111111');
    await staff.pin(PIN);
    const officer = staff.authorize()!;
    staff.record(officer, 'staff.testPrint', 'a4', { outcome: 'printed' });
    staff.signOut();
    const rows = journal.db
      .prepare("SELECT actor, action, subject, coalesce(detail, '') AS detail FROM audit_events ORDER BY id")
      .all() as Array<{ actor: string; action: string; subject: string; detail: string }>;
    expect(rows.map((row) => row.action)).toEqual([
      'staff.cardPresented',
      'staff.signInStarted',
      'staff.pinWrong',
      'staff.signedIn',
      'staff.testPrint',
      'staff.signedOut',
    ]);
    expect(rows.every((row) => row.actor === 'staff' && row.subject.startsWith('100234 王**'))).toBe(true);
    expect(JSON.stringify(rows)).not.toMatch(/\d{17}[\dXx]/);
    expect(JSON.stringify(rows)).not.toContain(PIN);
  });
});
