/** When the camera step cannot run: say so plainly and send the citizen to a counter. Never a pass. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

/** `data-testid="face-unavailable"`. */
export function FaceUnavailable(): ReactElement {
  const { t } = useTranslation();
  return (
    <div className="flow-step__problem" data-testid="face-unavailable" role="alert">
      <h1 className="step__title">{t('flow.face.unavailableTitle')}</h1>
      <p>{t('flow.face.unavailable')}</p>
    </div>
  );
}
