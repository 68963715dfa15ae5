/** Live device status (`devices.changed`), the CLI's diagnostics on screen, and a device restart. */
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceStatus, DiagnosticCheck } from '../../../electron/contract';
import { DeviceStatusList } from '../../app/DeviceStatusList';
import { TouchButton } from '../../ui/TouchButton';
import { checkCameras } from '../../camera/report-camera-status';
import { PanelError } from './PanelError';
import { panelResult, type PanelProps } from './staff-call';

export function DevicesPanel({
  api,
  signedOut,
  devices,
}: PanelProps & { devices: readonly DeviceStatus[] | null }): ReactElement {
  const { t } = useTranslation();
  const [checks, setChecks] = useState<DiagnosticCheck[] | null>(null);
  const [note, setNote] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);

  const diagnose = async () => {
    const result = panelResult(await api.call('staff.diagnose', {}), signedOut);
    if (result.ok) setChecks(result.value.checks);
    setError(result.ok ? null : result.messageKey);
  };
  const restart = async (deviceId: string) => {
    const result = panelResult(await api.call('staff.restartDevice', { deviceId }), signedOut);
    if (result.ok) {
      const { outcome } = result.value;
      // The cameras are this screen's: it checks them again and reports to the host.
      if (outcome === 'checkOnScreen' && typeof navigator !== 'undefined' && navigator.mediaDevices)
        await checkCameras(api, navigator.mediaDevices);
      setNote((n) => ({ ...n, [deviceId]: t(`staff.devices.${outcome}`) }));
    }
    setError(result.ok ? null : result.messageKey);
  };

  return (
    <section className="staff-panel" data-testid="staff-devices">
      <DeviceStatusList devices={devices} tagSimulated />
      <div className="staff-row">
        {(devices ?? []).map((device) => (
          <TouchButton
            key={device.id}
            variant="secondary"
            data-testid={`staff-restart-${device.id}`}
            onPress={() => restart(device.id)}
          >
            {t('staff.devices.restart')} {device.id}
            {note[device.id] ? ` · ${note[device.id]}` : ''}
          </TouchButton>
        ))}
      </div>
      <TouchButton data-testid="staff-diagnose" onPress={diagnose}>
        {t('staff.devices.diagnose')}
      </TouchButton>
      {checks ? (
        <table className="staff-table" data-testid="staff-diagnostics">
          <tbody>
            {checks.map((check) => (
              <tr key={check.deviceId}>
                <td>{check.deviceId}</td>
                <td data-testid={`staff-check-${check.deviceId}`}>
                  {check.summaryKey ? t(check.summaryKey) : check.ok ? t('staff.devices.ok') : t('staff.devices.failed')}
                </td>
                <td>
                  {check.lines.map((line, i) => (
                    <div key={i}>{line}</div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <PanelError messageKey={error} />
    </section>
  );
}
