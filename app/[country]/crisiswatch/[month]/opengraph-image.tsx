import { notFound } from 'next/navigation';
import { getCountries, getCrisisWatchEntry } from '@/lib/content';
import { VERDICT_LABELS } from '@/lib/content/verdicts';
import { formatMonth } from '@/lib/format';
import { OG_SIZE, renderOgImage } from '@/lib/og/render-og-image';

export const alt = 'The month’s CrisisWatch verdict';
export const size = OG_SIZE;
export const contentType = 'image/png';
export const dynamicParams = false;

export async function generateStaticParams() {
  return (await getCountries()).flatMap((country) => country.entries.map((entry) => ({ country: country.slug, month: entry.month })));
}

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
