import type { IncomingMessage, ServerResponse } from 'node:http';
import { SUBSCRIBE_API_PATH } from '../paths';
import { MAX_BODY_BYTES } from '../subscribe/handle-subscribe-request';
import { answerSubscribe } from '../subscribe/subscribe-endpoint';
import { toWebRequest, writeWebResponse } from './web-bridge';

/**
 * Endpoints the server answers itself, without Next's router: POST /api/subscribe, the one
 * endpoint that takes writes at rate. Next spends ≈1.4 ms of CPU on even a trivial route here
 * (npm run bench), which would cap subscriptions near 700 a second per instance whatever the
 * database does. The handler is the same one the Next route uses in development.
 */
export function serveDirectly(request: IncomingMessage, response: ServerResponse, pathname: string): boolean {
  if (request.method !== 'POST' || pathname !== SUBSCRIBE_API_PATH) return false;
  void toWebRequest(request, MAX_BODY_BYTES)
    .then(answerSubscribe)
    .then(
      (answer) => writeWebResponse(answer, response, request),
      (error: unknown) => {
        console.error('subscribe: unexpected failure', error);
        if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        response.end('Something went wrong on our side.\n');
      },
    );
  return true;
}
