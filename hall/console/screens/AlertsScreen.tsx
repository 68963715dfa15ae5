/** Alerts, open first then newest: acknowledge and resolve; the message worded from its key. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlertView } from '../../contract/console-api';
import type { ApiResult, ConsoleApi } from '../api/console-api';
import { dateTime } from '../format';
import { wordAlert, wordFailure } from '../ui/words';

const ORDER: Record<AlertView['state'], number> = { open: 0, acknowledged: 1, resolved: 2 };

export function AlertsScreen({ api, alerts, onChanged }: { api: ConsoleApi; alerts: AlertView[]; onChanged: (alert: AlertView) => void }) {
  const { t, i18n } = useTranslation();
  const [showAll, setShowAll] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const shown = alerts
    .filter((alert) => showAll || alert.state !== 'resolved')
    .sort((a, b) => ORDER[a.state] - ORDER[b.state] || b.raisedAt.localeCompare(a.raisedAt));

  const act = async (call: Promise<ApiResult<AlertView>>): Promise<void> => {
    const result = await call;
    setProblem(result.ok ? null : wordFailure(t, result.error));
    if (result.ok) onChanged(result.value);
  };

  return (
    <section aria-labelledby="alerts-title">
      <div className="screen__top">
        <h2 id="alerts-title" className="screen__title">{t('alerts.title')}</h2>
        <label className="check">
          <input type="checkbox" checked={showAll} onChange={(event) => setShowAll(event.target.checked)} />
          {t('alerts.showAll')}
        </label>
      </div>
      {problem && <p className="problem" role="alert">{problem}</p>}
      {shown.length === 0 ? (
        <p className="empty">{t('alerts.none')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('common.kiosk')}</th>
              <th scope="col">{t('alerts.raisedAt')}</th>
              <th scope="col">{t('alerts.title')}</th>
              <th scope="col">{t('alerts.state.open')}</th>
              <th scope="col"><span className="visually-hidden">{t('alerts.acknowledge')}</span></th>
            </tr>
          </thead>
          <tbody>
            {shown.map((alert) => (
              <tr key={alert.id} className={`row--${alert.state}`}>
                <td>{alert.kioskId}</td>
                <td>{dateTime(alert.raisedAt)}</td>
                <td>{wordAlert(t, (key) => i18n.exists(key), alert)}</td>
                <td>
                  {t(`alerts.state.${alert.state}`)}
                  {(alert.resolvedBy ?? alert.acknowledgedBy) && <span className="muted"> · {t('alerts.by', { name: alert.resolvedBy ?? alert.acknowledgedBy })}</span>}
                </td>
                <td className="actions">
                  {alert.state === 'open' && (
                    <button type="button" className="button button--small" onClick={() => void act(api.acknowledgeAlert(alert.id))}>
                      {t('alerts.acknowledge')}
                    </button>
                  )}
                  {alert.state !== 'resolved' && (
                    <button type="button" className="button button--small button--primary" onClick={() => void act(api.resolveAlert(alert.id))}>
                      {t('alerts.resolve')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
