/** GET /api/stats, /api/stats/dropoff, /api/stats.csv: validated here, answered by the stats module. */
import { z } from 'zod';
import { StatsQuery } from '../../../contract/console-api';
import { json } from '../reply';
import { route } from '../route';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const DropOffQuery = z.object({ serviceId: z.string().min(1).max(64), from: Day, to: Day });
const BOM = '\uFEFF';

export const statsRoutes = [
  route<unknown, StatsQuery>({
    method: 'GET',
    path: '/api/stats',
    auth: 'officer',
    query: StatsQuery,
    async handle({ deps, query }) {
      return json(await deps.stats.summary(query));
    },
  }),
  route<unknown, z.infer<typeof DropOffQuery>>({
    method: 'GET',
    path: '/api/stats/dropoff',
    auth: 'officer',
    query: DropOffQuery,
    async handle({ deps, query }) {
      return json(await deps.stats.dropOff(query.serviceId, query.from, query.to));
    },
  }),
  route<unknown, StatsQuery>({
    method: 'GET',
    path: '/api/stats.csv',
    auth: 'officer',
    query: StatsQuery,
    async handle({ deps, query }) {
      const csv = await deps.stats.csv(query);
      // Excel opens UTF-8 CSV as such only with the byte order mark.
      return { kind: 'csv', body: csv.startsWith(BOM) ? csv : BOM + csv, filename: `hall-stats-${query.from}-${query.to}-${query.groupBy}.csv` };
    },
  }),
];
