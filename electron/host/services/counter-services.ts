/**
 * The hall's services that have no kiosk flow yet: the kiosk lists them and
 * gives a queue ticket for the right window instead of pretending. Fees from
 * DOMAIN.md §5, in fen. When a service gets its folder, its line here goes.
 */
import type { CounterService } from './catalogue';

export const COUNTER_SERVICES: readonly CounterService[] = [
  { id: 'licence-application', category: 'traffic', name: { 'zh-CN': '驾驶证申领（体检拍照）', en: 'Driving licence application (medical check and photo)' }, feeFen: 1000 },
];
