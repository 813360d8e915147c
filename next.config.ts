import type { NextConfig } from 'next';
import { getSettings } from './lib/config/settings';

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
  reactStrictMode: true,
  async rewrites() {
    return {
      // RFC 8058: mail clients POST to the very URL in List-Unsubscribe, which is also the page a
      // reader opens. A request with a body (a form post) goes to the API route that unsubscribes.
      beforeFiles: [{ source: '/unsubscribe', has: [{ type: 'header', key: 'content-type' }], destination: '/api/unsubscribe' }],
      afterFiles: [],
      fallback: [],
    };
  },
};

export default nextConfig;
