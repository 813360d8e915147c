import { geoContains } from 'd3-geo';
import { countryNameIn } from '../i18n/country-names';
import type { Locale } from '../i18n/locales';
import { mapIdOf } from './country-codes';
import { LABEL_PX, labelUnits } from './label-scale';
import { closeUpFrame } from './fit-projection';
import { mainPartOf } from './main-part';
import { placeLabels, type PlacedLabel } from './place-labels';
import { shapesNear, viewCap } from './shapes-in-view';
import { getWorldAtlas, type CountryShape, type Detail } from './world-atlas';

/** What the locator map draws, in SVG units; plain data, so the component only writes elements. */
export type LocatorLayout = {
  width: number;
  height: number;
  /** Every other country in view, as one path. */
  land: string;
  neighbours: { name: string; d: string }[];
  country: string;
  /** The country's name first, then each neighbour's in view. */
  labels: (PlacedLabel & { kind: 'country' | 'neighbour' })[];
  /** Neighbours' names as world-atlas writes them, alphabetical, for the sentence under the map. */
  neighbourNames: string[];
};

const SIZE = { width: 560, height: 400, padding: 24, minRadius: 4 };
/** The narrowest the locator is drawn, on a phone (its max-width there, app/globals.css). */
const NARROWEST_PX = 288;
const COUNTRY_LABEL = labelUnits(LABEL_PX.country, SIZE.width, NARROWEST_PX);
const NEIGHBOUR_LABEL = labelUnits(LABEL_PX.place, SIZE.width, NARROWEST_PX);
/** Beyond about 20° across, 1:50m detail is finer than the picture and only adds bytes. */
const COARSE_VIEW_RADIUS = (20 * Math.PI) / 180;

/**
 * A country among its neighbours. The view is fitted to the country's main part, with a margin
 * that shows its neighbours' borders; neighbours are those sharing a land border in Natural
 * Earth 1:50m. Undefined when the code has no shape.
 */
export function layOutLocator(name: string, alpha3: string | undefined, locale: Locale): LocatorLayout | undefined {
  const id = mapIdOf(alpha3);
  if (id === undefined) return undefined;
  const fine = getWorldAtlas('50m');
  const frame = closeUpFrame([mainPartOf(fine.byId.get(id)!)], SIZE);
  const detail: Detail = (viewCap(frame)?.radius ?? Infinity) > COARSE_VIEW_RADIUS ? '110m' : '50m';
  const atlas = getWorldAtlas(detail);
  // A small country missing from 1:110m is drawn from 1:50m.
  const shapeOf = (shapeId: string) => atlas.byId.get(shapeId) ?? fine.byId.get(shapeId);
  const shape = shapeOf(id)!;
  const neighbourIds = new Set(fine.neighboursOf(id));
  const neighbours = [...neighbourIds]
    .map(shapeOf)
    .filter((neighbour): neighbour is CountryShape => neighbour !== undefined)
    .map((neighbour) => ({ name: countryNameIn(locale, neighbour.properties.id ?? '') ?? neighbour.properties.name, shape: neighbour, d: frame.draw(neighbour) }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
  const inView = neighbours.filter((neighbour) => neighbour.d !== '');
  const others = shapesNear(atlas.shapes, frame).filter((other) => other.properties.id !== id && !neighbourIds.has(other.properties.id ?? ''));
  const [x, y] = frame.path.centroid(mainPartOf(shape));
  // A neighbour's name never sits on the country, which carries its own.
  const onCountry = (px: number, py: number) => {
    const point = frame.projection.invert?.([px, py]);
    return point !== undefined && point !== null && geoContains(shape, point);
  };
  const labels = placeLabels(
    [
      { text: name, x, y, size: COUNTRY_LABEL },
      // Largest in view first: a big neighbour has room to give way to a small one.
      ...[...inView]
        .sort((a, b) => frame.path.area(b.shape) - frame.path.area(a.shape))
        .map((neighbour) => {
          const [nx, ny] = frame.path.centroid(neighbour.shape);
          return { text: neighbour.name, x: nx, y: ny, size: NEIGHBOUR_LABEL, keepOff: onCountry };
        }),
    ],
    frame,
  );
  return {
    width: frame.width,
    height: frame.height,
    land: others.map((other) => frame.draw(other)).join(''),
    neighbours: inView.map((neighbour) => ({ name: neighbour.name, d: neighbour.d })),
    country: frame.draw(shape),
    labels: labels.map((label, index) => ({ ...label, kind: index === 0 ? 'country' : 'neighbour' })),
    neighbourNames: neighbours.map((neighbour) => neighbour.name),
  };
}
