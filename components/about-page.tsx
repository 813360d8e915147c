import Link from 'next/link';
import type { Country } from '@/lib/content';
import { COUNTRIES_PATH, siteFeedPath, SUBSCRIBE_PATH, VERDICTS_GUIDE_PATH } from '@/lib/paths';

const CRISISWATCH_URL = 'https://www.crisisgroup.org/crisiswatch';

/**
 * Who publishes the site, where its content comes from (each country's source as its file names
 * it), how verdicts are decided, and the ways to follow it.
 */
export function AboutPage({ siteName, countries }: { siteName: string; countries: readonly Country[] }) {
  const sourced = countries.filter((country) => country.source_url !== undefined);
  return (
    <div className="with-aside">
      <article>
        <h1>About {siteName}</h1>
        <p className="page-intro">
          {siteName} tells you where a conflict stands this month: for each country it follows, the latest CrisisWatch verdict and entry, every month
          before it, a short profile and what experts have said in the news.
        </p>
        <section aria-labelledby="sources-heading">
          <h2 id="sources-heading">Where the content comes from</h2>
          <div className="prose">
            <p>
              The country profiles, the CrisisWatch entries with their verdicts and alerts, and the experts’ quotes are the International Crisis Group’s
              public material, reproduced as Crisis Group published them. <a href={CRISISWATCH_URL}>CrisisWatch</a> is Crisis Group’s monthly conflict
              tracker. Each quote names the outlet it appeared in, and links to the article where the site has its address; an entry shows where and when
              it was first published when the site has that too.
            </p>
            {sourced.length > 0 && (
              <>
                <p>Each country’s profile comes from its page on Crisis Group’s website:</p>
                <ul>
                  {sourced.map((country) => (
                    <li key={country.slug}>
                      {country.name}: <a href={country.source_url}>{displayUrl(country.source_url!)}</a>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        </section>
        <section aria-labelledby="publisher-heading">
          <h2 id="publisher-heading">Who publishes it</h2>
          <p className="prose">
            {siteName} is not published by Crisis Group. Its editors publish each profile, month and quote as it was first published, and check every
            file before it goes online; the layout, the maps and the verdict history are the site’s own.
          </p>
        </section>
        <section aria-labelledby="verdicts-heading">
          <h2 id="verdicts-heading">How verdicts are decided</h2>
          <p className="prose">
            Verdicts and alerts are Crisis Group’s: this site adds none of its own and changes none. <Link href={VERDICTS_GUIDE_PATH}>What verdicts and
            alerts mean</Link> explains each of them and how they look on the site.
          </p>
        </section>
      </article>
      <aside className="side-column" aria-labelledby="follow-heading">
        <section className="follow-box">
          <h2 id="follow-heading">Follow the briefings</h2>
          <ul>
            <li>
              <Link href={SUBSCRIBE_PATH}>By email</Link>: each new month for the countries you choose.
            </li>
            <li>
              <a href={siteFeedPath()}>In a feed reader</a>: every briefing, as an Atom feed.
            </li>
            <li>
              <Link href={COUNTRIES_PATH}>Country by country</Link>: each country’s feed, and its verdicts as a spreadsheet.
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
