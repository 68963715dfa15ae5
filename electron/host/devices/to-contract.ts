/** Maps a driver's status to the contract's DeviceStatus shown to people. */
import type { DeviceStatus } from '../../contract';
import type { DeviceSnapshot } from './device-source';

/** Converts one device snapshot; the message key names the state for the renderer. */
export function toContractStatus(snapshot: DeviceSnapshot): DeviceStatus {
  const { status } = snapshot;
  const base = { id: snapshot.id, kind: snapshot.kind, simulated: snapshot.simulated, since: snapshot.since.toISOString() };
  switch (status.kind) {
    case 'starting':
      return { ...base, state: 'starting', messageKey: 'devices.state.starting' };
    case 'online':
      return { ...base, state: 'online', media: status.media, messageKey: mediaKey(status.media) ?? 'devices.state.online' };
    case 'busy':
      return { ...base, state: 'busy', media: status.media, messageKey: 'devices.state.busy' };
    case 'offline':
      return { ...base, state: 'offline', messageKey: 'devices.state.offline', detail: status.message };
    case 'noDevice':
      return { ...base, state: 'noDevice', messageKey: 'devices.state.noDevice', detail: status.message };
    case 'hardwareError':
      return { ...base, state: 'hardwareError', messageKey: 'devices.state.hardwareError', detail: `${status.message} (0x${status.code.toString(16).padStart(2, '0')})` };
    case 'userError':
      return { ...base, state: 'userError', media: status.media, messageKey: mediaKey(status.media) ?? 'devices.state.userError', detail: status.message };
    default: {
      const unreachable: never = status;
      return unreachable;
    }
  }
}

function mediaKey(media: DeviceStatus['media']): string | undefined {
  switch (media) {
    case 'low':
      return 'devices.media.low';
    case 'out':
      return 'devices.media.out';
    case 'jammed':
      return 'devices.media.jammed';
    case 'present':
    case 'absent':
    case 'unknown':
    case undefined:
      return undefined;
    default: {
      const unreachable: never = media;
      return unreachable;
    }
  }
}
