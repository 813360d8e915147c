import { notFound } from 'next/navigation';
import { getCrisisWatchEntry } from '@/lib/content';
import { VERDICT_LABELS } from '@/lib/content/verdicts';
import { formatMonth } from '@/lib/format';
import { OG_SIZE, renderOgImage } from '@/lib/og/render-og-image';
import { CONTENT_CACHE_CONTROL } from '@/lib/server/response-policy';

export const alt = 'The month’s CrisisWatch verdict';
export const size = OG_SIZE;
export const contentType = 'image/png';

/**
 * Drawn when asked for, not at build time: an archive has tens of thousands of months and a
 * share image is fetched for few of them, while prerendering each cost a third of the build
 * (docs/benchmarks.md). Shared caches keep it like any page.
 */
export const dynamic = 'force-dynamic';

export default async function EntryImage({ params }: { params: Promise<{ country: string; month: string }> }) {
  const { country: slug, month } = await params;
  const found = await getCrisisWatchEntry(slug, month);
  // Drafts are not in a production tree, so this refuses them as it refuses unknown months.
  if (!found) notFound();
  return renderOgImage(
    {
      eyebrow: `CrisisWatch ${found.country.name}`,
      title: formatMonth(found.entry.month),
      subtitle: VERDICT_LABELS[found.entry.verdict],
    },
    { 'cache-control': CONTENT_CACHE_CONTROL },
  );
}
