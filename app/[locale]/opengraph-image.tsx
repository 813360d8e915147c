import { getSettings } from '@/lib/config/settings';
import { localeOf } from '@/lib/i18n/locale-param';
import { messages } from '@/lib/i18n/messages';
import { OG_SIZE, renderOgImage } from '@/lib/og/render-og-image';
import { siteShareImage } from '@/lib/og/share-images';

// The pages' metadata gives each language's alternative text (lib/page-metadata.ts); this one is English's.
export const alt = messages('en').site.imageAlt(getSettings().SITE_NAME);
export const size = OG_SIZE;
export const contentType = 'image/png';

export default async function OpenGraphImage({ params }: { params: Promise<{ locale: string }> }) {
  return renderOgImage(siteShareImage(localeOf(await params)));
}
