import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Breadcrumb } from '@/components/breadcrumb';
import { VerdictSummary } from '@/components/verdict-badge';
import { regionTrail } from '@/lib/countries/region-trail';
import { getCrisisWatchEntry } from '@/lib/content';
import { entryStaticParams } from '@/lib/country-file-route';
import { formatLongDate, formatMonth } from '@/lib/format';
import { pageMetadata } from '@/lib/page-metadata';
import { getSettings } from '@/lib/config/settings';
import { entryJsonLd } from '@/lib/content/entry-json-ld';
import { archivePath, countryPath, entryPath, monthPath } from '@/lib/paths';
import { JsonLd } from '@/components/json-ld';
import { DraftBanner } from '@/components/draft-banner';
import { FirstPublished } from '@/components/first-published';
import { LatestUpdates } from '@/components/latest-updates';
import { SubscribeSection } from '@/components/subscribe-section';
import { getLatestUpdates } from '@/lib/content/latest-updates';

type Props = { params: Promise<{ country: string; month: string }> };

export const dynamicParams = false;

export const generateStaticParams = entryStaticParams;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { country: slug, month } = await params;
  const found = await getCrisisWatchEntry(slug, month);
  if (!found) return {};
  const { country, entry } = found;
  return pageMetadata({
    title: `CrisisWatch ${country.name}, ${formatMonth(entry.month)}`,
    description: entry.lead,
    path: entryPath(country.slug, entry.month),
    type: 'article',
    publishedTime: entry.period.to,
    feed: country,
    image: `${entryPath(country.slug, entry.month)}/opengraph-image`,
  });
}

export default async function CrisisWatchEntryPage({ params }: Props) {
  const { country: slug, month } = await params;
  const found = await getCrisisWatchEntry(slug, month);
  if (!found) notFound();
  const { country, entry, previous, next } = found;
  const url = new URL(entryPath(country.slug, entry.month), getSettings().SITE_URL).toString();
  return (
    <div className="with-aside">
      <article className="entry">
        {entry.draft && <DraftBanner />}
        <JsonLd data={entryJsonLd(country, entry, getSettings())} />
        <Breadcrumb
          trail={[...regionTrail(country.region), { label: country.name, href: countryPath(country.slug) }, { label: 'CrisisWatch', href: archivePath(country.slug) }]}
        />
        <h1>
          CrisisWatch {country.name}: {formatMonth(entry.month)}
        </h1>
        <p className="period">
          Events from <time dateTime={entry.period.from}>{formatLongDate(entry.period.from)}</time> to{' '}
          <time dateTime={entry.period.to}>{formatLongDate(entry.period.to)}</time>
        </p>
        <VerdictSummary month={entry.month} verdict={entry.verdict} alerts={entry.alerts} />
        <p className="lead">{entry.lead}</p>
        <div className="prose" dangerouslySetInnerHTML={{ __html: entry.html }} />
        <FirstPublished url={entry.source_url} date={entry.published} />
        <nav className="entry-nav" aria-label="CrisisWatch months">
          <ul>
            {previous && (
              <li>
                <Link href={entryPath(country.slug, previous.month)} rel="prev">
                  <span aria-hidden="true">← </span>Previous month: {formatMonth(previous.month)}
                </Link>
              </li>
            )}
            {next && (
              <li>
                <Link href={entryPath(country.slug, next.month)} rel="next">
                  Next month: {formatMonth(next.month)}
                  <span aria-hidden="true"> →</span>
                </Link>
              </li>
            )}
            <li>
              <Link href={archivePath(country.slug)}>All months</Link>
            </li>
            <li>
              <Link href={monthPath(entry.month)}>{formatMonth(entry.month)} across all countries</Link>
            </li>
            <li>
              <Link href={countryPath(country.slug)}>Back to {country.name}</Link>
            </li>
          </ul>
        </nav>
        <p className="print-only">Printed from {url}</p>
      </article>
      <div className="side-column">
        <LatestUpdates updates={getLatestUpdates(country, { except: entryPath(country.slug, entry.month) })} />
        <SubscribeSection country={country.slug} />
      </div>
    </div>
  );
}
