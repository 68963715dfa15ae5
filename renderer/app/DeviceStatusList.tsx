/** The live list of devices, each with its state in words and in colour + shape. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceStatus } from '../../electron/contract';
import { DeviceIcon, StatusShape } from '../ui/icons';
import { mediaToShow, statusTone } from './device-status';
import './DeviceStatusList.css';

/** Props of {@link DeviceStatusList}. */
export interface DeviceStatusListProps {
  /** Null while the first list is loading. */
  devices: readonly DeviceStatus[] | null;
  /** Mark simulated devices one by one (when not all of them are). */
  tagSimulated?: boolean;
}

/** `data-testid="device-status"`, items `device-status-<id>` with `data-state`. */
export function DeviceStatusList({ devices, tagSimulated = true }: DeviceStatusListProps): ReactElement {
  const { t, i18n } = useTranslation();
  return (
    <section className="devices" aria-labelledby="devices-title">
      <h2 id="devices-title" className="devices__title">
        {t('devices.title')}
      </h2>
      {devices === null ? (
        <p className="devices__note">{t('devices.loading')}</p>
      ) : devices.length === 0 ? (
        <p className="devices__note">{t('devices.empty')}</p>
      ) : null}
      <ul className="devices__list" data-testid="device-status" aria-live="polite">
        {(devices ?? []).map((device) => {
          const tone = statusTone(device);
          const shown = mediaToShow(device);
          // The host may already describe the media problem in messageKey (e.g. devices.media.out); say it once.
          const media = shown && device.messageKey !== `devices.media.${shown}` ? shown : null;
          // The host's words for the state when the catalogue has them; the generic state name otherwise.
          const stateText = i18n.exists(device.messageKey) ? t(device.messageKey) : t(`devices.state.${device.state}`);
          return (
            <li key={device.id} className={`device device--${tone}`} data-testid={`device-status-${device.id}`} data-state={device.state} data-tone={tone}>
              <span className="device__icon">
                <DeviceIcon kind={device.kind} />
              </span>
              <span className="device__name">
                {t(`devices.kind.${device.kind}`)}
                {tagSimulated && device.simulated ? <span className="device__tag">{t('devices.simulated')}</span> : null}
              </span>
              <span className="device__state">
                <StatusShape tone={tone} />
                <span>
                  {stateText}
                  {media ? ` · ${t(`devices.media.${media}`)}` : ''}
                </span>
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
