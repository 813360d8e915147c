import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { ContentValidationError, type ContentProblem } from './problems';
import { readMarkdownFile, type MarkdownFile } from './read-markdown-file';
import { renderMarkdown, type RenderedMarkdown } from './render-markdown';
import {
  COUNTRY_SLUG,
  countrySchema,
  crisisWatchSchema,
  quoteSchema,
  type CountryFrontmatter,
  type CrisisWatchFrontmatter,
  type QuoteFrontmatter,
} from './schemas';

export type CrisisWatchEntry = CrisisWatchFrontmatter & RenderedMarkdown & { country: string };
export type Quote = QuoteFrontmatter & { id: string; html: string };
export type Country = CountryFrontmatter & {
  slug: string;
  profileHtml: string;
  profileExcerpt: string;
  /** Newest month first. */
  entries: CrisisWatchEntry[];
  /** Newest first. */
  quotes: Quote[];
};
export type ContentTree = { countries: Country[] };

const ENTRY_FILE = /^(\d{4}-\d{2})\.md$/;
const QUOTE_FILE = /^(\d{4}-\d{2}-\d{2})-[a-z0-9]+(?:-[a-z0-9]+)*\.md$/;
const ALLOWED_IN_COUNTRY = new Set(['country.md', 'crisiswatch', 'quotes']);

/**
 * Reads and validates a whole content tree: `<dir>/<country>/country.md`,
 * `<dir>/<country>/crisiswatch/YYYY-MM.md` and `<dir>/<country>/quotes/YYYY-MM-DD-name.md`.
 * Every problem in every file is collected before failing, so one run reports them all.
 */
export async function loadContent(contentDir: string): Promise<ContentTree> {
  const problems: ContentProblem[] = [];
  const countries: Country[] = [];
  if (!(await isFolder(contentDir))) {
    throw new ContentValidationError([{ file: display(contentDir), message: 'content folder not found' }]);
  }
  for (const item of await listFolder(contentDir)) {
    const itemPath = path.join(contentDir, item.name);
    if (!item.isDirectory()) {
      problems.push({ file: display(itemPath), message: 'unexpected file: the content folder holds one folder per country' });
      continue;
    }
    const country = await loadCountry(itemPath, item.name, problems);
    if (country) countries.push(country);
  }
  if (problems.length > 0) throw new ContentValidationError(sortProblems(problems));
  countries.sort((a, b) => a.name.localeCompare(b.name, 'en'));
  return { countries };
}

async function loadCountry(dir: string, slug: string, problems: ContentProblem[]): Promise<Country | undefined> {
  const items = await listFolder(dir);
  if (!items.some((item) => item.name === 'country.md' && item.isFile())) {
    problems.push({ file: display(dir), message: 'unknown country folder: a country folder needs a country.md with its name and region' });
    return undefined;
  }
  if (!COUNTRY_SLUG.test(slug)) {
    problems.push({ file: display(dir), message: `folder name "${slug}" is not a valid country slug (lower-case letters, digits and single hyphens)` });
  }
  for (const item of items) {
    if (!ALLOWED_IN_COUNTRY.has(item.name)) {
      problems.push({ file: display(path.join(dir, item.name)), message: 'unexpected file or folder: a country folder holds country.md, crisiswatch/ and quotes/' });
    }
  }
  const profile = await loadFile(path.join(dir, 'country.md'), countrySchema, problems);
  const entries = await loadEntries(path.join(dir, 'crisiswatch'), slug, problems);
  const quotes = await loadQuotes(path.join(dir, 'quotes'), problems);
  if (!profile) return undefined;
  return {
    ...profile.data,
    slug,
    profileHtml: profile.rendered.html,
    profileExcerpt: profile.rendered.excerptText,
    entries: entries.sort((a, b) => b.month.localeCompare(a.month)),
    quotes: quotes.sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id)),
  };
}

async function loadEntries(dir: string, country: string, problems: ContentProblem[]): Promise<CrisisWatchEntry[]> {
  const entries: CrisisWatchEntry[] = [];
  const names = await listMarkdown(dir, problems);
  // File names are the months, so a duplicate month shows up as a file whose month is another file's name.
  const monthsWithFile = new Set(names.map((name) => ENTRY_FILE.exec(name)?.[1]));
  for (const name of names) {
    const filePath = path.join(dir, name);
    const stem = ENTRY_FILE.exec(name)?.[1];
    if (!stem) {
      problems.push({ file: display(filePath), message: 'file name must be the month it covers, as YYYY-MM.md' });
      continue;
    }
    const loaded = await loadFile(filePath, crisisWatchSchema, problems);
    if (!loaded) continue;
    const { data, rendered, lineOf } = loaded;
    if (data.month !== stem) {
      const message = monthsWithFile.has(data.month)
        ? `duplicate month: ${data.month} is already covered by ${display(path.join(dir, `${data.month}.md`))}; this file is named for ${stem}`
        : `${data.month} disagrees with the file name ${name}; rename the file or fix the month`;
      problems.push({ file: display(filePath), line: lineOf(['month']), field: 'month', message });
      continue;
    }
    entries.push({ ...data, ...rendered, country });
  }
  return entries;
}

async function loadQuotes(dir: string, problems: ContentProblem[]): Promise<Quote[]> {
  const quotes: Quote[] = [];
  for (const name of await listMarkdown(dir, problems)) {
    const filePath = path.join(dir, name);
    const datePrefix = QUOTE_FILE.exec(name)?.[1];
    if (!datePrefix) {
      problems.push({ file: display(filePath), message: 'file name must be the quote date and the expert, as YYYY-MM-DD-first-last.md' });
      continue;
    }
    const loaded = await loadFile(filePath, quoteSchema, problems);
    if (!loaded) continue;
    if (loaded.data.date !== datePrefix) {
      problems.push({ file: display(filePath), line: loaded.lineOf(['date']), field: 'date', message: `${loaded.data.date} disagrees with the file name ${name}; rename the file or fix the date` });
      continue;
    }
    quotes.push({ ...loaded.data, id: name.replace(/\.md$/, ''), html: loaded.rendered.html });
  }
  return quotes;
}

type Loaded<T> = { data: T; rendered: RenderedMarkdown; lineOf: MarkdownFile['lineOf'] };

/** Parses, validates and renders one file; on failure records its problems and returns undefined. */
async function loadFile<S extends z.ZodType>(filePath: string, schema: S, problems: ContentProblem[]): Promise<Loaded<z.infer<S>> | undefined> {
  const file = display(filePath);
  const read = readMarkdownFile(file, await readFile(filePath, 'utf8'));
  if (!read.ok) {
    problems.push(read.problem);
    return undefined;
  }
  const { data, body, lineOf } = read.file;
  const result = schema.safeParse(data);
  const before = problems.length;
  if (!result.success) {
    for (const issue of result.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          const keyPath = [...issue.path, key];
          problems.push({ file, line: lineOf(keyPath), field: keyPath.map(String).join('.'), message: 'unknown field: check its spelling' });
        }
        continue;
      }
      const field = issue.path.length > 0 ? issue.path.map(String).join('.') : undefined;
      problems.push({ file, line: lineOf(issue.path), field, message: issue.message });
    }
  }
  if (!body.trim()) problems.push({ file, field: 'body', message: 'the text after the frontmatter is empty' });
  if (!result.success || problems.length > before) return undefined;
  return { data: result.data, rendered: await renderMarkdown(body), lineOf };
}

async function listFolder(dir: string) {
  try {
    const items = await readdir(dir, { withFileTypes: true });
    return items.filter((item) => !item.name.startsWith('.')).sort((a, b) => a.name.localeCompare(b.name));
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
}

async function listMarkdown(dir: string, problems: ContentProblem[]): Promise<string[]> {
  const names: string[] = [];
  for (const item of await listFolder(dir)) {
    if (item.isFile() && item.name.endsWith('.md')) names.push(item.name);
    else problems.push({ file: display(path.join(dir, item.name)), message: 'unexpected file or folder: only .md files belong here' });
  }
  return names;
}

async function isFolder(dir: string): Promise<boolean> {
  try {
    return (await stat(dir)).isDirectory();
  } catch (error) {
    if (isMissing(error)) return false;
    throw error;
  }
}

function isMissing(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}

function display(filePath: string): string {
  return path.relative(process.cwd(), filePath).split(path.sep).join('/') || '.';
}

function sortProblems(problems: ContentProblem[]): ContentProblem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
}
