import type { PlacedLabel } from '@/lib/maps/place-labels';
import styles from './maps.module.css';

/**
 * A map's names, as HTML over the drawing rather than SVG text: set in CSS pixels, they stay
 * 12 px or more however small a phone draws the map (lib/maps/label-scale.ts places them for the
 * narrowest drawing). Hidden from assistive technology: the map's own words say the same.
 */
export function MapLabels({ labels, width, height }: { labels: readonly (PlacedLabel & { kind?: 'country' | 'neighbour' })[]; width: number; height: number }) {
  return (
    <div className={styles.labels} aria-hidden="true">
      {labels.map((label) => (
        <span
          key={label.text}
          className={label.kind === 'country' ? styles.countryLabel : styles.label}
          style={{ left: `${percent(label.x, width)}%`, top: `${percent(label.y, height)}%` }}
        >
          {label.text}
        </span>
      ))}
    </div>
  );
}

const percent = (value: number, of: number) => Math.round((value / of) * 1000) / 10;
