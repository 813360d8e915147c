import { isIPv4, isIPv6 } from 'node:net';

/**
 * The client's address for rate limiting. The server's request policy (lib/server/) replaces any
 * X-Forwarded-For a client sent with the connection's address unless TRUST_PROXY is set (and
 * sets it so when a request reaches a trusting instance without one); with N trusted proxies,
 * the address the first of them saw is N places from the end.
 */
export function clientAddress(headers: Headers, trustedProxies: number): string {
  const chain = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  return rateLimitKey(chain[chain.length - Math.max(1, trustedProxies)] ?? chain[0] ?? 'unknown');
}

/**
 * Who counts as one client: an IPv4 address, or an IPv6 /64, the block one household or one
 * server is given (counting single IPv6 addresses would let anyone with a /64 post without limit).
 */
export function rateLimitKey(address: string): string {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped?.[1] && isIPv4(mapped[1])) return mapped[1];
  if (isIPv4(bare)) return bare;
  if (!isIPv6(bare)) return bare.slice(0, 64) || 'unknown';
  const hextets = expandIPv6(bare);
  return `${hextets.slice(0, 4).join(':')}::/64`;
}

/** The eight 16-bit groups of an IPv6 address, without leading zeros ("2001:db8::1" → 2001, db8, 0, …, 1). */
function expandIPv6(address: string): string[] {
  const [head = '', tail] = address.toLowerCase().split('::');
  const groups = (part: string) => (part ? part.split(':').flatMap((group) => (group.includes('.') ? ['0', '0'] : [group])) : []);
  const front = groups(head);
  const back = tail === undefined ? [] : groups(tail);
  const zeros = Array.from({ length: 8 - front.length - back.length }, () => '0');
  return [...front, ...zeros, ...back].map((group) => String(Number.parseInt(group, 16).toString(16)));
}
