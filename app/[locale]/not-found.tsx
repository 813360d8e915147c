import type { Metadata } from 'next';
import { locale as localeParam } from 'next/root-params';
import { NotFoundText } from '@/components/not-found-text';
import { SiteFrame } from '@/components/site-frame';
import { DEFAULT_LOCALE, isLocale } from '@/lib/i18n/locales';
import { messages } from '@/lib/i18n/messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: messages(await currentLocale()).notFound.title, robots: { index: false } };
}

/** The page's language, read from the root segment (a not-found page gets no params). */
async function currentLocale() {
  const value: unknown = await localeParam();
  return typeof value === 'string' && isLocale(value) ? value : DEFAULT_LOCALE;
}

/** Shown inside the root layout only, so it brings the header and main region itself. */
export default async function NotFound() {
  const locale = await currentLocale();
  return (
    <SiteFrame locale={locale}>
      <NotFoundText locale={locale} />
    </SiteFrame>
  );
}
