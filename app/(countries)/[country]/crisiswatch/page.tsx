import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CrisisWatchArchive } from '@/components/crisiswatch-archive';
import { getCountry } from '@/lib/content';
import { countryStaticParams } from '@/lib/country-file-route';
import { pageYearLabels, paginate } from '@/lib/content/archive';
import { archiveMetadata } from '@/lib/content/archive-metadata';
import { archivePath } from '@/lib/paths';

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
  return (
    <CrisisWatchArchive
      country={country}
      paged={paged}
      filter={{}}
      errors={[]}
      hrefFor={(page) => archivePath(country.slug, page)}
      pageLabels={pageYearLabels(country.entries)}
    />
  );
}
