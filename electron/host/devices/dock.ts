/**
 * The device dock's host side: lets staff demos, the renderer's dock drawer
 * and end-to-end tests act on simulated devices (place a card, pull a cable).
 * Only simulated devices answer; real ones are refused.
 */
import type { CallParams, CallResult } from '../../contract';
import { loadSampleCard, listSampleCards } from '../../../drivers/idcard/sample-cards';
import type { DeviceManager } from '../../../drivers/manager';
import { kioskError, type HandlerOutcome } from '../api/dispatch';

export interface Dock {
  state(): HandlerOutcome<'dock.state'>;
  act(params: CallParams<'dock.act'>): HandlerOutcome<'dock.act'>;
}

/** Creates the dock over the manager; `enabled` is false outside simulation. */
export function createDock(manager: Pick<DeviceManager, 'list' | 'simulatorControls'>, enabled: boolean): Dock {
  const refuse = (reason: string) => ({ ok: false as const, error: kioskError('deviceUnavailable', { reason }) });
  return {
    state() {
      if (!enabled) return { ok: true, value: { enabled: false, sampleCards: [], devices: [] } };
      const sampleCards = listSampleCards().flatMap((id) => {
        const sample = loadSampleCard(id);
        return sample.ok ? [{ id, label: sample.value.description }] : [];
      });
      const devices: CallResult<'dock.state'>['devices'] = manager.list().flatMap((device) => {
        const controls = manager.simulatorControls(device.id);
        if (!controls) return [];
        return [controls.kind === 'idcard' ? { id: device.id, kind: device.kind, plugged: controls.plugged, cardPresent: controls.cardPresent } : { id: device.id, kind: device.kind, plugged: controls.plugged }];
      });
      return { ok: true, value: { enabled: true, sampleCards, devices } };
    },
    act(params) {
      if (!enabled) return refuse('dockDisabled');
      const controls = manager.simulatorControls(params.deviceId);
      if (!controls) return refuse('notSimulated');
      const reader = controls.kind === 'idcard' ? controls : undefined;
      switch (params.action) {
        case 'placeCard': {
          if (!reader) return refuse('notAnIdCardReader');
          const placed = reader.placeCard(params.sampleCard);
          return placed.ok ? { ok: true, value: { done: true } } : refuse('unknownSampleCard');
        }
        case 'removeCard':
          if (!reader) return refuse('notAnIdCardReader');
          reader.removeCard();
          break;
        case 'unplug':
          controls.unplug();
          break;
        case 'replug':
          controls.replug();
          break;
        case 'samFault':
          if (!reader) return refuse('notAnIdCardReader');
          reader.setSamFault(params.code);
          break;
        default: {
          const unreachable: never = params;
          return unreachable;
        }
      }
      return { ok: true, value: { done: true } };
    },
  };
}
