import { answerSubscribe } from '@/lib/subscribe/subscribe-endpoint';

/** In production the server answers this path itself, before Next (see lib/server/direct-routes.ts). */
export function POST(request: Request): Promise<Response> {
  return answerSubscribe(request);
}
