import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createContentFile } from '@/lib/content-templates/new-content-file';
import { loadContent } from '@/lib/content/load-content';
import { localizeTree } from '@/lib/content/localize';
import { ContentValidationError, formatProblem } from '@/lib/content/problems';

/**
 * Translations as an editor makes them: `npm run new -- translation` writes the English words to
 * translate, the content check refuses the file until they are translated, and a French reader
 * then gets each text in French where there is one and in English, marked as such, where not.
 * Asserted on Freedonia, an invented country.
 */
const root = await mkdtemp(path.join(tmpdir(), 'translations-'));
afterAll(() => rm(root, { recursive: true, force: true }));
let dir: string;
let run = 0;

beforeEach(async () => {
  run += 1;
  dir = path.join(root, String(run));
  await cp(path.resolve('tests/fixtures/valid/freedonia'), path.join(dir, 'freedonia'), { recursive: true });
});

const file = (...parts: string[]) => path.join(dir, 'freedonia', ...parts);
const shown = (...parts: string[]) => path.relative(process.cwd(), file(...parts)).split(path.sep).join('/');

/** What the scaffold writes, then translated: the marks replaced by the fictional French words. */
async function translate(target: string | undefined, words: Record<string, string>, body: string): Promise<string> {
  const written = await createContentFile(dir, { kind: 'translation', locale: 'fr', country: 'freedonia', of: target });
  let text = await readFile(written, 'utf8');
  for (const [english, french] of Object.entries(words)) text = text.replace(`"TODO: translate: ${english}"`, JSON.stringify(french));
  text = text.replace(/\n---\n[\s\S]*$/, `\n---\n\n${body}\n`);
  await writeFile(written, text);
  return written;
}

async function problemsOf(): Promise<string[]> {
  try {
    await loadContent(dir);
  } catch (error) {
    if (error instanceof ContentValidationError) return error.problems.map(formatProblem);
    throw error;
  }
  return [];
}

async function translateFreedonia() {
  await translate(undefined, { Freedonia: 'Freedonie', Europe: 'Europe', 'Fictional Balkans': 'Balkans fictifs' }, 'La Freedonie est un pays inventé.');
  await translate('2024-06', { 'The fictional government of this test country held talks in 2024-06.': 'Le gouvernement fictif a tenu des pourparlers.' }, 'Le parlement fictif s’est réuni.\n\nUn second paragraphe inventé.');
  await translate('2024-06-02-rufus-firefly', { 'Fictional Analyst': 'Analyste fictif' }, 'Une citation inventée.');
}

describe('a translation made with npm run new -- translation', () => {
  it('is refused while it holds the English text to translate, naming the file, the line and the field', async () => {
    await createContentFile(dir, { kind: 'translation', locale: 'fr', country: 'freedonia', of: '2024-06' });
    expect(await problemsOf()).toEqual([
      `${shown('crisiswatch', '2024-06.fr.md')}: body: still holds the English text to translate ("TODO: translate"): translate it and remove the mark`,
      `${shown('crisiswatch', '2024-06.fr.md')}:12: lead: still holds the English text to translate ("TODO: translate"): translate it and remove the mark`,
    ]);
  });

  it('gives a French reader the French words and the English facts; an untranslated month stays English, marked so', async () => {
    await translateFreedonia();
    const tree = await loadContent(dir);
    expect(tree.warnings).toEqual([]);
    const [french] = localizeTree(tree, 'fr').countries;
    expect(french).toMatchObject({ name: 'Freedonie', region: ['Europe', 'Balkans fictifs'], lang: 'fr' });
    expect(french?.profileHtml).toContain('pays inventé');
    const [june, may] = french?.entries ?? [];
    expect(june).toMatchObject({ month: '2024-06', verdict: 'unchanged', lead: 'Le gouvernement fictif a tenu des pourparlers.', lang: 'fr' });
    expect(june?.excerptHtml).toContain('parlement fictif');
    expect(june?.excerptHtml).not.toContain('second paragraphe');
    expect(may).toMatchObject({ month: '2024-05', verdict: 'improved', alerts: ['resolution-opportunity'], lang: 'en' });
    expect(may?.lead).toMatch(/^The fictional/);
    const quote = french?.quotes.find((candidate) => candidate.id === '2024-06-02-rufus-firefly');
    expect(quote).toMatchObject({ title: 'Analyste fictif', name: 'Rufus T. Firefly', outlet: 'The Freedonia Gazette', lang: 'fr' });
    // The English edition is untouched.
    expect(localizeTree(tree, 'en').countries[0]?.name).toBe('Freedonia');
    expect(localizeTree(tree, 'en').countries[0]?.entries[0]?.lang).toBeUndefined();
    expect(tree.countries[0]?.entries[0]?.lead).toMatch(/^The fictional/);
  });

  it('links the translation’s cross-references by the translated names, to the French pages', async () => {
    await translate(undefined, { Freedonia: 'Freedonie', Europe: 'Europe', 'Fictional Balkans': 'Balkans fictifs' }, 'La Freedonie est un pays inventé.');
    await translate('2024-06', { 'The fictional government of this test country held talks in 2024-06.': 'Le gouvernement fictif a tenu des pourparlers.' }, 'Des pourparlers fictifs ont eu lieu (voir Freedonie).');
    const june = (await loadContent(dir)).countries[0]?.entries[0]?.translations?.fr;
    expect(june?.html).toContain('(voir <a href="/fr/freedonia/crisiswatch/2024-06">Freedonie</a>)');
    expect(june?.excerptHtml).toContain('(voir <a href="/fr/freedonia/crisiswatch/2024-06">Freedonie</a>)');
  });

  it('warns, naming both files, when the English words change after it was made; a corrected fact does not', async () => {
    await translateFreedonia();
    const entry = file('crisiswatch', '2024-06.md');
    const english = await readFile(entry, 'utf8');
    await writeFile(entry, english.replace('verdict: unchanged', 'verdict: deteriorated'));
    expect((await loadContent(dir)).warnings).toEqual([]);
    await writeFile(entry, english.replace('Fictional parliament met and adjourned.', 'Fictional parliament met, argued and adjourned.'));
    const [warning, ...others] = (await loadContent(dir)).warnings.map(formatProblem);
    expect(others).toEqual([]);
    expect(warning).toMatch(new RegExp(`^${shown('crisiswatch', '2024-06.fr.md')}:\\d+: source_version: ${shown('crisiswatch', '2024-06.md')} changed after this translation was made \\(it translates version [0-9a-f]{12}; the English is now [0-9a-f]{12}\\)`));
  });
});

describe('the content check refuses a translation', () => {
  it('that repeats a fact, saying where the fact lives', async () => {
    const written = await translate('2024-06', { 'The fictional government of this test country held talks in 2024-06.': 'Pourparlers fictifs.' }, 'Texte fictif.');
    await writeFile(written, (await readFile(written, 'utf8')).replace(/^lead:/m, 'verdict: improved\nlead:'));
    const [problem, ...others] = await problemsOf();
    expect(others).toEqual([]);
    expect(problem).toMatch(new RegExp(`^${shown('crisiswatch', '2024-06.fr.md')}:\\d+: verdict: a fact, written in the English file ${shown('crisiswatch', '2024-06.md')} only: remove it here`));
  });

  it('whose English file does not exist, or whose language the site does not have', async () => {
    await writeFile(file('crisiswatch', '2031-01.fr.md'), '---\nsource_version: 0123456789ab\ntranslated_by: Traduction\nlead: Un mois inventé.\n---\n\nTexte.\n');
    await writeFile(file('crisiswatch', '2024-06.de.md'), '---\nlead: Erfunden.\n---\n\nText.\n');
    await writeFile(file('country.en.md'), '---\nname: Freedonia\n---\n\nText.\n');
    expect(await problemsOf()).toEqual([
      `${shown('country.en.md')}: English is the source language: name this file country.md`,
      `${shown('crisiswatch', '2024-06.de.md')}: "de" is not a language of the site: a translation is named 2024-06.fr.md`,
      `${shown('crisiswatch', '2031-01.fr.md')}: a translation of ${shown('crisiswatch', '2031-01.md')}, which does not exist: add the English file first, or rename this one`,
    ]);
  });

  it('that is malformed: no source version, regions that do not match the English ones', async () => {
    await writeFile(file('country.fr.md'), '---\ntranslated_by: Traduction\nname: Freedonie\nregion: [Europe]\n---\n\nTexte.\n');
    expect(await problemsOf()).toEqual([`${shown('country.fr.md')}: source_version: expected the source's version, as \`npm run new -- translation\` writes it, got nothing (the field is required)`]);
    await writeFile(file('country.fr.md'), '---\nsource_version: 0123456789ab\ntranslated_by: Traduction\nname: Freedonie\nregion: [Europe]\n---\n\nTexte.\n');
    expect(await problemsOf()).toEqual([
      `${shown('country.fr.md')}:5: region: 1 region here, 2 regions in ${shown('country.md')} (Europe › Fictional Balkans): translate each of them, in the same order`,
    ]);
  });

  it('with a link to a page that does not exist, as any other file', async () => {
    await translate('2024-06', { 'The fictional government of this test country held talks in 2024-06.': 'Pourparlers fictifs.' }, 'Voir [la page](/freedonia/crisiswatch/1999-01).');
    const [problem, ...others] = await problemsOf();
    expect(others).toEqual([]);
    expect(problem).toContain(`${shown('crisiswatch', '2024-06.fr.md')}:`);
    expect(problem).toContain('/freedonia/crisiswatch/1999-01');
  });
});
