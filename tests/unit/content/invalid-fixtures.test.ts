import { describe, expect, it } from 'vitest';
import { problemsOf } from './problems-of';

type Expected = { file: string; line?: number; field?: string; message: RegExp };

/**
 * Each invalid fixture holds one kind of mistake. The editor must be told the file, the line
 * where there is one, the field, and what is wrong, in words they can act on.
 */
const cases: Record<string, Expected> = {
  'bad-verdict': { file: 'freedonia/crisiswatch/2024-05.md', line: 6, field: 'verdict', message: /expected one of deteriorated \| improved \| unchanged, got "worse"/ },
  'unknown-alert': { file: 'freedonia/crisiswatch/2024-05.md', line: 7, field: 'alerts.1', message: /conflict-risk-alert \| resolution-opportunity, got "peace-outbreak"/ },
  'bad-notify': { file: 'freedonia/crisiswatch/2024-05.md', line: 8, field: 'notify', message: /expected true or false, got "later"/ },
  'impossible-month': { file: 'freedonia/crisiswatch/2024-13.md', line: 2, field: 'month', message: /expected a real month as YYYY-MM, got "2024-13"/ },
  'month-mismatch': { file: 'freedonia/crisiswatch/2024-07.md', line: 2, field: 'month', message: /2024-05 disagrees with the file name 2024-07\.md/ },
  'duplicate-month': { file: 'freedonia/crisiswatch/2024-06.md', line: 2, field: 'month', message: /duplicate month: 2024-05 is already covered by .*freedonia\/crisiswatch\/2024-05\.md/ },
  'period-outside-month': { file: 'freedonia/crisiswatch/2024-05.md', line: 3, field: 'period', message: /2024-01-01 to 2024-02-27 does not cover the month 2024-05/ },
  'bad-entry-file-name': { file: 'freedonia/crisiswatch/may-2024.md', message: /file name must be the month it covers, as YYYY-MM\.md/ },
  'empty-body': { file: 'freedonia/crisiswatch/2024-05.md', field: 'body', message: /empty/ },
  'unknown-field': { file: 'freedonia/crisiswatch/2024-05.md', line: 6, field: 'verdit', message: /unknown field/ },
  'broken-yaml': { file: 'freedonia/crisiswatch/2024-05.md', line: 8, message: /YAML syntax error: .*quote/i },
  'unclosed-frontmatter': { file: 'freedonia/country.md', line: 1, message: /frontmatter is not closed/ },
  'impossible-date': { file: 'freedonia/quotes/2024-02-30-rufus-firefly.md', line: 2, field: 'date', message: /"2024-02-30" is not a real date/ },
  'quote-date-mismatch': { file: 'freedonia/quotes/2024-02-03-rufus-firefly.md', line: 2, field: 'date', message: /2024-02-04 disagrees with the file name/ },
  'quote-missing-outlet': { file: 'freedonia/quotes/2024-02-03-rufus-firefly.md', field: 'outlet', message: /the outlet is required/ },
  'quote-empty-title': { file: 'freedonia/quotes/2024-02-03-rufus-firefly.md', line: 5, field: 'title', message: /must not be empty/ },
  'unknown-country-folder': { file: 'atlantis', message: /unknown country folder: .*needs a country\.md/ },
  'bad-country-slug': { file: 'Sylvania', message: /not a valid country slug/ },
  'country-missing-name': { file: 'freedonia/country.md', field: 'name', message: /a country name is required/ },
  'broken-internal-link': { file: 'freedonia/crisiswatch/2024-05.md', line: 11, field: 'body', message: /the link to \/sylvania leads to no page of the site/ },
  'reserved-slug': { file: 'subscribe', message: /folder name "subscribe" is the address of a page of the site/ },
  'yaml-alias-bomb': { file: 'freedonia/country.md', line: 1, message: /YAML syntax error: Excessive alias count/ },
  'stray-file': { file: 'freedonia/notes.txt', message: /unexpected file/ },
  // 3,000 nested quotes overflowed the parser's stack: "RangeError: Maximum call stack size exceeded".
  'deep-nesting': { file: 'freedonia/country.md', line: 12, field: 'body', message: /nested 3000 levels deep/ },
};

describe.each(Object.entries(cases))('invalid fixture %s', (name, expected) => {
  it('is reported with its file, line, field and problem', async () => {
    const problems = await problemsOf(`invalid/${name}`);
    const match = problems.find((problem) => problem.file === `tests/fixtures/invalid/${name}/${expected.file}` && problem.field === expected.field);
    expect(match, `problems were: ${JSON.stringify(problems)}`).toBeDefined();
    expect(match?.line).toBe(expected.line);
    expect(match?.field).toBe(expected.field);
    expect(match?.message).toMatch(expected.message);
  });
});

describe('fixtures', () => {
  it('each invalid fixture folder has an expectation', async () => {
    const { readdir } = await import('node:fs/promises');
    const folders = (await readdir('tests/fixtures/invalid')).filter((folder) => folder !== 'many-problems');
    expect(folders.sort()).toEqual(Object.keys(cases).sort());
  });
});
