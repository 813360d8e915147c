import Link from '@/components/intent-link';
import type { Country } from '@/lib/content';
import type { Locale } from '@/lib/i18n/locales';
import { messages } from '@/lib/i18n/messages';
import { pathsFor } from '@/lib/paths';

const CRISISWATCH_URL = 'https://www.crisisgroup.org/crisiswatch';

/**
 * Who publishes the site, where its content comes from (each country's source as its file names
 * it), how verdicts are decided, and the ways to follow it.
 */
export function AboutPage({ siteName, countries, locale }: { siteName: string; countries: readonly Country[]; locale: Locale }) {
  const words = messages(locale).about;
  const paths = pathsFor(locale);
  const sourced = countries.filter((country) => country.source_url !== undefined);
  const [sourcesBefore, crisisWatch, sourcesAfter] = words.sources;
  const [verdictsBefore, guide, verdictsAfter] = words.verdicts;
  return (
    <div className="with-aside">
      <article>
        <h1>{words.heading(siteName)}</h1>
        <p className="page-intro">{words.intro(siteName)}</p>
        <section aria-labelledby="sources-heading">
          <h2 id="sources-heading">{words.sourcesHeading}</h2>
          <div className="prose">
            <p>
              {sourcesBefore}
              <a href={CRISISWATCH_URL}>{crisisWatch}</a>
              {sourcesAfter}
            </p>
            {sourced.length > 0 && (
              <>
                <p>{words.profilesFrom}</p>
                <ul>
                  {sourced.map((country) => (
                    <li key={country.slug}>
                      {country.name}
                      {messages(locale).language.colon}
                      <a href={country.source_url}>{displayUrl(country.source_url!)}</a>
                    </li>
                  ))}
                </ul>
              </>
            )}
            <p>{words.translations}</p>
          </div>
        </section>
        <section aria-labelledby="publisher-heading">
          <h2 id="publisher-heading">{words.publisherHeading}</h2>
          <p className="prose">{words.publisher(siteName)}</p>
        </section>
        <section aria-labelledby="verdicts-heading">
          <h2 id="verdicts-heading">{words.verdictsHeading}</h2>
          <p className="prose">
            {verdictsBefore}
            <Link href={paths.verdictsGuide}>{guide}</Link>
            {verdictsAfter}
          </p>
        </section>
      </article>
      <aside className="side-column" aria-labelledby="follow-heading">
        <section className="follow-box">
          <h2 id="follow-heading">{words.followHeading}</h2>
          <ul>
            <li>
              <Link href={paths.subscribe}>{words.byEmail[0]}</Link>
              {words.byEmail[1]}
            </li>
            <li>
              <a href={paths.siteFeed}>{words.byFeed[0]}</a>
              {words.byFeed[1]}
            </li>
            <li>
              <Link href={paths.countries}>{words.byCountry[0]}</Link>
              {words.byCountry[1]}
            </li>
          </ul>
        </section>
      </aside>
    </div>
  );
}

/** `https://www.crisisgroup.org/africa/sahel/mali` → `crisisgroup.org/africa/sahel/mali` */
function displayUrl(url: string): string {
  const { hostname, pathname } = new URL(url);
  return `${hostname.replace(/^www\./, '')}${pathname === '/' ? '' : pathname}`;
}
