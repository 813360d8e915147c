/** Connections on which fetching a page the reader may not open costs them time or data. */
const SLOW_CONNECTIONS = new Set(['slow-2g', '2g']);

/**
 * Whether a link the reader reaches for (hover, focus, touch) may have its page fetched ahead:
 * only the site's own pages (a path, not another site or a `#fragment` of this page), and never on
 * a connection the browser reports as data-saving or as slow.
 */
export function shouldPrefetchOnIntent(href: string, connection: { saveData?: boolean; effectiveType?: string } | undefined): boolean {
  if (!href.startsWith('/') || href.startsWith('//')) return false;
  if (connection?.saveData) return false;
  return !(connection?.effectiveType && SLOW_CONNECTIONS.has(connection.effectiveType));
}
