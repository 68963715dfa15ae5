/** Bars by service, category or kiosk; a line by day or month (recharts, fixed size for the desktop layout). */
import { Bar, BarChart, CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import type { StatsQuery } from '../../contract/console-api';

const BLUE = '#0b3d91';

export function StatsChart({ groupBy, rows }: { groupBy: StatsQuery['groupBy']; rows: { name: string; completed: number; sessions: number }[] }) {
  const { t } = useTranslation();
  const overTime = groupBy === 'day' || groupBy === 'month';
  const title = overTime ? t('stats.chartLine') : t('stats.chartBars');
  return (
    <figure className="chart" aria-label={title}>
      <figcaption className="chart__title">{title}</figcaption>
      {overTime ? (
        <LineChart width={960} height={280} data={rows} margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
          <CartesianGrid stroke="#d5deeb" />
          <XAxis dataKey="name" />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Line type="monotone" dataKey="completed" name={t('stats.completed')} stroke={BLUE} strokeWidth={3} isAnimationActive={false} />
        </LineChart>
      ) : (
        <BarChart width={960} height={280} data={rows} margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
          <CartesianGrid stroke="#d5deeb" />
          <XAxis dataKey="name" interval={0} tick={{ fontSize: 12 }} />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Bar dataKey="completed" name={t('stats.completed')} fill={BLUE} isAnimationActive={false} />
        </BarChart>
      )}
    </figure>
  );
}
