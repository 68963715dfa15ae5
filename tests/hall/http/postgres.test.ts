import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HelpCallView, KioskView } from '../../../hall/contract/console-api';
import { openPostgresDb } from '../../../hall/server/store/postgres-db';
import { startLocalPostgres, type LocalPostgres } from '../../../scripts/lib/local-postgres';
import { ConsoleClient, insertAlert, insertHelpCall, insertKiosk, startHarness, type Harness } from './harness';

let server: LocalPostgres;
let hall: Harness;
beforeAll(async () => {
  server = await startLocalPostgres();
  hall = await startHarness({ db: await openPostgresDb({ connectionString: server.connectionString }) });
}, 60_000);
afterAll(async () => {
  await hall?.close();
  await server?.stop();
});

describe('the hall server on a real PostgreSQL', () => {
  it('signs in, lists kiosks, acknowledges an alert, claims a help call and publishes the allow-list', async () => {
    await insertKiosk(hall.db, 'HB-KIOSK-01');
    const alertId = await insertAlert(hall.db, 'HB-KIOSK-01', 'a-pg-1');
    await insertHelpCall(hall.db, 'HB-KIOSK-01', 'call-pg-1');
    const li = new ConsoleClient(hall.origin);
    expect((await li.login('li')).status).toBe(200);
    expect(KioskView.array().parse((await li.get('/api/kiosks')).body)).toMatchObject([{ kioskId: 'HB-KIOSK-01', online: true, openAlerts: 1, waitingHelpCalls: 1 }]);
    expect((await li.post(`/api/alerts/${alertId}/acknowledge`)).body).toMatchObject({ state: 'acknowledged', acknowledgedBy: 'li', raisedAt: '2026-12-03T01:57:00.000Z' });
    expect(HelpCallView.parse((await li.post('/api/help-calls/call-pg-1/claim', { etaMinutes: 2 })).body)).toMatchObject({ claimedBy: 'li', etaMinutes: 2 });
    expect(hall.link.commands.at(-1)?.command).toEqual({ type: 'helpClaimed', callId: 'call-pg-1', etaMinutes: 2 });
    expect((await li.post('/api/staff', { staffNumber: 'P0001', name: '张三', idNumber: '410402199001011230', role: 'officer', pin: '123456' })).status).toBe(200);
    expect(hall.link.allowLists.at(-1)).toMatchObject({ version: 1, staff: [{ staffNumber: 'P0001', idNumberMasked: '4104**********1230', nameMasked: '张*' }] });
    for (let i = 0; i < 4; i++) await new ConsoleClient(hall.origin).login('wang', 'wrong-password');
    expect((await new ConsoleClient(hall.origin).login('wang', 'wrong-password')).status).toBe(423);
  });
});
