/** Drop-off by step for one service over the chosen period: where unfinished sessions stopped, most first. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { DropOffAnswer } from '../../contract/console-api';
import type { ConsoleApi } from '../api/console-api';
import { count } from '../format';
import { SERVICE_NAMES } from '../services';
import { wordFailure } from '../ui/words';

export function DropOff({ api, from, to }: { api: ConsoleApi; from: string; to: string }) {
  const { t, i18n } = useTranslation();
  const [serviceId, setServiceId] = useState('');
  const [answer, setAnswer] = useState<DropOffAnswer | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!serviceId || from > to) return;
    let current = true;
    void api.dropOff(serviceId, from, to).then((result) => {
      if (!current) return;
      setProblem(result.ok ? null : wordFailure(t, result.error));
      setAnswer(result.ok ? result.value : null);
    });
    return () => {
      current = false;
    };
  }, [api, serviceId, from, to, t]);

  const en = i18n.language.startsWith('en');
  return (
    <section className="dropoff" aria-labelledby="dropoff-title">
      <h3 id="dropoff-title" className="section__title">{t('stats.dropOff')}</h3>
      <label className="field field--inline">
        <span className="field__label">{t('stats.dropOffService')}</span>
        <select className="field__input" value={serviceId} onChange={(event) => setServiceId(event.target.value)}>
          <option value="">—</option>
          {SERVICE_NAMES.map((service) => (
            <option key={service.id} value={service.id}>
              {en ? service.name.en : service.name['zh-CN']}
            </option>
          ))}
        </select>
      </label>
      {problem && <p className="problem" role="alert">{problem}</p>}
      {answer && serviceId && (answer.steps.length === 0 ? (
        <p className="empty">{t('stats.dropOffNone')}</p>
      ) : (
        <div className="dropoff__body">
          <BarChart width={720} height={Math.max(120, answer.steps.length * 36)} data={answer.steps} layout="vertical" margin={{ left: 120, right: 24 }}>
            <CartesianGrid stroke="#d5deeb" />
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey="step" />
            <Tooltip />
            <Bar dataKey="sessions" name={t('stats.sessions')} fill="#b0171f" isAnimationActive={false} />
          </BarChart>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('stats.dropOffStep')}</th>
                <th scope="col" className="num">{t('stats.sessions')}</th>
              </tr>
            </thead>
            <tbody>
              {answer.steps.map((step) => (
                <tr key={step.step}>
                  <th scope="row">{step.step}</th>
                  <td className="num">{count(step.sessions)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}
