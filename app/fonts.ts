import localFont from 'next/font/local';

/**
 * Source Serif 4 for reading, self-hosted from @fontsource (next/font/google cannot fetch at
 * build time here): next/font copies the files into the build, serves them from the site and
 * sizes a fallback so text does not jump when they arrive. The Latin subset covers English and
 * French. The interface (navigation, badges, forms) stays in the system sans-serif.
 */
export const serif = localFont({
  src: [
    { path: '../node_modules/@fontsource/source-serif-4/files/source-serif-4-latin-400-normal.woff2', weight: '400', style: 'normal' },
    { path: '../node_modules/@fontsource/source-serif-4/files/source-serif-4-latin-400-italic.woff2', weight: '400', style: 'italic' },
    { path: '../node_modules/@fontsource/source-serif-4/files/source-serif-4-latin-600-normal.woff2', weight: '600', style: 'normal' },
    { path: '../node_modules/@fontsource/source-serif-4/files/source-serif-4-latin-700-normal.woff2', weight: '700', style: 'normal' },
  ],
  variable: '--font-serif',
  display: 'swap',
  fallback: ['Georgia', 'Cambria', 'Times New Roman', 'serif'],
});
