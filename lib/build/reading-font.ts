import { readFile } from 'node:fs/promises';
import path from 'node:path';
import subsetFont from 'subset-font';

/**
 * The upright reading face: Source Serif 4's variable Latin file (from @fontsource-variable, as
 * Google Fonts cuts it) with its weight axis narrowed from 200–900 to the weights the site's
 * styles ask for, 400 (text) to 700 (bold and most headings), every glyph kept. Each weight in
 * that range is drawn as the full file draws it; what goes is the data for the weights no page
 * uses, a third of the file (51 KB → 35 KB).
 *
 * Why it matters: the file is preloaded, as it is on the first screen of every page, and a phone
 * on a slow connection fetches it alongside the page and its stylesheet. Under about 44 KB it
 * arrives in one round trip fewer on a new connection (TCP's first windows: 14.6 KB, then 29 KB):
 * Lighthouse's slow-4G LCP went from 1.51 s to 1.36 s on an entry (docs/benchmarks.md).
 *
 * The file is generated once and committed (app/_fonts/, a folder Next keeps out of the routes,
 * with the font's licence): next/font needs it before the build, and the build needs no font
 * tools. `npm run fonts` writes it again after the font package is updated; a unit test fails
 * while the committed file differs from what this makes.
 */
export const READING_FONT_SOURCE = path.join('node_modules', '@fontsource-variable', 'source-serif-4', 'files', 'source-serif-4-latin-wght-normal.woff2');
export const READING_FONT_FILE = path.join('app', '_fonts', 'source-serif-4-latin-wght-400-700.woff2');
/** The weights the site's CSS uses: 400, 600 and 700 (globals.css and the modules; bold is 700). */
export const READING_WEIGHTS = { min: 400, max: 700 } as const;

export async function makeReadingFont(projectDir: string): Promise<Buffer> {
  const source = await readFile(path.join(projectDir, READING_FONT_SOURCE));
  return subsetFont(source, undefined, { keepAllGlyphs: true, targetFormat: 'woff2', variationAxes: { wght: { ...READING_WEIGHTS } } });
}
