import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { UnfilteredArchive } from '@/components/crisiswatch-archive';
import { getCountry } from '@/lib/content';
import { countryStaticParams } from '@/lib/country-file-route';
import { paginate } from '@/lib/content/archive';
import { archiveMetadata } from '@/lib/content/archive-metadata';

type Props = { params: Promise<{ country: string }> };

export const dynamicParams = false;

export const generateStaticParams = countryStaticParams;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const country = await getCountry((await params).country);
  return country ? archiveMetadata(country, 1) : {};
}

export default async function ArchivePage({ params }: Props) {
  const country = await getCountry((await params).country);
  const paged = country && paginate(country.entries, 1);
  if (!country || !paged) notFound();
  return <UnfilteredArchive country={country} paged={paged} />;
}
