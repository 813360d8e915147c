import { AboutPage } from '@/components/about-page';
import { getSettings } from '@/lib/config/settings';
import { getCountries } from '@/lib/content';
import { localeOf } from '@/lib/i18n/locale-param';
import { sectionMetadata } from '@/lib/page-metadata';
import { pathsFor } from '@/lib/paths';

type Props = { params: Promise<{ locale: string }> };

export const generateMetadata = sectionMetadata('about', pathsFor('en').about);

export default async function About({ params }: Props) {
  const locale = localeOf(await params);
  return <AboutPage siteName={getSettings().SITE_NAME} countries={await getCountries(locale)} locale={locale} />;
}
