import { geoArea, geoCentroid, geoDistance } from 'd3-geo';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import type { CountryShape } from './world-atlas';

/**
 * The part of a country a close-up should frame: its largest piece and the pieces near it.
 * France's shape includes French Guiana and the United States' includes Alaska and Hawaii;
 * fitting a view to all of them would show half the world and no country in particular.
 */
export function mainPartOf(shape: CountryShape): Feature<Polygon | MultiPolygon> {
  if (shape.geometry.type === 'Polygon') return shape;
  const pieces = shape.geometry.coordinates.map((rings) => {
    const polygon: Polygon = { type: 'Polygon', coordinates: rings };
    return { rings, area: geoArea(polygon), centre: geoCentroid(polygon), radius: radiusOf(polygon) };
  });
  const largest = pieces.reduce((a, b) => (b.area > a.area ? b : a));
  const reach = Math.max(largest.radius * 1.5, 0.1);
  const kept = pieces.filter((piece) => geoDistance(largest.centre, piece.centre) <= reach);
  return { type: 'Feature', properties: shape.properties, geometry: { type: 'MultiPolygon', coordinates: kept.map((piece) => piece.rings) } };
}

function radiusOf(polygon: Polygon): number {
  const centre = geoCentroid(polygon);
  let radius = 0;
  for (const ring of polygon.coordinates) for (const point of ring as Position[]) radius = Math.max(radius, geoDistance(centre, [point[0]!, point[1]!]));
  return radius;
}
