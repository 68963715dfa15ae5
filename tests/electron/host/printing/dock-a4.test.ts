/** The device dock with a simulated A4 printer next to a simulated ID card reader. */
import { afterEach, describe, expect, it } from 'vitest';
import type { IdCardSimulatorControls, SimulatorControls } from '../../../../drivers/manager';
import { createDock } from '../../../../electron/host/devices/dock';
import type { DeviceSnapshot } from '../../../../electron/host/devices/device-source';
import { createSimulatedCups, type SimulatedCups } from '../../../../electron/host/printing/a4/simulated';

const snapshot = (id: string, kind: DeviceSnapshot['kind'], simulated = true): DeviceSnapshot => ({
  id,
  kind,
  simulated,
  status: { kind: 'online' },
  since: new Date(0),
});

function fakeReader(): IdCardSimulatorControls & { calls: string[] } {
  const calls: string[] = [];
  return {
    kind: 'idcard',
    calls,
    placeCard(card): { ok: true } | { ok: false; error: string } {
      calls.push(`place:${String(card)}`);
      return card === 'nobody' ? { ok: false, error: 'unknown' } : { ok: true };
    },
    removeCard: () => void calls.push('remove'),
    unplug: () => void calls.push('unplug'),
    replug: () => void calls.push('replug'),
    setSamFault: (code) => void calls.push(`sam:${String(code)}`),
    setCardReadFault: () => undefined,
    setSilent: () => undefined,
    plugged: true,
    cardPresent: false,
  };
}

let sim: SimulatedCups;
afterEach(() => sim?.dispose());

function dockWith(enabled = true) {
  sim = createSimulatedCups({ msPerPage: 0, startDelayMs: 0, sheets: 100 });
  const reader = fakeReader();
  const manager = {
    list: () => [snapshot('idcard', 'idcard'), snapshot('a4Printer', 'a4Printer', false)],
    simulatorControls: (id: string): SimulatorControls | undefined => (id === 'idcard' ? reader : undefined),
  };
  const dock = createDock(manager, enabled, (id) => (id === 'a4Printer' ? sim.controls : undefined));
  return { dock, reader };
}

describe('dock with the simulated A4 printer', () => {
  it('lists the reader and the printer with its tray', () => {
    const { dock } = dockWith();
    const state = dock.state();
    expect(state.ok).toBe(true);
    if (!state.ok) return;
    expect(state.value.devices).toEqual([
      { id: 'idcard', kind: 'idcard', plugged: true, cardPresent: false },
      {
        id: 'a4Printer',
        kind: 'a4Printer',
        plugged: true,
        a4: {
          sheets: 100,
          capacity: 250,
          paper: 'ok',
          jammed: false,
          doorOpen: false,
          online: true,
          reasons: [],
          printing: false,
          completedJobs: 0,
        },
      },
    ]);
  });

  it('takes the paper out, leaves a few sheets, refills; jams, opens the door, goes offline and back', () => {
    const { dock } = dockWith();
    const a4 = () => {
      const state = dock.state();
      return state.ok ? state.value.devices.find((d) => d.id === 'a4Printer')?.a4 : undefined;
    };
    expect(dock.act({ action: 'a4Paper', deviceId: 'a4Printer', state: 'out' })).toEqual({
      ok: true,
      value: { done: true },
    });
    expect(a4()).toMatchObject({ sheets: 0, paper: 'out', reasons: ['media-empty-error'] });
    dock.act({ action: 'a4Paper', deviceId: 'a4Printer', state: 'low' });
    expect(a4()).toMatchObject({ paper: 'low', reasons: ['media-low-report'] });
    dock.act({ action: 'a4Paper', deviceId: 'a4Printer', state: 'refill' });
    expect(a4()).toMatchObject({ sheets: 250, paper: 'ok', reasons: [] });
    dock.act({ action: 'a4Jam', deviceId: 'a4Printer', jammed: true });
    dock.act({ action: 'a4Door', deviceId: 'a4Printer', open: true });
    dock.act({ action: 'a4Offline', deviceId: 'a4Printer', offline: true });
    expect(a4()).toMatchObject({
      jammed: true,
      doorOpen: true,
      online: false,
      reasons: ['offline-report', 'door-open-error', 'media-jam-error'],
    });
    dock.act({ action: 'a4Jam', deviceId: 'a4Printer', jammed: false });
    dock.act({ action: 'a4Door', deviceId: 'a4Printer', open: false });
    dock.act({ action: 'a4Offline', deviceId: 'a4Printer', offline: false });
    expect(a4()).toMatchObject({ jammed: false, doorOpen: false, online: true, reasons: [] });
    dock.act({ action: 'unplug', deviceId: 'a4Printer' });
    expect(a4()).toMatchObject({ online: false });
    dock.act({ action: 'replug', deviceId: 'a4Printer' });
    expect(a4()).toMatchObject({ online: true });
  });

  it('keeps the reader actions, and refuses actions a device does not have', () => {
    const { dock, reader } = dockWith();
    expect(dock.act({ action: 'placeCard', deviceId: 'idcard', sampleCard: 'resident-han' }).ok).toBe(true);
    expect(dock.act({ action: 'placeCard', deviceId: 'idcard', sampleCard: 'nobody' })).toMatchObject({
      ok: false,
      error: { code: 'deviceUnavailable', details: { reason: 'unknownSampleCard' } },
    });
    dock.act({ action: 'samFault', deviceId: 'idcard', code: 0x60 });
    dock.act({ action: 'unplug', deviceId: 'idcard' });
    expect(reader.calls).toEqual(['place:resident-han', 'place:nobody', 'sam:96', 'unplug']);
    expect(dock.act({ action: 'placeCard', deviceId: 'a4Printer', sampleCard: 'resident-han' })).toMatchObject({
      ok: false,
      error: { details: { reason: 'unsupportedAction' } },
    });
    expect(dock.act({ action: 'a4Jam', deviceId: 'idcard', jammed: true })).toMatchObject({
      ok: false,
      error: { details: { reason: 'unsupportedAction' } },
    });
    expect(dock.act({ action: 'a4Jam', deviceId: 'nothing', jammed: true })).toMatchObject({
      ok: false,
      error: { details: { reason: 'notSimulated' } },
    });
  });

  it('answers nothing when disabled', () => {
    const { dock } = dockWith(false);
    expect(dock.state()).toEqual({ ok: true, value: { enabled: false, sampleCards: [], devices: [] } });
    expect(dock.act({ action: 'a4Jam', deviceId: 'a4Printer', jammed: true })).toMatchObject({
      ok: false,
      error: { details: { reason: 'dockDisabled' } },
    });
  });
});
