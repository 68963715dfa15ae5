/**
 * The dock's controls for the simulated fingerprint scanner: put a finger on
 * the sensor that reads well or badly (a dry or smudged finger); the cable is
 * the drawer's common pull/replug. A finger placed while no capture runs
 * rests on the sensor for the next one. "Someone else's finger" reads well
 * but is not the holder of the card placed last: the 1:1 comparison with the
 * card then says noMatch.
 */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { TouchButton } from '../ui/TouchButton';
import type { DockAct } from './types';

/** `dock-finger-good-<id>`, `dock-finger-bad-<id>`, `dock-finger-other-<id>`; disabled while the cable is pulled. */
export function FingerprintControls({ deviceId, plugged, sensor, act }: { deviceId: string; plugged: boolean; sensor: { fingerOn: boolean; capturing: boolean }; act: DockAct }): ReactElement {
  const { t } = useTranslation();
  return (
    <>
      <p>{sensor.capturing ? t('dock.fingerWaiting') : sensor.fingerOn ? t('dock.fingerOn') : t('dock.fingerIdle')}</p>
      <div className="dock__row" role="group" aria-label={t('dock.placeFinger')}>
        <TouchButton variant="secondary" data-testid={`dock-finger-good-${deviceId}`} disabled={!plugged} onPress={() => act({ action: 'placeFinger', deviceId, quality: 'good' })}>
          {t('dock.placeFinger')}
        </TouchButton>
        <TouchButton variant="secondary" data-testid={`dock-finger-bad-${deviceId}`} disabled={!plugged} onPress={() => act({ action: 'placeFinger', deviceId, quality: 'bad' })}>
          {t('dock.placeBadFinger')}
        </TouchButton>
        <TouchButton variant="secondary" data-testid={`dock-finger-other-${deviceId}`} disabled={!plugged} onPress={() => act({ action: 'placeFinger', deviceId, quality: 'good', whose: 'other' })}>
          {t('dock.placeOtherFinger')}
        </TouchButton>
      </div>
    </>
  );
}
