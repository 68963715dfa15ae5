/**
 * Test prints (receipt, A4) and the one reprint of today's last document:
 * number, type and time only, never what the document says.
 */
import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintResult, ReprintResult, StaffDocument } from '../../../electron/contract';
import { TouchButton } from '../../ui/TouchButton';
import { kioskTime } from '../use-staff';
import { PanelError } from './PanelError';
import { panelResult, type PanelProps } from './staff-call';

export function PrintsPanel({ api, signedOut, timeZone }: PanelProps): ReactElement {
  const { t, i18n } = useTranslation();
  const [document, setDocument] = useState<StaffDocument | null | undefined>(undefined);
  const [printed, setPrinted] = useState<{ target: 'receipt' | 'a4'; result: PrintResult } | null>(null);
  const [reprint, setReprint] = useState<ReprintResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const words = (key: string) => (i18n.exists(key) ? t(key) : t('staff.errors.generic'));

  useEffect(() => {
    void api.call('staff.lastDocument', {}).then((outcome) => {
      const result = panelResult(outcome, signedOut);
      if (result.ok) setDocument(result.value.document);
      setError(result.ok ? null : result.messageKey);
    });
  }, [api, signedOut]);

  const testPrint = async (target: 'receipt' | 'a4') => {
    const result = panelResult(await api.call('staff.testPrint', { target }), signedOut);
    if (result.ok) setPrinted({ target, result: result.value });
    setError(result.ok ? null : result.messageKey);
  };
  const reprintLast = async () => {
    const result = panelResult(await api.call('staff.reprintLast', {}), signedOut);
    if (result.ok) {
      setReprint(result.value);
      if (result.value.document) setDocument(result.value.document);
    }
    setError(result.ok ? null : result.messageKey);
  };

  return (
    <section className="staff-panel" data-testid="staff-prints">
      <div className="staff-row">
        <TouchButton data-testid="staff-test-receipt" onPress={() => testPrint('receipt')}>
          {t('staff.prints.testReceipt')}
        </TouchButton>
        <TouchButton data-testid="staff-test-a4" onPress={() => testPrint('a4')}>
          {t('staff.prints.testA4')}
        </TouchButton>
      </div>
      {printed ? (
        <p className="staff-message" role="status" data-testid={`staff-test-result-${printed.target}`}>
          {printed.result.outcome === 'printed'
            ? t('staff.prints.printed')
            : t('staff.prints.notPrinted', { reason: words(printed.result.messageKey) })}
        </p>
      ) : null}

      <h2>{t('staff.prints.last')}</h2>
      {document === null ? <p data-testid="staff-no-document">{t('staff.prints.noDocument')}</p> : null}
      {document ? (
        <table className="staff-table" data-testid="staff-last-document">
          <tbody>
            <tr>
              <th>{t('staff.prints.number')}</th>
              <td data-testid="staff-last-document-number">{document.number}</td>
            </tr>
            <tr>
              <th>{t('staff.prints.type')}</th>
              <td>{document.type}</td>
            </tr>
            <tr>
              <th>{t('staff.prints.time')}</th>
              <td>{kioskTime(document.printedAt, i18n.language, timeZone)}</td>
            </tr>
          </tbody>
        </table>
      ) : null}
      {document ? (
        <TouchButton data-testid="staff-reprint" disabled={document.reprinted} onPress={reprintLast}>
          {document.reprinted ? t('staff.prints.alreadyReprinted') : t('staff.prints.reprint')}
        </TouchButton>
      ) : null}
      {reprint ? (
        <p
          className={`staff-message${reprint.outcome === 'reprinted' ? '' : ' staff-message--error'}`}
          role="status"
          data-testid="staff-reprint-result"
        >
          {reprintWords(reprint, t, words)}
        </p>
      ) : null}
      <PanelError messageKey={error} />
    </section>
  );
}

function reprintWords(
  result: ReprintResult,
  t: (key: string, values?: Record<string, unknown>) => string,
  words: (key: string) => string,
): string {
  switch (result.outcome) {
    case 'reprinted':
      return t('staff.prints.reprinted');
    case 'notPrinted':
      return t('staff.prints.notPrinted', { reason: words(result.messageKey) });
    case 'refused':
      return t(`staff.prints.refused.${result.reason}`);
    default: {
      const never: never = result;
      return never;
    }
  }
}
