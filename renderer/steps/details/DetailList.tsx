/** Lines of a review or a slip: each a label and a value, the value shown as given or translated from its key. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { DetailRow } from '../../../electron/contract';
import './facts.css';

/** A `dl` with one `data-testid="detail-row"` per row (`data-label-key` names it). */
export function DetailList({ rows, testId }: { rows: readonly DetailRow[]; testId: string }): ReactElement {
  const { t } = useTranslation();
  return (
    <dl className="flow-facts" data-testid={testId}>
      {rows.map((row, i) => (
        <div className="flow-facts__row" key={`${row.labelKey}-${i}`} data-testid="detail-row" data-label-key={row.labelKey}>
          <dt>{t(row.labelKey)}</dt>
          <dd>{row.textKey ? t(row.textKey) : (row.text ?? t('flow.details.none'))}</dd>
        </div>
      ))}
    </dl>
  );
}
