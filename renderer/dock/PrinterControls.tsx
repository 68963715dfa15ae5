/** The dock's controls for the simulated A4 printer (tray, jam, door, online) and receipt printer (roll, cover). */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { TouchButton } from '../ui/TouchButton';
import type { DockAct, DockDeviceState } from './types';

const PAPER_KEY = { ok: 'dock.paperOk', low: 'dock.paperLow', out: 'dock.paperOut' } as const;

/** `dock-a4-paper-{out,low,refill}-<id>`, `dock-a4-{jam,clear-jam}-<id>`, `dock-a4-door-{open,close}-<id>`, `dock-a4-{offline,online}-<id>`. */
export function A4PrinterControls({ deviceId, a4, act }: { deviceId: string; a4: NonNullable<DockDeviceState['a4']>; act: DockAct }): ReactElement {
  const { t } = useTranslation();
  const status = [t(PAPER_KEY[a4.paper]), t('dock.sheets', { sheets: a4.sheets, capacity: a4.capacity }), a4.jammed ? t('dock.jammed') : null, a4.doorOpen ? t('dock.doorOpen') : null];
  return (
    <>
      <p data-testid={`dock-a4-status-${deviceId}`} data-paper={a4.paper} data-jammed={a4.jammed} data-door-open={a4.doorOpen} data-online={a4.online}>
        {status.filter(Boolean).join(' · ')}
      </p>
      <div className="dock__row">
        <TouchButton variant="secondary" data-testid={`dock-a4-paper-out-${deviceId}`} disabled={a4.paper === 'out'} onPress={() => act({ action: 'a4Paper', deviceId, state: 'out' })}>
          {t('dock.emptyPaper')}
        </TouchButton>
        <TouchButton variant="secondary" data-testid={`dock-a4-paper-low-${deviceId}`} onPress={() => act({ action: 'a4Paper', deviceId, state: 'low' })}>
          {t('dock.lowPaper')}
        </TouchButton>
        <TouchButton variant="secondary" data-testid={`dock-a4-paper-refill-${deviceId}`} onPress={() => act({ action: 'a4Paper', deviceId, state: 'refill' })}>
          {t('dock.refillPaper')}
        </TouchButton>
      </div>
      <div className="dock__row">
        {a4.jammed ? (
          <TouchButton variant="secondary" data-testid={`dock-a4-clear-jam-${deviceId}`} onPress={() => act({ action: 'a4Jam', deviceId, jammed: false })}>
            {t('dock.clearJam')}
          </TouchButton>
        ) : (
          <TouchButton variant="secondary" data-testid={`dock-a4-jam-${deviceId}`} onPress={() => act({ action: 'a4Jam', deviceId, jammed: true })}>
            {t('dock.jam')}
          </TouchButton>
        )}
        {a4.doorOpen ? (
          <TouchButton variant="secondary" data-testid={`dock-a4-door-close-${deviceId}`} onPress={() => act({ action: 'a4Door', deviceId, open: false })}>
            {t('dock.closeDoor')}
          </TouchButton>
        ) : (
          <TouchButton variant="secondary" data-testid={`dock-a4-door-open-${deviceId}`} onPress={() => act({ action: 'a4Door', deviceId, open: true })}>
            {t('dock.openDoor')}
          </TouchButton>
        )}
        {a4.online ? (
          <TouchButton variant="secondary" data-testid={`dock-a4-offline-${deviceId}`} onPress={() => act({ action: 'a4Offline', deviceId, offline: true })}>
            {t('dock.goOffline')}
          </TouchButton>
        ) : (
          <TouchButton variant="secondary" data-testid={`dock-a4-online-${deviceId}`} onPress={() => act({ action: 'a4Offline', deviceId, offline: false })}>
            {t('dock.goOnline')}
          </TouchButton>
        )}
      </div>
    </>
  );
}

/** `dock-receipt-paper-{out,refill}-<id>`, `dock-receipt-cover-{open,close}-<id>` (the cable is the drawer's common pull/replug). */
export function ReceiptPrinterControls({ deviceId, receipt, act }: { deviceId: string; receipt: NonNullable<DockDeviceState['receipt']>; act: DockAct }): ReactElement {
  const { t } = useTranslation();
  return (
    <>
      <p data-testid={`dock-receipt-status-${deviceId}`} data-paper={receipt.paper} data-cover-open={receipt.coverOpen}>
        {[t(PAPER_KEY[receipt.paper]), receipt.coverOpen ? t('dock.coverOpen') : null].filter(Boolean).join(' · ')}
      </p>
      <div className="dock__row">
        <TouchButton variant="secondary" data-testid={`dock-receipt-paper-out-${deviceId}`} disabled={receipt.paper === 'out'} onPress={() => act({ action: 'receiptPaper', deviceId, state: 'out' })}>
          {t('dock.emptyPaper')}
        </TouchButton>
        <TouchButton variant="secondary" data-testid={`dock-receipt-paper-refill-${deviceId}`} onPress={() => act({ action: 'receiptPaper', deviceId, state: 'refill' })}>
          {t('dock.refillPaper')}
        </TouchButton>
        {receipt.coverOpen ? (
          <TouchButton variant="secondary" data-testid={`dock-receipt-cover-close-${deviceId}`} onPress={() => act({ action: 'receiptCover', deviceId, open: false })}>
            {t('dock.closeCover')}
          </TouchButton>
        ) : (
          <TouchButton variant="secondary" data-testid={`dock-receipt-cover-open-${deviceId}`} onPress={() => act({ action: 'receiptCover', deviceId, open: true })}>
            {t('dock.openCover')}
          </TouchButton>
        )}
      </div>
    </>
  );
}
