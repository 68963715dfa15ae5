/** GET /api/supervision: what each kiosk's citizen is doing now. */
import { listSupervision } from '../../views/supervision-view';
import { json } from '../reply';
import { route } from '../route';

export const supervisionRoutes = [
  route({
    method: 'GET',
    path: '/api/supervision',
    auth: 'officer',
    async handle({ deps }) {
      return json(await listSupervision(deps.db));
    },
  }),
];
