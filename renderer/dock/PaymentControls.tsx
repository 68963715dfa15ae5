/**
 * The dock's stand-in for the citizen's phone (simulation only): choose 微信,
 * 支付宝 or 云闪付 and "scan" the QR code of the order the payment step
 * shows. The host pays that order in its embedded sandbox (`dock.pay`); the
 * renderer never talks to the sandbox and never names an order.
 */
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskClient } from '../api/types';
import { TouchButton } from '../ui/TouchButton';

const CHANNELS = ['wechat', 'alipay', 'unionpay'] as const;
type Channel = (typeof CHANNELS)[number];

/** `dock-pay-channel-<channel>` picks the channel, `dock-pay-scan` pays; `dock-pay-status` says what happened. */
export function PaymentControls({ api }: { api: KioskClient }): ReactElement {
  const { t } = useTranslation();
  const [channel, setChannel] = useState<Channel>('wechat');
  const [status, setStatus] = useState<string | null>(null);

  const pay = async () => {
    setStatus(null);
    const reply = await api.call('dock.pay', { channel });
    if (!reply.ok) setStatus(t('dock.failed'));
    else setStatus(reply.value.outcome === 'paid' ? t('dock.pay.paid') : t(reply.value.reasonKey));
  };

  return (
    <section className="dock__device" aria-label={t('dock.pay.title')}>
      <h3>{t('dock.pay.title')}</h3>
      <p>{t('dock.pay.explain')}</p>
      <div className="dock__row" role="radiogroup" aria-label={t('dock.pay.channel')}>
        {CHANNELS.map((option) => (
          <TouchButton key={option} variant={option === channel ? 'primary' : 'secondary'} role="radio" aria-checked={option === channel} data-testid={`dock-pay-channel-${option}`} onPress={() => setChannel(option)}>
            {t(`dock.pay.${option}`)}
          </TouchButton>
        ))}
      </div>
      <TouchButton variant="secondary" data-testid="dock-pay-scan" onPress={() => void pay()}>
        {t('dock.pay.scan')}
      </TouchButton>
      {status ? (
        <p role="status" data-testid="dock-pay-status">
          {status}
        </p>
      ) : null}
    </section>
  );
}
