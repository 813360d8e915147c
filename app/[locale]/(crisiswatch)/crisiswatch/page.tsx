import type { Metadata } from 'next';
import { MonthAcrossCountries } from '@/components/crisiswatch-month/month-across-countries';
import { getCountries } from '@/lib/content';
import { monthMetadata } from '@/lib/crisiswatch/month-metadata';
import { latestMonth, monthView } from '@/lib/crisiswatch/month-view';
import { localeOf } from '@/lib/i18n/locale-param';
import type { Locale } from '@/lib/i18n/locales';
import { messages } from '@/lib/i18n/messages';
import { pageMetadata } from '@/lib/page-metadata';
import { pathsFor } from '@/lib/paths';

type Props = { params: Promise<{ locale: string }> };

/** The latest month across countries; its canonical URL is the month's own page. */
async function getLatestMonthView(locale: Locale) {
  const countries = await getCountries(locale);
  const month = latestMonth(countries);
  return month ? monthView(countries, month, locale) : undefined;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = localeOf(await params);
  const view = await getLatestMonthView(locale);
  if (view) return monthMetadata(view, locale);
  return pageMetadata({ locale, title: 'CrisisWatch', description: messages(locale).month.indexDescription, path: pathsFor('en').months });
}

export default async function LatestMonthPage({ params }: Props) {
  const locale = localeOf(await params);
  const view = await getLatestMonthView(locale);
  if (!view) {
    return (
      <>
        <h1>CrisisWatch</h1>
        <p>{messages(locale).month.noneYet}</p>
      </>
    );
  }
  return <MonthAcrossCountries view={view} locale={locale} />;
}
