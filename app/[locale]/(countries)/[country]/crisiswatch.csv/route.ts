import { getSettings } from '@/lib/config/settings';
import { getHistoryRows, historyToCsv } from '@/lib/content/history-data';
import { countryFileRoute, dataFileStaticParams } from '@/lib/country-file-route';

export const dynamic = 'force-static';
export const dynamicParams = false;
export const generateStaticParams = dataFileStaticParams;

export const GET = countryFileRoute((country) => ({
  body: historyToCsv(getHistoryRows(country, getSettings().SITE_URL)),
  contentType: 'text/csv; charset=utf-8; header=present',
  headers: { 'Content-Disposition': `inline; filename="${country.slug}-crisiswatch.csv"` },
}));
