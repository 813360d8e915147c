import { notFound } from 'next/navigation';
import { getCrisisWatchEntry } from '@/lib/content';
import { entryStaticParams } from '@/lib/country-file-route';
import { VERDICT_LABELS } from '@/lib/content/verdicts';
import { formatMonth } from '@/lib/format';
import { OG_SIZE, renderOgImage } from '@/lib/og/render-og-image';

export const alt = 'The month’s CrisisWatch verdict';
export const size = OG_SIZE;
export const contentType = 'image/png';
export const dynamicParams = false;

export const generateStaticParams = entryStaticParams;

export default async function EntryImage({ params }: { params: Promise<{ country: string; month: string }> }) {
  const { country: slug, month } = await params;
  const found = await getCrisisWatchEntry(slug, month);
  if (!found) notFound();
  return renderOgImage({
    eyebrow: `CrisisWatch ${found.country.name}`,
    title: formatMonth(found.entry.month),
    subtitle: VERDICT_LABELS[found.entry.verdict],
  });
}
