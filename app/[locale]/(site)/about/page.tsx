import type { Metadata } from 'next';
import { AboutPage } from '@/components/about-page';
import { getSettings } from '@/lib/config/settings';
import { getCountries } from '@/lib/content';
import { localeOf } from '@/lib/i18n/locale-param';
import { messages } from '@/lib/i18n/messages';
import { pageMetadata } from '@/lib/page-metadata';
import { pathsFor } from '@/lib/paths';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = localeOf(await params);
  const words = messages(locale).about;
  return pageMetadata({ locale, title: words.title, description: words.description, path: pathsFor('en').about });
}

export default async function About({ params }: Props) {
  const locale = localeOf(await params);
  return <AboutPage siteName={getSettings().SITE_NAME} countries={await getCountries(locale)} locale={locale} />;
}
