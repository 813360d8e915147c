import { ImageResponse } from 'next/og';
import { getSiteConfig } from '@/lib/config/site-config';

// The site-wide share image, rendered once at build time.
export const alt = `${getSiteConfig().SITE_NAME}: where each conflict stands this month`;
export const size = { width: 1200, height: 630 };
export const contentType = 'image/png';

export default function OpenGraphImage() {
  const { SITE_NAME } = getSiteConfig();
  return new ImageResponse(
    (
      <div style={{ width: '100%', height: '100%', display: 'flex', flexDirection: 'column', justifyContent: 'center', padding: 80, background: '#1d3557', color: '#ffffff' }}>
        <div style={{ fontSize: 80, fontWeight: 700 }}>{SITE_NAME}</div>
        <div style={{ fontSize: 40, marginTop: 24, color: '#e9c46a' }}>Where each conflict stands this month</div>
      </div>
    ),
    size,
  );
}
