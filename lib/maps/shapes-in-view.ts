import { geoCentroid, geoDistance } from 'd3-geo';
import type { Position } from 'geojson';
import type { MapFrame } from './fit-projection';
import type { CountryShape } from './world-atlas';

/** A spherical cap holding a shape: its centroid and the angle (radians) to its farthest point. */
type Cap = { centre: [number, number]; radius: number };
const caps = new WeakMap<CountryShape, Cap>();

/**
 * The shapes a close-up can show. Projecting and clipping all 241 of Natural Earth's shapes
 * costs about 0.4 s a map; a cap test leaves the few near the view, and the clip does the rest.
 */
export function shapesNear(shapes: readonly CountryShape[], frame: MapFrame): CountryShape[] {
  const view = viewCap(frame);
  if (!view) return [...shapes];
  return shapes.filter((shape) => {
    const cap = capOf(shape);
    return geoDistance(view.centre, cap.centre) <= view.radius + cap.radius;
  });
}

/** The cap around the frame: its centre and its corners, read back through the projection. */
export function viewCap(frame: MapFrame): Cap | undefined {
  const { projection, width, height } = frame;
  const centre = projection.invert?.([width / 2, height / 2]);
  if (!centre) return undefined;
  let radius = 0;
  for (const corner of [[0, 0], [width, 0], [0, height], [width, height]] as const) {
    const point = projection.invert?.([corner[0], corner[1]]);
    if (!point || Number.isNaN(point[0])) return undefined;
    radius = Math.max(radius, geoDistance(centre, point));
  }
  return { centre, radius };
}

function capOf(shape: CountryShape): Cap {
  let cap = caps.get(shape);
  if (!cap) {
    const centre = geoCentroid(shape);
    let radius = 0;
    const rings: Position[][] = shape.geometry.type === 'Polygon' ? shape.geometry.coordinates : shape.geometry.coordinates.flat();
    for (const ring of rings) for (const point of ring) radius = Math.max(radius, geoDistance(centre, [point[0]!, point[1]!]));
    cap = { centre, radius };
    caps.set(shape, cap);
  }
  return cap;
}
