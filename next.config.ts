import type { NextConfig } from 'next';
import { getSiteConfig } from './lib/config/site-config';

// Fail the build and the server start at once, with every bad variable named, rather than on the first request.
getSiteConfig();

const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), interest-cohort=()' },
  // Scripts are Next's own inline bootstrap, so script-src cannot be locked down on static pages without nonces;
  // these directives still stop framing, plugin content, base-tag hijacking and forms posting elsewhere.
  { key: 'Content-Security-Policy', value: "frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'" },
];

const nextConfig: NextConfig = {
  // A second build (the browser tests' fictional site) must not overwrite the main one.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  reactStrictMode: true,
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default nextConfig;
