import { geoBounds, geoCentroid, geoDistance } from 'd3-geo';
import type { Feature } from 'geojson';
import type { Alert, Verdict } from '@/lib/content/schemas';
import type { Locale } from '@/lib/i18n/locales';
import { verdictPhrase } from '@/lib/i18n/verdict-phrase';
import { mapIdOf } from './country-codes';
import { LABEL_PX, labelUnits } from './label-scale';
import { closeUpFrame, collection, worldFrame, type MapFrame } from './fit-projection';
import { mainPartOf } from './main-part';
import { placeLabels, type PlacedLabel } from './place-labels';
import { shapesNear, viewCap } from './shapes-in-view';
import { getWorldAtlas, type CountryShape } from './world-atlas';

/**
 * One country with an entry in the month. `region` is the country's broadest region from its
 * content (`region[0]`, such as Africa): items in different regions are drawn on the world map.
 */
export type MonthMapItem = { name: string; iso3166?: string; region?: string; verdict: Verdict; alerts: readonly Alert[]; href: string };

export type PlacedItem = MonthMapItem & {
  d: string;
  /** Where the alert signs go, and the dot drawn for a country too small to click on its own. */
  centre: [number, number];
  small: boolean;
  accessibleName: string;
};

export type MonthMapLayout = {
  scope: 'world' | 'region';
  width: number;
  height: number;
  /** Every country without an entry, as one path. */
  land: string;
  /** The outline of the globe (world maps only). */
  sphere?: string;
  items: PlacedItem[];
  labels: PlacedLabel[];
  /** Items with no map shape (no iso3166, or one Natural Earth does not draw), not drawn. */
  missing: MonthMapItem[];
};

const WIDTH = 640;
/**
 * A regional view takes in at least this many degrees around its countries: a month with one
 * country shows its part of the continent, not a close-up of that country (the locator map's job).
 */
const REGION = { width: WIDTH, height: 440, padding: 28, minRadius: 28 };
/**
 * Without regions to go by, items this far apart are taken to be on different continents, where
 * the world is the clearer picture: a box wider than Africa, or two countries farther apart than
 * Morocco and South Africa's centres.
 */
const REGION_MAX_LONGITUDES = 100;
const REGION_MAX_LATITUDES = 80;
const REGION_MAX_DISTANCE = (62 * Math.PI) / 180;
const COARSE_VIEW_RADIUS = (20 * Math.PI) / 180;
/** A country smaller than this (square SVG units) gets a dot, so it can be seen and clicked. */
const SMALL_AREA = 60;
/** The narrowest the month map is drawn: a phone's column, inside the home page's box. */
const NARROWEST_PX = 260;
const LABEL_SIZE = labelUnits(LABEL_PX.place, WIDTH, NARROWEST_PX);

/**
 * The month's countries on one map: the region around them when they are near one another,
 * the world when they are continents apart. Undefined when no item has a shape.
 */
export function layOutMonthMap(items: readonly MonthMapItem[], locale: Locale): MonthMapLayout | undefined {
  const fine = getWorldAtlas('50m');
  const missing: MonthMapItem[] = [];
  const found: { item: MonthMapItem; id: string }[] = [];
  for (const item of items) {
    const id = mapIdOf(item.iso3166);
    if (id === undefined) missing.push(item);
    else found.push({ item, id });
  }
  if (found.length === 0) return undefined;
  const focus = found.map(({ id }) => mainPartOf(fine.byId.get(id)!));
  // The content's regions decide when every item has one; otherwise the distances do.
  const regions = found.map(({ item }) => item.region);
  const named = new Set(regions.filter((region) => region !== undefined));
  const spread = named.size > 1 || (regions.includes(undefined) && isSpread(focus));
  const scope = spread ? 'world' : 'region';
  const frame: MapFrame = spread ? worldFrame(WIDTH) : closeUpFrame(focus, REGION);
  const coarse = spread || (viewCap(frame)?.radius ?? Infinity) > COARSE_VIEW_RADIUS;
  const atlas = coarse ? getWorldAtlas('110m') : fine;
  const shapeOf = (id: string): CountryShape => atlas.byId.get(id) ?? fine.byId.get(id)!;
  const itemIds = new Set(found.map(({ id }) => id));
  const background = spread ? atlas.shapes : shapesNear(atlas.shapes, frame);
  const placed = found.map(({ item, id }): PlacedItem => {
    const shape = shapeOf(id);
    const [x, y] = frame.path.centroid(mainPartOf(shape));
    return {
      ...item,
      d: frame.draw(shape),
      centre: [round(x), round(y)],
      small: frame.path.area(shape) < SMALL_AREA,
      // "Mali: deteriorated situation, conflict risk alert": the words the rest of the site uses.
      accessibleName: verdictPhrase(locale, item.name, item.verdict, item.alerts),
    };
  });
  return {
    scope,
    width: frame.width,
    height: frame.height,
    land: background.filter((shape) => !itemIds.has(shape.properties.id ?? '')).map((shape) => frame.draw(shape)).join(''),
    sphere: spread ? frame.draw({ type: 'Sphere' }) : undefined,
    items: placed,
    labels: placeLabels(
      placed.map((item) => ({ text: item.name, x: item.centre[0], y: item.centre[1] + LABEL_SIZE * 1.4, size: LABEL_SIZE })),
      frame,
    ),
    missing,
  };
}

function isSpread(focus: readonly Feature[]): boolean {
  const [[west, south], [east, north]] = geoBounds(collection(focus));
  if (west > east || east - west > REGION_MAX_LONGITUDES || north - south > REGION_MAX_LATITUDES) return true;
  const centres = focus.map((part) => geoCentroid(part));
  return centres.some((a, index) => centres.slice(index + 1).some((b) => geoDistance(a, b) > REGION_MAX_DISTANCE));
}

const round = (value: number) => Math.round(value * 10) / 10;
