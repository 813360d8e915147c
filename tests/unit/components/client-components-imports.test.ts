import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

/**
 * The country page's client components (the carousel and the subscribe form) ship to every reader
 * on top of React and Next. What they pull in is checked here (bundled with esbuild, React left
 * out as the framework's shared part); how many bytes they weigh is a figure, printed by
 * `npm run bench -- page-weight` ("added KB gz" for /mali), not asserted.
 */

describe('the client JavaScript of the country page', async () => {
  const result = await build({
    stdin: {
      contents: "export { QuotesCarousel } from '@/components/quotes-carousel';\nexport { SubscribeForm } from '@/components/subscribe-form';\n",
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    platform: 'browser',
    jsx: 'automatic',
    tsconfig: path.resolve('tsconfig.json'),
    external: ['react', 'react-dom', 'react/jsx-runtime'],
    metafile: true,
    // Styles are not script: a CSS module adds class names, not bytes of JavaScript to check here.
    loader: { '.css': 'empty', '.module.css': 'empty' },
    logLevel: 'silent',
  });
  const inputs = Object.keys(result.metafile.inputs);

  it('bundles no validation, date or markdown library (the server validates; dates arrive formatted)', () => {
    expect(inputs.filter((input) => input.includes('node_modules/'))).toEqual([]);
    expect(inputs.filter((input) => /subscribe-schema|config\/settings|lib\/content\/(?!quote-slides)/.test(input))).toEqual([]);
  });
});
