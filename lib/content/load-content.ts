import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { getFileCache, hashOf, type FileCache } from './file-cache';
import { linkCrossReferences } from './cross-references';
import { checkInternalLinks, type LinkSource, type PageSource } from './internal-links';
import { listContentRoutes, type ContentRoutes } from './list-content-routes';
import { iso3166Problem } from '../maps/country-codes';
import { ContentValidationError, type ContentProblem } from './problems';
import { readMarkdownFile } from './read-markdown-file';
import { MAX_MARKDOWN_NESTING, tooDeeplyNested } from './markdown-nesting';
import { renderMarkdown, type RenderedMarkdown, type RenderResult } from './render-markdown';
import { RESERVED_SLUGS } from './reserved-slugs';
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
export type ContentTree = {
  countries: Country[];
  /** What an editor should know but does not stop the build: raw HTML the page will not show. */
  warnings: ContentProblem[];
  /** Entries left out because they are drafts (0 when drafts are included). */
  draftsLeftOut: number;
};

export type LoadOptions = {
  /** Drafts (`draft: true`) are part of the tree: the development server and the content check. */
  includeDrafts?: boolean;
  /**
   * Load this country's folder alone (the development server's country and entry pages, so an
   * editor's preview does not wait for the whole archive). Its links to other countries are
   * checked against file names; the whole-tree check (content:check, the build) has the last word.
   */
  onlyCountry?: string;
};

const ENTRY_FILE = /^(\d{4}-\d{2})\.md$/;
const QUOTE_FILE = /^(\d{4}-\d{2}-\d{2})-[a-z0-9]+(?:-[a-z0-9]+)*\.md$/;
const ALLOWED_IN_COUNTRY = new Set(['country.md', 'crisiswatch', 'quotes']);
/** Files read at once: enough to keep the disk busy, few enough for any file-descriptor limit. */
const READ_CONCURRENCY = 64;


/** What a valid file became; kept in the file cache (JSON), so plain data only. */
type Parsed = {
  data: unknown;
  rendered: RenderResult;
  bodyLineOffset: number;
  /** File lines of the fields the cross-file checks point at. */
  lines: { month?: number; date?: number; iso3166?: number };
};

type Loader = {
  cache: FileCache<Parsed>;
  problems: ContentProblem[];
  warnings: ContentProblem[];
  links: LinkSource[];
  read: <T>(work: () => Promise<T>) => Promise<T>;
};

/**
 * Reads and validates a whole content tree: `<dir>/<country>/country.md`,
 * `<dir>/<country>/crisiswatch/YYYY-MM.md` and `<dir>/<country>/quotes/YYYY-MM-DD-name.md`.
 * Files are read in parallel; each body is parsed once (see render-markdown.ts), and a file
 * whose bytes have not changed since it was last loaded is taken from the file cache. Every
 * problem in every file is collected before failing, so one run reports them all.
 */
export async function loadContent(contentDir: string, options: LoadOptions = {}): Promise<ContentTree> {
  if (!(await isFolder(contentDir))) {
    throw new ContentValidationError([{ file: display(contentDir), message: 'content folder not found' }]);
  }
  const loader: Loader = { cache: await getFileCache<Parsed>(contentDir), problems: [], warnings: [], links: [], read: limiter(READ_CONCURRENCY) };
  const folders: { slug: string; dir: string }[] = [];
  for (const item of await listFolder(contentDir)) {
    const itemPath = path.join(contentDir, item.name);
    if (item.isDirectory()) {
      if (options.onlyCountry === undefined || options.onlyCountry === item.name) folders.push({ slug: item.name, dir: itemPath });
    } else loader.problems.push({ file: display(itemPath), message: 'unexpected file: the content folder holds one folder per country' });
  }
  const loaded = await Promise.all(folders.map(({ slug, dir }) => loadCountry(dir, slug, loader)));
  await loader.cache.save();
  const countries = loaded.filter((country) => country !== undefined);
  let draftsLeftOut = 0;
  if (!options.includeDrafts) {
    for (const country of countries) {
      const published = country.entries.filter((entry) => !entry.draft);
      draftsLeftOut += country.entries.length - published.length;
      country.entries = published;
    }
  }
  const linkTargets = options.onlyCountry === undefined ? countries : pageSourcesFromFileNames(await listContentRoutes(contentDir));
  loader.problems.push(...checkInternalLinks(linkTargets, loader.links.filter((source) => options.includeDrafts || !source.draft)));
  if (loader.problems.length > 0) throw new ContentValidationError(sortProblems(loader.problems));
  countries.sort((a, b) => a.name.localeCompare(b.name, 'en'));
  linkEntriesCrossReferences(countries);
  return { countries, warnings: sortProblems(loader.warnings), draftsLeftOut };
}

/** CrisisWatch's "(see Burkina Faso)" becomes a link wherever the tree has that country. */
function linkEntriesCrossReferences(countries: Country[]): void {
  const targets = countries.map((country) => ({ slug: country.slug, name: country.name, months: new Set(country.entries.map((entry) => entry.month)) }));
  for (const country of countries) {
    for (const entry of country.entries) {
      entry.html = linkCrossReferences(entry.html, entry.month, targets);
      entry.excerptHtml = linkCrossReferences(entry.excerptHtml, entry.month, targets);
    }
  }
}

const pageSourcesFromFileNames = (routes: ContentRoutes): PageSource[] => routes.map(({ country, months }) => ({ slug: country, entries: months.map((month) => ({ month })) }));

async function loadCountry(dir: string, slug: string, loader: Loader): Promise<Country | undefined> {
  const { problems } = loader;
  const items = await listFolder(dir);
  if (!items.some((item) => item.name === 'country.md' && item.isFile())) {
    problems.push({ file: display(dir), message: 'unknown country folder: a country folder needs a country.md with its name and region' });
    return undefined;
  }
  if (!COUNTRY_SLUG.test(slug)) {
    problems.push({ file: display(dir), message: `folder name "${slug}" is not a valid country slug (lower-case letters, digits and single hyphens)` });
  } else if (RESERVED_SLUGS.has(slug)) {
    problems.push({ file: display(dir), message: `folder name "${slug}" is the address of a page of the site, so this country could not be reached: rename the folder` });
  }
  for (const item of items) {
    if (!ALLOWED_IN_COUNTRY.has(item.name)) {
      problems.push({ file: display(path.join(dir, item.name)), message: 'unexpected file or folder: a country folder holds country.md, crisiswatch/ and quotes/' });
    }
  }
  const [profile, entries, quotes] = await Promise.all([
    loadFile(path.join(dir, 'country.md'), countrySchema, loader),
    loadEntries(path.join(dir, 'crisiswatch'), slug, loader),
    loadQuotes(path.join(dir, 'quotes'), loader),
  ]);
  if (!profile) return undefined;
  loader.links.push(linkSource(path.join(dir, 'country.md'), profile, false));
  // Checked here, not in the schema, so a cached file is checked against the map data too.
  const mapProblem = profile.data.iso3166 === undefined ? undefined : iso3166Problem(profile.data.iso3166);
  if (mapProblem) problems.push({ file: display(path.join(dir, 'country.md')), line: profile.lines.iso3166, field: 'iso3166', message: mapProblem });
  return {
    ...profile.data,
    slug,
    profileHtml: profile.rendered.html,
    profileExcerpt: profile.rendered.excerptText,
    entries: entries.sort((a, b) => b.month.localeCompare(a.month)),
    quotes: quotes.sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id)),
  };
}

async function loadEntries(dir: string, country: string, loader: Loader): Promise<CrisisWatchEntry[]> {
  const names = await listMarkdown(dir, loader.problems);
  // File names are the months, so a duplicate month shows up as a file whose month is another file's name.
  const monthsWithFile = new Set(names.map((name) => ENTRY_FILE.exec(name)?.[1]));
  const entries = await Promise.all(
    names.map(async (name): Promise<CrisisWatchEntry | undefined> => {
      const filePath = path.join(dir, name);
      const stem = ENTRY_FILE.exec(name)?.[1];
      if (!stem) {
        loader.problems.push({ file: display(filePath), message: 'file name must be the month it covers, as YYYY-MM.md' });
        return undefined;
      }
      const loaded = await loadFile(filePath, crisisWatchSchema, loader);
      if (!loaded) return undefined;
      const { data } = loaded;
      if (data.month !== stem) {
        const message = monthsWithFile.has(data.month)
          ? `duplicate month: ${data.month} is already covered by ${display(path.join(dir, `${data.month}.md`))}; this file is named for ${stem}`
          : `${data.month} disagrees with the file name ${name}; rename the file or fix the month`;
        loader.problems.push({ file: display(filePath), line: loaded.lines.month, field: 'month', message });
        return undefined;
      }
      loader.links.push(linkSource(filePath, loaded, data.draft));
      const { html, excerptHtml, excerptText, text } = loaded.rendered;
      return { ...data, html, excerptHtml, excerptText, text, country };
    }),
  );
  return entries.filter((entry) => entry !== undefined);
}

async function loadQuotes(dir: string, loader: Loader): Promise<Quote[]> {
  const quotes = await Promise.all(
    (await listMarkdown(dir, loader.problems)).map(async (name): Promise<Quote | undefined> => {
      const filePath = path.join(dir, name);
      const datePrefix = QUOTE_FILE.exec(name)?.[1];
      if (!datePrefix) {
        loader.problems.push({ file: display(filePath), message: 'file name must be the quote date and the expert, as YYYY-MM-DD-first-last.md' });
        return undefined;
      }
      const loaded = await loadFile(filePath, quoteSchema, loader);
      if (!loaded) return undefined;
      const { data } = loaded;
      if (data.date !== datePrefix) {
        loader.problems.push({ file: display(filePath), line: loaded.lines.date, field: 'date', message: `${data.date} disagrees with the file name ${name}; rename the file or fix the date` });
        return undefined;
      }
      loader.links.push(linkSource(filePath, loaded, false));
      return { ...data, id: name.replace(/\.md$/, ''), html: loaded.rendered.html };
    }),
  );
  return quotes.filter((quote) => quote !== undefined);
}

/**
 * Parses, validates and renders one file, or takes it from the cache when its bytes are those
 * of a valid file seen before; on failure records its problems and returns undefined. Raw HTML
 * the page will not show is recorded as a warning either way.
 */
async function loadFile<S extends z.ZodType>(filePath: string, schema: S, loader: Loader): Promise<(Parsed & { data: z.infer<S> }) | undefined> {
  const source = await loader.read(() => readFile(filePath, 'utf8'));
  const hash = hashOf(source);
  // A cached file's frontmatter is checked again (cheap next to parsing and rendering), so the
  // cache can never hand a page data the schema would refuse.
  const cached = loader.cache.get(filePath, hash);
  const revalidated = cached && schema.safeParse(cached.data);
  const hit = revalidated?.success === true;
  const parsed = hit ? { ...cached!, data: revalidated.data } : parseFile(filePath, schema, source, loader.problems);
  if (!parsed) return undefined;
  // Only what was parsed now is new: a hit left as it is keeps the cache from being rewritten whole.
  if (!hit) loader.cache.set(filePath, hash, parsed);
  const file = display(filePath);
  for (const dropped of parsed.rendered.rawHtml) {
    loader.warnings.push({
      file,
      line: parsed.bodyLineOffset + dropped.line,
      field: 'body',
      message: `raw HTML ${dropped.html} is not shown on the page (only markdown is): write it in markdown, or remove it`,
    });
  }
  return parsed;
}

function parseFile<S extends z.ZodType>(filePath: string, schema: S, source: string, problems: ContentProblem[]): (Parsed & { data: z.infer<S> }) | undefined {
  const file = display(filePath);
  const read = readMarkdownFile(file, source);
  if (!read.ok) {
    problems.push(read.problem);
    return undefined;
  }
  const { data, body, lineOf, bodyLineOffset } = read.file;
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
  const nested = tooDeeplyNested(body);
  if (nested) {
    problems.push({
      file,
      line: bodyLineOffset + nested.line,
      field: 'body',
      message: `quotes or lists nested ${nested.depth} levels deep (at most ${MAX_MARKDOWN_NESTING}): flatten them`,
    });
  }
  if (!result.success || problems.length > before) return undefined;
  let rendered: RenderResult;
  try {
    rendered = renderMarkdown(body);
  } catch (error) {
    // Some other structure too deep for the parser's stack: still this file's problem, not a crash.
    if (!(error instanceof RangeError)) throw error;
    problems.push({ file, line: bodyLineOffset + 1, field: 'body', message: `the markdown could not be read (${error.message}): simplify its nesting` });
    return undefined;
  }
  return { data: result.data, rendered, bodyLineOffset, lines: { month: lineOf(['month']), date: lineOf(['date']), iso3166: lineOf(['iso3166']) } };
}

function linkSource(filePath: string, parsed: Parsed, draft: boolean): LinkSource {
  return { file: display(filePath), draft, links: parsed.rendered.internalLinks.map((link) => ({ line: parsed.bodyLineOffset + link.line, url: link.url })) };
}

/** At most `limit` of the given tasks run at once. */
function limiter(limit: number): Loader['read'] {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (work) => {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    active += 1;
    try {
      return await work();
    } finally {
      active -= 1;
      waiting.shift()?.();
    }
  };
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
