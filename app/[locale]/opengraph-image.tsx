import { getSettings } from '@/lib/config/settings';
import { OG_SIZE, renderOgImage } from '@/lib/og/render-og-image';

export const alt = `${getSettings().SITE_NAME}: where each conflict stands this month`;
export const size = OG_SIZE;
export const contentType = 'image/png';

export default function OpenGraphImage() {
  // The site's name is the image's header already.
  return renderOgImage({ eyebrow: 'CrisisWatch', title: 'Where each conflict stands this month' });
}
