import { geoAzimuthalEqualArea, geoCentroid, geoCircle, geoEqualEarth, geoPath, type GeoPath, type GeoPermissibleObjects, type GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { compactPath } from './compact-path';

/**
 * A projection fitted to a picture of `width` × `height` SVG units; `path` measures (centroids,
 * areas) and `draw` writes compact path data ('' for what falls outside the picture).
 */
export type MapFrame = { width: number; height: number; projection: GeoProjection; path: GeoPath; draw: (object: GeoPermissibleObjects) => string };

function frameOf(width: number, height: number, projection: GeoProjection, decimals: 0 | 1): MapFrame {
  const path = geoPath(projection);
  return { width, height, projection, path, draw: (object) => compactPath(path(object), decimals) };
}

/**
 * The whole world in Equal Earth: areas compare truly, and continents keep their familiar shapes.
 * Whole units are precise enough at this scale.
 */
export function worldFrame(width: number): MapFrame {
  const sphere = { type: 'Sphere' } as const;
  const projection = geoEqualEarth().fitWidth(width, sphere);
  const [, [, bottom]] = geoPath(projection).bounds(sphere);
  const height = Math.ceil(bottom);
  projection.clipExtent([[0, 0], [width, height]]);
  return frameOf(width, height, projection, 0);
}

/**
 * A close-up centred on `focus`: an azimuthal equal-area projection about the focus's centre has
 * the least distortion there at any latitude (a conic's standard parallels would need choosing per
 * country). The view takes in at least `minRadius` degrees around the centre, so a small country
 * keeps its neighbours in sight, and `padding` units of margin for the neighbours' edges.
 */
export function closeUpFrame(focus: readonly Feature[], size: { width: number; height: number; padding: number; minRadius: number }): MapFrame {
  const { width, height, padding, minRadius } = size;
  const centre = geoCentroid(collection(focus));
  const reach: Feature = { type: 'Feature', properties: {}, geometry: geoCircle().center(centre).radius(minRadius)() };
  const projection = geoAzimuthalEqualArea()
    .rotate([-centre[0], -centre[1]])
    // Natural Earth 1:50m has a vertex every few kilometres: at this scale resampling adds time, not shape.
    .precision(0)
    .fitExtent([[padding, padding], [width - padding, height - padding]], collection([...focus, reach]))
    .clipExtent([[0, 0], [width, height]]);
  return frameOf(width, height, projection, 1);
}

export function collection(features: readonly Feature[]): FeatureCollection<Geometry> {
  return { type: 'FeatureCollection', features: [...features] };
}
