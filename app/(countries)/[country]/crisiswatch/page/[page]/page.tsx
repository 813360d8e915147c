import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { UnfilteredArchive } from '@/components/crisiswatch-archive';
import { getCountry } from '@/lib/content';
import { paginate } from '@/lib/content/archive';
import { archivePageStaticParams } from '@/lib/country-file-route';
import { archiveMetadata } from '@/lib/content/archive-metadata';

type Props = { params: Promise<{ country: string; page: string }> };

export const dynamicParams = false;

/** Page 1 lives at /<country>/crisiswatch; these are pages 2 and on, each with a stable URL. */
export const generateStaticParams = archivePageStaticParams;

async function load(params: Props['params']) {
  const { country: slug, page } = await params;
  const country = await getCountry(slug);
  const number = Number(page);
  if (!country || !Number.isInteger(number) || number < 2) return undefined;
  const paged = paginate(country.entries, number);
  return paged && { country, paged };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await load(params);
  return found ? archiveMetadata(found.country, found.paged.page) : {};
}

export default async function ArchivePageN({ params }: Props) {
  const found = await load(params);
  if (!found) notFound();
  const { country, paged } = found;
  return <UnfilteredArchive country={country} paged={paged} />;
}
