import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, describe, expect, it } from 'vitest';
import { QuotesCarousel } from '@/components/quotes-carousel';
import { loadContent } from '@/lib/content/load-content';
import { carouselWords, toQuoteSlides } from '@/lib/content/quote-slides';

/** Invented quotes (see tests/fixtures/README.md): one gives the article's url, one does not. */
describe('a quote in the carousel and the article it comes from', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'quote-links-'));
  afterAll(() => rm(dir, { recursive: true, force: true }));
  await mkdir(path.join(dir, 'freedonia', 'quotes'), { recursive: true });
  await writeFile(path.join(dir, 'freedonia', 'country.md'), '---\nname: Freedonia\nregion: [Europe]\n---\n\nAn invented country.\n');
  const quote = (date: string, outlet: string, url?: string) =>
    `---\ndate: ${date}\noutlet: ${outlet}\nname: Rufus Firefly\ntitle: Fictional Analyst\n${url ? `url: ${url}\n` : ''}---\n\nThe council will not meet again before the harvest.\n`;
  await writeFile(path.join(dir, 'freedonia', 'quotes', '2024-06-02-rufus-firefly.md'), quote('2024-06-02', 'The Freedonia Gazette', 'https://gazette.example/2024/06/council'));
  await writeFile(path.join(dir, 'freedonia', 'quotes', '2024-06-30-rufus-firefly.md'), quote('2024-06-30', 'Radio Sylvania'));
  const { countries } = await loadContent(dir);
  const slides = toQuoteSlides(countries[0]?.quotes ?? [], 'en');
  const slideFor = (outlet: string) => {
    const html = renderToStaticMarkup(<QuotesCarousel words={carouselWords('en', slides.length)} slides={slides} />);
    const slide = html.split('class="carousel-slide"').find((part) => part.includes(outlet));
    if (!slide) throw new Error(`no slide for ${outlet} in ${html}`);
    return slide;
  };

  it('links the outlet to the article, with a name that says where the link goes', () => {
    const slide = slideFor('The Freedonia Gazette');
    expect(slide).toContain(
      '<a href="https://gazette.example/2024/06/council" rel="noopener noreferrer" aria-label="Read in The Freedonia Gazette (article of 2 June 2024)"><cite>The Freedonia Gazette</cite></a>',
    );
  });

  it('prints the outlet as plain text when the content gives no url', () => {
    const slide = slideFor('Radio Sylvania');
    expect(slide).toContain('<cite>Radio Sylvania</cite>');
    expect(slide).not.toContain('<a ');
    expect(slides.find((candidate) => candidate.outlet === 'Radio Sylvania')).not.toHaveProperty('article');
  });
});
