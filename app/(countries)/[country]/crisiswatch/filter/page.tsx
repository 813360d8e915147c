import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CrisisWatchArchive } from '@/components/crisiswatch-archive';
import { getCountry } from '@/lib/content';
import { filterEntries, pageYearLabels, paginate, parseArchiveQuery } from '@/lib/content/archive';
import { archiveMetadata } from '@/lib/content/archive-metadata';
import { filteredArchivePath } from '@/lib/paths';

type Props = { params: Promise<{ country: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Filtered views are answered per request from the in-memory tree; the unfiltered archive is prerendered. */
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const country = await getCountry((await params).country);
  if (!country) return {};
  return { ...archiveMetadata(country, 1), title: `CrisisWatch ${country.name}: filtered archive`, robots: { index: false, follow: true } };
}

export default async function FilteredArchivePage({ params, searchParams }: Props) {
  const country = await getCountry((await params).country);
  if (!country) notFound();
  const query = parseArchiveQuery(await searchParams);
  if (!query.ok) return <CrisisWatchArchive country={country} filter={{}} chosen={query.chosen} errors={query.errors} hrefFor={() => ''} />;
  const matching = filterEntries(country.entries, query.filter);
  const paged = paginate(matching, query.page);
  if (!paged) notFound();
  return (
    <CrisisWatchArchive
      country={country}
      paged={paged}
      filter={query.filter}
      errors={[]}
      hrefFor={(page) => filteredArchivePath(country.slug, query.filter, page)}
      pageLabels={pageYearLabels(matching)}
    />
  );
}
