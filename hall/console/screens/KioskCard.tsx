/** One kiosk: online or (prominently) offline with "last seen", out of service, devices, consumables, the current step, open alerts and waiting calls. */
import { useTranslation } from 'react-i18next';
import type { KioskView } from '../../contract/console-api';
import type { Consumable, CurrentSession } from '../../../electron/contract/hall-link';
import type { DeviceState } from '../../../electron/contract/domain';
import { secondsSince } from '../format';
import { serviceName } from '../services';
import { wordAgo, wordDuration } from '../ui/words';

/** Colour class per device state: green ready, amber passing, red needs staff. */
export function deviceTone(state: DeviceState): 'ok' | 'warn' | 'error' | 'neutral' {
  switch (state) {
    case 'online':
      return 'ok';
    case 'starting':
    case 'busy':
      return 'warn';
    case 'offline':
    case 'hardwareError':
    case 'userError':
      return 'error';
    case 'noDevice':
      return 'neutral';
  }
}

function ConsumableBar({ consumable }: { consumable: Consumable }) {
  const { t } = useTranslation();
  const { estimatedLeft, capacity, state } = consumable;
  const percent = estimatedLeft !== null && capacity ? Math.min(100, Math.round((estimatedLeft / capacity) * 100)) : null;
  const label = `${t(`consumable.${consumable.kind}`)}: ${t(`consumable.state.${state}`)}, ${estimatedLeft !== null ? t('wall.left', { count: estimatedLeft }) : t('wall.leftUnknown')}`;
  return (
    <div className="consumable">
      <span className="consumable__name">{t(`consumable.${consumable.kind}`)}</span>
      <span className={`bar bar--${state}`} role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent ?? 0}>
        <span className="bar__fill" style={{ width: `${percent ?? 0}%` }} />
      </span>
      <span className="consumable__left">{estimatedLeft !== null ? t('wall.left', { count: estimatedLeft }) : t('wall.leftUnknown')}</span>
    </div>
  );
}

function SessionLine({ session, now }: { session: CurrentSession | null; now: Date }) {
  const { t, i18n } = useTranslation();
  if (!session) return <p className="card__idle">{t('wall.idle')}</p>;
  const service = serviceName(session.serviceId, i18n.language) ?? t('common.unknownService');
  const since = session.stepSince ?? session.startedAt;
  return <p className="card__step">{t('wall.step', { service, step: session.step ?? '—', time: wordDuration(t, secondsSince(since, now)) })}</p>;
}

export function KioskCard({ kiosk, session, now }: { kiosk: KioskView; session: CurrentSession | null; now: Date }) {
  const { t } = useTranslation();
  const { status } = kiosk;
  const titleId = `kiosk-${kiosk.kioskId}`;
  return (
    <article className={`card ${kiosk.online ? '' : 'card--offline'}`} aria-labelledby={titleId}>
      <header className="card__head">
        <h3 id={titleId} className="card__title">{kiosk.kioskId}</h3>
        <span className={`pill pill--${kiosk.online ? 'ok' : 'error'}`}>{kiosk.online ? t('wall.online') : t('wall.offline')}</span>
      </header>
      {!kiosk.online && <p className="card__offline">{t('wall.lastSeen', { ago: kiosk.lastSeen ? wordAgo(t, secondsSince(kiosk.lastSeen, now)) : t('time.never') })}</p>}
      {status?.outOfService && <p className="card__oos">{t('wall.outOfService', { message: status.outOfService.message })}</p>}
      {(kiosk.openAlerts > 0 || kiosk.waitingHelpCalls > 0) && (
        <p className="card__counts">
          {kiosk.openAlerts > 0 && <span className="pill pill--warn">{t('wall.openAlerts', { count: kiosk.openAlerts })}</span>}
          {kiosk.waitingHelpCalls > 0 && <span className="pill pill--error">{t('wall.waitingHelp', { count: kiosk.waitingHelpCalls })}</span>}
        </p>
      )}
      {status ? (
        <>
          <SessionLine session={session} now={now} />
          {status.staffSignedIn && <p className="card__staff">{t('wall.staffSignedIn', { name: `${status.staffSignedIn.nameMasked} ${status.staffSignedIn.staffNumber}` })}</p>}
          <h4 className="card__section">{t('wall.devices')}</h4>
          <ul className="devices">
            {status.devices.map((device) => (
              <li key={device.id} className={`device device--${deviceTone(device.state)}`}>
                <span className="device__dot" aria-hidden="true" />
                {t(`device.kind.${device.kind}`)}: {t(`device.state.${device.state}`)}
              </li>
            ))}
          </ul>
          {status.consumables.length > 0 && (
            <>
              <h4 className="card__section">{t('wall.consumables')}</h4>
              {status.consumables.map((consumable) => (
                <ConsumableBar key={`${consumable.deviceId}-${consumable.kind}`} consumable={consumable} />
              ))}
            </>
          )}
        </>
      ) : (
        <p className="card__idle">{t('wall.noStatus')}</p>
      )}
    </article>
  );
}
