/**
 * Out of service with a message for citizens, or back in service. The
 * message is one of the usual ones or typed on the kiosk's own pinyin
 * keyboard (a kiosk has no physical keyboard).
 */
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { PinyinKeyboard } from '../../ui/keyboards/pinyin/PinyinKeyboard';
import { TouchButton } from '../../ui/TouchButton';
import type { OutOfService } from '../use-staff';
import { PanelError } from './PanelError';
import { panelResult, type PanelProps } from './staff-call';

const PRESETS = ['maintenance', 'upgrade', 'printer'] as const;

export function ServicePanel({
  api,
  signedOut,
  outOfService,
}: PanelProps & { outOfService: OutOfService }): ReactElement {
  const { t } = useTranslation();
  const [typing, setTyping] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const set = async (message: string | null) => {
    if (message !== null && message.trim() === '') return setError('staff.service.messageRequired');
    const result = panelResult(
      await api.call('staff.setServiceState', { message: message === null ? null : message.trim() }),
      signedOut,
    );
    setError(result.ok ? null : result.messageKey);
    if (result.ok) setTyping(false);
  };
  return (
    <section className="staff-panel" data-testid="staff-service">
      <p className="staff-message" data-testid="staff-service-state">
        {outOfService
          ? t('staff.service.outOfService', { message: outOfService.message })
          : t('staff.service.inService')}
      </p>
      {outOfService ? (
        <TouchButton data-testid="staff-resume" onPress={() => set(null)}>
          {t('staff.service.resume')}
        </TouchButton>
      ) : (
        <>
          <p>{t('staff.service.message')}</p>
          <div className="staff-row">
            {PRESETS.map((preset) => (
              <TouchButton
                key={preset}
                variant="danger"
                data-testid={`staff-stop-${preset}`}
                onPress={() => set(t(`staff.service.presets.${preset}`))}
              >
                {t(`staff.service.presets.${preset}`)}
              </TouchButton>
            ))}
            <TouchButton variant="secondary" data-testid="staff-stop-own" onPress={() => setTyping(true)}>
              {t('staff.service.own')}
            </TouchButton>
          </div>
          {typing ? (
            <PinyinKeyboard
              mode="address"
              label={t('staff.service.message')}
              maxLength={200}
              onConfirm={(text) => void set(text)}
            />
          ) : null}
        </>
      )}
      <PanelError messageKey={error} />
    </section>
  );
}
