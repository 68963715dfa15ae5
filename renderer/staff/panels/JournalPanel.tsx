/** Today's sessions, masked: time, service, outcome, masked ID number, fee. */
import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { JournalEntry } from '../../../electron/contract';
import { kioskTime } from '../use-staff';
import { PanelError } from './PanelError';
import { panelResult, type PanelProps } from './staff-call';

/** Fen as yuan, e.g. 2000 → ¥20.00. */
export const yuan = (fen: number): string => `¥${(fen / 100).toFixed(2)}`;

export function JournalPanel({ api, signedOut, timeZone }: PanelProps): ReactElement {
  const { t, i18n } = useTranslation();
  const [journal, setJournal] = useState<{ day: string; sessions: JournalEntry[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void api.call('staff.journal', {}).then((outcome) => {
      const result = panelResult(outcome, signedOut);
      if (result.ok) setJournal(result.value);
      setError(result.ok ? null : result.messageKey);
    });
  }, [api, signedOut]);
  return (
    <section className="staff-panel" data-testid="staff-journal">
      {journal ? <h2>{t('staff.journal.title', { day: journal.day })}</h2> : null}
      {journal && journal.sessions.length === 0 ? <p>{t('staff.journal.empty')}</p> : null}
      {journal && journal.sessions.length > 0 ? (
        <table className="staff-table">
          <thead>
            <tr>
              <th>{t('staff.journal.time')}</th>
              <th>{t('staff.journal.service')}</th>
              <th>{t('staff.journal.outcome')}</th>
              <th>{t('staff.journal.idNumber')}</th>
              <th>{t('staff.journal.fee')}</th>
            </tr>
          </thead>
          <tbody>
            {journal.sessions.map((entry, i) => (
              <tr key={i} data-testid="staff-journal-row">
                <td>{kioskTime(entry.startedAt, i18n.language, timeZone)}</td>
                <td>{entry.serviceId ?? '—'}</td>
                <td>{entry.outcome}</td>
                <td>{entry.idNumberMasked ?? '—'}</td>
                <td>{yuan(entry.feeFen)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <PanelError messageKey={error} />
    </section>
  );
}
