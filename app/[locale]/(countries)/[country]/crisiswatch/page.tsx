import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { UnfilteredArchive } from '@/components/crisiswatch-archive';
import { getCountry } from '@/lib/content';
import { countryStaticParams } from '@/lib/country-file-route';
import { paginate } from '@/lib/content/archive';
import { archiveMetadata } from '@/lib/content/archive-metadata';
import { localeOf } from '@/lib/i18n/locale-param';

type Props = { params: Promise<{ locale: string; country: string }> };

export const dynamicParams = false;

export const generateStaticParams = countryStaticParams;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const resolved = await params;
  const locale = localeOf(resolved);
  const country = await getCountry(resolved.country, locale);
  return country ? archiveMetadata(country, 1, locale) : {};
}

export default async function ArchivePage({ params }: Props) {
  const resolved = await params;
  const locale = localeOf(resolved);
  const country = await getCountry(resolved.country, locale);
  const paged = country && paginate(country.entries, 1);
  if (!country || !paged) notFound();
  return <UnfilteredArchive country={country} paged={paged} locale={locale} />;
}
