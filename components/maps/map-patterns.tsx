import type { Verdict } from '@/lib/content/schemas';
import styles from './maps.module.css';

/**
 * Fills that differ in texture as well as colour, so a verdict never rests on colour alone:
 * hatching for a deteriorated situation, dots for an improved one, plain for unchanged (the
 * same order of emphasis as the site's verdict shapes). Ids are prefixed per map, since a page
 * may carry more than one.
 */
export function VerdictPatterns({ prefix }: { prefix: string }) {
  return (
    <defs>
      <pattern id={patternId(prefix, 'deteriorated')} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect className={styles.fillDeteriorated} width="6" height="6" />
        <rect className={styles.texture} width="1.6" height="6" />
      </pattern>
      <pattern id={patternId(prefix, 'improved')} width="6" height="6" patternUnits="userSpaceOnUse">
        <rect className={styles.fillImproved} width="6" height="6" />
        <circle className={styles.texture} cx="3" cy="3" r="1.3" />
      </pattern>
      <pattern id={patternId(prefix, 'unchanged')} width="6" height="6" patternUnits="userSpaceOnUse">
        <rect className={styles.fillUnchanged} width="6" height="6" />
      </pattern>
    </defs>
  );
}

export function patternId(prefix: string, verdict: Verdict): string {
  return `${prefix}-${verdict}`;
}

export const fillOf = (prefix: string, verdict: Verdict) => `url(#${patternId(prefix, verdict)})`;
