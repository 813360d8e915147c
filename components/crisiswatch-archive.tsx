import type { Country, CrisisWatchEntry } from '@/lib/content';
import { isFiltered, pageYearLabels, type ArchiveChoice, type ArchiveFilter, type Paged } from '@/lib/content/archive';
import { getVerdictHistory } from '@/lib/content/verdict-history';
import { VERDICT_LABELS } from '@/lib/content/verdicts';
import { regionTrail } from '@/lib/countries/region-trail';
import { formatMonth } from '@/lib/format';
import { archivePath, countryFeedPath, countryPath, filteredArchivePath, historyDataPath } from '@/lib/paths';
import { ArchiveFilterForm } from './archive-filter-form';
import { ArchiveList } from './archive-list';
import { Breadcrumb } from './breadcrumb';
import { Pagination } from './pagination';
import { VerdictTimeline } from './verdict-timeline';

type Props = {
  country: Country;
  /** Undefined when the query was invalid: the form explains, the list stays empty. */
  paged?: Paged<CrisisWatchEntry>;
  filter: ArchiveFilter;
  /** What the reader chose, shown again by the form (even when it could not be applied). */
  chosen?: ArchiveChoice;
  errors: { field: string; message: string }[];
  hrefFor: (page: number) => string;
  /** The years each page holds, for its link. */
  pageLabels?: readonly string[];
};

/**
 * A country's every month: the list (filter, months, pages by year) in the reading column, the
 * verdict history beside it on a wide screen (after it on a phone).
 */
export function CrisisWatchArchive({ country, paged, filter, chosen, errors, hrefFor, pageLabels }: Props) {
  const years = [...new Set(country.entries.map((entry) => Number(entry.month.slice(0, 4))))].sort((a, b) => b - a);
  return (
    <div className="with-aside archive">
      <article>
        <Breadcrumb trail={[...regionTrail(country.region), { label: country.name, href: countryPath(country.slug) }, { label: 'CrisisWatch' }]} />
        <h1>CrisisWatch {country.name}: every month</h1>
        <section aria-labelledby="months-heading" className="archive-months">
          <h2 id="months-heading">Months, newest first</h2>
          <ArchiveFilterForm
            action={filteredArchivePath(country.slug, {})}
            years={years}
            chosen={chosen ?? choiceOf(filter)}
            errors={errors}
            clearHref={archivePath(country.slug)}
          />
          {paged && (
            <>
              <p className="archive-count" role="status">
                {describeResults(paged, filter)}
              </p>
              <ArchiveList country={country.slug} entries={paged.items} />
              <Pagination page={paged.page} pageCount={paged.pageCount} hrefFor={hrefFor} label="Archive pages" pageLabels={pageLabels} />
            </>
          )}
        </section>
      </article>
      <div className="side-column">
        <section aria-labelledby="history-heading" className="archive-history">
          <h2 id="history-heading">Verdict history</h2>
          <VerdictTimeline history={getVerdictHistory(country)} headingId="history-heading" />
          <p className="data-links">
            Download the verdicts as a spreadsheet (<a href={historyDataPath(country.slug, 'csv')}>CSV</a>) or as{' '}
            <a href={historyDataPath(country.slug, 'json')}>JSON</a>, or follow {country.name} in a feed reader (
            <a href={countryFeedPath(country.slug)}>Atom feed</a>).
          </p>
        </section>
      </div>
    </div>
  );
}

/** The whole archive, unfiltered, at one of its pages (`/<country>/crisiswatch`, `/page/N`). */
export function UnfilteredArchive({ country, paged }: { country: Country; paged: Paged<CrisisWatchEntry> }) {
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

const choiceOf = (filter: ArchiveFilter): ArchiveChoice => ({ verdict: filter.verdict, from: filter.from?.toString(), to: filter.to?.toString() });

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
