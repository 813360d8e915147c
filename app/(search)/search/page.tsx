import type { Metadata } from 'next';
import { SearchForm } from '@/components/search-form';
import { SearchResultList } from '@/components/search-results';
import { SearchTips } from '@/components/search-tips';
import { getContent } from '@/lib/content';
import { pageMetadata } from '@/lib/page-metadata';
import { SEARCH_PATH } from '@/lib/paths';
import { getSearchIndex, parseSearchQuery, SEARCH_PAGE_SIZE, searchContent } from '@/lib/search';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const DESCRIPTION = 'Search every country profile, CrisisWatch month and expert quote, with typos forgiven.';

/** Answered per request from the in-memory tree and its index (built once per loaded tree). */
export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  // Every result page names /search as its canonical page: results are endless and change with
  // the content, so engines fold them into the one search page instead of indexing each (a
  // noindex would also tell them the page itself is not to be found).
  await searchParams;
  return pageMetadata({ title: 'Search the briefings', description: DESCRIPTION, path: SEARCH_PATH });
}

export default async function SearchPage({ searchParams }: Props) {
  const tree = await getContent();
  const countries = tree.countries.map((country) => ({ slug: country.slug, name: country.name }));
  const parsed = parseSearchQuery(await searchParams, countries.map((country) => country.slug));
  const query = parsed.ok ? parsed.query : { ...parsed.query, page: 1 };
  const q = query.q ?? '';
  const filters = query.filters ?? {};
  const results = parsed.ok && q ? searchContent(getSearchIndex(tree), q, filters, query.page, SEARCH_PAGE_SIZE) : undefined;
  return (
    <div className="with-aside">
      <div>
        <h1>Search the briefings</h1>
        <SearchForm q={q} country={filters.country} verdict={filters.verdict} countries={countries} errors={parsed.ok ? [] : parsed.errors} />
        {results ? (
          <SearchResultList
            q={q}
            filters={filters}
            countryName={countries.find((country) => country.slug === filters.country)?.name}
            results={results}
            pageSize={SEARCH_PAGE_SIZE}
          />
        ) : (
          parsed.ok && <p>Search by a word or two: a country, a place, a person, or a month such as “February 2023”. Spelling mistakes are forgiven.</p>
        )}
      </div>
      <SearchTips />
    </div>
  );
}
