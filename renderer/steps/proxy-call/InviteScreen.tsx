/**
 * The principal's invitation: the one-time link as a QR code large enough
 * to photograph with a phone and send, how the text message went, and how
 * long the link still works. The link itself is never shown as text (it is
 * the principal's key to the case).
 */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProxyCallStepData } from '../../../electron/contract/proxy';
import { QrCode } from '../../ui/QrCode';
import { minutesSeconds, useSecondsLeft } from '../../ui/use-seconds-left';
import { SMS_KEYS } from './proxy-words';

type Invite = NonNullable<ProxyCallStepData['invite']>;

/** `data-testid="proxy-invite"` with `qr-code`, `proxy-sms` and `proxy-countdown`. */
export function InviteScreen({ invite, elderMode }: { invite: Invite; elderMode: boolean }): ReactElement {
  const { t } = useTranslation();
  const seconds = useSecondsLeft(invite.expiresAt);
  return (
    <div className="proxy-invite" data-testid="proxy-invite">
      <div className="proxy-invite__qr">
        <QrCode text={invite.url} label={t('flow.proxyCall.invite.qrLabel')} size={elderMode ? 440 : 380} />
      </div>
      <div className="proxy-invite__words">
        <p className="proxy-invite__scan">{t('flow.proxyCall.invite.scan')}</p>
        <p className="proxy-invite__sms" data-testid="proxy-sms" data-sms={invite.sms}>
          {t(SMS_KEYS[invite.sms])}
        </p>
        <p className="step__note">{t('flow.proxyCall.invite.oneUse')}</p>
        {seconds !== null ? (
          <p className="proxy-invite__countdown" data-testid="proxy-countdown" role="timer">
            {seconds > 0
              ? t('flow.proxyCall.invite.countdown', { time: minutesSeconds(seconds) })
              : t('flow.proxyCall.invite.expired')}
          </p>
        ) : null}
      </div>
    </div>
  );
}
