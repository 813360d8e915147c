import { notFound } from 'next/navigation';
import { getCountry } from '@/lib/content';
import { VERDICT_LABELS } from '@/lib/content/verdicts';
import { countryStaticParams } from '@/lib/country-file-route';
import { formatMonth } from '@/lib/format';
import { OG_SIZE, renderOgImage } from '@/lib/og/render-og-image';

export const alt = 'The country and its latest CrisisWatch verdict';
export const size = OG_SIZE;
export const contentType = 'image/png';
export const dynamicParams = false;
export const generateStaticParams = countryStaticParams;

export default async function CountryImage({ params }: { params: Promise<{ country: string }> }) {
  const country = await getCountry((await params).country);
  if (!country) notFound();
  const latest = country.entries[0];
  return renderOgImage({
    eyebrow: country.region.join(' › '),
    title: country.name,
    subtitle: latest ? `CrisisWatch ${formatMonth(latest.month)}: ${VERDICT_LABELS[latest.verdict]}` : undefined,
  });
}
