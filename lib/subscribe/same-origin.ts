import { getSiteConfig } from '../config/site-config';

/** The origins a browser may post from: the public address, and the host the request reached. */
export function siteOrigins(request: Request): string[] {
  return [new URL(getSiteConfig().SITE_URL).origin, new URL(request.url).origin];
}

/** A browser's Origin header, when present, must be this site (a cross-site form post is refused). */
export function isCrossSite(request: Request): boolean {
  const origin = request.headers.get('origin');
  return origin !== null && !siteOrigins(request).includes(origin);
}
