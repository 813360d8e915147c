import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContent } from '@/lib/content/load-content';

/**
 * Quotes are printed as the outlet printed them: an editor's [bracketed insertion], a cut marked
 * with ... and an & in a job title must reach the page as written. (Asserted on an invented
 * country, so the real quotes can change freely.)
 */
describe('the text of a quote as an editor writes it', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'quote-text-'));
  afterAll(() => rm(dir, { recursive: true, force: true }));
  await mkdir(path.join(dir, 'ruritania', 'quotes'), { recursive: true });
  await writeFile(path.join(dir, 'ruritania', 'country.md'), '---\nname: Ruritania\nregion: [Europe]\n---\n\nAn invented country.\n');
  await writeFile(
    path.join(dir, 'ruritania', 'quotes', '2024-03-01-rudolf-rassendyll.md'),
    '---\ndate: 2024-03-01\noutlet: The Strelsau Herald\nname: Rudolf Rassendyll\ntitle: Fictional Director, Zenda & Tarlenheim\n---\n\nThe people in [Strelsau\'s] highlands see that the regency is not coming back, and the river militia...\n',
  );
  const { countries } = await loadContent(dir);
  const [quote] = countries[0]?.quotes ?? [];

  it('keeps an & in the title', () => expect(quote?.title).toBe('Fictional Director, Zenda & Tarlenheim'));
  it('keeps bracketed insertions as text, not links', () => {
    expect(quote?.html).toContain("[Strelsau's] highlands");
    expect(quote?.html).not.toContain('<a');
  });
  it('keeps the mark of a cut', () => expect(quote?.html).toContain('the river militia...'));
});
