/**
 * Where the citizen is inside a session. Flows arrive in a later issue; the
 * shell's own steps are: choose a category, choose a service, what to do next.
 */
import type { ServiceCategory } from '../../../electron/contract';

/** The shell's steps, in order. */
export const SESSION_STEPS = ['home', 'category', 'service'] as const;
/** One of {@link SESSION_STEPS}. */
export type SessionStep = (typeof SESSION_STEPS)[number];

/** The screen inside the session frame. */
export type SessionRoute =
  | { step: 'home' }
  | { step: 'category'; category: ServiceCategory; page: number }
  | { step: 'service'; serviceId: string; category: ServiceCategory; page: number; adopted?: boolean };

/** Where a session starts. */
export const HOME: SessionRoute = { step: 'home' };

/** The route "back" leads to; null on the first step. */
export function backFrom(route: SessionRoute): SessionRoute | null {
  switch (route.step) {
    case 'home':
      return null;
    case 'category':
      return HOME;
    case 'service':
      return { step: 'category', category: route.category, page: route.page };
  }
}

/** 0-based position of the route's step in {@link SESSION_STEPS}. */
export function stepIndex(route: SessionRoute): number {
  return SESSION_STEPS.indexOf(route.step);
}
