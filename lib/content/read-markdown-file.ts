import matter from 'gray-matter';
import { LineCounter, parseDocument, isMap, isScalar, isSeq, type Document } from 'yaml';
import type { ContentProblem } from './problems';
import { readSimpleFrontmatter, type Frontmatter } from './simple-frontmatter';

export type MarkdownFile = {
  data: unknown;
  body: string;
  /** Lines of the file before the body, so body line N is file line N + bodyLineOffset. */
  bodyLineOffset: number;
  /** File line of each frontmatter key (dotted path), so problems can point at it. */
  lineOf: (path: readonly PropertyKey[]) => number | undefined;
};

export type ReadResult = { ok: true; file: MarkdownFile } | { ok: false; problem: ContentProblem };

/**
 * gray-matter hands the YAML engine the text after the opening `---`, starting with that line's
 * own line break, so line N of that text is line N of the file.
 */
const FRONTMATTER_OFFSET = 0;

/**
 * Splits a markdown file with gray-matter, parsing its frontmatter with `yaml` (YAML 1.2 core
 * schema): dates stay strings, so a date that does not exist is caught instead of being rolled
 * over into the next month, and syntax errors carry a line number. Frontmatter of the simple
 * shape every file of the site has is read without the YAML parser, to the same data and
 * lines (simple-frontmatter.ts).
 */
export function readMarkdownFile(displayPath: string, source: string): ReadResult {
  if (!/^---\r?\n/.test(source)) {
    return { ok: false, problem: { file: displayPath, line: 1, message: 'expected frontmatter: the file must start with a line of three dashes (---)' } };
  }
  if (!/\r?\n---[ \t]*(\r?\n|$)/.test(source.slice(3))) {
    return { ok: false, problem: { file: displayPath, line: 1, message: 'frontmatter is not closed: add a line of three dashes (---) after the last field' } };
  }
  let frontmatter: Frontmatter | undefined;
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(source, {
      engines: {
        yaml: (text: string) => {
          frontmatter = readSimpleFrontmatter(text) ?? readYamlFrontmatter(text);
          return frontmatter.data as object;
        },
      },
    });
  } catch (error) {
    if (error instanceof FrontmatterSyntaxError) {
      return { ok: false, problem: { file: displayPath, line: error.line + FRONTMATTER_OFFSET, message: `YAML syntax error: ${firstLine(error.message)}` } };
    }
    // Whatever else the YAML or gray-matter throws is still this file's problem, never a crash.
    return { ok: false, problem: { file: displayPath, line: 1, message: `the frontmatter could not be read: ${firstLine(error instanceof Error ? error.message : String(error))}` } };
  }
  if (!parsed.matter.trim()) {
    return { ok: false, problem: { file: displayPath, line: 1, message: 'frontmatter is empty or not closed with ---' } };
  }
  const read = frontmatter;
  return {
    ok: true,
    file: {
      data: parsed.data,
      body: parsed.content,
      bodyLineOffset: source.slice(0, source.length - parsed.content.length).split('\n').length - 1,
      lineOf: (path) => read?.lineOf(path),
    },
  };
}

/** Frontmatter read by the `yaml` package: any YAML, and its syntax errors with their line. */
export function readYamlFrontmatter(text: string): Frontmatter {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const [error] = document.errors;
  if (error) throw new FrontmatterSyntaxError(error.message, lineCounter.linePos(error.pos[0]).line);
  let data: unknown;
  try {
    // An alias bomb ("billion laughs") is refused here, as this file's problem.
    data = document.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (cause) {
    throw new FrontmatterSyntaxError(cause instanceof Error ? cause.message : String(cause), 1);
  }
  return { data, lineOf: (path) => lineOfPath(document, lineCounter, path) };
}

export class FrontmatterSyntaxError extends Error {
  constructor(message: string, readonly line: number) {
    super(message);
    this.name = 'FrontmatterSyntaxError';
  }
}

/** The line of the deepest existing key along `path` (a missing field points at its parent). */
function lineOfPath(document: Document, lineCounter: LineCounter, path: readonly PropertyKey[]): number | undefined {
  let node: unknown = document.contents;
  let line: number | undefined;
  for (const segment of path) {
    if (isSeq(node) && typeof segment === 'number') {
      const item: unknown = node.items[segment];
      if (!isScalar(item) && !isMap(item) && !isSeq(item)) break;
      if (item.range) line = lineCounter.linePos(item.range[0]).line + FRONTMATTER_OFFSET;
      node = item;
      continue;
    }
    if (!isMap(node)) break;
    const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
    if (!pair || !isScalar(pair.key) || !pair.key.range) break;
    line = lineCounter.linePos(pair.key.range[0]).line + FRONTMATTER_OFFSET;
    node = pair.value;
  }
  return line;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}
