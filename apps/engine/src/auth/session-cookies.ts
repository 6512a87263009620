import type { FastifyReply } from 'fastify';

export const SESSION_COOKIE = 'fw_session';
/** Readable by the web app, which echoes it in X-CSRF-Token (double submit, checked against the session). */
export const CSRF_COOKIE = 'fw_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export function setSessionCookies(
  reply: FastifyReply,
  token: string,
  csrfToken: string,
  expires: Date,
  secure: boolean,
): void {
  const common = { path: '/', sameSite: 'lax' as const, secure, expires };
  void reply.setCookie(SESSION_COOKIE, token, { ...common, httpOnly: true });
  void reply.setCookie(CSRF_COOKIE, csrfToken, { ...common, httpOnly: false });
  void reply.header(CSRF_HEADER, csrfToken);
}

export function clearSessionCookies(reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, { path: '/' });
  void reply.clearCookie(CSRF_COOKIE, { path: '/' });
}
