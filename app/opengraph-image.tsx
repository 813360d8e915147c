import { getSiteConfig } from '@/lib/config/site-config';
import { OG_SIZE, renderOgImage } from '@/lib/og/render-og-image';

export const alt = `${getSiteConfig().SITE_NAME}: where each conflict stands this month`;
export const size = OG_SIZE;
export const contentType = 'image/png';

export default function OpenGraphImage() {
  return renderOgImage({ eyebrow: 'CrisisWatch', title: getSiteConfig().SITE_NAME, subtitle: 'Where each conflict stands this month' });
}
