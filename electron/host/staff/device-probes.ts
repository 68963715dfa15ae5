/**
 * The device CLI's checks of the ID card reader, the fingerprint scanner and
 * the endorsement writer, run on the devices the host already holds (the CLI
 * would open their ports, which the running kiosk keeps): `idcard samid` (the
 * reader's security module answers with its id, asked between polls),
 * `fingerprint info` (what the scanner said of itself when it was opened)
 * and `endorsement readers` (pcscd's readers, or the simulator's own). The
 * lines are the CLI's own wording: device identities only, no personal data.
 */
import type { DeviceStatus } from '../../contract';
import type { ManagedDevice } from '../../../drivers/manager/managed-device';
import type { ManagedEndorsementWriter } from '../../../drivers/manager/endorsement-writer-device';
import type { ManagedFingerprint } from '../../../drivers/manager/fingerprint-device';
import type { ManagedIdCard } from '../../../drivers/manager/idcard-device';
import { describeFingerprintInfo } from '../../../drivers/cli/fingerprint';
import { readerLines } from '../../../drivers/cli/endorsement';

/** One device's check: its result and the lines the screen shows under it. */
export interface DeviceProbe {
  ok: boolean;
  lines: string[];
  summaryKey: string;
}

export interface DeviceProbeOptions {
  /** The endorsement writer's configured PC/SC reader name (or a part of it); absent when simulated. */
  endorsementReader?: string;
}

const working = (status: DeviceStatus): boolean => status.state === 'online' || status.state === 'busy';

/** The check for `status`'s device, or undefined when the CLI has none for its kind (the list's state stands). */
export async function probeDevice(
  status: DeviceStatus,
  device: ManagedDevice | undefined,
  options: DeviceProbeOptions = {},
): Promise<DeviceProbe | undefined> {
  if (!device || device.id !== status.id) return undefined;
  if (device.kind === 'idcard' && 'samId' in device) {
    const answer = await (device as ManagedIdCard).samId();
    return answer.ok
      ? { ok: true, lines: [`SAM ID ${answer.value}`], summaryKey: 'staff.check.idcardReady' }
      : { ok: false, lines: [`${answer.error.kind}: ${answer.error.message}`], summaryKey: 'staff.check.idcardProblem' };
  }
  if (device.kind === 'fingerprint' && 'info' in device) {
    const info = (device as ManagedFingerprint).info();
    return info && working(status)
      ? { ok: true, lines: [describeFingerprintInfo(info)], summaryKey: 'staff.check.fingerprintReady' }
      : { ok: false, lines: ['no scanner connected'], summaryKey: 'staff.check.fingerprintProblem' };
  }
  if (device.kind === 'endorsementWriter' && 'readers' in device) {
    const listed = await (device as ManagedEndorsementWriter).readers();
    if (!listed.ok) return { ok: false, lines: [`error: ${listed.error}`], summaryKey: 'staff.check.endorsementProblem' };
    const wanted = options.endorsementReader;
    const found = wanted === undefined || listed.value.some((name) => name.includes(wanted));
    const ok = found && working(status);
    return {
      ok,
      lines: [...readerLines(listed.value), ...(found ? [] : [`configured reader "${wanted}" not listed`])],
      summaryKey: ok ? 'staff.check.endorsementReady' : 'staff.check.endorsementProblem',
    };
  }
  return undefined;
}
