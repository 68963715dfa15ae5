/**
 * The dock's controls for the simulated endorsement writer (签注写卡): lay a
 * sample permit (or the damaged card, or a bank card) on it, take it away,
 * make the next write fail; and the endorsements the chip of the card lying
 * there holds now, so a write shows as written. The cable is the drawer's
 * common pull/replug.
 */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { TouchButton } from '../ui/TouchButton';
import type { DockAct, DockDeviceState } from './types';

type WriterState = NonNullable<DockDeviceState['endorsementWriter']>;

/** `dock-permit-<card id>` (e.g. `dock-permit-C38816402`, `dock-permit-damaged`), `dock-permit-remove`, `dock-permit-fail-write`, `dock-permit-chip`. */
export function EndorsementWriterControls({ deviceId, plugged, writer, act }: { deviceId: string; plugged: boolean; writer: WriterState; act: DockAct }): ReactElement {
  const { t } = useTranslation();
  const on = writer.onWriter;
  return (
    <>
      <p data-testid="dock-permit-on">{on ? t('dock.permitOn', { label: on.label }) : t('dock.permitNone')}</p>
      <ul className="dock__cards">
        {writer.sampleCards.map((card) => (
          <li key={card.id}>
            <TouchButton variant="secondary" className="dock__card" data-testid={`dock-permit-${card.id}`} disabled={!plugged} onPress={() => act({ action: 'placePermit', deviceId, card: card.id })}>
              {t('dock.placePermit')}: <span className="dock__card-id">{card.label}</span>
            </TouchButton>
          </li>
        ))}
      </ul>
      <div className="dock__row">
        <TouchButton variant="secondary" data-testid="dock-permit-remove" disabled={!on} onPress={() => act({ action: 'removePermit', deviceId })}>
          {t('dock.removePermit')}
        </TouchButton>
        <TouchButton variant="secondary" data-testid="dock-permit-fail-write" disabled={writer.failArmed} onPress={() => act({ action: 'failNextWrite', deviceId, fault: 'writeFailed' })}>
          {writer.failArmed ? t('dock.failArmed') : t('dock.failNextWrite')}
        </TouchButton>
      </div>
      {on ? (
        <div data-testid="dock-permit-chip">
          <h4>{t('dock.chipEndorsements')}</h4>
          {on.endorsements.length === 0 ? (
            <p>{t('dock.chipEmpty')}</p>
          ) : (
            <ul>
              {on.endorsements.map((e) => (
                <li key={e.number}>
                  {t('dock.chipEndorsement', {
                    destination: t(`dock.destination.${e.destination}`),
                    type: e.type,
                    entries: t(`dock.entries.${e.entries}`),
                    validFrom: e.validFrom,
                    validUntil: e.validUntil,
                    stayDays: e.stayDays,
                    number: e.number,
                  })}
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </>
  );
}
