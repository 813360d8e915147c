import path from 'node:path';
import { ContentValidationError, defaultContentDir, formatProblem, type Country } from '../content';
import { loadContent } from '../content/load-content';
import { createParsePool } from '../content/parse-pool';

/**
 * `npm run content:check [folder]`: validates a content tree the way the build does and prints
 * every problem, one per line, so an editor can fix them all before committing.
 */
async function main(argv: string[]): Promise<number> {
  const contentDir = argv[0] ? path.resolve(argv[0]) : defaultContentDir();
  // A large tree is parsed on every core; a small one, or one in the disk cache, in this thread alone.
  const otherThreads = createParsePool();
  try {
    // Drafts are checked too: a draft must be valid before it can be published.
    const { countries, warnings } = await loadContent(contentDir, { includeDrafts: true, otherThreads });
    const entries = countries.reduce((sum, country) => sum + country.entries.length, 0);
    const drafts = countries.reduce((sum, country) => sum + country.entries.filter((entry) => entry.draft).length, 0);
    const quotes = countries.reduce((sum, country) => sum + country.quotes.length, 0);
    const translations = countTranslations(countries);
    // Warnings are printed but do not fail the check (or the build): the page still works.
    for (const warning of warnings) console.warn(`warning: ${formatProblem(warning)}`);
    const draftNote = drafts > 0 ? ` (${count(drafts, 'draft', 'drafts')}, not published)` : '';
    const warningNote = warnings.length > 0 ? `; ${count(warnings.length, 'warning', 'warnings')}` : '';
    console.log(
      `Content OK: ${count(countries.length, 'country', 'countries')}, ${count(entries, 'CrisisWatch entry', 'CrisisWatch entries')}${draftNote}, ${count(quotes, 'quote', 'quotes')}${translations} in ${path.relative(process.cwd(), contentDir) || '.'}${warningNote}`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof ContentValidationError)) throw error;
    for (const problem of error.problems) console.error(formatProblem(problem));
    console.error(`\n${count(error.problems.length, 'problem', 'problems')} found.`);
    return 1;
  } finally {
    await otherThreads.close();
  }
}

/** ", 2 translations (fr: 2)": the translated files, by language. */
function countTranslations(countries: Country[]): string {
  const byLocale = new Map<string, number>();
  const add = (translations: object | undefined) => {
    for (const locale of Object.keys(translations ?? {})) byLocale.set(locale, (byLocale.get(locale) ?? 0) + 1);
  };
  for (const country of countries) {
    add(country.translations);
    for (const entry of country.entries) add(entry.translations);
    for (const quote of country.quotes) add(quote.translations);
  }
  const total = [...byLocale.values()].reduce((sum, n) => sum + n, 0);
  if (total === 0) return '';
  return `, ${count(total, 'translation', 'translations')} (${[...byLocale].map(([locale, n]) => `${locale}: ${n}`).join(', ')})`;
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
