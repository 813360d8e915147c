import type { IncomingHttpHeaders } from 'node:http';

/**
 * Next's client router asks for a page's data (RSC) at the page's own URL, with one of these
 * headers or an `_rsc` query parameter: that answer is Next's to give, never the prerendered
 * document. nginx makes the same test (deploy/nginx/crisis-briefings/http.conf).
 */
const DATA_HEADERS = ['rsc', 'next-router-prefetch', 'next-router-state-tree'] as const;
const RSC_QUERY = /(?:^|&)_rsc(?:=|&|$)/;

export function isNextDataRequest(headers: IncomingHttpHeaders, query: string): boolean {
  return DATA_HEADERS.some((name) => Boolean(headers[name])) || RSC_QUERY.test(query);
}
