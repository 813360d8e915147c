import type { Alert, Verdict } from './schemas';

/** The words CrisisWatch uses; the page always shows these, icons only accompany them. */
export const VERDICT_LABELS: Record<Verdict, string> = {
  deteriorated: 'Deteriorated Situation',
  improved: 'Improved Situation',
  unchanged: 'Unchanged Situation',
};

export const ALERT_LABELS: Record<Alert, string> = {
  'conflict-risk-alert': 'Conflict Risk Alert',
  'resolution-opportunity': 'Resolution Opportunity',
};
