import Link from '@/components/intent-link';
import type { Locale } from '@/lib/i18n/locales';
import { messages } from '@/lib/i18n/messages';
import { pathsFor } from '@/lib/paths';

/** Beside the results: how the search reads a query, and the ways to browse instead. */
export function SearchTips({ locale }: { locale: Locale }) {
  const words = messages(locale);
  const paths = pathsFor(locale);
  const [countries, byRegion] = words.search.browseCountries;
  const [months, acrossCountries] = words.search.browseMonths;
  return (
    <aside className="side-column search-tips" aria-labelledby="search-tips-heading">
      <h2 id="search-tips-heading">{words.search.tipsHeading}</h2>
      <ul>
        {words.search.tips.map((tip) => (
          <li key={tip}>{tip}</li>
        ))}
      </ul>
      <h2>{words.search.browseHeading}</h2>
      <ul>
        <li>
          <Link href={paths.countries}>{countries}</Link>
          {byRegion}
        </li>
        <li>
          <Link href={paths.months}>{months}</Link>
          {acrossCountries}
        </li>
        <li>
          <Link href={paths.verdictsGuide}>{words.verdicts.guideLink}</Link>
        </li>
      </ul>
    </aside>
  );
}
