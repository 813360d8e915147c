import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { ENTRY_STEM, PROFILE_STEM, QUOTE_STEM, translationFileName, wordsVersion } from '../content/file-names';
import { readMarkdownFile } from '../content/read-markdown-file';
import { RESERVED_SLUGS } from '../content/reserved-slugs';
import { COUNTRY_SLUG, isoDate, yearMonth } from '../content/schemas';
import { TRANSLATION_LOCALES } from '../i18n/locales';
import { countrySkeleton, entrySkeleton, quoteSkeleton, translationSkeleton } from './skeletons';

export type NewContentRequest =
  | { kind: 'country'; slug: string }
  | { kind: 'entry'; country: string; month: string }
  | { kind: 'quote'; country: string; date: string; expert?: string }
  /** `of`: a month (YYYY-MM) or a quote's file name without .md; absent, the country's profile. */
  | { kind: 'translation'; locale: string; country: string; of?: string };

/** Why nothing was written, in one line an editor can act on. */
export class NewContentRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NewContentRefusal';
  }
}

/** The expert part of a quote's file name, as the loader reads it (YYYY-MM-DD-first-last.md). */
const EXPERT_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Writes the skeleton of a new country, CrisisWatch entry or quote under `contentDir` and returns
 * its path. Refuses, writing nothing, a bad slug, month or date, a country that does not exist
 * (for an entry or a quote) and a file that already exists.
 */
export async function createContentFile(contentDir: string, request: NewContentRequest): Promise<string> {
  const { file, text } = await planFile(contentDir, request);
  await mkdir(path.dirname(file), { recursive: true });
  try {
    // 'wx' fails if the file exists, even one created since we looked.
    await writeFile(file, text, { flag: 'wx' });
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'EEXIST') {
      throw new NewContentRefusal(`${displayPath(file)} already exists; edit it instead (nothing was written)`);
    }
    throw error;
  }
  return file;
}

async function planFile(contentDir: string, request: NewContentRequest): Promise<{ file: string; text: string }> {
  if (request.kind === 'country') {
    checkSlug(request.slug);
    return { file: path.join(contentDir, request.slug, 'country.md'), text: countrySkeleton(request.slug) };
  }
  const countryDir = await existingCountry(contentDir, request.country);
  if (request.kind === 'translation') return planTranslation(countryDir, request);
  if (request.kind === 'entry') {
    check(yearMonth, 'month', request.month);
    return { file: path.join(countryDir, 'crisiswatch', `${request.month}.md`), text: entrySkeleton(request.month) };
  }
  check(isoDate, 'date', request.date);
  if (request.expert !== undefined && !EXPERT_SLUG.test(request.expert)) {
    throw new NewContentRefusal(`"${request.expert}" cannot name a quote file: use the expert's first-last name in lower case${suggestion(request.expert)}`);
  }
  const name = `${request.date}-${request.expert ?? 'first-last'}.md`;
  return { file: path.join(countryDir, 'quotes', name), text: quoteSkeleton(request.date, request.expert) };
}

/** A translation's skeleton: the English words to translate, and the version of the source it translates. */
async function planTranslation(countryDir: string, request: Extract<NewContentRequest, { kind: 'translation' }>): Promise<{ file: string; text: string }> {
  const locale = TRANSLATION_LOCALES.find((candidate) => candidate === request.locale);
  if (!locale) {
    throw new NewContentRefusal(`"${request.locale}" is not a language content is translated into here: use ${TRANSLATION_LOCALES.join(' or ')}`);
  }
  const { kind, folder, stem } = translationTarget(request.of);
  const sourceFile = path.join(countryDir, folder, `${stem}.md`);
  let source: string;
  try {
    source = await readFile(sourceFile, 'utf8');
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') {
      throw new NewContentRefusal(`${displayPath(sourceFile)} does not exist: a translation needs its English file first`);
    }
    throw error;
  }
  const read = readMarkdownFile(displayPath(sourceFile), source);
  if (!read.ok) throw new NewContentRefusal(`${displayPath(sourceFile)} cannot be read (run npm run content:check): ${read.problem.message}`);
  const { data, body } = read.file;
  const text = translationSkeleton({ kind, locale, source: displayPath(sourceFile), version: wordsVersion(kind, data, body), data: data as Record<string, unknown>, body });
  return { file: path.join(countryDir, folder, translationFileName(stem, locale)), text };
}

function translationTarget(of: string | undefined): { kind: 'country' | 'crisiswatch' | 'quote'; folder: string; stem: string } {
  if (of === undefined) return { kind: 'country', folder: '', stem: PROFILE_STEM };
  if (ENTRY_STEM.test(of)) {
    check(yearMonth, 'month', of);
    return { kind: 'crisiswatch', folder: 'crisiswatch', stem: of };
  }
  const quote = of.replace(/\.md$/, '');
  if (QUOTE_STEM.test(quote)) return { kind: 'quote', folder: 'quotes', stem: quote };
  throw new NewContentRefusal(`"${of}" names no content to translate: give a month (YYYY-MM), a quote's file name (YYYY-MM-DD-first-last), or nothing for the country's profile`);
}

async function existingCountry(contentDir: string, slug: string): Promise<string> {
  checkSlug(slug);
  const countryFile = path.join(contentDir, slug, 'country.md');
  if (!(await isFile(countryFile))) {
    throw new NewContentRefusal(`unknown country "${slug}": ${displayPath(countryFile)} does not exist (npm run new -- country ${slug} creates it)`);
  }
  return path.dirname(countryFile);
}

function checkSlug(slug: string): void {
  if (!COUNTRY_SLUG.test(slug)) {
    throw new NewContentRefusal(`"${slug}" is not a valid country slug: lower-case letters, digits and single hyphens${suggestion(slug)}`);
  }
  if (RESERVED_SLUGS.has(slug)) {
    throw new NewContentRefusal(`"${slug}" is the address of a page of the site, so a country there could not be reached: choose another slug`);
  }
}

function check(schema: z.ZodType, field: string, value: string): void {
  const result = schema.safeParse(value);
  if (!result.success) throw new NewContentRefusal(`${field}: ${result.error.issues[0]?.message ?? 'invalid'}`);
}

/** ", such as south-sudan" for "South_Sudan", when lower-casing and hyphenating makes a valid slug. */
function suggestion(text: string): string {
  const slug = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return COUNTRY_SLUG.test(slug) ? `, such as ${slug}` : '';
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return false;
    throw error;
  }
}

/** A path as an editor would type it: from the current folder when inside it, else absolute. */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative) ? file : relative.split(path.sep).join('/') || '.';
}
