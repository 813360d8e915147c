import { layOutLocator } from '@/lib/maps/locator-layout';
import { MapLabels } from './map-labels';
import styles from './maps.module.css';

/**
 * Where a country is: drawn on the server from Natural Earth shapes, no script. The country is
 * filled plain in the brand colour (hatching means "deteriorated" on the site's maps), its
 * neighbours named on the map and, for every reader, in the sentence under it (which is also
 * the picture's description). Nothing without a map code.
 */
export function LocatorMap({ name, iso3166 }: { name: string; iso3166?: string }) {
  const layout = layOutLocator(name, iso3166);
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
          <title id={`${id}-title`}>{`Map of ${name} and its neighbours`}</title>
          <path className={styles.land} d={layout.land} />
          {layout.neighbours.map((neighbour) => (
            <path key={neighbour.name} className={styles.neighbour} d={neighbour.d} />
          ))}
          <path className={styles.highlight} d={layout.country} />
        </svg>
        <MapLabels labels={layout.labels} width={layout.width} height={layout.height} />
      </div>
      <figcaption id={`${id}-text`} className={styles.caption}>
        {bordersSentence(name, layout.neighbourNames)}
      </figcaption>
    </figure>
  );
}

const list = new Intl.ListFormat('en', { style: 'long', type: 'conjunction' });

function bordersSentence(name: string, neighbours: readonly string[]): string {
  if (neighbours.length === 0) return `${name} shares no land border with another country in the map data.`;
  return `${name} borders ${list.format(neighbours)}.`;
}
