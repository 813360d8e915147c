import { readFile } from 'node:fs/promises';
import { convert } from 'fontverter';
import { Blob, Buffer as ShapingBuffer, Face, Font, shape, Variation } from 'harfbuzzjs';
import { describe, expect, it } from 'vitest';
import { makeReadingFont, READING_FONT_FILE, READING_FONT_SOURCE } from '@/lib/build/reading-font';

const faceOf = async (file: string) => new Face(new Blob(await convert(await readFile(file), 'sfnt')), 0);

/** The advance of each glyph of `text` set at `weight`: where each letter of a line falls. */
function advances(face: Face, text: string, weight: number): number[] {
  const font = new Font(face);
  font.setVariations([new Variation('wght', weight)]);
  const buffer = new ShapingBuffer();
  buffer.addText(text);
  buffer.guessSegmentProperties();
  shape(font, buffer);
  return buffer.getGlyphPositions().map((position) => position.xAdvance);
}

const SAMPLE = 'Mali: “Deteriorated situation” — l’armée, la junte, Kidal et Ménaka; œuvre, 2023–2024 (€, ½).';

describe('the reading font', () => {
  it('is the file `npm run fonts` makes from the installed font package', async () => {
    const committed = await readFile(READING_FONT_FILE);
    expect(Buffer.compare(committed, await makeReadingFont(process.cwd())), `${READING_FONT_FILE} is out of date: run npm run fonts`).toBe(0);
  });

  it('keeps every character of the Latin file and weights 400 to 700 only, in a file a third smaller', async () => {
    const [source, cut] = await Promise.all([faceOf(READING_FONT_SOURCE), faceOf(READING_FONT_FILE)]);
    expect([...cut.collectUnicodes()]).toEqual([...source.collectUnicodes()]);
    expect(cut.getAxisInfos().wght).toMatchObject({ min: 400, default: 400, max: 700 });
    const [sourceBytes, cutBytes] = await Promise.all([readFile(READING_FONT_SOURCE), readFile(READING_FONT_FILE)]);
    expect(cutBytes.length).toBeLessThan(0.75 * sourceBytes.length);
  });

  it('sets text, bold and headings in the same room as the whole variable file', async () => {
    const [source, cut] = await Promise.all([faceOf(READING_FONT_SOURCE), faceOf(READING_FONT_FILE)]);
    // The ends of the new range (text, bold) are the same; in between (600, the smaller headings)
    // a glyph may round one unit in a thousand either way: a hundredth of a pixel at 18 px.
    for (const weight of [400, 700]) expect(advances(cut, SAMPLE, weight), `weight ${weight}`).toEqual(advances(source, SAMPLE, weight));
    const before = advances(source, SAMPLE, 600);
    const after = advances(cut, SAMPLE, 600);
    expect(after).toHaveLength(before.length);
    after.forEach((advance, index) => expect(Math.abs(advance - before[index]!), `glyph ${index} at 600`).toBeLessThanOrEqual(1));
    const width = (list: number[]) => list.reduce((sum, advance) => sum + advance, 0);
    expect(Math.abs(width(after) - width(before)) / width(before)).toBeLessThan(0.002);
  });
});
