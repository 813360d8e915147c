// The bare module: the package's main entry also loads every language's country names, which maps do not need.
import { alpha3ToNumeric } from 'i18n-iso-countries/index.js';
import { getWorldAtlas } from './world-atlas';

/**
 * A country's `iso3166` field (ISO 3166-1 alpha-3, such as MLI) is how content names its map
 * shape; world-atlas keys shapes by the numeric code (466 for Mali), padded to three digits.
 */
export function numericCodeOf(alpha3: string): string | undefined {
  return alpha3ToNumeric(alpha3);
}

/** The numeric code of a country that has a shape in the map data, or undefined. */
export function mapIdOf(alpha3: string | undefined): string | undefined {
  if (alpha3 === undefined) return undefined;
  const id = numericCodeOf(alpha3);
  return id !== undefined && getWorldAtlas('50m').hasShape(id) ? id : undefined;
}

/** Why a content file's code cannot be drawn, in words an editor can act on; undefined when it can. */
export function iso3166Problem(alpha3: string): string | undefined {
  const id = numericCodeOf(alpha3);
  if (id === undefined) return `"${alpha3}" is not an ISO 3166-1 alpha-3 country code (Mali is MLI); check it, or remove the field to publish without a map`;
  if (!getWorldAtlas('50m').hasShape(id)) {
    return `${alpha3} (numeric ${id}) has no shape in the map data (world-atlas, Natural Earth 1:50m); remove the field to publish without a map`;
  }
  return undefined;
}
