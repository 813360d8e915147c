import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CrisisWatchSummary } from '@/components/crisiswatch-summary';
import { LatestUpdates } from '@/components/latest-updates';
import { QuotesCarousel } from '@/components/quotes-carousel';
import { SubscribeSection } from '@/components/subscribe-section';
import { getCountries, getCountry } from '@/lib/content';
import { toQuoteSlides } from '@/lib/content/quote-slides';
import { getLatestUpdates } from '@/lib/content/latest-updates';
import { truncateText } from '@/lib/format';
import { pageMetadata } from '@/lib/page-metadata';
import { countryPath } from '@/lib/paths';

type Props = { params: Promise<{ country: string }> };

export const dynamicParams = false;

export async function generateStaticParams() {
  return (await getCountries()).map((country) => ({ country: country.slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const country = await getCountry((await params).country);
  if (!country) return {};
  return pageMetadata({
    title: `${country.name}: profile, CrisisWatch and expert views`,
    description: truncateText(country.profileExcerpt, 200),
    path: countryPath(country.slug),
  });
}

export default async function CountryPage({ params }: Props) {
  const country = await getCountry((await params).country);
  if (!country) notFound();
  const [latest] = country.entries;
  return (
    <article className="country">
      <p className="region">{country.region.join(' › ')}</p>
      <h1>{country.name}</h1>
      <div className="prose profile" dangerouslySetInnerHTML={{ __html: country.profileHtml }} />
      {latest ? <CrisisWatchSummary country={country} entry={latest} /> : <p>No CrisisWatch entry has been published yet.</p>}
      <QuotesCarousel heading="In The News" slides={toQuoteSlides(country.quotes)} />
      <LatestUpdates updates={getLatestUpdates(country)} />
      <SubscribeSection country={country.slug} />
    </article>
  );
}
