/**
 * The invitation token rides in the link's fragment (`/p/#t=<token>`): it is
 * read once and dropped from the address bar and history, so a reload, a
 * shared screenshot or the back button does not carry it.
 */
const TOKEN = /^[A-Za-z0-9_-]{32,128}$/;

export function takeInviteToken(location: Pick<Location, 'hash' | 'pathname' | 'search'>, history: Pick<History, 'replaceState'>): string | null {
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  const token = params.get('t');
  if (location.hash !== '') history.replaceState(null, '', `${location.pathname}${location.search}`);
  return token !== null && TOKEN.test(token) ? token : null;
}
