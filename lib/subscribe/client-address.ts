/**
 * The client's address for rate limiting. The server start script (lib/server/start-server.mjs)
 * replaces any X-Forwarded-For a client sent with the connection's address unless TRUST_PROXY
 * is set; with N trusted proxies, the address the first of them saw is N places from the end.
 */
export function clientAddress(headers: Headers, trustedProxies: number): string {
  const chain = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  return chain[chain.length - Math.max(1, trustedProxies)] ?? chain[0] ?? 'unknown';
}
