import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { MonthAcrossCountries } from '@/components/crisiswatch-month/month-across-countries';
import { getCountries } from '@/lib/content';
import { monthMetadata } from '@/lib/crisiswatch/month-metadata';
import { monthStaticParams } from '@/lib/crisiswatch/month-static-params';
import { monthView } from '@/lib/crisiswatch/month-view';
import { localeOf } from '@/lib/i18n/locale-param';

type Props = { params: Promise<{ locale: string; month: string }> };

// The latest months are prerendered; an older one is rendered on its first request and kept (lib/content/prerender-window.ts).
export const dynamicParams = true;

export const generateStaticParams = monthStaticParams;

async function load(params: Props['params']) {
  const resolved = await params;
  const locale = localeOf(resolved);
  const view = monthView(await getCountries(locale), resolved.month, locale);
  return view && { view, locale };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await load(params);
  return found ? monthMetadata(found.view, found.locale) : {};
}

export default async function MonthPage({ params }: Props) {
  const found = await load(params);
  if (!found) notFound();
  return <MonthAcrossCountries view={found.view} locale={found.locale} />;
}
