/**
 * Statistics: a period (from/to, or this month / last 6 months / this year),
 * a grouping and filters; the total with its period-on-period (环比) and
 * year-on-year (同比) change, a table, a chart, the CSV export of the same
 * query, and drop-off by step for one service.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatsAnswer, StatsQuery } from '../../contract/console-api';
import type { ServiceCategory } from '../../../electron/contract/domain';
import type { ApiResult, ConsoleApi } from '../api/console-api';
import { quickPeriod, type QuickPeriod } from '../format';
import { SERVICE_NAMES } from '../services';
import { wordFailure } from '../ui/words';
import { DropOff } from './DropOff';
import { StatsResult } from './StatsResult';

const GROUPS: readonly StatsQuery['groupBy'][] = ['service', 'category', 'kiosk', 'day', 'month'];
const CATEGORIES: readonly ServiceCategory[] = ['huzheng', 'certificates', 'traffic', 'exitEntry', 'proxy'];
const QUICK: readonly QuickPeriod[] = ['thisMonth', 'lastSixMonths', 'thisYear'];

export function StatsScreen({ api, today = () => new Date() }: { api: ConsoleApi; today?: () => Date }) {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState<StatsQuery>(() => ({ ...quickPeriod('lastSixMonths', today()), groupBy: 'service' }));
  const [answer, setAnswer] = useState<StatsAnswer | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const show = useCallback(
    (result: ApiResult<StatsAnswer>): void => {
      setBusy(false);
      setProblem(result.ok ? null : wordFailure(t, result.error));
      setAnswer(result.ok ? result.value : null);
    },
    [t],
  );

  const run = async (wanted: StatsQuery): Promise<void> => {
    if (wanted.from > wanted.to) {
      setProblem(t('stats.badPeriod'));
      return;
    }
    setBusy(true);
    show(await api.stats(wanted));
  };

  // The first view: the last six months by service, as the seed reports count them.
  const [initial] = useState(query);
  useEffect(() => {
    void api.stats(initial).then(show);
  }, [api, initial, show]);

  const change = <K extends keyof StatsQuery>(key: K, value: StatsQuery[K] | ''): void => {
    setQuery((current) => {
      const next = { ...current };
      if (value === '' || value === undefined) delete next[key];
      else next[key] = value as StatsQuery[K];
      return next;
    });
  };
  const en = i18n.language.startsWith('en');

  return (
    <section aria-labelledby="stats-title">
      <h2 id="stats-title" className="screen__title">{t('stats.title')}</h2>
      <form
        className="filters"
        onSubmit={(event) => {
          event.preventDefault();
          void run(query);
        }}
      >
        <div className="chips" role="group" aria-label={t('stats.quickLabel')}>
          {QUICK.map((period) => (
            <button
              key={period}
              type="button"
              className="button button--small"
              onClick={() => {
                const next = { ...query, ...quickPeriod(period, today()) };
                setQuery(next);
                void run(next);
              }}
            >
              {t(`stats.quick.${period}`)}
            </button>
          ))}
        </div>
        <label className="field field--inline">
          <span className="field__label">{t('stats.from')}</span>
          <input type="date" className="field__input" value={query.from} onChange={(event) => change('from', event.target.value)} required />
        </label>
        <label className="field field--inline">
          <span className="field__label">{t('stats.to')}</span>
          <input type="date" className="field__input" value={query.to} onChange={(event) => change('to', event.target.value)} required />
        </label>
        <label className="field field--inline">
          <span className="field__label">{t('stats.groupBy')}</span>
          <select className="field__input" value={query.groupBy} onChange={(event) => change('groupBy', event.target.value as StatsQuery['groupBy'])}>
            {GROUPS.map((group) => (
              <option key={group} value={group}>
                {t(`stats.group.${group}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field field--inline">
          <span className="field__label">{t('stats.category')}</span>
          <select className="field__input" value={query.category ?? ''} onChange={(event) => change('category', event.target.value as ServiceCategory | '')}>
            <option value="">{t('stats.all')}</option>
            {CATEGORIES.map((category) => (
              <option key={category} value={category}>
                {t(`category.${category}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field field--inline">
          <span className="field__label">{t('stats.service')}</span>
          <select className="field__input" value={query.serviceId ?? ''} onChange={(event) => change('serviceId', event.target.value)}>
            <option value="">{t('stats.all')}</option>
            {SERVICE_NAMES.map((service) => (
              <option key={service.id} value={service.id}>
                {en ? service.name.en : service.name['zh-CN']}
              </option>
            ))}
          </select>
        </label>
        <label className="field field--inline">
          <span className="field__label">{t('stats.kioskFilter')}</span>
          <input className="field__input" value={query.kioskId ?? ''} maxLength={64} onChange={(event) => change('kioskId', event.target.value.trim())} />
        </label>
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('stats.run')}
        </button>
        <a className="button" href={api.statsCsvUrl(query)} download>
          {t('stats.csv')}
        </a>
      </form>
      {problem && <p className="problem" role="alert">{problem}</p>}
      {answer && <StatsResult answer={answer} />}
      <DropOff api={api} from={query.from} to={query.to} />
    </section>
  );
}
