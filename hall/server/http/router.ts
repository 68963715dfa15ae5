/** Finds the route for a method and path; `:name` segments become params (URI-decoded). */
import type { Route } from './route';

export type Match = { kind: 'found'; route: Route; params: Record<string, string> } | { kind: 'wrongMethod' } | { kind: 'none' };

export function matchRoute(routes: readonly Route[], method: string, pathname: string): Match {
  const segments = pathname.split('/');
  let pathMatched = false;
  for (const route of routes) {
    const pattern = route.path.split('/');
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    let matches = true;
    for (let i = 0; i < pattern.length && matches; i++) {
      const p = pattern[i] ?? '';
      const s = segments[i] ?? '';
      if (p.startsWith(':')) {
        let value: string;
        try {
          value = decodeURIComponent(s);
        } catch {
          value = '';
        }
        if (value === '') matches = false;
        else params[p.slice(1)] = value;
      } else if (p !== s) matches = false;
    }
    if (!matches) continue;
    pathMatched = true;
    if (route.method === method) return { kind: 'found', route, params };
  }
  return pathMatched ? { kind: 'wrongMethod' } : { kind: 'none' };
}
