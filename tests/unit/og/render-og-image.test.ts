import { beforeAll, describe, expect, it } from 'vitest';
import { ALERT_ENCODING, VERDICT_ENCODING } from '@/lib/content/verdicts';
import { renderOgImage } from '@/lib/og/render-og-image';
import { verdictLines } from '@/lib/verdict-lines';
import { colourCounts, decodePng, type Pixels } from './png-pixels';

const BRAND = '#1d3557';

describe('a share image', () => {
  let pixels: Pixels;
  beforeAll(async () => {
    const image = renderOgImage({ locale: 'en', eyebrow: 'CrisisWatch', title: 'Ruritania, April 2005', lines: verdictLines({ month: '2005-04', verdict: 'deteriorated', alerts: ['conflict-risk-alert'] }) });
    pixels = decodePng(Buffer.from(await image.arrayBuffer()));
    // The renderer loads its font and WebAssembly on first use: seconds on a busy machine.
  }, 30_000);

  it('is 1200 × 630, with a header band in the brand colour (the site’s name on it, in white)', () => {
    expect([pixels.width, pixels.height]).toEqual([1200, 630]);
    expect([pixels.at(5, 5), pixels.at(1195, 100), pixels.at(600, 5)]).toEqual([BRAND, BRAND, BRAND]);
    // The site's name: white pixels inside the band, left of the middle.
    let white = 0;
    for (let y = 0; y < 112; y += 1) for (let x = 0; x < 600; x += 1) if (pixels.at(x, y) === '#ffffff') white += 1;
    expect(white).toBeGreaterThan(500);
  });

  it('draws the verdict and each alert in their own colours, and no other verdict’s', () => {
    const counts = colourCounts(pixels);
    // Each shape is filled with its colour: hundreds of pixels, where text alone has its edges blended.
    expect(counts.get(VERDICT_ENCODING.deteriorated.colour) ?? 0).toBeGreaterThan(300);
    expect(counts.get(ALERT_ENCODING['conflict-risk-alert'].colour) ?? 0).toBeGreaterThan(300);
    for (const other of [VERDICT_ENCODING.improved, VERDICT_ENCODING.unchanged, ALERT_ENCODING['resolution-opportunity']]) expect(counts.get(other.colour) ?? 0).toBe(0);
  });
});
