import type { Metadata } from 'next';
import { SearchForm } from '@/components/search-form';
import { SearchResultList } from '@/components/search-results';
import { SearchTips } from '@/components/search-tips';
import { getContentIn } from '@/lib/content';
import { localeOf } from '@/lib/i18n/locale-param';
import { messages } from '@/lib/i18n/messages';
import { pageMetadata } from '@/lib/page-metadata';
import { pathsFor } from '@/lib/paths';
import { getSearchIndex, parseSearchQuery, SEARCH_PAGE_SIZE, searchContent } from '@/lib/search';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Answered per request from the in-memory tree and its index (built once per loaded tree and language). */
export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  // Every result page names /search as its canonical page: results are endless and change with
  // the content, so engines fold them into the one search page instead of indexing each (a
  // noindex would also tell them the page itself is not to be found).
  await searchParams;
  const locale = localeOf(await params);
  const words = messages(locale).search;
  return pageMetadata({ locale, title: words.title, description: words.description, path: pathsFor('en').search() });
}

export default async function SearchPage({ params, searchParams }: Props) {
  const locale = localeOf(await params);
  const words = messages(locale).search;
  const tree = await getContentIn(locale);
  const countries = tree.countries.map((country) => ({ slug: country.slug, name: country.name }));
  const parsed = parseSearchQuery(await searchParams, countries.map((country) => country.slug), locale);
  const query = parsed.ok ? parsed.query : { ...parsed.query, page: 1 };
  const q = query.q ?? '';
  const filters = query.filters ?? {};
  const results = parsed.ok && q ? searchContent(getSearchIndex(tree, locale), q, filters, query.page, SEARCH_PAGE_SIZE) : undefined;
  return (
    <div className="with-aside">
      <div>
        <h1>{words.heading}</h1>
        <SearchForm q={q} country={filters.country} verdict={filters.verdict} countries={countries} errors={parsed.ok ? [] : parsed.errors} locale={locale} />
        {results ? (
          <SearchResultList
            q={q}
            filters={filters}
            countryName={countries.find((country) => country.slug === filters.country)?.name}
            results={results}
            pageSize={SEARCH_PAGE_SIZE}
            locale={locale}
          />
        ) : (
          parsed.ok && <p>{words.start}</p>
        )}
      </div>
      <SearchTips locale={locale} />
    </div>
  );
}
