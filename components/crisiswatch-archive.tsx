import type { Country, CrisisWatchEntry } from '@/lib/content';
import { isFiltered, pageYearLabels, type ArchiveChoice, type ArchiveFilter, type Paged } from '@/lib/content/archive';
import { getVerdictHistory } from '@/lib/content/verdict-history';
import { regionTrail } from '@/lib/countries/region-trail';
import { formatMonth } from '@/lib/format';
import type { Locale } from '@/lib/i18n/locales';
import { messages } from '@/lib/i18n/messages';
import { historyDataPath, pathsFor } from '@/lib/paths';
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
  locale: Locale;
};

/**
 * A country's every month: the list (filter, months, pages by year) in the reading column, the
 * verdict history beside it on a wide screen (after it on a phone).
 */
export function CrisisWatchArchive({ country, paged, filter, chosen, errors, hrefFor, pageLabels, locale }: Props) {
  const paths = pathsFor(locale);
  const words = messages(locale).archive;
  const years = [...new Set(country.entries.map((entry) => Number(entry.month.slice(0, 4))))].sort((a, b) => b - a);
  return (
    <div className="with-aside archive">
      <article>
        <Breadcrumb locale={locale} trail={[...regionTrail(country.region, locale), { label: country.name, href: paths.country(country.slug) }, { label: 'CrisisWatch' }]} />
        <h1>{words.heading(country.name)}</h1>
        <section aria-labelledby="months-heading" className="archive-months">
          <h2 id="months-heading">{words.months}</h2>
          <ArchiveFilterForm
            action={paths.filteredArchive(country.slug, {})}
            years={years}
            chosen={chosen ?? choiceOf(filter)}
            errors={errors}
            clearHref={paths.archive(country.slug)}
            locale={locale}
          />
          {paged && (
            <>
              <p className="archive-count" role="status">
                {describeResults(paged, filter, locale)}
              </p>
              <ArchiveList country={country.slug} entries={paged.items} locale={locale} />
              <Pagination page={paged.page} pageCount={paged.pageCount} hrefFor={hrefFor} label={words.pages} pageLabels={pageLabels} locale={locale} />
            </>
          )}
        </section>
      </article>
      <div className="side-column">
        <section aria-labelledby="history-heading" className="archive-history">
          <h2 id="history-heading">{messages(locale).country.history}</h2>
          <VerdictTimeline history={getVerdictHistory(country, locale)} headingId="history-heading" locale={locale} />
          <DataLinks country={country} locale={locale} />
        </section>
      </div>
    </div>
  );
}

/** The whole archive, unfiltered, at one of its pages (`/<country>/crisiswatch`, `/page/N`). */
export function UnfilteredArchive({ country, paged, locale }: { country: Country; paged: Paged<CrisisWatchEntry>; locale: Locale }) {
  return (
    <CrisisWatchArchive
      country={country}
      paged={paged}
      filter={{}}
      errors={[]}
      hrefFor={(page) => pathsFor(locale).archive(country.slug, page)}
      pageLabels={pageYearLabels(country.entries)}
      locale={locale}
    />
  );
}

/** The country's verdicts as data, and its feed: "Download the verdicts as a spreadsheet (CSV) or as JSON, …". */
function DataLinks({ country, locale }: { country: Country; locale: Locale }) {
  const [before, csv, between, json, follow, feed, after] = messages(locale).archive.data('CSV', 'JSON', messages(locale).countries.feed);
  return (
    <p className="data-links">
      {before}
      <a href={historyDataPath(country.slug, 'csv')}>{csv}</a>
      {between}
      <a href={historyDataPath(country.slug, 'json')}>{json}</a>
      {follow}
      <a href={pathsFor(locale).countryFeed(country.slug)}>{feed}</a>
      {after}
    </p>
  );
}

const choiceOf = (filter: ArchiveFilter): ArchiveChoice => ({ verdict: filter.verdict, from: filter.from?.toString(), to: filter.to?.toString() });

function describeResults(paged: Paged<CrisisWatchEntry>, filter: ArchiveFilter, locale: Locale): string {
  const words = messages(locale).archive;
  if (paged.total === 0) return words.noMatch;
  const first = paged.items[0]!;
  const last = paged.items.at(-1)!;
  const parts = [
    filter.verdict ? messages(locale).verdicts.labels[filter.verdict].toLowerCase() : undefined,
    filter.from !== undefined ? words.fromYear(filter.from) : undefined,
    filter.to !== undefined ? words.toYear(filter.to) : undefined,
  ].filter(Boolean);
  const matching = isFiltered(filter) ? words.matching(parts.join(', ')) : '';
  const months = `${words.count(paged.total)}${matching}`;
  return paged.pageCount > 1 ? `${months}${words.pageOf(paged.page, paged.pageCount, formatMonth(first.month, locale), formatMonth(last.month, locale))}` : `${months}.`;
}
