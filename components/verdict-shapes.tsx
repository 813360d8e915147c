import type { Alert, Verdict } from '@/lib/content/schemas';

/**
 * The shapes that stand for verdicts and alerts, drawn around (0, 0) so the timeline and the
 * legend share them. Shape differs per verdict, so colour is never the only cue.
 */
export function VerdictShape({ verdict }: { verdict: Verdict }) {
  if (verdict === 'deteriorated') return <path className="shape-deteriorated" d="M-7 -5h14L0 7z" />;
  if (verdict === 'improved') return <path className="shape-improved" d="M-7 5h14L0 -7z" />;
  return <rect className="shape-unchanged" x="-7" y="-3" width="14" height="6" rx="1" />;
}

/**
 * A ring for a conflict risk alert, a diamond for a resolution opportunity; beside the verdict
 * mark in the timeline (the first alert top right, a second top left, so both show), centred in
 * a key.
 */
export function AlertShape({ alert, centred = false, second = false }: { alert: Alert; centred?: boolean; second?: boolean }) {
  const [x, y, scale] = centred ? [0, 0, 1.6] : [second ? -8 : 8, -8, 1];
  const transform = `translate(${x} ${y}) scale(${scale})`;
  if (alert === 'conflict-risk-alert') return <circle className="shape-alert" r="3.5" transform={transform} />;
  return <path className="shape-opportunity" d="M0 -4.5L4.5 0L0 4.5L-4.5 0z" transform={transform} />;
}

/** A shape on its own, for legends and badges. */
export function ShapeIcon({ children }: { children: React.ReactNode }) {
  return (
    <svg className="shape-icon" viewBox="-12 -13 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}
