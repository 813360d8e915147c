import type { Metadata } from 'next';
import { pageMetadata } from '../page-metadata';
import { archivePath } from '../paths';
import type { Country } from './load-content';

export function archiveMetadata(country: Country, page: number): Metadata {
  const pageSuffix = page > 1 ? `, page ${page}` : '';
  return pageMetadata({
    title: `CrisisWatch ${country.name}: every month${pageSuffix}`,
    description: `Every monthly CrisisWatch verdict and entry on ${country.name}, newest first, with the verdict history at a glance.`,
    path: archivePath(country.slug, page),
    feed: country,
  });
}
