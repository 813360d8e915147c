import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { feature, merge, neighbors } from 'topojson-client';
import type { GeometryCollection, GeometryObject, MultiPolygon as TopoMultiPolygon, Polygon as TopoPolygon, Topology } from 'topojson-specification';

/**
 * Natural Earth country shapes from world-atlas, keyed by ISO 3166-1 numeric code ("466" is
 * Mali). 1:50m draws close-up maps and decides which codes have a shape at all; 1:110m draws
 * the world, where finer detail would only add bytes.
 */
export type Detail = '50m' | '110m';

type CountryProperties = { name: string };
type CountriesTopology = Topology<{ countries: GeometryCollection<CountryProperties> }>;
export type CountryShape = Feature<Polygon | MultiPolygon, { id: string | undefined; name: string }>;

export type WorldAtlas = {
  /** Every shape in the file, disputed areas without a code (Kosovo, Somaliland…) included. */
  shapes: CountryShape[];
  /** One shape per numeric code; a country in several pieces (Australia) is merged into one. */
  byId: Map<string, CountryShape>;
  /** Whether the file has a shape for this numeric code: what validation asks, without building any shape. */
  hasShape: (id: string) => boolean;
  /** Codes of the countries sharing a land border with the given one, in this file's detail. */
  neighboursOf: (id: string) => string[];
};

// Kept on globalThis: Next bundles this module once per route type, and each copy would parse the files again.
const ATLASES = Symbol.for('crisis-briefings.world-atlas');
type Holder = { [ATLASES]?: Map<Detail, WorldAtlas> };

/** The atlas at the given detail, read and indexed on first use and then kept for the process. */
export function getWorldAtlas(detail: Detail): WorldAtlas {
  const holder = globalThis as Holder;
  const atlases = (holder[ATLASES] ??= new Map());
  let atlas = atlases.get(detail);
  if (!atlas) {
    atlas = indexAtlas(readTopology(detail));
    atlases.set(detail, atlas);
  }
  return atlas;
}

function readTopology(detail: Detail): CountriesTopology {
  // The project's own copy; a check run from elsewhere (the pre-commit hook's staged copy) names it.
  const dir = process.env.WORLD_ATLAS_DIR ?? path.join(process.cwd(), 'node_modules', 'world-atlas');
  const file = path.join(dir, `countries-${detail}.json`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new Error(`The map data ${file} could not be read: is the world-atlas package installed (npm ci)?`, { cause });
  }
  if (!isCountriesTopology(parsed)) throw new Error(`The map data ${file} is not world-atlas's TopoJSON of countries`);
  return parsed;
}

function isCountriesTopology(value: unknown): value is CountriesTopology {
  if (typeof value !== 'object' || value === null || !('type' in value) || value.type !== 'Topology' || !('objects' in value)) return false;
  const objects = value.objects;
  if (typeof objects !== 'object' || objects === null || !('countries' in objects)) return false;
  const countries = objects.countries;
  return typeof countries === 'object' && countries !== null && 'type' in countries && countries.type === 'GeometryCollection';
}

function indexAtlas(topology: CountriesTopology): WorldAtlas {
  const geometries = topology.objects.countries.geometries.filter(isArea);
  const indexesById = new Map<string, number[]>();
  geometries.forEach((geometry, index) => {
    if (geometry.id === undefined) return;
    const id = String(geometry.id);
    indexesById.set(id, [...(indexesById.get(id) ?? []), index]);
  });
  // Shapes are built on first use (close to a second for 1:50m): a content check, or a server
  // starting up, asks only which codes exist.
  let shapes: CountryShape[] | undefined;
  let byId: Map<string, CountryShape> | undefined;
  const allShapes = () => (shapes ??= geometries.map((geometry) => toShape(topology, geometry)));
  const shapesById = () => {
    if (byId) return byId;
    byId = new Map();
    for (const [id, indexes] of indexesById) {
      const parts = indexes.map((index) => geometries[index]!);
      const first = allShapes()[indexes[0]!]!;
      byId.set(id, parts.length === 1 ? first : { type: 'Feature', properties: first.properties, geometry: merge(topology, parts) });
    }
    return byId;
  };
  let adjacency: number[][] | undefined;
  return {
    get shapes() {
      return allShapes();
    },
    get byId() {
      return shapesById();
    },
    hasShape: (id) => indexesById.has(id),
    neighboursOf(id) {
      // Computed on first use: validation needs only the index above.
      adjacency ??= neighbors(geometries);
      const found = new Set<string>();
      for (const index of indexesById.get(id) ?? []) {
        for (const other of adjacency[index] ?? []) {
          const otherId = geometries[other]?.id;
          if (otherId !== undefined && String(otherId) !== id) found.add(String(otherId));
        }
      }
      return [...found];
    },
  };
}

type Area = TopoPolygon<CountryProperties> | TopoMultiPolygon<CountryProperties>;

function isArea(geometry: GeometryObject<CountryProperties>): geometry is Area {
  return geometry.type === 'Polygon' || geometry.type === 'MultiPolygon';
}

function toShape(topology: CountriesTopology, geometry: Area): CountryShape {
  const shape = geometry.type === 'Polygon' ? feature(topology, geometry) : feature(topology, geometry);
  return {
    type: 'Feature',
    properties: { id: geometry.id === undefined ? undefined : String(geometry.id), name: geometry.properties?.name ?? '' },
    geometry: shape.geometry,
  };
}
