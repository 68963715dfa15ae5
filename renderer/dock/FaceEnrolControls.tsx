/**
 * The dock's face-reference control (simulation with the sandbox back-end):
 * a tester takes a photo of themself with the kiosk's face camera and makes
 * it a sample card holder's reference photo, so the real face check can
 * pass for them with that card. The host keeps it in memory only and
 * refuses it on a real kiosk.
 */
import { useEffect, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskClient } from '../api/types';
import { grabFrame, fitJpeg } from '../camera/frame';
import { useCamera } from '../camera/use-camera';
import { TouchButton } from '../ui/TouchButton';
import type { DockState } from './useDockState';

/** How long the camera runs before the photo is taken (auto exposure settles). */
const SETTLE_MS = 1_200;
/** Largest photo sent (base64 characters). */
const MAX_PHOTO_CHARS = 300_000;

type Phase = { kind: 'idle' } | { kind: 'capturing'; card: string } | { kind: 'sending'; card: string } | { kind: 'done'; card: string; messageKey: string; ok: boolean };

/** `dock-enrol-<card>` buttons; `dock-enrol-result` with `data-ok`. */
export function FaceEnrolControls({ api, sampleCards }: { api: KioskClient; sampleCards: DockState['sampleCards'] }): ReactElement {
  const { t } = useTranslation();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const busy = phase.kind === 'capturing' || phase.kind === 'sending';
  return (
    <section className="dock__device" data-testid="dock-enrol" aria-label={t('dock.enrol.title')}>
      <h3>{t('dock.enrol.title')}</h3>
      <p>{t('dock.enrol.explain')}</p>
      <ul className="dock__cards">
        {sampleCards.map((card) => (
          <li key={card.id}>
            <TouchButton variant="secondary" className="dock__card" data-testid={`dock-enrol-${card.id}`} disabled={busy} onPress={() => setPhase({ kind: 'capturing', card: card.id })}>
              {t('dock.enrol.take')}: <span className="dock__card-id">{card.id}</span>
            </TouchButton>
          </li>
        ))}
      </ul>
      {phase.kind === 'capturing' ? (
        <Capture
          onPhoto={async (photo) => {
            setPhase({ kind: 'sending', card: phase.card });
            if (!photo) {
              setPhase({ kind: 'done', card: phase.card, messageKey: 'dock.enrol.noCamera', ok: false });
              return;
            }
            const reply = await api.call('dock.enrolFace', { sampleCard: phase.card, photoJpegBase64: photo });
            if (!reply.ok) setPhase({ kind: 'done', card: phase.card, messageKey: reply.error.messageKey, ok: false });
            else if (reply.value.outcome === 'enrolled') setPhase({ kind: 'done', card: phase.card, messageKey: 'dock.enrol.enrolled', ok: true });
            else setPhase({ kind: 'done', card: phase.card, messageKey: reply.value.reasonKey, ok: false });
          }}
        />
      ) : null}
      {phase.kind === 'sending' ? <p role="status">{t('dock.enrol.sending')}</p> : null}
      {phase.kind === 'done' ? (
        <p role="status" data-testid="dock-enrol-result" data-ok={phase.ok}>
          {t(phase.messageKey, { card: phase.card })}
        </p>
      ) : null}
    </section>
  );
}

/** Opens the face camera, lets it settle, takes one frame; null when there is no camera. */
function Capture({ onPhoto }: { onPhoto: (jpegBase64: string | null) => void }): ReactElement {
  const { t } = useTranslation();
  // null = any camera; not reported to the host (the face check's own camera report stays the truth).
  const { state, videoRef } = useCamera(null);
  const taken = useRef(false);
  useEffect(() => {
    if (taken.current || state.kind === 'starting') return;
    if (state.kind === 'problem') {
      taken.current = true;
      onPhoto(null);
      return;
    }
    const timer = setTimeout(() => {
      const video = videoRef.current;
      const frame = video ? grabFrame(video) : null;
      taken.current = true;
      onPhoto(frame ? fitJpeg(frame.canvas, MAX_PHOTO_CHARS) : null);
    }, SETTLE_MS);
    return () => clearTimeout(timer);
  }, [state, videoRef, onPhoto]);
  return (
    <div className="dock__enrol-camera">
      <video ref={videoRef} muted playsInline width={160} height={120} aria-label={t('dock.enrol.preview')} />
    </div>
  );
}
