/**
 * The device dock (simulation only): a discreet handle at the screen's edge
 * opens a drawer to act on each simulated device the host lists: place or
 * remove a sample ID card, cause a SAM fault; empty, thin or refill the A4
 * printer's tray, jam it, open its door, take it offline; empty or refill the
 * receipt printer's roll, open its cover; scan a sample code; put a good or
 * bad finger on the fingerprint scanner; lay a sample permit on the
 * endorsement writer, make its next write fail, see its chip's endorsements; pay the order on screen by phone
 * (`dock.pay`); pull or replug a cable; take a
 * tester's face as a sample card's reference photo. It speaks only `dock.state` / `dock.act` /
 * `dock.enrolFace`, the same calls the end-to-end tests use, and
 * the host refuses both outside simulation.
 * Loaded as its own chunk, only when `kiosk.info` says the kiosk is simulated.
 */
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskClient } from '../api/types';
import { TouchButton } from '../ui/TouchButton';
import { A4PrinterControls, ReceiptPrinterControls } from './PrinterControls';
import { FaceEnrolControls } from './FaceEnrolControls';
import { ScannerControls } from './ScannerControls';
import { FingerprintControls } from './FingerprintControls';
import { EndorsementWriterControls } from './EndorsementWriterControls';
import { PaymentControls } from './PaymentControls';
import type { DockAct, DockDeviceState } from './types';
import { useDockState, type DockState } from './useDockState';
import './DockDrawer.css';

/** SW3 code the simulator answers with for a SAM fault. */
const SAM_FAULT_CODE = 0x60;

/** `data-testid="dock-handle"` opens `dock-drawer`. */
export default function DockDrawer({ api }: { api: KioskClient }): ReactElement | null {
  const { t } = useTranslation();
  const { state, refresh } = useDockState(api);
  const [open, setOpen] = useState(false);
  const [failed, setFailed] = useState(false);
  if (!state?.enabled) return null;

  const act: DockAct = async (...steps) => {
    let ok = true;
    for (const params of steps) ok = (await api.call('dock.act', params)).ok && ok;
    setFailed(!ok);
    await refresh();
  };

  return (
    <aside className={`dock${open ? ' is-open' : ''}`} aria-label={t('dock.title')}>
      <button type="button" className="dock__handle" data-testid="dock-handle" aria-expanded={open} aria-controls="dock-drawer" aria-label={t('dock.handle')} onClick={() => setOpen(!open)}>
        <span aria-hidden="true">⚙</span>
      </button>
      {open ? (
        <div id="dock-drawer" className="dock__drawer" data-testid="dock-drawer">
          <h2 className="dock__title">{t('dock.title')}</h2>
          {failed ? (
            <p className="dock__failed" role="alert">
              {t('dock.failed')}
            </p>
          ) : null}
          {state.devices.map((device) => (
            <DockDevice key={device.id} device={device} sampleCards={state.sampleCards} act={act} />
          ))}
          <PaymentControls api={api} />
          <FaceEnrolControls api={api} sampleCards={state.sampleCards} />
          <TouchButton variant="secondary" onPress={() => setOpen(false)}>
            {t('dock.close')}
          </TouchButton>
        </div>
      ) : null}
    </aside>
  );
}

/** The device's heading: its kind's name and id, then whether it is connected (online, for an A4 printer). */
function deviceTitle(device: DockDeviceState, t: (key: string, options?: Record<string, unknown>) => string): string {
  const id = device.id;
  if (device.a4) return `${t('dock.a4Printer', { id })} · ${device.a4.online ? t('dock.online') : t('dock.offline')}`;
  const names: Record<string, string> = { idcard: 'dock.reader', receiptPrinter: 'dock.receiptPrinter', scanner: 'dock.scanner', fingerprint: 'dock.fingerprint', endorsementWriter: 'dock.endorsementWriter' };
  const key = names[device.kind];
  const name = key === undefined ? id : t(key, { id });
  return `${name} · ${device.plugged ? t('dock.plugged') : t('dock.unplugged')}`;
}

function DockDevice({ device, sampleCards, act }: { device: DockDeviceState; sampleCards: DockState['sampleCards']; act: DockAct }): ReactElement {
  const { t } = useTranslation();
  const deviceId = device.id;
  return (
    <section className="dock__device" data-testid={`dock-device-${deviceId}`} data-kind={device.kind}>
      <h3>{deviceTitle(device, t)}</h3>
      {device.cardPresent !== undefined ? (
        <>
          <p>{device.cardPresent ? t('dock.cardPresent') : t('dock.cardAbsent')}</p>
          <ul className="dock__cards">
            {sampleCards.map((card) => (
              <li key={card.id}>
                <TouchButton variant="secondary" className="dock__card" data-testid={`dock-card-${card.id}`} onPress={() => act({ action: 'placeCard', deviceId, sampleCard: card.id })}>
                  {t('dock.placeCard')}: <span className="dock__card-id">{card.id}</span>
                </TouchButton>
              </li>
            ))}
          </ul>
          <TouchButton variant="secondary" data-testid="dock-remove-card" disabled={!device.cardPresent} onPress={() => act({ action: 'removeCard', deviceId })}>
            {t('dock.removeCard')}
          </TouchButton>
        </>
      ) : null}
      {device.a4 ? <A4PrinterControls deviceId={deviceId} a4={device.a4} act={act} /> : null}
      {device.receipt ? <ReceiptPrinterControls deviceId={deviceId} receipt={device.receipt} act={act} /> : null}
      {device.kind === 'scanner' ? <ScannerControls deviceId={deviceId} plugged={device.plugged} act={act} /> : null}
      {device.fingerprint ? <FingerprintControls deviceId={deviceId} plugged={device.plugged} sensor={device.fingerprint} act={act} /> : null}
      {device.endorsementWriter ? <EndorsementWriterControls deviceId={deviceId} plugged={device.plugged} writer={device.endorsementWriter} act={act} /> : null}
      {/* The A4 printer's cable is its offline/online switch (above). */}
      {device.a4 ? null : (
        <div className="dock__row">
          {device.plugged ? (
            <TouchButton variant="secondary" data-testid={`dock-unplug-${deviceId}`} onPress={() => act({ action: 'unplug', deviceId })}>
              {t('dock.unplug')}
            </TouchButton>
          ) : (
            <TouchButton variant="secondary" data-testid={`dock-replug-${deviceId}`} onPress={() => act({ action: 'replug', deviceId })}>
              {t('dock.replug')}
            </TouchButton>
          )}
          {device.kind === 'idcard' ? (
            <>
              <TouchButton
                variant="secondary"
                data-testid={`dock-sam-fault-${deviceId}`}
                onPress={() => act({ action: 'samFault', deviceId, code: SAM_FAULT_CODE }, { action: 'unplug', deviceId }, { action: 'replug', deviceId })}
              >
                {t('dock.samFault')}
              </TouchButton>
              <TouchButton
                variant="secondary"
                data-testid={`dock-sam-clear-${deviceId}`}
                onPress={() => act({ action: 'samFault', deviceId, code: null }, { action: 'unplug', deviceId }, { action: 'replug', deviceId })}
              >
                {t('dock.samClear')}
              </TouchButton>
            </>
          ) : null}
        </div>
      )}
    </section>
  );
}
