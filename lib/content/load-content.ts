import { readFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { getFileCache, hashOf, type FileCache } from './file-cache';
import { linkCrossReferences } from './cross-references';
import { checkInternalLinks, type LinkSource, type PageSource } from './internal-links';
import { listContentRoutes, type ContentRoutes } from './list-content-routes';
import { DEFAULT_LOCALE, TRANSLATION_LOCALES, type Locale } from '../i18n/locales';
import { iso3166Problem } from '../maps/country-codes';
import { ContentValidationError, type ContentProblem } from './problems';
import { displayPath as display } from './display-path';
import { parseContentFile, type FileRole, type OtherThreads, type ParsedFile as Parsed } from './parse-content-file';
import type { RenderedMarkdown, RenderResult } from './render-markdown';
import { RESERVED_SLUGS } from './reserved-slugs';
import {
  ENTRY_STEM,
  parseContentFileName,
  PROFILE_STEM,
  QUOTE_STEM,
  unknownLanguageMessage,
  UNTRANSLATED_MARK,
  type TranslationLocale,
} from './file-names';
import {
  COUNTRY_SLUG,
  countrySchema,
  countryTranslationSchema,
  crisisWatchSchema,
  crisisWatchTranslationSchema,
  quoteSchema,
  quoteTranslationSchema,
  type CountryFrontmatter,
  type CrisisWatchFrontmatter,
  type QuoteFrontmatter,
} from './schemas';

/** What a translation gives a page in its language, by language (absent: not translated yet). */
export type Translations<T> = Partial<Record<TranslationLocale, T & { translatedBy: string }>>;
export type CountryText = Pick<CountryFrontmatter, 'name' | 'region'> & { profileHtml: string; profileExcerpt: string };
export type EntryText = Pick<CrisisWatchFrontmatter, 'lead'> & RenderedMarkdown;
export type QuoteText = { title?: string; html: string };

/** The language of a text in a tree for one language (localize.ts); absent: English, the source's. */
type Language = { lang?: Locale };

export type CrisisWatchEntry = CrisisWatchFrontmatter & RenderedMarkdown & Language & { country: string; translations?: Translations<EntryText> };
export type Quote = QuoteFrontmatter & Language & { id: string; html: string; translations?: Translations<QuoteText> };
export type Country = CountryFrontmatter & Language & {
  slug: string;
  profileHtml: string;
  profileExcerpt: string;
  /** Newest month first. */
  entries: CrisisWatchEntry[];
  /** Newest first. */
  quotes: Quote[];
  translations?: Translations<CountryText>;
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
  /**
   * Worker threads to parse files in (parse-pool.ts): content:check on a large tree. Without
   * them (the build, the server) every file is parsed in this thread, as it always was.
   */
  otherThreads?: OtherThreads;
};

const ALLOWED_IN_COUNTRY = new Set(['crisiswatch', 'quotes']);

type Loader = {
  cache: FileCache<Parsed>;
  problems: ContentProblem[];
  warnings: ContentProblem[];
  links: LinkSource[];
  otherThreads?: OtherThreads;
};

/**
 * Reads and validates a whole content tree: `<dir>/<country>/country.md`,
 * `<dir>/<country>/crisiswatch/YYYY-MM.md` and `<dir>/<country>/quotes/YYYY-MM-DD-name.md`.
 * Each body is parsed once (see render-markdown.ts), and a file
 * whose bytes have not changed since it was last loaded is taken from the file cache. Every
 * problem in every file is collected before failing, so one run reports them all.
 */
export async function loadContent(contentDir: string, options: LoadOptions = {}): Promise<ContentTree> {
  if (!(await isFolder(contentDir))) {
    throw new ContentValidationError([{ file: display(contentDir), message: 'content folder not found' }]);
  }
  const loader: Loader = { cache: await getFileCache<Parsed>(contentDir), problems: [], warnings: [], links: [], otherThreads: options.otherThreads };
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

/**
 * CrisisWatch's "(see Burkina Faso)" becomes a link wherever the tree has that country: in the
 * English text to English pages, and in each translation ("(voir Guinée)") to that language's
 * pages, by the names its readers see there.
 */
function linkEntriesCrossReferences(countries: Country[]): void {
  const months = new Map(countries.map((country) => [country.slug, new Set(country.entries.map((entry) => entry.month))]));
  const targetsNamed = (nameOf: (country: Country) => string) => countries.map((country) => ({ slug: country.slug, name: nameOf(country), months: months.get(country.slug)! }));
  const english = targetsNamed((country) => country.name);
  // A country not translated yet keeps its English name on that language's pages.
  const translated = new Map(TRANSLATION_LOCALES.map((locale) => [locale, targetsNamed((country) => country.translations?.[locale]?.name ?? country.name)]));
  for (const country of countries) {
    for (const entry of country.entries) {
      entry.html = linkCrossReferences(entry.html, entry.month, english, DEFAULT_LOCALE);
      entry.excerptHtml = linkCrossReferences(entry.excerptHtml, entry.month, english, DEFAULT_LOCALE);
      for (const [locale, targets] of translated) {
        const text = entry.translations?.[locale];
        if (!text) continue;
        text.html = linkCrossReferences(text.html, entry.month, targets, locale);
        text.excerptHtml = linkCrossReferences(text.excerptHtml, entry.month, targets, locale);
      }
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
  const profileTranslations: TranslationFile[] = [];
  for (const item of items) {
    if (ALLOWED_IN_COUNTRY.has(item.name)) continue;
    const name = item.isFile() ? parseContentFileName(item.name) : { kind: 'other' as const };
    if (name.kind !== 'other' && name.stem === PROFILE_STEM) {
      if (name.kind === 'translation') profileTranslations.push({ locale: name.locale, file: path.join(dir, item.name) });
      else if (name.kind === 'unknown-language') problems.push({ file: display(path.join(dir, item.name)), message: unknownLanguageMessage(name.stem, name.language) });
      continue;
    }
    problems.push({ file: display(path.join(dir, item.name)), message: 'unexpected file or folder: a country folder holds country.md, its translations (country.fr.md), crisiswatch/ and quotes/' });
  }
  const profilePath = path.join(dir, 'country.md');
  const [profile, entries, quotes] = await Promise.all([
    loadFile(profilePath, countrySchema, loader, { kind: 'country' }),
    loadEntries(path.join(dir, 'crisiswatch'), slug, loader),
    loadQuotes(path.join(dir, 'quotes'), loader),
  ]);
  if (!profile) return undefined;
  loader.links.push(linkSource(profilePath, profile, false));
  // Checked here, not in the schema, so a cached file is checked against the map data too.
  const mapProblem = profile.data.iso3166 === undefined ? undefined : iso3166Problem(profile.data.iso3166);
  if (mapProblem) problems.push({ file: display(profilePath), line: profile.lines.iso3166, field: 'iso3166', message: mapProblem });
  const translations = await loadTranslations(profileTranslations, countryTranslationSchema, loader, { kind: 'country', source: profilePath }, profile, false, (translation, file) => {
    const { data, rendered } = translation;
    if (data.region.length === profile.data.region.length) return { name: data.name, region: data.region, profileHtml: rendered.html, profileExcerpt: rendered.excerptText };
    problems.push({
      file,
      line: translation.lines.region,
      field: 'region',
      message: `${count(data.region.length, 'region')} here, ${count(profile.data.region.length, 'region')} in ${display(profilePath)} (${profile.data.region.join(' › ')}): translate each of them, in the same order`,
    });
    return undefined;
  });
  return {
    ...profile.data,
    slug,
    profileHtml: profile.rendered.html,
    profileExcerpt: profile.rendered.excerptText,
    entries: entries.sort((a, b) => b.month.localeCompare(a.month)),
    quotes: quotes.sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id)),
    ...(translations && { translations }),
  };
}

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

/** A folder's markdown files by stem: the English sources, and each source's translations. */
type TranslationFile = { locale: TranslationLocale; file: string };
type FolderFiles = { sources: { stem: string; name: string }[]; translations: Map<string, TranslationFile[]> };

async function listSourcesAndTranslations(dir: string, loader: Loader, stemPattern: RegExp, badName: string): Promise<FolderFiles> {
  const files: FolderFiles = { sources: [], translations: new Map() };
  for (const name of await listMarkdown(dir, loader.problems)) {
    const parsed = parseContentFileName(name);
    const file = display(path.join(dir, name));
    if (parsed.kind === 'other' || !stemPattern.test(parsed.stem)) loader.problems.push({ file, message: badName });
    else if (parsed.kind === 'unknown-language') loader.problems.push({ file, message: unknownLanguageMessage(parsed.stem, parsed.language) });
    else if (parsed.kind === 'source') files.sources.push({ stem: parsed.stem, name });
    else files.translations.set(parsed.stem, [...(files.translations.get(parsed.stem) ?? []), { locale: parsed.locale, file: path.join(dir, name) }]);
  }
  const stems = new Set(files.sources.map((source) => source.stem));
  for (const [stem, translations] of files.translations) {
    if (stems.has(stem)) continue;
    for (const { file } of translations) {
      loader.problems.push({ file: display(file), message: `a translation of ${display(path.join(dir, `${stem}.md`))}, which does not exist: add the English file first, or rename this one` });
    }
  }
  return files;
}

async function loadEntries(dir: string, country: string, loader: Loader): Promise<CrisisWatchEntry[]> {
  const { sources, translations } = await listSourcesAndTranslations(dir, loader, ENTRY_STEM, 'file name must be the month it covers, as YYYY-MM.md (a translation: YYYY-MM.fr.md)');
  // File names are the months, so a duplicate month shows up as a file whose month is another file's name.
  const monthsWithFile = new Set(sources.map((source) => source.stem));
  const entries = await Promise.all(
    sources.map(async ({ stem, name }): Promise<CrisisWatchEntry | undefined> => {
      const filePath = path.join(dir, name);
      const loaded = await loadFile(filePath, crisisWatchSchema, loader, { kind: 'crisiswatch' });
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
      // A draft's translation is a draft too: its links are checked only where drafts are.
      const texts = await loadTranslations(translations.get(stem), crisisWatchTranslationSchema, loader, { kind: 'crisiswatch', source: filePath }, loaded, data.draft, (translation) => ({
        lead: translation.data.lead,
        ...renderedText(translation.rendered),
      }));
      return { ...data, ...renderedText(loaded.rendered), country, ...(texts && { translations: texts }) };
    }),
  );
  return entries.filter((entry) => entry !== undefined);
}

const renderedText = ({ html, excerptHtml, excerptText, text }: RenderResult): RenderedMarkdown => ({ html, excerptHtml, excerptText, text });

async function loadQuotes(dir: string, loader: Loader): Promise<Quote[]> {
  const { sources, translations } = await listSourcesAndTranslations(dir, loader, QUOTE_STEM, 'file name must be the quote date and the expert, as YYYY-MM-DD-first-last.md (a translation: YYYY-MM-DD-first-last.fr.md)');
  const quotes = await Promise.all(
    sources.map(async ({ stem, name }): Promise<Quote | undefined> => {
      const filePath = path.join(dir, name);
      const datePrefix = QUOTE_STEM.exec(stem)?.[1];
      const loaded = await loadFile(filePath, quoteSchema, loader, { kind: 'quote' });
      if (!loaded) return undefined;
      const { data } = loaded;
      if (data.date !== datePrefix) {
        loader.problems.push({ file: display(filePath), line: loaded.lines.date, field: 'date', message: `${data.date} disagrees with the file name ${name}; rename the file or fix the date` });
        return undefined;
      }
      loader.links.push(linkSource(filePath, loaded, false));
      const texts = await loadTranslations(translations.get(stem), quoteTranslationSchema, loader, { kind: 'quote', source: filePath }, loaded, false, (translation) => ({
        html: translation.rendered.html,
        ...(translation.data.title !== undefined && { title: translation.data.title }),
      }));
      return { ...data, id: stem, html: loaded.rendered.html, ...(texts && { translations: texts }) };
    }),
  );
  return quotes.filter((quote) => quote !== undefined);
}

/**
 * Loads the translations of a loaded source into what each gives a page (`toText`, which may
 * refuse one by recording a problem and returning undefined). An editor is warned, naming both
 * files, when the source's words changed after a translation was made: the page still shows it.
 */
async function loadTranslations<S extends z.ZodType<{ source_version: string; translated_by: string }>, T>(
  files: readonly TranslationFile[] | undefined,
  schema: S,
  loader: Loader,
  role: Required<FileRole>,
  source: Parsed,
  draft: boolean,
  toText: (translation: Parsed & { data: z.infer<S> }, file: string) => T | undefined,
): Promise<Translations<T> | undefined> {
  // Gathered in the files' order, not as they finish loading, so the languages' order never varies.
  const loaded = await Promise.all(
    (files ?? []).map(async ({ locale, file }) => {
      const translation = await loadFile(file, schema, loader, role);
      if (!translation || !isTranslated(translation, file, loader)) return undefined;
      if (source.version !== undefined && translation.data.source_version !== source.version) {
        loader.warnings.push({
          file: display(file),
          line: translation.lines.source_version,
          field: 'source_version',
          message: `${display(role.source)} changed after this translation was made (it translates version ${translation.data.source_version}; the English is now ${source.version}): bring the translation up to date, then set source_version: "${source.version}"`,
        });
      }
      const text = toText(translation, display(file));
      if (text === undefined) return undefined;
      loader.links.push(linkSource(file, translation, draft));
      return [locale, { ...text, translatedBy: translation.data.translated_by }] as const;
    }),
  );
  const texts: Translations<T> = {};
  for (const [locale, text] of loaded.filter((item) => item !== undefined)) texts[locale] = text;
  return Object.keys(texts).length > 0 ? texts : undefined;
}

/** False, with a problem for each, while a field or the body still holds the scaffold's English. */
function isTranslated(translation: Parsed, file: string, loader: Loader): boolean {
  const untranslated = untranslatedFields(translation);
  for (const field of untranslated) {
    loader.problems.push({
      file: display(file),
      line: field === 'body' ? undefined : translation.lines.words?.[field],
      field,
      message: `still holds the English text to translate ("${UNTRANSLATED_MARK}"): translate it and remove the mark`,
    });
  }
  return untranslated.length === 0;
}

function untranslatedFields({ data, rendered }: Parsed): string[] {
  const fields = Object.entries(data as Record<string, unknown>)
    .filter(([, value]) => (Array.isArray(value) ? value : [value]).some((text) => typeof text === 'string' && text.includes(UNTRANSLATED_MARK)))
    .map(([field]) => field);
  return rendered.text.includes(UNTRANSLATED_MARK) ? [...fields, 'body'] : fields;
}

/**
 * Parses, validates and renders one file, or takes it from the cache when its bytes are those
 * of a valid file seen before; on failure records its problems and returns undefined. Raw HTML
 * the page will not show is recorded as a warning either way.
 */
async function loadFile<S extends z.ZodType>(filePath: string, schema: S, loader: Loader, role: FileRole): Promise<(Parsed & { data: z.infer<S> }) | undefined> {
  // Read synchronously: a file is parsed synchronously right after anyway, and fs/promises'
  // readFile (open, stat, read and close, each a round trip) cost seven times the CPU.
  const source = readFileSync(filePath, 'utf8');
  const hash = hashOf(source);
  // A cached file's frontmatter is checked again (cheap next to parsing and rendering), so the
  // cache can never hand a page data the schema would refuse.
  const cached = loader.cache.get(filePath, hash);
  const revalidated = cached && schema.safeParse(cached.data);
  const hit = revalidated?.success === true;
  const parsed = hit ? { ...cached!, data: revalidated.data } : await parseFile(filePath, schema, source, loader, role);
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

/** Parses a file here or, when the loader has them and they take it, in another thread; records its problems. */
async function parseFile<S extends z.ZodType>(filePath: string, schema: S, source: string, loader: Loader, role: FileRole): Promise<(Parsed & { data: z.infer<S> }) | undefined> {
  const elsewhere = loader.otherThreads?.parse(filePath, source, role);
  if (!elsewhere) {
    const outcome = parseContentFile(filePath, source, role, schema);
    if (outcome.ok) return outcome.parsed;
    loader.problems.push(...outcome.problems);
    return undefined;
  }
  const outcome = await elsewhere;
  if (!outcome.ok) {
    loader.problems.push(...outcome.problems);
    return undefined;
  }
  // The other thread ran this schema already; its answer crossed a thread as plain data, and is typed again here.
  const checked = schema.safeParse(outcome.parsed.data);
  if (!checked.success) throw new Error(`${display(filePath)}: a worker thread returned data its schema refuses (${checked.error.message})`);
  return { ...outcome.parsed, data: checked.data };
}

function linkSource(filePath: string, parsed: Parsed, draft: boolean): LinkSource {
  return { file: display(filePath), draft, links: parsed.rendered.internalLinks.map((link) => ({ line: parsed.bodyLineOffset + link.line, url: link.url })) };
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

function sortProblems(problems: ContentProblem[]): ContentProblem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
}
