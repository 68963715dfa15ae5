/** Every API route of hall/contract/console-api.ts. */
import type { Route } from '../route';
import { alertRoutes } from './alert-routes';
import { authRoutes } from './auth-routes';
import { helpCallRoutes } from './help-call-routes';
import { kioskRoutes } from './kiosk-routes';
import { proxyRoutes } from './proxy-routes';
import { staffRoutes } from './staff-routes';
import { statsRoutes } from './stats-routes';
import { supervisionRoutes } from './supervision-routes';

export const API_ROUTES: readonly Route[] = [...authRoutes, ...kioskRoutes, ...alertRoutes, ...helpCallRoutes, ...supervisionRoutes, ...statsRoutes, ...staffRoutes, ...proxyRoutes];
