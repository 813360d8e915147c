import type { Metadata } from 'next';
import Link from '@/components/intent-link';
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
import { localeOf } from '@/lib/i18n/locale-param';
import { messages } from '@/lib/i18n/messages';
import { pathsFor } from '@/lib/paths';
import { JsonLd } from '@/components/json-ld';
import { DraftBanner } from '@/components/draft-banner';
import { FirstPublished } from '@/components/first-published';
import { LatestUpdates } from '@/components/latest-updates';
import { SubscribeSection } from '@/components/subscribe-section';
import { getLatestUpdates } from '@/lib/content/latest-updates';
import { TextLanguage } from '@/components/text-language';

type Props = { params: Promise<{ locale: string; country: string; month: string }> };

// The latest months are prerendered; an older one is rendered on its first request and kept (lib/content/prerender-window.ts).
export const dynamicParams = true;

export const generateStaticParams = entryStaticParams;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const resolved = await params;
  const locale = localeOf(resolved);
  const found = await getCrisisWatchEntry(resolved.country, resolved.month, locale);
  if (!found) return {};
  const { country, entry } = found;
  const path = pathsFor('en').entry(country.slug, entry.month);
  return pageMetadata({
    locale,
    title: messages(locale).entry.title(country.name, formatMonth(entry.month, locale)),
    description: entry.lead,
    path,
    type: 'article',
    publishedTime: entry.period.to,
    feed: country,
    image: `${path}/opengraph-image`,
  });
}

export default async function CrisisWatchEntryPage({ params }: Props) {
  const resolved = await params;
  const locale = localeOf(resolved);
  const found = await getCrisisWatchEntry(resolved.country, resolved.month, locale);
  if (!found) notFound();
  const { country, entry, previous, next } = found;
  const words = messages(locale).entry;
  const paths = pathsFor(locale);
  const here = paths.entry(country.slug, entry.month);
  const url = new URL(here, getSettings().SITE_URL).toString();
  const month = formatMonth(entry.month, locale);
  const [eventsFrom, from, eventsTo, to] = words.period(formatLongDate(entry.period.from, locale), formatLongDate(entry.period.to, locale));
  return (
    <div className="with-aside">
      <article className="entry">
        {entry.draft && <DraftBanner locale={locale} />}
        <JsonLd data={entryJsonLd(country, entry, getSettings(), locale)} />
        <Breadcrumb
          locale={locale}
          trail={[...regionTrail(country.region, locale), { label: country.name, href: paths.country(country.slug) }, { label: 'CrisisWatch', href: paths.archive(country.slug) }]}
        />
        <h1>{words.heading(country.name, month)}</h1>
        <p className="period">
          {eventsFrom}
          <time dateTime={entry.period.from}>{from}</time>
          {eventsTo}
          <time dateTime={entry.period.to}>{to}</time>
        </p>
        <VerdictSummary month={entry.month} verdict={entry.verdict} alerts={entry.alerts} locale={locale} />
        <TextLanguage text={entry} locale={locale}>
          <p className="lead">{entry.lead}</p>
          <div className="prose" dangerouslySetInnerHTML={{ __html: entry.html }} />
        </TextLanguage>
        <FirstPublished url={entry.source_url} date={entry.published} locale={locale} />
        <nav className="entry-nav" aria-label={words.navigation}>
          <ul>
            {previous && (
              <li>
                <Link href={paths.entry(country.slug, previous.month)} rel="prev">
                  <span aria-hidden="true">← </span>
                  {words.previous(formatMonth(previous.month, locale))}
                </Link>
              </li>
            )}
            {next && (
              <li>
                <Link href={paths.entry(country.slug, next.month)} rel="next">
                  {words.next(formatMonth(next.month, locale))}
                  <span aria-hidden="true"> →</span>
                </Link>
              </li>
            )}
            <li>
              <Link href={paths.archive(country.slug)}>{words.allMonths}</Link>
            </li>
            <li>
              <Link href={paths.month(entry.month)}>{words.acrossCountries(month)}</Link>
            </li>
            <li>
              <Link href={paths.country(country.slug)}>{words.backTo(country.name)}</Link>
            </li>
          </ul>
        </nav>
        <p className="print-only">{words.printedFrom(url)}</p>
      </article>
      <div className="side-column">
        <LatestUpdates updates={getLatestUpdates(country, locale, { except: here })} locale={locale} />
        <SubscribeSection country={country.slug} locale={locale} />
      </div>
    </div>
  );
}
