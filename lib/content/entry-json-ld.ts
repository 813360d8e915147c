import type { Settings } from '../config/settings';
import { formatMonth } from '../format';
import type { Locale } from '../i18n/locales';
import { messages } from '../i18n/messages';
import { pathsFor } from '../paths';
import type { Country, CrisisWatchEntry } from './load-content';

/**
 * schema.org Article for one CrisisWatch entry on its page in `locale`, dated by the last day its
 * events cover. `inLanguage` is the text's own language: an entry not translated yet is English
 * on a French page (`entry.lang`, from localize.ts).
 */
export function entryJsonLd(country: Country, entry: CrisisWatchEntry, site: Pick<Settings, 'SITE_URL' | 'SITE_NAME'>, locale: Locale) {
  const paths = pathsFor(locale);
  const t = messages(locale);
  const url = `${site.SITE_URL}${paths.entry(country.slug, entry.month)}`;
  return {
    '@context': 'https://schema.org',
    '@type': 'Article',
    headline: t.entry.headline(country.name, formatMonth(entry.month, locale), t.verdicts.labels[entry.verdict]),
    description: entry.lead,
    datePublished: entry.period.to,
    dateModified: entry.period.to,
    url,
    mainEntityOfPage: url,
    image: `${url}/opengraph-image`,
    inLanguage: entry.lang ?? locale,
    about: { '@type': 'Country', name: country.name, url: `${site.SITE_URL}${paths.country(country.slug)}` },
    publisher: { '@type': 'Organization', name: site.SITE_NAME, url: site.SITE_URL },
    temporalCoverage: `${entry.period.from}/${entry.period.to}`,
  };
}
