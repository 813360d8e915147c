import { VerdictsGuide } from '@/components/verdicts-guide';
import { localeOf } from '@/lib/i18n/locale-param';
import { sectionMetadata } from '@/lib/page-metadata';
import { pathsFor } from '@/lib/paths';

type Props = { params: Promise<{ locale: string }> };

export const generateMetadata = sectionMetadata('guide', pathsFor('en').verdictsGuide);

export default async function VerdictsGuidePage({ params }: Props) {
  return <VerdictsGuide locale={localeOf(await params)} />;
}
