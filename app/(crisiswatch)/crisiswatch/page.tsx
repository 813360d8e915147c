import type { Metadata } from 'next';
import { MonthAcrossCountries } from '@/components/crisiswatch-month/month-across-countries';
import { getCountries } from '@/lib/content';
import { monthMetadata } from '@/lib/crisiswatch/month-metadata';
import { latestMonth, monthView } from '@/lib/crisiswatch/month-view';
import { pageMetadata } from '@/lib/page-metadata';
import { MONTH_INDEX_PATH } from '@/lib/paths';

/** The latest month across countries; its canonical URL is the month's own page. */
async function getLatestMonthView() {
  const countries = await getCountries();
  const month = latestMonth(countries);
  return month ? monthView(countries, month) : undefined;
}

export async function generateMetadata(): Promise<Metadata> {
  const view = await getLatestMonthView();
  if (view) return monthMetadata(view);
  return pageMetadata({ title: 'CrisisWatch', description: 'Every country’s CrisisWatch verdict, month by month. No entries are published yet.', path: MONTH_INDEX_PATH });
}

export default async function LatestMonthPage() {
  const view = await getLatestMonthView();
  if (!view) {
    return (
      <>
        <h1>CrisisWatch</h1>
        <p>No CrisisWatch entries are published yet.</p>
      </>
    );
  }
  return <MonthAcrossCountries view={view} />;
}
