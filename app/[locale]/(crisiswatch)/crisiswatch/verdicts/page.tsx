import type { Metadata } from 'next';
import { VerdictsGuide } from '@/components/verdicts-guide';
import { localeOf } from '@/lib/i18n/locale-param';
import { messages } from '@/lib/i18n/messages';
import { pageMetadata } from '@/lib/page-metadata';
import { pathsFor } from '@/lib/paths';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = localeOf(await params);
  const words = messages(locale).guide;
  return pageMetadata({ locale, title: words.title, description: words.description, path: pathsFor('en').verdictsGuide });
}

export default async function VerdictsGuidePage({ params }: Props) {
  return <VerdictsGuide locale={localeOf(await params)} />;
}
