/**
 * The deepest a body may nest quotes and lists. The markdown parser and the HTML it produces
 * recurse once per level, so a pasted thread of thousands of `>` overflowed the stack
 * ("Maximum call stack size exceeded", which names no file) and whether it did depended on how
 * deep the caller already was. A fixed bound makes it the same verdict in content:check, the
 * build and development, with the line to fix; no real briefing comes near it.
 */
export const MAX_MARKDOWN_NESTING = 100;

/** One level of nesting at the start of a line: a quote marker, or a list item's marker. */
const CONTAINER = /^[ \t]{0,3}(?:>|[-*+][ \t]|\d{1,9}[.)][ \t])/;

/** The first body line (1 = the body's first) nested deeper than the bound, and how deep, if any. */
export function tooDeeplyNested(body: string): { line: number; depth: number } | undefined {
  const lines = body.split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    let rest = lines[index] ?? '';
    // Indentation before a list item nests it under the item above (two spaces a level, at least).
    const indent = /^[ \t]*/.exec(rest)?.[0].length ?? 0;
    let depth = CONTAINER.test(rest.trimStart()) ? Math.floor(indent / 2) : 0;
    for (let match = CONTAINER.exec(rest); match; match = CONTAINER.exec(rest)) {
      depth += 1;
      rest = rest.slice(match[0].length);
    }
    if (depth > MAX_MARKDOWN_NESTING) return { line: index + 1, depth };
  }
  return undefined;
}
