export const HOME_PATH = '/apps';

/** Where to go after login: the page the user was sent away from, if it is one of ours. */
export function redirectTarget(state: unknown): string {
  if (typeof state !== 'object' || state === null || !('from' in state)) return HOME_PATH;
  const from = state.from as { pathname?: unknown; search?: unknown; hash?: unknown } | null;
  const pathname = from?.pathname;
  if (typeof pathname !== 'string' || !pathname.startsWith('/') || pathname.startsWith('//'))
    return HOME_PATH;
  if (pathname === '/login') return HOME_PATH;
  const search = typeof from?.search === 'string' ? from.search : '';
  const hash = typeof from?.hash === 'string' ? from.hash : '';
  return pathname + search + hash;
}
