import { layOutLocator } from '@/lib/maps/locator-layout';
import type { Locale } from '@/lib/i18n/locales';
import { formatList, messages } from '@/lib/i18n/messages';
import { MapLabels } from './map-labels';
import styles from './maps.module.css';

/**
 * Where a country is: drawn on the server from Natural Earth shapes, no script. The country is
 * filled plain in the brand colour (hatching means "deteriorated" on the site's maps), its
 * neighbours named on the map and, for every reader, in the sentence under it (which is also
 * the picture's description). Nothing without a map code.
 */
export function LocatorMap({ name, iso3166, locale }: { name: string; iso3166?: string; locale: Locale }) {
  const layout = layOutLocator(name, iso3166, locale);
  if (!layout || !iso3166) return null;
  const id = `locator-${iso3166.toLowerCase()}`;
  return (
    <figure className={styles.map}>
      <div className={styles.canvas}>
        <svg
          className={styles.svg}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          role="img"
          aria-labelledby={`${id}-title`}
          aria-describedby={`${id}-text`}
        >
          <title id={`${id}-title`}>{messages(locale).maps.locatorTitle(name)}</title>
          <path className={styles.land} d={layout.land} />
          {layout.neighbours.map((neighbour) => (
            <path key={neighbour.name} className={styles.neighbour} d={neighbour.d} />
          ))}
          <path className={styles.highlight} d={layout.country} />
        </svg>
        <MapLabels labels={layout.labels} width={layout.width} height={layout.height} />
      </div>
      <figcaption id={`${id}-text`} className={styles.caption}>
        {bordersSentence(name, layout.neighbourNames, locale)}
      </figcaption>
    </figure>
  );
}

function bordersSentence(name: string, neighbours: readonly string[], locale: Locale): string {
  const t = messages(locale).maps;
  return neighbours.length === 0 ? t.noBorders(name) : t.borders(name, formatList(locale, neighbours));
}
