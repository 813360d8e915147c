import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { UnfilteredArchive } from '@/components/crisiswatch-archive';
import { getCountry } from '@/lib/content';
import { laterArchivePage, paginate } from '@/lib/content/archive';
import { archivePageStaticParams } from '@/lib/country-file-route';
import { archiveMetadata } from '@/lib/content/archive-metadata';
import { localeOf } from '@/lib/i18n/locale-param';

type Props = { params: Promise<{ locale: string; country: string; page: string }> };

// The latest months are prerendered; an older one is rendered on its first request and kept (lib/content/prerender-window.ts).
export const dynamicParams = true;

/** Page 1 lives at /<country>/crisiswatch; these are pages 2 and on, each with a stable URL. */
export const generateStaticParams = archivePageStaticParams;

async function load(params: Props['params']) {
  const resolved = await params;
  const locale = localeOf(resolved);
  const country = await getCountry(resolved.country, locale);
  const number = laterArchivePage(resolved.page);
  if (!country || number === undefined) return undefined;
  const paged = paginate(country.entries, number);
  return paged && { country, paged, locale };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await load(params);
  return found ? archiveMetadata(found.country, found.paged.page, found.locale) : {};
}

export default async function ArchivePageN({ params }: Props) {
  const found = await load(params);
  if (!found) notFound();
  const { country, paged, locale } = found;
  return <UnfilteredArchive country={country} paged={paged} locale={locale} />;
}
