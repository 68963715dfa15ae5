/**
 * The endorsement writer end to end below the flow: the device manager's
 * simulated writer, its card session and the host's desk (the flows' port):
 * read, write with read-back, a card taken away mid-write, a full chip, a
 * failed write, another permit, no card, a damaged card, an unplugged writer.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createDeviceManager, type DeviceManager, type EndorsementWriterSimulatorControls, type ManagedEndorsementWriter } from '../../../drivers/manager';
import { createEndorsementWriterDesk, endorsementWriterOf, problemOf } from '../../../electron/host/devices/endorsement-writer-desk';
import type { ChipEndorsement, EndorsementWriterDesk } from '../../../electron/host/flows/library/endorsement-writer';
import { createLogger } from '../../../electron/host/log/logger';

async function until(probe: () => boolean, what: string, ms = 3000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

const ENDORSEMENT: ChipEndorsement = { destination: 'hongKong', type: 'G', entries: 'single', validFrom: '2026-12-03', validUntil: '2027-03-02', stayDays: 7, number: 'HG2026000001' };

let manager: DeviceManager | undefined;
afterEach(async () => {
  await manager?.stop();
  manager = undefined;
});

async function start(initialCard?: string): Promise<{ desk: EndorsementWriterDesk; dock: EndorsementWriterSimulatorControls; device: ManagedEndorsementWriter; status: () => string | undefined }> {
  manager = createDeviceManager(
    { endorsementWriter: { enabled: true, mode: 'simulated', readTimeoutMs: 2000, writeTimeoutMs: 2000, simulator: initialCard ? { initialCard } : {} } },
    { backoff: { initialMs: 20, maxMs: 100, factor: 2, jitter: 0 } },
  );
  const m = manager;
  await m.start();
  const status = () => m.list().find((d) => d.id === 'endorsementWriter')?.status.kind;
  await until(() => status() === 'online', 'writer online');
  const device = endorsementWriterOf(m, 'endorsementWriter')!;
  const desk = createEndorsementWriterDesk({ device: () => endorsementWriterOf(m, 'endorsementWriter'), logger: createLogger('silent'), now: () => new Date('2026-12-03T02:00:00Z') });
  return { desk, dock: device.simulator!, device, status };
}

describe('endorsement writer (simulated) through the desk', () => {
  it('reads the permit on the writer, writes an endorsement, reads it back, and the dock shows it written', async () => {
    const { desk, dock } = await start('C38816402');
    const read = await desk.readPermit();
    expect(read).toMatchObject({ ok: true, value: { permitType: 'hkMacauPermit', permitNumber: 'C38816402', name: '陈思远', birthDate: '1990-01-01', endorsements: [] } });
    expect(await desk.writeEndorsement('C38816402', ENDORSEMENT)).toEqual({ ok: true, value: { writtenAt: '2026-12-03T02:00:00.000Z', printed: false } });
    expect(dock.cardOnWriter?.endorsements).toEqual([ENDORSEMENT]);
    // Off the writer and back: the chip keeps it.
    dock.removePermit();
    expect(await desk.readPermit()).toEqual({ ok: false, error: 'noCard' });
    dock.placePermit('C38816402');
    expect(await desk.readPermit()).toMatchObject({ ok: true, value: { endorsements: [ENDORSEMENT] } });
  });

  it('reads an old endorsement already on 吴国强\'s chip', async () => {
    const { desk } = await start('C51234567');
    const read = await desk.readPermit();
    expect(read.ok && read.value.endorsements).toMatchObject([{ destination: 'hongKong', type: 'G', number: 'HG2025000123' }]);
  });

  it('says cardRemoved when the card is taken away mid-write, and nothing is on the chip', async () => {
    const { desk, dock } = await start('C60123456');
    dock.failNextWrite('cardRemoved');
    expect(await desk.writeEndorsement('C60123456', ENDORSEMENT)).toEqual({ ok: false, error: 'cardRemoved' });
    expect(dock.cardOnWriter).toBeUndefined();
    dock.placePermit('C60123456');
    expect(await desk.readPermit()).toMatchObject({ ok: true, value: { endorsements: [] } });
  });

  it('says writeFailed when the chip fails the write (6581), then the next write works', async () => {
    const { desk, dock } = await start('C72345678');
    dock.failNextWrite();
    expect(dock.pendingFault).toBe('writeFailed');
    expect(await desk.writeEndorsement('C72345678', ENDORSEMENT)).toEqual({ ok: false, error: 'writeFailed' });
    expect(dock.cardOnWriter?.endorsements).toEqual([]);
    expect((await desk.writeEndorsement('C72345678', ENDORSEMENT)).ok).toBe(true);
  });

  it('says chipFull when the chip has no room left (6A84)', async () => {
    const { desk } = await start('L21234567');
    for (let i = 1; i <= 8; i++) expect((await desk.writeEndorsement('L21234567', { ...ENDORSEMENT, destination: 'taiwan', number: `TW${i}` })).ok).toBe(true);
    expect(await desk.writeEndorsement('L21234567', { ...ENDORSEMENT, destination: 'taiwan', number: 'TW9' })).toEqual({ ok: false, error: 'chipFull' });
  });

  it('refuses to write to another permit than the one asked for, and names no card, a damaged card and a bank card', async () => {
    const { desk, dock } = await start();
    expect(await desk.readPermit()).toEqual({ ok: false, error: 'noCard' });
    dock.placePermit('C38816402');
    expect(await desk.writeEndorsement('C51234567', ENDORSEMENT)).toEqual({ ok: false, error: 'notAPermit' });
    expect(dock.cardOnWriter?.endorsements).toEqual([]);
    dock.placePermit('damaged');
    expect(await desk.readPermit()).toEqual({ ok: false, error: 'unreadable' });
    dock.placePermit('bank-card');
    expect(await desk.readPermit()).toEqual({ ok: false, error: 'notAPermit' });
    expect(dock.placePermit('C00000000')).toEqual({ ok: false, error: 'unknownCard' });
  });

  it('goes noDevice when unplugged (the desk says deviceDown) and online again when replugged', async () => {
    const { desk, dock, status } = await start('C38816402');
    dock.unplug();
    await until(() => status() === 'noDevice', 'writer down');
    expect(await desk.readPermit()).toEqual({ ok: false, error: 'deviceDown' });
    dock.replug();
    await until(() => status() === 'online', 'writer back');
    expect((await desk.readPermit()).ok).toBe(true);
  });

  it('reports the card as the device\'s media', async () => {
    const { dock } = await start();
    expect(manager!.list()[0]).toMatchObject({ kind: 'endorsementWriter', simulated: true, status: { kind: 'online', media: 'absent' } });
    dock.placePermit('C38816402');
    expect(manager!.list()[0]!.status).toEqual({ kind: 'online', media: 'present' });
  });

  it('maps every driver failure to a port problem (a time limit: unreadable on a read, writeFailed on a write)', () => {
    expect(problemOf({ kind: 'timeout', message: '' }, 'read')).toBe('unreadable');
    expect(problemOf({ kind: 'timeout', message: '' }, 'write')).toBe('writeFailed');
    expect(problemOf({ kind: 'securityRefused', message: '' }, 'write')).toBe('writeFailed');
    expect(problemOf({ kind: 'noReader', message: '' }, 'read')).toBe('deviceDown');
  });

  it('is deviceDown on a kiosk without a writer', async () => {
    const desk = createEndorsementWriterDesk({ device: () => undefined, logger: createLogger('silent'), now: () => new Date() });
    expect(await desk.readPermit()).toEqual({ ok: false, error: 'deviceDown' });
  });
});
