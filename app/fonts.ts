import localFont from 'next/font/local';

/**
 * Source Serif 4 for reading, self-hosted from @fontsource (next/font/google cannot fetch at
 * build time here): next/font copies the files into the build, serves them from the site and
 * preloads them. The Latin subset covers English and French. The interface (navigation,
 * badges, forms) stays in the system sans-serif.
 *
 * Two files, both on the first screen of a page: one variable file for every upright weight the
 * pages use (400 text, 600 and 700 headings), cut to that range (lib/build/reading-font.ts: 35 KB,
 * where the whole variable file is 51 KB and three static weights were 63 KB in three requests),
 * and the 400 italic (a CrisisWatch entry opens with an italic sentence; the quotes are
 * italic); bold italic is synthesised, as it always was. The fallback is sized to the font's
 * metrics from a serif (`adjustFontFallback`), so text set before the font arrives takes about
 * the same room.
 */
export const serif = localFont({
  src: [
    { path: './_fonts/source-serif-4-latin-wght-400-700.woff2', weight: '400 700', style: 'normal' },
    { path: '../node_modules/@fontsource/source-serif-4/files/source-serif-4-latin-400-italic.woff2', weight: '400', style: 'italic' },
  ],
  variable: '--font-serif',
  display: 'swap',
  adjustFontFallback: 'Times New Roman',
  fallback: ['Georgia', 'Cambria', 'Times New Roman', 'serif'],
});
