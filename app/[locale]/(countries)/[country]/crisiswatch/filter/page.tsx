import type { Metadata } from 'next';
import { CrisisWatchArchive } from '@/components/crisiswatch-archive';
import { NotFoundText } from '@/components/not-found-text';
import { getCountry } from '@/lib/content';
import { archivePageCount, filterEntries, pageYearLabels, paginate, parseArchiveQuery } from '@/lib/content/archive';
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
  if (!country) return { title: messages(locale).notFound.title, robots: { index: false } };
  return { ...archiveMetadata(country, 1, locale), title: messages(locale).archive.filteredTitle(country.name), robots: { index: false, follow: true } };
}

export default async function FilteredArchivePage({ params, searchParams }: Props) {
  const resolved = await params;
  const locale = localeOf(resolved);
  const country = await getCountry(resolved.country, locale);
  // A country the site does not have: proxy.ts answers this with 404 (a notFound() thrown here would
  // be Next's script-drawn error shell, see not-found.tsx).
  if (!country) return <NotFoundText locale={locale} />;
  const query = parseArchiveQuery(await searchParams, locale);
  if (!query.ok) return <CrisisWatchArchive country={country} filter={{}} chosen={query.chosen} errors={query.errors} hrefFor={() => ''} locale={locale} />;
  const matching = filterEntries(country.entries, query.filter);
  // A page past the end (an old link, a hand-edited address) shows the last page and says so:
  // a notFound() thrown from a page renders as Next's script-drawn error shell (see not-found.tsx).
  const lastPage = archivePageCount(matching.length);
  const beyond = query.page > lastPage;
  const paged = paginate(matching, Math.min(query.page, lastPage))!;
  return (
    <CrisisWatchArchive
      country={country}
      paged={paged}
      filter={query.filter}
      errors={beyond ? [{ field: 'page', message: messages(locale).archive.pageBeyond(query.page, lastPage) }] : []}
      hrefFor={(page) => pathsFor(locale).filteredArchive(country.slug, query.filter, page)}
      pageLabels={pageYearLabels(matching)}
      locale={locale}
    />
  );
}
