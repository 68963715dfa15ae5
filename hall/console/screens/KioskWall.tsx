/** A card per kiosk, offline ones first; updated live through the lists the shell keeps. */
import { useTranslation } from 'react-i18next';
import type { KioskView, SupervisedSession } from '../../contract/console-api';
import { useNow } from '../ui/useNow';
import { KioskCard } from './KioskCard';

export function KioskWall({ kiosks, sessions }: { kiosks: KioskView[]; sessions: SupervisedSession[] }) {
  const { t } = useTranslation();
  const now = useNow(5000);
  const ordered = [...kiosks].sort((a, b) => Number(a.online) - Number(b.online) || a.kioskId.localeCompare(b.kioskId));
  return (
    <section aria-labelledby="wall-title">
      <h2 id="wall-title" className="screen__title">{t('wall.title')}</h2>
      {ordered.length === 0 ? (
        <p className="empty">{t('wall.noKiosks')}</p>
      ) : (
        <ul className="wall">
          {ordered.map((kiosk) => (
            <li key={kiosk.kioskId}>
              <KioskCard kiosk={kiosk} session={sessions.find((entry) => entry.kioskId === kiosk.kioskId)?.session ?? kiosk.status?.session ?? null} now={now} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
