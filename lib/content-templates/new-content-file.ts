import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { RESERVED_SLUGS } from '../content/reserved-slugs';
import { COUNTRY_SLUG, isoDate, yearMonth } from '../content/schemas';
import { countrySkeleton, entrySkeleton, quoteSkeleton } from './skeletons';

export type NewContentRequest =
  | { kind: 'country'; slug: string }
  | { kind: 'entry'; country: string; month: string }
  | { kind: 'quote'; country: string; date: string; expert?: string };

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
