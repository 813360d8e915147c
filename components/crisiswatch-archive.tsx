import Link from 'next/link';
import type { Country, CrisisWatchEntry } from '@/lib/content';
import { isFiltered, type ArchiveFilter, type Paged } from '@/lib/content/archive';
import { getVerdictHistory } from '@/lib/content/verdict-history';
import { VERDICT_LABELS } from '@/lib/content/verdicts';
import { formatMonth } from '@/lib/format';
import { archivePath, countryFeedPath, countryPath, filteredArchivePath, historyDataPath } from '@/lib/paths';
import { ArchiveFilterForm } from './archive-filter-form';
import { ArchiveList } from './archive-list';
import { Pagination } from './pagination';
import { VerdictTimeline } from './verdict-timeline';

type Props = {
  country: Country;
  /** Undefined when the query was invalid: the form explains, the list stays empty. */
  paged?: Paged<CrisisWatchEntry>;
  filter: ArchiveFilter;
  errors: { field: string; message: string }[];
  hrefFor: (page: number) => string;
};

export function CrisisWatchArchive({ country, paged, filter, errors, hrefFor }: Props) {
  const years = [...new Set(country.entries.map((entry) => Number(entry.month.slice(0, 4))))].sort((a, b) => b - a);
  return (
    <article className="archive">
      <p className="region">
        <Link href={countryPath(country.slug)}>{country.name}</Link> · {country.region.join(' › ')}
      </p>
      <h1>CrisisWatch {country.name}: every month</h1>
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">Verdict history</h2>
        <VerdictTimeline history={getVerdictHistory(country)} headingId="history-heading" />
        <p className="data-links">
          Also as data: <a href={historyDataPath(country.slug, 'csv')}>CSV</a>, <a href={historyDataPath(country.slug, 'json')}>JSON</a>; or
          follow the <a href={countryFeedPath(country.slug)}>{country.name} Atom feed</a>.
        </p>
      </section>
      <section aria-labelledby="months-heading">
        <h2 id="months-heading">Months, newest first</h2>
        <ArchiveFilterForm action={filteredArchivePath(country.slug, {})} years={years} filter={filter} errors={errors} clearHref={archivePath(country.slug)} />
        {paged && (
          <>
            <p className="archive-count" role="status">
              {describeResults(paged, filter)}
            </p>
            <ArchiveList country={country.slug} entries={paged.items} />
            <Pagination page={paged.page} pageCount={paged.pageCount} hrefFor={hrefFor} label="Archive pages" />
          </>
        )}
      </section>
    </article>
  );
}

function describeResults(paged: Paged<CrisisWatchEntry>, filter: ArchiveFilter): string {
  if (paged.total === 0) return 'No month matches this filter.';
  const first = paged.items[0]!;
  const last = paged.items.at(-1)!;
  const parts = [
    filter.verdict ? VERDICT_LABELS[filter.verdict].toLowerCase() : undefined,
    filter.from !== undefined ? `from ${filter.from}` : undefined,
    filter.to !== undefined ? `to ${filter.to}` : undefined,
  ].filter(Boolean);
  const matching = isFiltered(filter) ? ` matching ${parts.join(', ')}` : '';
  const months = `${paged.total} ${paged.total === 1 ? 'month' : 'months'}${matching}`;
  return paged.pageCount > 1
    ? `${months}; page ${paged.page} of ${paged.pageCount}: ${formatMonth(first.month)} to ${formatMonth(last.month)}.`
    : `${months}.`;
}
