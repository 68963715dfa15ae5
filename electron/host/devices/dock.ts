/**
 * The device dock's host side: lets staff demos, the renderer's dock drawer
 * and end-to-end tests act on simulated devices (place a card, pull a cable,
 * take the A4 printer's or the receipt printer's paper out, scan a code, put
 * a finger on the fingerprint scanner, lay a permit on the endorsement writer
 * or make its next write fail). Only simulated devices answer; real ones
 * are refused.
 */
import type { CallParams, CallResult } from '../../contract';
import { loadSampleCard, listSampleCards } from '../../../drivers/idcard/sample-cards';
import type { DeviceManager, IdCardSimulatorControls, SimulatorControls } from '../../../drivers/manager';
import { SIMULATED_QUALITY } from '../../../drivers/fingerprint/simulator';
import { SOMEONE_ELSE } from '../../../drivers/fingerprint/sim-template';
import { kioskError, type HandlerOutcome } from '../api/dispatch';
import type { A4SimulatorControls } from '../printing/a4/simulated';

export interface Dock {
  state(): HandlerOutcome<'dock.state'>;
  act(params: CallParams<'dock.act'>): HandlerOutcome<'dock.act'>;
}

/** Looks up the dock controls of a simulated A4 printer by device id. */
export type A4ControlsLookup = (id: string) => A4SimulatorControls | undefined;

type DockDevice = CallResult<'dock.state'>['devices'][number];
type Refusal = { ok: false; error: ReturnType<typeof kioskError> };

const refuse = (reason: string): Refusal => ({ ok: false, error: kioskError('deviceUnavailable', { reason }) });
const done = { ok: true as const, value: { done: true as const } };

/** The ID card reader's controls, when `controls` are a reader's. */
function idCardControls(controls: SimulatorControls): IdCardSimulatorControls | undefined {
  return 'placeCard' in controls ? controls : undefined;
}

type ReceiptControls = Extract<SimulatorControls, { kind: 'receiptPrinter' }>;

/** The receipt printer's controls, when `controls` are a receipt printer's. */
function receiptControls(controls: SimulatorControls): ReceiptControls | undefined {
  return controls.kind === 'receiptPrinter' ? controls : undefined;
}

type ScannerControls = Extract<SimulatorControls, { kind: 'scanner' }>;

/** The code scanner's controls, when `controls` are a scanner's. */
function scannerControls(controls: SimulatorControls): ScannerControls | undefined {
  return controls.kind === 'scanner' ? controls : undefined;
}

type WriterControls = Extract<SimulatorControls, { kind: 'endorsementWriter' }>;

/** The endorsement writer's controls, when `controls` are a writer's. */
function writerControls(controls: SimulatorControls): WriterControls | undefined {
  return controls.kind === 'endorsementWriter' ? controls : undefined;
}

/** The dock's view of a simulated endorsement writer: its sample cards, the card on it and its chip's endorsements. */
function writerDockState(writer: WriterControls): NonNullable<DockDevice['endorsementWriter']> {
  const on = writer.cardOnWriter;
  return {
    sampleCards: writer.sampleCards.map(({ id, kind, label }) => ({ id, kind, label })),
    onWriter: on ? { id: on.id, label: on.label, endorsements: on.endorsements.map((e) => ({ ...e })) } : null,
    failArmed: writer.pendingFault !== undefined,
  };
}

type FingerprintControls = Extract<SimulatorControls, { kind: 'fingerprint' }>;

/** The fingerprint scanner's controls, when `controls` are a fingerprint scanner's. */
function fingerprintControls(controls: SimulatorControls): FingerprintControls | undefined {
  return controls.kind === 'fingerprint' ? controls : undefined;
}

/** The dock's view of a simulated A4 printer. */
function a4DockDevice(id: string, controls: A4SimulatorControls): DockDevice {
  const s = controls.state;
  return {
    id,
    kind: 'a4Printer',
    plugged: s.online,
    a4: {
      sheets: s.sheets,
      capacity: s.capacity,
      paper: s.paper,
      jammed: s.jammed,
      doorOpen: s.doorOpen,
      online: s.online,
      reasons: s.reasons,
      printing: s.activeJob !== undefined,
      completedJobs: s.completedJobs,
    },
  };
}

/** Acts on a simulated A4 printer; unplug/replug pull its cable too. */
function actOnA4(controls: A4SimulatorControls, params: CallParams<'dock.act'>): HandlerOutcome<'dock.act'> {
  switch (params.action) {
    case 'a4Paper':
      if (params.state === 'out') controls.emptyPaper();
      else if (params.state === 'low') controls.setPaperLow();
      else controls.refillPaper();
      return done;
    case 'a4Jam':
      if (params.jammed) controls.jam();
      else controls.clearJam();
      return done;
    case 'a4Door':
      if (params.open) controls.openDoor();
      else controls.closeDoor();
      return done;
    case 'a4Offline':
    case 'unplug':
    case 'replug':
      if (params.action === 'unplug' || (params.action === 'a4Offline' && params.offline)) controls.goOffline();
      else controls.goOnline();
      return done;
    case 'placeCard':
    case 'removeCard':
    case 'samFault':
    case 'receiptPaper':
    case 'receiptCover':
    case 'scan':
    case 'placeFinger':
    case 'placePermit':
    case 'removePermit':
    case 'failNextWrite':
      return refuse('unsupportedAction');
    default: {
      const unreachable: never = params;
      return unreachable;
    }
  }
}

/** Acts on a device the manager simulates (ID card reader, receipt printer, code scanner; cable for any kind). */
function actOnManaged(controls: SimulatorControls, params: CallParams<'dock.act'>, holder: () => string | undefined): HandlerOutcome<'dock.act'> {
  const reader = idCardControls(controls);
  const receipt = receiptControls(controls);
  const scanner = scannerControls(controls);
  const fingerprint = fingerprintControls(controls);
  const writer = writerControls(controls);
  switch (params.action) {
    case 'placeCard': {
      if (!reader) return refuse('unsupportedAction');
      const placed = reader.placeCard(params.sampleCard);
      return placed.ok ? done : refuse('unknownSampleCard');
    }
    case 'removeCard':
      if (!reader) return refuse('unsupportedAction');
      reader.removeCard();
      return done;
    case 'unplug':
      controls.unplug();
      return done;
    case 'replug':
      controls.replug();
      return done;
    case 'samFault':
      if (!reader) return refuse('unsupportedAction');
      reader.setSamFault(params.code);
      return done;
    case 'receiptPaper':
      if (!receipt) return refuse('unsupportedAction');
      if (params.state === 'out') receipt.emptyPaper();
      else receipt.refillPaper();
      return done;
    case 'receiptCover':
      if (!receipt) return refuse('unsupportedAction');
      if (params.open) receipt.openCover();
      else receipt.closeCover();
      return done;
    case 'scan':
      if (!scanner) return refuse('unsupportedAction');
      return scanner.scan(params.text) ? done : refuse('unplugged');
    case 'placeFinger':
      if (!fingerprint) return refuse('unsupportedAction');
      if (!fingerprint.plugged) return refuse('unplugged');
      {
        // The finger's simulated template is the card holder's, or a stranger's (the sandbox matcher tells them apart).
        const person = params.whose === 'other' ? SOMEONE_ELSE : holder();
        fingerprint.placeFinger(params.quality === 'good' ? SIMULATED_QUALITY.good : SIMULATED_QUALITY.bad, person);
      }
      return done;
    case 'placePermit':
      if (!writer) return refuse('unsupportedAction');
      if (!writer.plugged) return refuse('unplugged');
      return writer.placePermit(params.card).ok ? done : refuse('unknownSampleCard');
    case 'removePermit':
      if (!writer) return refuse('unsupportedAction');
      writer.removePermit();
      return done;
    case 'failNextWrite':
      if (!writer) return refuse('unsupportedAction');
      writer.failNextWrite(params.fault);
      return done;
    case 'a4Paper':
    case 'a4Jam':
    case 'a4Door':
    case 'a4Offline':
      return refuse('unsupportedAction');
    default: {
      const unreachable: never = params;
      return unreachable;
    }
  }
}

/** The person key of the last sample card placed in a simulated ID card reader, if any. */
function holderOf(manager: Pick<DeviceManager, 'list' | 'simulatorControls'>): string | undefined {
  for (const device of manager.list()) {
    const controls = manager.simulatorControls(device.id);
    const reader = controls && idCardControls(controls);
    if (reader?.holder !== undefined) return reader.holder;
  }
  return undefined;
}

/**
 * Creates the dock over the manager; `enabled` is false outside simulation.
 * `a4Controls` finds a simulated A4 printer's controls (the printer is not
 * the driver manager's: it comes from the host's printing stack).
 */
export function createDock(
  manager: Pick<DeviceManager, 'list' | 'simulatorControls'>,
  enabled: boolean,
  a4Controls?: A4ControlsLookup,
): Dock {
  return {
    state() {
      if (!enabled) return { ok: true, value: { enabled: false, sampleCards: [], devices: [] } };
      const sampleCards = listSampleCards().flatMap((id) => {
        const sample = loadSampleCard(id);
        return sample.ok ? [{ id, label: sample.value.description }] : [];
      });
      const devices: DockDevice[] = manager.list().flatMap((device): DockDevice[] => {
        const a4 = a4Controls?.(device.id);
        if (a4) return [a4DockDevice(device.id, a4)];
        const controls = manager.simulatorControls(device.id);
        if (!controls) return [];
        const reader = idCardControls(controls);
        const receipt = receiptControls(controls);
        const fingerprint = fingerprintControls(controls);
        const writer = writerControls(controls);
        return [
          {
            id: device.id,
            kind: device.kind,
            plugged: controls.plugged,
            ...(reader ? { cardPresent: reader.cardPresent } : {}),
            ...(receipt ? { receipt: { paper: receipt.paper, coverOpen: receipt.coverOpen } } : {}),
            ...(fingerprint ? { fingerprint: { fingerOn: fingerprint.fingerOn, capturing: fingerprint.capturing } } : {}),
            ...(writer ? { endorsementWriter: writerDockState(writer) } : {}),
          },
        ];
      });
      return { ok: true, value: { enabled: true, sampleCards, devices } };
    },
    act(params) {
      if (!enabled) return refuse('dockDisabled');
      const a4 = a4Controls?.(params.deviceId);
      if (a4) return actOnA4(a4, params);
      const controls = manager.simulatorControls(params.deviceId);
      if (!controls) return refuse('notSimulated');
      return actOnManaged(controls, params, () => holderOf(manager));
    },
  };
}
