/** The day-end report: sessions by service and outcome, fees, the payment reconciliation, print failures. */
import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { DayEndReport } from '../../../electron/contract';
import { yuan } from './JournalPanel';
import { PanelError } from './PanelError';
import { panelResult, type PanelProps } from './staff-call';

export function DayEndPanel({ api, signedOut }: PanelProps): ReactElement {
  const { t } = useTranslation();
  const [report, setReport] = useState<DayEndReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void api.call('staff.dayEnd', {}).then((outcome) => {
      const result = panelResult(outcome, signedOut);
      if (result.ok) setReport(result.value);
      setError(result.ok ? null : result.messageKey);
    });
  }, [api, signedOut]);
  return (
    <section className="staff-panel" data-testid="staff-day-end">
      {report ? (
        <>
          <h2>{t('staff.dayEnd.title', { day: report.day })}</h2>
          <table className="staff-table">
            <thead>
              <tr>
                <th>{t('staff.journal.service')}</th>
                <th>{t('staff.journal.outcome')}</th>
                <th>{t('staff.dayEnd.count')}</th>
              </tr>
            </thead>
            <tbody>
              {report.byServiceAndOutcome.map((row) => (
                <tr key={`${row.serviceId}-${row.outcome}`}>
                  <td>{row.serviceId || '—'}</td>
                  <td>{row.outcome}</td>
                  <td>{row.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p data-testid="staff-day-end-fees">
            {t('staff.dayEnd.fees')}: {yuan(report.feesFen)}
          </p>
          <p data-testid="staff-day-end-reconciliation">
            {t('staff.dayEnd.reconciliation')}: {reconciliationWords(report.reconciliation, t)}
          </p>
          <p data-testid="staff-day-end-print-failures">
            {t('staff.dayEnd.printFailures')}: {report.printFailures}
          </p>
        </>
      ) : null}
      <PanelError messageKey={error} />
    </section>
  );
}

function reconciliationWords(
  reconciliation: DayEndReport['reconciliation'],
  t: (key: string, values?: Record<string, unknown>) => string,
): string {
  switch (reconciliation.state) {
    case 'matched':
      return t('staff.dayEnd.matched', { count: reconciliation.matched });
    case 'mismatches':
      return t('staff.dayEnd.mismatches', { mismatches: reconciliation.mismatches, matched: reconciliation.matched });
    case 'unavailable':
      return t('staff.dayEnd.unavailable');
    case 'noPayments':
      return t('staff.dayEnd.noPayments');
    default: {
      const never: never = reconciliation;
      return never;
    }
  }
}
