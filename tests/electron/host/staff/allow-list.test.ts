/** The hall's staff allow-list, cached in the journal so sign-in works while the hall link is down. */
import { afterEach, describe, expect, it } from 'vitest';
import { createStaffAllowList } from '../../../../electron/host/staff/allow-list';
import { allowList, KEY, logger, manualClock, OFFICER_ID, tempJournal } from './support';

const journals = tempJournal();
afterEach(() => journals.dispose());

describe('the staff allow-list cache', () => {
  it('keeps the newest list across a restart and ignores an older one', () => {
    const clock = manualClock();
    const first = journals.open();
    const cache = createStaffAllowList({ db: first.db, staffIdKey: () => KEY, logger, now: clock.now });
    expect(cache.version()).toBeNull();
    cache.replace(allowList(3, '100234'));
    cache.replace(allowList(2, '999999'));
    expect(cache.version()).toBe(3);
    expect(cache.byStaffNumber('100234')?.nameMasked).toBe('王**');
    expect(cache.byStaffNumber('999999')).toBeUndefined();
    first.close();

    const again = createStaffAllowList({ db: journals.open().db, staffIdKey: () => KEY, logger, now: clock.now });
    expect(again.version()).toBe(3);
    expect(again.byStaffNumber('100234')).toBeDefined();
    again.replace(allowList(4, '200345'));
    expect(again.byStaffNumber('200345')).toBeDefined();
    expect(again.byStaffNumber('100234')).toBeUndefined();
  });

  it('finds an officer by the ID number on their card, whatever its case, only with the hall key', () => {
    const db = journals.open().db;
    const cache = createStaffAllowList({ db, staffIdKey: () => KEY, logger, now: manualClock().now });
    cache.replace(allowList(1));
    expect(cache.byIdNumber(OFFICER_ID)?.staffNumber).toBe('100234');
    expect(cache.byIdNumber('410402199001011230')).toBeUndefined();
    const keyless = createStaffAllowList({ db, staffIdKey: () => null, logger, now: manualClock().now });
    expect(keyless.byIdNumber(OFFICER_ID)).toBeUndefined();
  });

  it('refuses a list that does not validate and keeps the one it holds', () => {
    const cache = createStaffAllowList({
      db: journals.open().db,
      staffIdKey: () => KEY,
      logger,
      now: manualClock().now,
    });
    cache.replace(allowList(1));
    const bad = { ...allowList(5), staff: [{ ...allowList(5).staff[0]!, pinHash: 'plain-246810' }] };
    cache.replace(bad);
    expect(cache.version()).toBe(1);
  });

  it('falls back to the simulation list only while nothing is cached', () => {
    const cache = createStaffAllowList({
      db: journals.open().db,
      staffIdKey: () => KEY,
      logger,
      now: manualClock().now,
      fallback: () => allowList(0, 'SIM001'),
    });
    expect(cache.byStaffNumber('SIM001')).toBeDefined();
    cache.replace(allowList(1));
    expect(cache.byStaffNumber('SIM001')).toBeUndefined();
  });
});
