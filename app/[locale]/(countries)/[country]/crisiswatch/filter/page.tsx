import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CrisisWatchArchive } from '@/components/crisiswatch-archive';
import { getCountry } from '@/lib/content';
import { filterEntries, pageYearLabels, paginate, parseArchiveQuery } from '@/lib/content/archive';
import { archiveMetadata } from '@/lib/content/archive-metadata';
import { localeOf } from '@/lib/i18n/locale-param';
import { messages } from '@/lib/i18n/messages';
import { pathsFor } from '@/lib/paths';

type Props = { params: Promise<{ locale: string; country: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Filtered views are answered per request from the in-memory tree; the unfiltered archive is prerendered. */
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const resolved = await params;
  const locale = localeOf(resolved);
  const country = await getCountry(resolved.country, locale);
  if (!country) return {};
  return { ...archiveMetadata(country, 1, locale), title: messages(locale).archive.filteredTitle(country.name), robots: { index: false, follow: true } };
}

export default async function FilteredArchivePage({ params, searchParams }: Props) {
  const resolved = await params;
  const locale = localeOf(resolved);
  const country = await getCountry(resolved.country, locale);
  if (!country) notFound();
  const query = parseArchiveQuery(await searchParams, locale);
  if (!query.ok) return <CrisisWatchArchive country={country} filter={{}} chosen={query.chosen} errors={query.errors} hrefFor={() => ''} locale={locale} />;
  const matching = filterEntries(country.entries, query.filter);
  const paged = paginate(matching, query.page);
  if (!paged) notFound();
  return (
    <CrisisWatchArchive
      country={country}
      paged={paged}
      filter={query.filter}
      errors={[]}
      hrefFor={(page) => pathsFor(locale).filteredArchive(country.slug, query.filter, page)}
      pageLabels={pageYearLabels(matching)}
      locale={locale}
    />
  );
}
