import type { Metadata } from 'next';
import Link from '@/components/intent-link';
import { notFound } from 'next/navigation';
import { Breadcrumb } from '@/components/breadcrumb';
import { CrisisWatchSummary } from '@/components/crisiswatch-summary';
import { FirstPublished } from '@/components/first-published';
import { LatestUpdates } from '@/components/latest-updates';
import { LocatorMap } from '@/components/maps/locator-map';
import { QuotesCarousel } from '@/components/quotes-carousel';
import { SubscribeSection } from '@/components/subscribe-section';
import { TextLanguage } from '@/components/text-language';
import { VerdictTimeline } from '@/components/verdict-timeline';
import { getCountry } from '@/lib/content';
import { countryStaticParams } from '@/lib/country-file-route';
import { regionTrail } from '@/lib/countries/region-trail';
import { carouselWords, toQuoteSlides } from '@/lib/content/quote-slides';
import { getLatestUpdates } from '@/lib/content/latest-updates';
import { getVerdictHistory } from '@/lib/content/verdict-history';
import { truncateText } from '@/lib/format';
import { localeOf } from '@/lib/i18n/locale-param';
import { messages } from '@/lib/i18n/messages';
import { pageMetadata } from '@/lib/page-metadata';
import { pathsFor } from '@/lib/paths';

type Props = { params: Promise<{ locale: string; country: string }> };

export const dynamicParams = false;

export const generateStaticParams = countryStaticParams;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const resolved = await params;
  const locale = localeOf(resolved);
  const country = await getCountry(resolved.country, locale);
  if (!country) return {};
  const english = pathsFor('en');
  return pageMetadata({
    locale,
    title: messages(locale).country.title(country.name),
    description: truncateText(country.profileExcerpt, 200),
    path: english.country(country.slug),
    feed: country,
    image: `${english.country(country.slug)}/opengraph-image`,
  });
}

export default async function CountryPage({ params }: Props) {
  const resolved = await params;
  const locale = localeOf(resolved);
  const country = await getCountry(resolved.country, locale);
  if (!country) notFound();
  const words = messages(locale).country;
  const [latest] = country.entries;
  return (
    <div className="with-aside">
      {/* What a reader comes for first: the latest verdict and what happened; then the standing profile. */}
      <article className="country">
        <Breadcrumb locale={locale} trail={[...regionTrail(country.region, locale), { label: country.name }]} />
        <h1>{country.name}</h1>
        {latest ? <CrisisWatchSummary country={country} entry={latest} locale={locale} /> : <p>{words.noEntry}</p>}
        <section aria-labelledby="profile-heading" className="profile">
          <h2 id="profile-heading">{words.profile}</h2>
          <div className="profile-columns">
            <div>
              <TextLanguage text={country} locale={locale}>
                <div className="prose" dangerouslySetInnerHTML={{ __html: country.profileHtml }} />
              </TextLanguage>
              <FirstPublished url={country.source_url} locale={locale} />
            </div>
            <LocatorMap name={country.name} iso3166={country.iso3166} locale={locale} />
          </div>
        </section>
        {latest && (
          <section aria-labelledby="history-heading">
            <h2 id="history-heading">{words.history}</h2>
            <VerdictTimeline history={getVerdictHistory(country, locale)} headingId="history-heading" locale={locale} />
            <p>
              <Link href={pathsFor(locale).archive(country.slug)}>{words.allMonths(country.name)}</Link>
            </p>
          </section>
        )}
        <QuotesCarousel words={carouselWords(locale, country.quotes.length)} slides={toQuoteSlides(country.quotes, locale)} />
      </article>
      {/* Beside the profile on a wide screen, after it on a narrow one. */}
      <div className="side-column">
        <LatestUpdates updates={getLatestUpdates(country, locale)} locale={locale} />
        <SubscribeSection country={country.slug} locale={locale} />
      </div>
    </div>
  );
}
