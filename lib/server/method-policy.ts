import type { IncomingMessage, ServerResponse } from 'node:http';
import { LOCALES } from '../i18n/locales';
import { localizePath, SUBSCRIBE_API_PATH } from '../paths';
import { writeWebResponse } from './web-bridge';

const READ = ['GET', 'HEAD'] as const;

/**
 * What each path serves. Posts are taken only where a form or a mail client sends one (the
 * subscribe, confirm and preferences forms; RFC 8058's one-click unsubscribe, posted to the very
 * URL of the page, see next.config.ts); everything else, pages, feeds, data, images and Next's
 * own files, is only read. Keep in step with the POST handlers under app/api/.
 */
const METHODS: Record<string, readonly string[]> = {
  [SUBSCRIBE_API_PATH]: ['POST'],
  '/api/subscriptions/confirm': ['POST'],
  '/api/preferences': ['POST'],
  '/api/unsubscribe': ['POST'],
  // In every language: a French subscriber's List-Unsubscribe is `/fr/unsubscribe`.
  ...Object.fromEntries(LOCALES.map((locale) => [localizePath(locale, '/unsubscribe'), [...READ, 'POST']])),
};

export const allowedMethods = (pathname: string): readonly string[] => METHODS[pathname] ?? READ;

/**
 * Answers 405 with `Allow` for a method the path does not serve (PUT on a page, TRACE anywhere,
 * OPTIONS: the site answers no cross-origin preflight), before Next sees it: Next answered some
 * with the page itself and some with a 500 and a stack trace in the log. Returns whether it did.
 */
export function refuseUnservedMethod(request: IncomingMessage, response: ServerResponse, pathname: string): boolean {
  const allowed = allowedMethods(pathname);
  if (allowed.includes(request.method ?? '')) return false;
  const answer = new Response(`${request.method ?? 'This method'} is not served at this address; it takes ${allowed.join(', ')}.\n`, {
    status: 405,
    headers: { allow: allowed.join(', '), 'content-type': 'text/plain; charset=utf-8' },
  });
  void writeWebResponse(answer, response, request);
  return true;
}
