import type { Metadata } from 'next';
import type { Locale } from '../i18n/locales';
import { messages } from '../i18n/messages';
import { pageMetadata } from '../page-metadata';
import { pathsFor } from '../paths';
import type { Country } from './load-content';

export function archiveMetadata(country: Country, page: number, locale: Locale): Metadata {
  const t = messages(locale).archive;
  return pageMetadata({
    locale,
    title: page > 1 ? t.pageTitle(country.name, page) : t.title(country.name),
    description: t.description(country.name, country.entries.length),
    path: pathsFor('en').archive(country.slug, page),
    feed: country,
  });
}
