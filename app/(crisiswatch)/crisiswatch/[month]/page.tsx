import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { MonthAcrossCountries } from '@/components/crisiswatch-month/month-across-countries';
import { getCountries } from '@/lib/content';
import { monthMetadata } from '@/lib/crisiswatch/month-metadata';
import { monthStaticParams } from '@/lib/crisiswatch/month-static-params';
import { monthView } from '@/lib/crisiswatch/month-view';

type Props = { params: Promise<{ month: string }> };

export const dynamicParams = false;

export const generateStaticParams = monthStaticParams;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const view = monthView(await getCountries(), (await params).month);
  return view ? monthMetadata(view) : {};
}

export default async function MonthPage({ params }: Props) {
  const view = monthView(await getCountries(), (await params).month);
  if (!view) notFound();
  return <MonthAcrossCountries view={view} />;
}
