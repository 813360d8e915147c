import { VerdictsGuide } from '@/components/verdicts-guide';
import { pageMetadata } from '@/lib/page-metadata';
import { VERDICTS_GUIDE_PATH } from '@/lib/paths';

export const metadata = pageMetadata({
  title: 'What CrisisWatch verdicts and alerts mean',
  description: 'Deteriorated, improved or unchanged: how each month went. Conflict Risk Alert and Resolution Opportunity: what to watch for next month.',
  path: VERDICTS_GUIDE_PATH,
});

export default function VerdictsGuidePage() {
  return <VerdictsGuide />;
}
