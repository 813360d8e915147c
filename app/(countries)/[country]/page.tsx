import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Breadcrumb } from '@/components/breadcrumb';
import { CrisisWatchSummary } from '@/components/crisiswatch-summary';
import { FirstPublished } from '@/components/first-published';
import { LatestUpdates } from '@/components/latest-updates';
import { LocatorMap } from '@/components/maps/locator-map';
import { QuotesCarousel } from '@/components/quotes-carousel';
import { SubscribeSection } from '@/components/subscribe-section';
import { VerdictTimeline } from '@/components/verdict-timeline';
import { getCountry } from '@/lib/content';
import { countryStaticParams } from '@/lib/country-file-route';
import { regionTrail } from '@/lib/countries/region-trail';
import { toQuoteSlides } from '@/lib/content/quote-slides';
import { getLatestUpdates } from '@/lib/content/latest-updates';
import { getVerdictHistory } from '@/lib/content/verdict-history';
import { truncateText } from '@/lib/format';
import { pageMetadata } from '@/lib/page-metadata';
import { archivePath, countryPath } from '@/lib/paths';

type Props = { params: Promise<{ country: string }> };

export const dynamicParams = false;

export const generateStaticParams = countryStaticParams;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const country = await getCountry((await params).country);
  if (!country) return {};
  return pageMetadata({
    title: `${country.name}: profile, CrisisWatch and expert views`,
    description: truncateText(country.profileExcerpt, 200),
    path: countryPath(country.slug),
    feed: country,
    image: `${countryPath(country.slug)}/opengraph-image`,
  });
}

export default async function CountryPage({ params }: Props) {
  const country = await getCountry((await params).country);
  if (!country) notFound();
  const [latest] = country.entries;
  return (
    <div className="with-aside">
      {/* What a reader comes for first: the latest verdict and what happened; then the standing profile. */}
      <article className="country">
        <Breadcrumb trail={[...regionTrail(country.region), { label: country.name }]} />
        <h1>{country.name}</h1>
        {latest ? <CrisisWatchSummary country={country} entry={latest} /> : <p>No CrisisWatch entry has been published yet.</p>}
        <section aria-labelledby="profile-heading" className="profile">
          <h2 id="profile-heading">Profile</h2>
          <div className="profile-columns">
            <div>
              <div className="prose" dangerouslySetInnerHTML={{ __html: country.profileHtml }} />
              <FirstPublished url={country.source_url} />
            </div>
            <LocatorMap name={country.name} iso3166={country.iso3166} />
          </div>
        </section>
        {latest && (
          <section aria-labelledby="history-heading">
            <h2 id="history-heading">Verdict history</h2>
            <VerdictTimeline history={getVerdictHistory(country)} headingId="history-heading" />
            <p>
              <Link href={archivePath(country.slug)}>All CrisisWatch months for {country.name}</Link>
            </p>
          </section>
        )}
        <QuotesCarousel heading="In The News" slides={toQuoteSlides(country.quotes)} />
      </article>
      {/* Beside the profile on a wide screen, after it on a narrow one. */}
      <div className="side-column">
        <LatestUpdates updates={getLatestUpdates(country)} />
        <SubscribeSection country={country.slug} />
      </div>
    </div>
  );
}
