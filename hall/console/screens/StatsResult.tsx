/** One statistics answer: the total and its 环比/同比 change, a chart, and the table. */
import { useTranslation } from 'react-i18next';
import type { StatsAnswer } from '../../contract/console-api';
import { count, formatChange, yuan } from '../format';
import { wordDuration } from '../ui/words';
import { StatsChart } from './StatsChart';
import { wordStatsKey } from './statsKey';

function Change({ label, change }: { label: string; change: number | null }) {
  const { t } = useTranslation();
  const tone = change === null ? 'neutral' : change >= 0 ? 'ok' : 'error';
  return (
    <div className="figure">
      <span className="figure__label">{label}</span>
      <span className={`figure__value figure__value--${tone}`}>{change === null ? t('stats.noBase') : formatChange(change)}</span>
    </div>
  );
}

export function StatsResult({ answer }: { answer: StatsAnswer }) {
  const { t, i18n } = useTranslation();
  const { query, rows, total, previousPeriod, yearEarlier } = answer;
  const average = (seconds: number | null): string => (seconds === null ? '—' : wordDuration(t, seconds));
  const named = rows.map((row) => ({ ...row, name: wordStatsKey(t, i18n.language, query.groupBy, row.key) }));
  return (
    <>
      <div className="figures">
        <div className="figure">
          <span className="figure__label">{t('stats.completed')}</span>
          <span className="figure__value">{count(total.completed)}</span>
        </div>
        <div className="figure">
          <span className="figure__label">{t('stats.sessions')}</span>
          <span className="figure__value">{count(total.sessions)}</span>
        </div>
        <Change label={t('stats.previousPeriod', { from: previousPeriod.from, to: previousPeriod.to })} change={previousPeriod.change} />
        <Change label={t('stats.yearEarlier', { from: yearEarlier.from, to: yearEarlier.to })} change={yearEarlier.change} />
      </div>
      {rows.length === 0 ? (
        <p className="empty">{t('stats.empty')}</p>
      ) : (
        <>
          <StatsChart groupBy={query.groupBy} rows={named} />
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t(`stats.group.${query.groupBy}`)}</th>
                <th scope="col" className="num">{t('stats.sessions')}</th>
                <th scope="col" className="num">{t('stats.completed')}</th>
                <th scope="col" className="num">{t('stats.averageTime')}</th>
                <th scope="col" className="num">{t('stats.fee')}</th>
              </tr>
            </thead>
            <tbody>
              {named.map((row) => (
                <tr key={row.key}>
                  <th scope="row">{row.name}</th>
                  <td className="num">{count(row.sessions)}</td>
                  <td className="num">{count(row.completed)}</td>
                  <td className="num">{average(row.averageSeconds)}</td>
                  <td className="num">{yuan(row.feeFen)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('stats.total')}</th>
                <td className="num">{count(total.sessions)}</td>
                <td className="num">{count(total.completed)}</td>
                <td className="num">{average(total.averageSeconds)}</td>
                <td className="num">{yuan(total.feeFen)}</td>
              </tr>
            </tfoot>
          </table>
        </>
      )}
    </>
  );
}
