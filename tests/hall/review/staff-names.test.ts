/**
 * Review of issue 18: an officer's name of any length the console accepts
 * (1 to 32 characters) gives an allow-list the kiosks accept, so one long
 * name never stops the whole list from reaching them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StaffAllowList } from '../../../electron/contract/hall-link';
import { maskedStaffIdentity } from '../../../hall/server/auth/staff-identity';
import { ConsoleClient, startHarness, type Harness } from '../http/harness';

let hall: Harness;
let li: ConsoleClient;
beforeAll(async () => {
  hall = await startHarness();
  li = new ConsoleClient(hall.origin);
  await li.login('li');
}, 60_000);
afterAll(async () => {
  await hall?.close();
});

const ID = '410402199001011230';

describe('kiosk staff names in the allow-list', () => {
  it('masks names of 1, 2 and 4 characters, Latin names and blank names as the kiosks accept them', () => {
    expect(maskedStaffIdentity('张', ID).nameMasked).toBe('*');
    expect(maskedStaffIdentity('王喆', ID).nameMasked).toBe('王*');
    expect(maskedStaffIdentity('欧阳娜娜', ID).nameMasked).toBe('欧***');
    expect(maskedStaffIdentity('Li Si', ID).nameMasked).toBe('L****');
    expect(maskedStaffIdentity('   ', ID).nameMasked).toBe('*');
    expect(maskedStaffIdentity('张三', '41040219900101123x').idNumberMasked).toBe('4104**********123X');
  });

  it('publishes a valid allow-list for an officer with a 32-character name, and keeps publishing valid lists after it', async () => {
    const longName = 'Maria de los Angeles Garcia Lope'; // 32 characters, the longest the console accepts
    expect(Array.from(longName)).toHaveLength(32);
    const added = await li.post('/api/staff', { staffNumber: 'P0101', name: longName, idNumber: ID, role: 'officer', pin: '246810' });
    expect(added.status).toBe(200);
    const first = StaffAllowList.safeParse(hall.link.allowLists.at(-1));
    expect(first.success).toBe(true);
    expect(first.data?.staff.find((s) => s.staffNumber === 'P0101')?.nameMasked).toBe(`M${'*'.repeat(15)}`);

    const long = '阿卜杜热合曼·阿卜杜热西提·买买提艾力·吐尔逊'; // a long Uyghur name, 24 characters
    expect((await li.post('/api/staff', { staffNumber: 'P0102', name: long, idNumber: '110101198505051238', role: 'supervisor', pin: '135790' })).status).toBe(200);
    const second = StaffAllowList.safeParse(hall.link.allowLists.at(-1));
    expect(second.success).toBe(true);
    expect(second.data?.staff.map((s) => s.staffNumber)).toEqual(['P0101', 'P0102']);
  });
});
