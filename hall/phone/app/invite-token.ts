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

/** What the address carried: a token, a link whose token is not one (cut short or changed on the way), or no link. */
export type InviteLink = { kind: 'token'; token: string } | { kind: 'garbled' } | { kind: 'none' };

/** As {@link takeInviteToken}, telling a garbled link from none: a cut-short link is "this link cannot be used", not "open the link". */
export function takeInviteLink(location: Pick<Location, 'hash' | 'pathname' | 'search'>, history: Pick<History, 'replaceState'>): InviteLink {
  const carried = new URLSearchParams(location.hash.replace(/^#/, '')).has('t');
  const token = takeInviteToken(location, history);
  if (token !== null) return { kind: 'token', token };
  return carried ? { kind: 'garbled' } : { kind: 'none' };
}
