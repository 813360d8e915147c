import { getSettings } from '@/lib/config/settings';
import { getHistoryRows, historyToJson } from '@/lib/content/history-data';
import { countryFileRoute, dataFileStaticParams } from '@/lib/country-file-route';

export const dynamic = 'force-static';
export const dynamicParams = false;
export const generateStaticParams = dataFileStaticParams;

export const GET = countryFileRoute((country) => ({
  body: historyToJson(country, getHistoryRows(country, getSettings().SITE_URL)),
  contentType: 'application/json; charset=utf-8',
}));
