import type { NextConfig } from 'next';
import { getSettings } from './lib/config/settings';
import { DEFAULT_LOCALE, LOCALES, TRANSLATION_LOCALES } from './lib/i18n/locales';

// Fail the build at once, with every bad variable named, rather than on the first request.
const { NEXT_DIST_DIR } = getSettings();

/**
 * Response headers (CSP, HSTS, caching) are set by the production server (lib/server/) and, in
 * the deployment, by nginx from the same static-routes manifest, not here: Next's `headers()` are
 * fixed at build time and cannot carry each page's script hashes.
 */
const nextConfig: NextConfig = {
  // A second build (the browser tests' fictional site) must not overwrite the main one.
  distDir: NEXT_DIST_DIR,
  poweredByHeader: false,
  experimental: {
    // Next 16.4 measures the gzip size of every segment of every prerendered page to decide which
    // to bundle into one prefetch response: ≈30% of the CPU of prerendering the archive
    // (docs/benchmarks.md). Without it each segment is prefetched on its own, as before 16.4; the
    // pages' HTML is the same but for those hint bits in the payload.
    prefetchInlining: false,
    // An archive month rendered on request (lib/content/prerender-window.ts) is kept in each
    // server's memory (Next's cache, 50 MB by default), not written into the build folder: the
    // deployment's services may not write there, and a path that is not a page must not fill a disk.
    isrFlushToDisk: false,
  },
  reactStrictMode: true,
  // English keeps its unprefixed addresses, so `/en/...` is never a second address of a page.
  async redirects() {
    return [
      { source: `/${DEFAULT_LOCALE}`, destination: '/', permanent: true },
      { source: `/${DEFAULT_LOCALE}/:path*`, destination: '/:path*', permanent: true },
    ];
  },
  async rewrites() {
    return {
      // RFC 8058: mail clients POST to the very URL in List-Unsubscribe, which is also the page a
      // reader opens. A request with a body (a form post) goes to the API route that unsubscribes.
      beforeFiles: ['', ...TRANSLATION_LOCALES.map((locale) => `/${locale}`)].map((prefix) => ({
        source: `${prefix}/unsubscribe`,
        has: [{ type: 'header' as const, key: 'content-type' }],
        destination: '/api/unsubscribe',
      })),
      // Every page lives under app/[locale]; an unprefixed address is the English page. Checked
      // after the files (public/, _next/, api routes, sitemap.xml, robots.txt, the icon), so only
      // pages reach it; the other languages' prefixes pass through as they are.
      afterFiles: [
        { source: '/', destination: `/${DEFAULT_LOCALE}` },
        // A path already under a language (the proxy's own rewrite to `/en/…`) is left as it is.
        { source: `/:path((?!(?:${LOCALES.join('|')})(?:/|$)).*)`, destination: `/${DEFAULT_LOCALE}/:path` },
      ],
      fallback: [],
    };
  },
};

export default nextConfig;
