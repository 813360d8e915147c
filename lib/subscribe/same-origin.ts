import { getSiteConfig } from '../config/site-config';

/** A browser's Origin header, when present, must be this site (a cross-site form post is refused). */
export function isCrossSite(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (origin === null) return false;
  return origin !== new URL(getSiteConfig().SITE_URL).origin && origin !== new URL(request.url).origin;
}
