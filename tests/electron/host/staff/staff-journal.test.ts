/** The last document the staff screen offers to reprint: today's, printed or failed in print, never a test page or one never printed. */
import { afterEach, describe, expect, it } from 'vitest';
import { createDocumentsRepo } from '../../../../electron/host/journal';
import { createStaffJournal, TEST_PAGE_KIND } from '../../../../electron/host/staff/staff-journal';
import { manualClock, tempJournal } from './support';

const journals = tempJournal();
afterEach(() => journals.dispose());

describe('the last document for a reprint', () => {
  it('is the latest document today whose print was tried, even if it failed; not a test page nor one never printed', () => {
    const clock = manualClock('2026-12-03T02:00:00.000Z');
    const journal = journals.open();
    const documents = createDocumentsRepo(journal.db, clock.now);
    const staff = createStaffJournal(journal.db, clock.now, 'Asia/Shanghai');
    const add = (number: string, type: string, outcome: string | null) => {
      clock.advance(1000);
      documents.insertRendered({ number, type, sessionId: 's1', sha256: 'a'.repeat(64), pages: 1 });
      if (outcome) documents.recordPrint(number, outcome, 1);
    };
    expect(staff.lastDocument()).toBeNull();
    add('DOC-1', 'drivingRecord', 'completed');
    add('DOC-2', 'drivingRecord', 'paperOut');
    add('TEST-1', TEST_PAGE_KIND, 'completed');
    add('DOC-3', 'drivingRecord', null);
    expect(staff.lastDocument()).toMatchObject({ number: 'DOC-2', type: 'drivingRecord', reprinted: false });
  });
});
