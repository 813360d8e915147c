import type { z } from 'zod';
import { displayPath } from './display-path';
import { FACT_FIELDS, countrySchema, countryTranslationSchema, crisisWatchSchema, crisisWatchTranslationSchema, quoteSchema, quoteTranslationSchema } from './schemas';
import { MAX_MARKDOWN_NESTING, tooDeeplyNested } from './markdown-nesting';
import type { ContentProblem } from './problems';
import { readMarkdownFile } from './read-markdown-file';
import { renderMarkdown, type RenderResult } from './render-markdown';
import { wordsVersion } from './file-names';

export type ContentKind = keyof typeof FACT_FIELDS;
/** How to read one file: which content it is, and whether it is a translation of `source` (its path). */
export type FileRole = { kind: ContentKind; source?: string };

/** What a valid file became; kept in the file cache and sent between threads, so plain data only. */
export type ParsedFile = {
  data: unknown;
  rendered: RenderResult;
  bodyLineOffset: number;
  /** File lines of the fields the cross-file checks point at. */
  lines: { month?: number; date?: number; iso3166?: number; region?: number; source_version?: number; words?: Record<string, number | undefined> };
  /** A source's words version (file-names.ts), which its translations record. */
  version?: string;
};

export type ParseOutcome<T = unknown> = { ok: true; parsed: ParsedFile & { data: T } } | { ok: false; problems: ContentProblem[] };

const SCHEMAS = {
  country: { source: countrySchema, translation: countryTranslationSchema },
  crisiswatch: { source: crisisWatchSchema, translation: crisisWatchTranslationSchema },
  quote: { source: quoteSchema, translation: quoteTranslationSchema },
} as const;

/** The schema of a file in this role: a worker thread, given the role alone, checks it as the loader would. */
export function schemaFor(role: FileRole): z.ZodType {
  return role.source === undefined ? SCHEMAS[role.kind].source : SCHEMAS[role.kind].translation;
}

/**
 * Parses, validates and renders one file's text: every problem it has, in the order the editor
 * reads them (frontmatter, then body), or what it became. Depends on nothing but its arguments,
 * so it gives the same answer in the loader's thread and in a worker's (parse-pool.ts).
 */
export function parseContentFile<S extends z.ZodType>(filePath: string, source: string, role: FileRole, schema: S): ParseOutcome<z.infer<S>> {
  const file = displayPath(filePath);
  const problems: ContentProblem[] = [];
  const read = readMarkdownFile(file, source);
  if (!read.ok) return { ok: false, problems: [read.problem] };
  const { data, body, lineOf, bodyLineOffset } = read.file;
  const result = schema.safeParse(data);
  if (!result.success) {
    for (const issue of result.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          const keyPath = [...issue.path, key];
          problems.push({ file, line: lineOf(keyPath), field: keyPath.map(String).join('.'), message: unknownFieldMessage(key, role) });
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
  if (!result.success || problems.length > 0) return { ok: false, problems };
  const lines = {
    month: lineOf(['month']),
    date: lineOf(['date']),
    iso3166: lineOf(['iso3166']),
    region: lineOf(['region']),
    source_version: lineOf(['source_version']),
    words: Object.fromEntries(['name', 'region', 'lead', 'title', 'translated_by'].map((field) => [field, lineOf([field])])),
  };
  const version = role.source === undefined ? wordsVersion(role.kind, result.data, body) : undefined;
  let rendered: RenderResult;
  try {
    rendered = renderMarkdown(body);
  } catch (error) {
    // Some other structure too deep for the parser's stack: still this file's problem, not a crash.
    if (!(error instanceof RangeError)) throw error;
    return { ok: false, problems: [{ file, line: bodyLineOffset + 1, field: 'body', message: `the markdown could not be read (${error.message}): simplify its nesting` }] };
  }
  return { ok: true, parsed: { data: result.data, rendered, bodyLineOffset, lines, ...(version !== undefined && { version }) } };
}

/** A translation that repeats a fact is told where the fact lives, not that the field is unknown. */
function unknownFieldMessage(key: PropertyKey, role: FileRole): string {
  const isFact = (FACT_FIELDS[role.kind] as readonly PropertyKey[]).includes(key);
  if (role.source !== undefined && isFact) {
    return `a fact, written in the English file ${displayPath(role.source)} only: remove it here (a translation carries the words)`;
  }
  return 'unknown field: check its spelling';
}

/**
 * Threads besides the loader's that parse files (parse-pool.ts). `parse` answers undefined when
 * the file is better parsed in the caller's own thread: too few files so far to be worth starting
 * workers, or none ready yet.
 */
export type OtherThreads = { parse: (filePath: string, source: string, role: FileRole) => Promise<ParseOutcome> | undefined };
