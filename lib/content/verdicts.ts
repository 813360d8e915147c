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

/**
 * One look per concept, wherever it is drawn: the badge, the timeline, the maps, the table, the
 * mail and the share image all take a verdict's or an alert's shape and colour from here (the CSS
 * custom properties in app/globals.css carry the same colours). Where no SVG can be drawn (mail,
 * plain text) the shape is its text symbol. No two concepts share a shape or a colour, and every
 * colour has 4.5:1 or more against white, so it can colour text too.
 */
export type Encoding = { shape: 'triangle-down' | 'triangle-up' | 'bar' | 'ring' | 'diamond'; symbol: string; colour: string };

export const VERDICT_ENCODING: Record<Verdict, Encoding> = {
  deteriorated: { shape: 'triangle-down', symbol: '▼', colour: '#a4161a' },
  improved: { shape: 'triangle-up', symbol: '▲', colour: '#2b6a2f' },
  unchanged: { shape: 'bar', symbol: '▬', colour: '#3d4a57' },
};

export const ALERT_ENCODING: Record<Alert, Encoding> = {
  'conflict-risk-alert': { shape: 'ring', symbol: '○', colour: '#8a4b00' },
  'resolution-opportunity': { shape: 'diamond', symbol: '◆', colour: '#5b3e96' },
};
