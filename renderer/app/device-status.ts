/** How a device status reads for people: tone (colour + shape) and the i18n keys of its words. */
import type { DeviceStatus } from '../../electron/contract';
import type { StatusTone } from '../ui/icons';

/** The tone of a status: trouble with the media (paper out, jam) outranks a device that is otherwise online. */
export function statusTone(device: Pick<DeviceStatus, 'state' | 'media'>): StatusTone {
  switch (device.state) {
    case 'hardwareError':
    case 'offline':
    case 'noDevice':
      return 'error';
    case 'userError':
      return 'warn';
    case 'starting':
    case 'busy':
      return 'neutral';
    case 'online':
      if (device.media === 'out' || device.media === 'jammed') return 'error';
      if (device.media === 'low') return 'warn';
      return 'ok';
  }
}

/** Media states worth saying out loud on the attract screen. */
export function mediaToShow(device: Pick<DeviceStatus, 'media'>): DeviceStatus['media'] | null {
  return device.media === 'low' || device.media === 'out' || device.media === 'jammed' ? device.media : null;
}
