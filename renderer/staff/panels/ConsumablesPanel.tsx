/** Receipt and A4 paper: estimated left, state (the printer's sensor wins), and the refill log. */
import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Consumable } from '../../../electron/contract';
import { TouchButton } from '../../ui/TouchButton';
import { kioskTime } from '../use-staff';
import { PanelError } from './PanelError';
import { panelResult, type PanelProps } from './staff-call';

export function ConsumablesPanel({ api, signedOut, timeZone }: PanelProps): ReactElement {
  const { t, i18n } = useTranslation();
  const [items, setItems] = useState<Consumable[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void api.call('staff.consumables', {}).then((outcome) => {
      const result = panelResult(outcome, signedOut);
      if (result.ok) setItems(result.value.consumables);
      setError(result.ok ? null : result.messageKey);
    });
  }, [api, signedOut]);
  const refill = async (item: Consumable) => {
    const result = panelResult(await api.call('staff.refill', { deviceId: item.deviceId, kind: item.kind }), signedOut);
    if (result.ok) setItems(result.value.consumables);
    setError(result.ok ? null : result.messageKey);
  };
  return (
    <section className="staff-panel" data-testid="staff-consumables">
      <table className="staff-table">
        <tbody>
          {(items ?? []).map((item) => (
            <tr key={`${item.deviceId}-${item.kind}`} data-testid={`staff-consumable-${item.kind}`}>
              <td>
                {t(`staff.consumables.${item.kind}`)} ({item.deviceId})
              </td>
              <td>
                {item.estimatedLeft === null
                  ? t('staff.consumables.unknownLeft')
                  : t('staff.consumables.left', { count: item.estimatedLeft })}
              </td>
              <td>{item.capacity === null ? null : t('staff.consumables.capacity', { count: item.capacity })}</td>
              <td>{t(`staff.consumables.state.${item.state}`)}</td>
              <td>
                {item.lastRefillAt
                  ? t('staff.consumables.lastRefill', { time: kioskTime(item.lastRefillAt, i18n.language, timeZone) })
                  : t('staff.consumables.neverRefilled')}
              </td>
              <td>
                <TouchButton variant="secondary" data-testid={`staff-refill-${item.kind}`} onPress={() => refill(item)}>
                  {t('staff.consumables.refill')}
                </TouchButton>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <PanelError messageKey={error} />
    </section>
  );
}
