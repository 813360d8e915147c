import Link from 'next/link';
import type { Verdict } from '@/lib/content/schemas';
import { VERDICT_LABELS } from '@/lib/content/verdicts';
import { formatMonth, formatShortDate } from '@/lib/format';
import { searchPath } from '@/lib/paths';
import type { SearchFilters, SearchHit, SearchKind, SearchResults, TextPart } from '@/lib/search';
import { SearchPagination } from './search-pagination';
import styles from './search.module.css';
import { VerdictBadge } from './verdict-badge';

const KIND_LABELS: Record<SearchKind, string> = { profile: 'Country profile', entry: 'CrisisWatch month', quote: 'Quote' };

type Props = {
  q: string;
  filters: SearchFilters;
  /** For naming the country filter in the result count. */
  countryName?: string;
  results: SearchResults;
  pageSize: number;
};

export function SearchResultList({ q, filters, countryName, results, pageSize }: Props) {
  const outOfRange = results.total > 0 && results.page > results.pageCount;
  return (
    <section aria-labelledby="results-heading">
      <h2 id="results-heading">Results</h2>
      <p className={styles.status} role="status">
        {describe(q, filters, countryName, results)}
      </p>
      {results.total === 0 && <EmptyAdvice filtered={Boolean(filters.country || filters.verdict)} q={q} noTerms={results.noTerms} />}
      {outOfRange && (
        <p className={styles.advice}>
          There is no page {results.page}. <Link href={searchPath({ q, ...filters })}>Go to the first page of results</Link>.
        </p>
      )}
      {results.hits.length > 0 && (
        <ol className={styles.results} start={(results.page - 1) * pageSize + 1}>
          {results.hits.map((hit) => (
            <Result key={hit.id} hit={hit} />
          ))}
        </ol>
      )}
      {!outOfRange && <SearchPagination page={results.page} pageCount={results.pageCount} hrefFor={(page) => searchPath({ q, ...filters }, page)} />}
    </section>
  );
}

function Result({ hit }: { hit: SearchHit }) {
  return (
    <li className={styles.result}>
      <h3>
        <Link href={hit.href} prefetch={false}>
          <Marked parts={hit.title} />
        </Link>
      </h3>
      <p className={styles.meta}>
        <span className={styles.kind}>{KIND_LABELS[hit.kind]}</span>
        {hit.kind !== 'profile' && <span>{hit.country.name}</span>}
        {hit.date && <time dateTime={hit.date}>{hit.kind === 'entry' ? formatMonth(hit.date) : formatShortDate(hit.date)}</time>}
        {hit.verdict && <VerdictBadge verdict={hit.verdict} />}
      </p>
      {hit.snippet.length > 0 && (
        <p className={styles.snippet}>
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

function EmptyAdvice({ q, filtered, noTerms }: { q: string; filtered: boolean; noTerms: boolean }) {
  if (noTerms) {
    return <p className={styles.advice}>Words as common as “the” or “and” are not searched: add a name, a place or a month.</p>;
  }
  return (
    <div className={styles.advice}>
      <p>Some ways to find what you are looking for:</p>
      <ul>
        <li>Check the spelling, or try another word for the same thing.</li>
        <li>Use fewer words, or more general ones: a country, a place, a month such as “February 2023”.</li>
        {filtered && (
          <li>
            <Link href={searchPath({ q })}>Search every country and verdict</Link> instead.
          </li>
        )}
      </ul>
    </div>
  );
}

function describe(q: string, filters: SearchFilters, countryName: string | undefined, results: SearchResults): string {
  const scope = [countryName ? `in ${countryName}` : undefined, filters.verdict ? `among months of ${verdictWords(filters.verdict)}` : undefined]
    .filter(Boolean)
    .join(', ');
  const about = `for “${q}”${scope ? ` ${scope}` : ''}`;
  if (results.total === 0) return `No results ${about}.`;
  const count = `${results.total.toLocaleString('en-GB')} ${results.total === 1 ? 'result' : 'results'}`;
  const found = results.matchedAllWords ? `${count} ${about}` : `No result has every word; ${count} ${about} have some of them`;
  return results.pageCount > 1 && results.page <= results.pageCount ? `${found}; page ${results.page} of ${results.pageCount}.` : `${found}.`;
}

const verdictWords = (verdict: Verdict) => VERDICT_LABELS[verdict].toLowerCase();
