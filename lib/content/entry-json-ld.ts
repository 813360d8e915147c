import type { Settings } from '../config/settings';
import { formatMonth } from '../format';
import { countryPath, entryPath } from '../paths';
import type { Country, CrisisWatchEntry } from './load-content';
import { VERDICT_LABELS } from './verdicts';

/** schema.org Article for one CrisisWatch entry, dated by the last day its events cover. */
export function entryJsonLd(country: Country, entry: CrisisWatchEntry, site: Pick<Settings, 'SITE_URL' | 'SITE_NAME'>) {
  const url = `${site.SITE_URL}${entryPath(country.slug, entry.month)}`;
  return {
    '@context': 'https://schema.org',
    '@type': 'Article',
    headline: `CrisisWatch ${country.name}, ${formatMonth(entry.month)}: ${VERDICT_LABELS[entry.verdict]}`,
    description: entry.lead,
    datePublished: entry.period.to,
    dateModified: entry.period.to,
    url,
    mainEntityOfPage: url,
    image: `${url}/opengraph-image`,
    inLanguage: 'en',
    about: { '@type': 'Country', name: country.name, url: `${site.SITE_URL}${countryPath(country.slug)}` },
    publisher: { '@type': 'Organization', name: site.SITE_NAME, url: site.SITE_URL },
    temporalCoverage: `${entry.period.from}/${entry.period.to}`,
  };
}
