import { readFile } from 'node:fs/promises';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readYamlFrontmatter } from '@/lib/content/read-markdown-file';
import { readSimpleFrontmatter } from '@/lib/content/simple-frontmatter';

/** The frontmatter text gray-matter hands the YAML engine: from the opening `---` line's own line break to the closing `---`. */
const frontmatterOf = (file: string) => file.slice(3, file.indexOf('\n---', 3));

/** The paths a problem can point at in `data`: every key, nested key and list index, and some that do not exist. */
function pathsOf(data: unknown): PropertyKey[][] {
  const paths: PropertyKey[][] = [['missing'], [0]];
  for (const [key, value] of Object.entries(data ?? {})) {
    paths.push([key], [key, 'missing'], [key, 0], [key, 1], [key, 5]);
    if (value && typeof value === 'object') for (const nested of Object.keys(value)) paths.push([key, nested], [key, nested, 0]);
  }
  return paths;
}

describe('frontmatter of the simple shape is read without the YAML parser', () => {
  const keyName = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom('name', 'region', 'lead', 'month', 'period', 'from', 'to', 'alerts', 'x_1', 'date') },
    { weight: 1, arbitrary: fc.constantFrom('true', 'Null', 'source-url', '2024', 'a b') },
  );
  // Values the simple reader takes, and values it must leave to YAML (numbers, booleans, nulls,
  // quotes with escapes, indicators, comments, nested lists…).
  const scalar = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom('Mali', 'Balkans fictifs', 'Été à Paris', '2005-01', '2005-01-14', 'https://example.org/a', 'a:b', 'C#', 'AT&T', 'x!y', 'yes', 'no', 'on', '"quoted"', '"a # b: c"', '""', '[a, b]', '[]', '[ ]', '1.2.3', '0x', '1e', 'Inf', 'nan') },
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        '12', '-1', '+3', '0x1F', '0o17', '1e3', '.5', '1.', '.inf', '-.Inf', '.NaN', '~', 'null', 'Null', 'NULL', 'true', 'False',
        'a: b', 'a #b', 'text:', '"with \\" escape"', "'single'", '"unterminated', 'a\tb', 'trailing   ', '[a, [b]]', '[a, "b"]', '[a,]',
        '[12, x]', '[true]', '[a: b]', '{a: b}', '>-', '|', '&a x', '*a', '!tag x', '@x', '`x`', '%x', '?x', ':x', '-x', '- x', '',
      ),
    },
  );
  const indent = fc.oneof({ weight: 8, arbitrary: fc.constant('  ') }, { weight: 1, arbitrary: fc.constantFrom(' ', '   ', '    ', '\t') });
  const entry = fc.oneof(
    { weight: 5, arbitrary: fc.tuple(keyName, fc.oneof({ weight: 8, arbitrary: fc.constant(': ') }, { weight: 1, arbitrary: fc.constantFrom(':  ', ':', ':\t') }), scalar).map(([key, colon, value]) => [`${key}${colon}${value}`]) },
    { weight: 2, arbitrary: fc.tuple(keyName, fc.array(fc.tuple(indent, scalar), { minLength: 0, maxLength: 3 })).map(([key, items]) => [`${key}:`, ...items.map(([space, value]) => `${space}- ${value}`)]) },
    { weight: 2, arbitrary: fc.tuple(keyName, fc.array(fc.tuple(indent, keyName, scalar), { minLength: 1, maxLength: 3 })).map(([key, items]) => [`${key}:`, ...items.map(([space, name, value]) => `${space}${name}: ${value}`)]) },
    { weight: 1, arbitrary: fc.constantFrom([''], ['  '], ['# comment'], ['  # comment'], ['#'], ['...'], ['%YAML 1.2'], ['- top'], ['key:value'], ['  - stray']) },
  );
  const text = fc.array(entry, { minLength: 1, maxLength: 8 }).map((entries) => `\n${entries.flat().join('\n')}`);

  it('to the data and lines the YAML parser gives, or not at all', () => {
    let simple = 0;
    fc.assert(
      fc.property(text, (frontmatter) => {
        const fast = readSimpleFrontmatter(frontmatter);
        if (!fast) return;
        simple += 1;
        const yaml = readYamlFrontmatter(frontmatter);
        expect(fast.data).toStrictEqual(yaml.data);
        for (const path of pathsOf(yaml.data)) expect(fast.lineOf(path), JSON.stringify(path)).toBe(yaml.lineOf(path));
      }),
      { numRuns: 10_000 },
    );
    // The comparison is only worth something if the simple reader took a good share of them.
    expect(simple).toBeGreaterThan(500);
  }, 60_000);

  it('takes the frontmatter of the real content and of the generated archive', async () => {
    for (const file of ['content/mali/country.md', 'content/mali/quotes/2021-05-27-jean-herve-jezequel.md']) {
      const frontmatter = frontmatterOf(await readFile(file, 'utf8'));
      expect(readSimpleFrontmatter(frontmatter)?.data, file).toStrictEqual(readYamlFrontmatter(frontmatter).data);
    }
    // A folded text (`lead: >-`) is YAML's to read.
    expect(readSimpleFrontmatter(frontmatterOf(await readFile('content/mali/crisiswatch/2023-02.md', 'utf8')))).toBeUndefined();
    const generated = '\nmonth: 2005-01\nperiod:\n  from: 2004-12-28\n  to: 2005-01-27\nverdict: unchanged\nalerts: []\nlead: "Talks stalled: again."';
    expect(readSimpleFrontmatter(generated)?.data).toStrictEqual(readYamlFrontmatter(generated).data);
    // Line 1 is the opening `---` line's own line break: `to:` is on the file's fifth line.
    expect(readSimpleFrontmatter(generated)?.lineOf(['period', 'to'])).toBe(5);
    expect(readYamlFrontmatter(generated).lineOf(['period', 'to'])).toBe(5);
  });
});
