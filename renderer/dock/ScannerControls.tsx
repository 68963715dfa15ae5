/**
 * The dock's controls for the simulated code scanner: a kiosk has no physical
 * keyboard, so staff "hold a code under the scanner" by choosing one of a few
 * sample codes (the cable is the drawer's common pull/replug).
 */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { TouchButton } from '../ui/TouchButton';
import type { DockAct } from './types';

/** Sample codes the dock offers, by name (the name keys the button's label and test id). */
export const SAMPLE_CODES = [
  { name: 'payment', text: 'OD-PAY-2026-0001' },
  // 付款码 the payment sandbox takes (WeChat's 1388 prefix) and one it declines (1399): a waiting payment step charges them.
  { name: 'payCode', text: '138812345678901234' },
  { name: 'payCodeDeclined', text: '139912345678901234' },
  { name: 'appointment', text: 'OD-APT-2026-0317-A12' },
  { name: 'url', text: 'https://onedoor.example/verify?c=HB-2026-0001' },
  // The sandbox's photo studio receipts (electron/host/capture/photo/studio-receipts.sandbox.json): an ID card photo, an expired one.
  { name: 'photoReceipt', text: 'SB2026RID00000000001' },
  { name: 'photoReceiptExpired', text: 'SB2025RID00000000009' },
  // 陈思远's 出入境 受理回执 (CODE128 of its 受理编号; electron/host/services/exit-entry-progress/sandbox.json): a passport ready here.
  { name: 'exitEntryReceipt', text: '41040210000000018301' },
] as const;

const LABEL_KEY = {
  payment: 'dock.codePayment',
  payCode: 'dock.codePayCode',
  payCodeDeclined: 'dock.codePayCodeDeclined',
  appointment: 'dock.codeAppointment',
  url: 'dock.codeUrl',
  photoReceipt: 'dock.codePhotoReceipt',
  photoReceiptExpired: 'dock.codePhotoReceiptExpired',
  exitEntryReceipt: 'dock.codeExitEntryReceipt',
} as const;

/** `dock-scan-{payment,payCode,payCodeDeclined,appointment,url,photoReceipt,photoReceiptExpired,exitEntryReceipt}-<id>`; disabled while the cable is pulled. */
export function ScannerControls({ deviceId, plugged, act }: { deviceId: string; plugged: boolean; act: DockAct }): ReactElement {
  const { t } = useTranslation();
  return (
    <div className="dock__row" role="group" aria-label={t('dock.scanCode')}>
      {SAMPLE_CODES.map((code) => (
        <TouchButton
          key={code.name}
          variant="secondary"
          data-testid={`dock-scan-${code.name}-${deviceId}`}
          disabled={!plugged}
          onPress={() => act({ action: 'scan', deviceId, text: code.text })}
        >
          {t('dock.scanCode')}: {t(LABEL_KEY[code.name])}
        </TouchButton>
      ))}
    </div>
  );
}
