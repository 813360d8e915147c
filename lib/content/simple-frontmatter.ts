/**
 * Frontmatter as this site's files write it, read without a YAML parser: top-level `key: value`
 * lines, a value plain, double-quoted (no escapes) or a one-line list (`[Africa, Sahel]`), and a
 * key with nothing after it followed by a block of two-space-indented `- item` or `key: value`
 * lines; `#` comment lines at the start of a line. That is every file the archive holds, and the
 * `yaml` package (a full parser building a document) took a sixth of the time a file costs.
 *
 * Anything else, or anything this reader is not sure of (a value YAML would read as a number,
 * a boolean or null, a quote with escapes, a folded `>-` text, a tab, a duplicate key…), answers
 * undefined, and the file is read by `yaml` as before: what a file becomes never depends on
 * which of the two read it (tests/unit/content/read-markdown-file.test.ts compares them on
 * generated frontmatter).
 */
export type Frontmatter = { data: unknown; lineOf: (path: readonly PropertyKey[]) => number | undefined };

type Node = { kind: 'scalar' } | { kind: 'seq'; items: { line: number; node: Node }[] } | { kind: 'map'; entries: Map<string, { line: number; node: Node }> };

const KEY = /^([A-Za-z_][A-Za-z0-9_]*):(?:[ ](.*))?$/;
const NESTED_KEY = /^ {2}([A-Za-z_][A-Za-z0-9_]*):(?:[ ](.*))?$/;
const NESTED_ITEM = /^ {2}-[ ](.*)$/;
/** YAML 1.2's core schema (as the `yaml` package has it): a plain scalar matching one of these is not a string. */
const NOT_A_STRING = [
  /^(?:~|[Nn]ull|NULL)?$/,
  /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
  /^0o[0-7]+$/,
  /^[-+]?[0-9]+$/,
  /^0x[0-9a-fA-F]+$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
];
/** A plain scalar's first character may not be one of YAML's indicators. */
const INDICATOR_FIRST = /^[-?:,[\]{}#&*!|>'"%@`]/;

class NotSimple extends Error {}

function plainString(raw: string, inFlow: boolean): string {
  if (raw === '' || INDICATOR_FIRST.test(raw) || raw.includes(': ') || raw.includes(' #') || raw.endsWith(':') || raw.includes('\t')) throw new NotSimple();
  if (inFlow && /[,[\]{}:#]/.test(raw)) throw new NotSimple();
  if (NOT_A_STRING.some((pattern) => pattern.test(raw))) throw new NotSimple();
  return raw;
}

/** A one-line value: a double-quoted string without escapes, `[plain, plain]`, or a plain string. */
function value(raw: string, line: number): { value: unknown; node: Node } {
  const quoted = /^"([^"\\]*)"$/.exec(raw);
  if (quoted) return { value: quoted[1], node: { kind: 'scalar' } };
  if (raw.startsWith('[')) {
    const inner = /^\[(.*)\]$/.exec(raw)?.[1]?.trim();
    if (inner === undefined) throw new NotSimple();
    const items = inner === '' ? [] : inner.split(',').map((item) => plainString(item.trim(), true));
    return { value: items, node: { kind: 'seq', items: items.map(() => ({ line, node: { kind: 'scalar' } })) } };
  }
  return { value: plainString(raw, false), node: { kind: 'scalar' } };
}

function key(name: string): string {
  if (NOT_A_STRING.some((pattern) => pattern.test(name))) throw new NotSimple();
  return name;
}

/** `text` is what follows the opening `---`, from that line's own line break: its line N is the file's line N. */
export function readSimpleFrontmatter(text: string): Frontmatter | undefined {
  if (text.includes('\r')) return undefined;
  try {
    return read(text.split('\n'));
  } catch (error) {
    if (error instanceof NotSimple) return undefined;
    throw error;
  }
}

function read(lines: string[]): Frontmatter {
  const data: Record<string, unknown> = {};
  const root = new Map<string, { line: number; node: Node }>();
  for (let index = 0; index < lines.length; index += 1) {
    const text = lines[index]!;
    if (text.trim() === '' || text.startsWith('#')) continue;
    const match = KEY.exec(text);
    if (!match) throw new NotSimple();
    const name = key(match[1]!);
    if (root.has(name)) throw new NotSimple();
    const line = index + 1;
    const raw = (match[2] ?? '').trim();
    if (raw !== '') {
      const read = value(raw, line);
      data[name] = read.value;
      root.set(name, { line, node: read.node });
      continue;
    }
    // A block: the lines right below, each indented by two spaces, all items or all keys.
    const block: string[] = [];
    while (index + 1 < lines.length && lines[index + 1]!.startsWith(' ') && lines[index + 1]!.trim() !== '') block.push(lines[(index += 1)]!);
    const first = line + 1;
    if (block.length === 0) {
      data[name] = null;
      root.set(name, { line, node: { kind: 'scalar' } });
    } else if (block.every((item) => NESTED_ITEM.test(item))) {
      const items = block.map((item, offset) => ({ ...value(NESTED_ITEM.exec(item)![1]!.trim(), first + offset), line: first + offset }));
      if (items.some((item) => item.node.kind !== 'scalar')) throw new NotSimple();
      data[name] = items.map((item) => item.value);
      root.set(name, { line, node: { kind: 'seq', items: items.map((item) => ({ line: item.line, node: item.node })) } });
    } else if (block.every((item) => NESTED_KEY.test(item))) {
      const nested: Record<string, unknown> = {};
      const entries = new Map<string, { line: number; node: Node }>();
      for (const [offset, item] of block.entries()) {
        const [, nestedName, nestedRaw = ''] = NESTED_KEY.exec(item)!;
        const field = key(nestedName!);
        if (entries.has(field) || nestedRaw.trim() === '') throw new NotSimple();
        const read = value(nestedRaw.trim(), first + offset);
        nested[field] = read.value;
        entries.set(field, { line: first + offset, node: read.node });
      }
      data[name] = nested;
      root.set(name, { line, node: { kind: 'map', entries } });
    } else {
      throw new NotSimple();
    }
  }
  return { data, lineOf: (path) => lineOfPath({ kind: 'map', entries: root }, path) };
}

/** The line of the deepest existing key along `path` (a missing field points at its parent), as read-markdown-file.ts finds it in a YAML document. */
function lineOfPath(root: Node, path: readonly PropertyKey[]): number | undefined {
  let node = root;
  let line: number | undefined;
  for (const segment of path) {
    if (node.kind === 'seq' && typeof segment === 'number') {
      const item = node.items[segment];
      if (!item) break;
      line = item.line;
      node = item.node;
      continue;
    }
    if (node.kind !== 'map') break;
    const entry = node.entries.get(String(segment));
    if (!entry) break;
    line = entry.line;
    node = entry.node;
  }
  return line;
}
