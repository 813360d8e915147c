import Link from '@/components/intent-link';
import { formatMonth, formatNumber, formatShortDate } from '@/lib/format';
import type { Locale } from '@/lib/i18n/locales';
import { messages } from '@/lib/i18n/messages';
import { pathsFor } from '@/lib/paths';
import type { SearchFilters, SearchHit, SearchResults, TextPart } from '@/lib/search';
import { SearchPagination } from './search-pagination';
import styles from './search.module.css';
import { VerdictBadge } from './verdict-badge';

type Props = {
  q: string;
  filters: SearchFilters;
  /** For naming the country filter in the result count. */
  countryName?: string;
  results: SearchResults;
  pageSize: number;
  locale: Locale;
};

export function SearchResultList({ q, filters, countryName, results, pageSize, locale }: Props) {
  const words = messages(locale).search;
  const paths = pathsFor(locale);
  const outOfRange = results.total > 0 && results.page > results.pageCount;
  return (
    <section aria-labelledby="results-heading">
      <h2 id="results-heading">{words.results}</h2>
      <p className={styles.status} role="status">
        {describe(q, filters, countryName, results, locale)}
      </p>
      {results.total === 0 && <EmptyAdvice filtered={Boolean(filters.country || filters.verdict)} q={q} noTerms={results.noTerms} locale={locale} />}
      {outOfRange && (
        <p className={styles.advice}>
          {words.noPage(results.page)}
          <Link href={paths.search({ q, ...filters })}>{words.firstPage}</Link>.
        </p>
      )}
      {results.hits.length > 0 && (
        <ol className={styles.results} start={(results.page - 1) * pageSize + 1}>
          {results.hits.map((hit) => (
            <Result key={hit.id} hit={hit} locale={locale} />
          ))}
        </ol>
      )}
      {!outOfRange && <SearchPagination page={results.page} pageCount={results.pageCount} hrefFor={(page) => paths.search({ q, ...filters }, page)} locale={locale} />}
    </section>
  );
}

function Result({ hit, locale }: { hit: SearchHit; locale: Locale }) {
  return (
    <li className={styles.result}>
      <h3>
        <Link href={hit.href} prefetch={false}>
          <Marked parts={hit.title} />
        </Link>
      </h3>
      <p className={styles.meta}>
        <span className={styles.kind}>{messages(locale).search.kinds[hit.kind]}</span>
        {hit.kind !== 'profile' && <span>{hit.country.name}</span>}
        {hit.date && <time dateTime={hit.date}>{hit.kind === 'entry' ? formatMonth(hit.date, locale) : formatShortDate(hit.date, locale)}</time>}
        {hit.verdict && <VerdictBadge verdict={hit.verdict} locale={locale} />}
        {hit.lang && <span>{messages(locale).search.inEnglish}</span>}
      </p>
      {hit.snippet.length > 0 && (
        <p className={styles.snippet} lang={hit.lang}>
          <Marked parts={hit.snippet} />
        </p>
      )}
    </li>
  );
}

/** Text with its matched words in `<mark>`: React escapes every part, so no HTML is injected. */
function Marked({ parts }: { parts: TextPart[] }) {
  return parts.map((part, index) => (part.type === 'mark' ? <mark key={index}>{part.text}</mark> : part.text));
}

function EmptyAdvice({ q, filtered, noTerms, locale }: { q: string; filtered: boolean; noTerms: boolean; locale: Locale }) {
  const words = messages(locale).search;
  if (noTerms) return <p className={styles.advice}>{words.commonWords}</p>;
  const [everywhere, instead] = words.everywhere;
  return (
    <div className={styles.advice}>
      <p>{words.advice}</p>
      <ul>
        <li>{words.spelling}</li>
        <li>{words.fewer}</li>
        {filtered && (
          <li>
            <Link href={pathsFor(locale).search({ q })}>{everywhere}</Link>
            {instead}
          </li>
        )}
      </ul>
    </div>
  );
}

function describe(q: string, filters: SearchFilters, countryName: string | undefined, results: SearchResults, locale: Locale): string {
  const words = messages(locale);
  const search = words.search;
  const scope = [countryName ? search.inCountry(countryName) : undefined, filters.verdict ? search.amongVerdict(words.verdicts.labels[filters.verdict].toLowerCase()) : undefined]
    .filter(Boolean)
    .join(', ');
  const about = search.about(q, scope);
  if (results.total === 0) return search.none(about);
  const count = search.count(formatNumber(results.total, locale), results.total === 1);
  const found = results.matchedAllWords ? search.found(count, about) : search.some(count, about);
  return results.pageCount > 1 && results.page <= results.pageCount ? search.pageOf(found, results.page, results.pageCount) : search.done(found);
}
