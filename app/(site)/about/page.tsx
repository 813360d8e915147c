import { AboutPage } from '@/components/about-page';
import { getSettings } from '@/lib/config/settings';
import { getCountries } from '@/lib/content';
import { pageMetadata } from '@/lib/page-metadata';
import { ABOUT_PATH } from '@/lib/paths';

export const metadata = pageMetadata({
  title: 'About the site and its sources',
  description: 'Who publishes the site, where its profiles, CrisisWatch entries and quotes come from, and how verdicts are decided.',
  path: ABOUT_PATH,
});

export default async function About() {
  return <AboutPage siteName={getSettings().SITE_NAME} countries={await getCountries()} />;
}
