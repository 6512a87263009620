import { FormworkClient } from '@formwork/client';
import { readCookie } from './cookies';

/** Asks the engine to answer in the UI's language (problem details, generated texts). */
function fetchInUiLanguage(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const headers = new Headers(init?.headers);
  const language = document.documentElement.lang;
  if (language && !headers.has('accept-language')) headers.set('accept-language', language);
  return fetch(input, { ...init, headers });
}

/** The one API client of the web app: same origin, session cookie + CSRF header. */
export const client = new FormworkClient({
  auth: { kind: 'cookie', csrfToken: () => readCookie('fw_csrf') },
  fetch: fetchInUiLanguage,
});
