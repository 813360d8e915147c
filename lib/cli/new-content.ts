import { format } from 'date-fns';
import path from 'node:path';
import { getSettings } from '../config/settings';
import { createContentFile, displayPath, NewContentRefusal, type NewContentRequest } from '../content-templates/new-content-file';

const USAGE = `usage:
  npm run new -- country <slug>                             content/<slug>/country.md
  npm run new -- entry <country> <YYYY-MM>                  content/<country>/crisiswatch/<YYYY-MM>.md, as a draft
  npm run new -- quote <country> [YYYY-MM-DD] [first-last]  content/<country>/quotes/<date>-<first-last>.md (date: today)
  npm run new -- translation <language> <country> [YYYY-MM | YYYY-MM-DD-first-last]
                                                            the translation of the country's profile, an entry or a quote,
                                                            such as content/<country>/crisiswatch/<YYYY-MM>.fr.md`;

/**
 * `npm run new -- …`: writes the skeleton of a new content file in CONTENT_DIR, every field
 * explained, and prints its path. Exit code 2 (and one line saying why) when it writes nothing.
 */
async function main(argv: string[]): Promise<number> {
  const request = parseRequest(argv, format(new Date(), 'yyyy-MM-dd'));
  if (!request) {
    console.error(USAGE);
    return 2;
  }
  try {
    const file = await createContentFile(path.resolve(getSettings().CONTENT_DIR), request);
    console.log(displayPath(file));
    console.error(nextStep(request));
    return 0;
  } catch (error) {
    if (!(error instanceof NewContentRefusal)) throw error;
    console.error(`npm run new: ${error.message}`);
    return 2;
  }
}

function parseRequest([kind, ...args]: string[], today: string): NewContentRequest | undefined {
  if (kind === 'country' && args.length === 1) return { kind, slug: args[0]! };
  if (kind === 'entry' && args.length === 2) return { kind, country: args[0]!, month: args[1]! };
  if (kind === 'translation' && (args.length === 2 || args.length === 3)) return { kind, locale: args[0]!, country: args[1]!, of: args[2] };
  if (kind !== 'quote' || args.length < 1 || args.length > 3) return undefined;
  const [country, ...rest] = args;
  // The date and the expert are both optional: a lone argument that starts with a digit is the date.
  const date = rest.length === 2 || /^\d/.test(rest[0] ?? '') ? rest.shift() : undefined;
  return { kind, country: country!, date: date ?? today, expert: rest[0] };
}

function nextStep(request: NewContentRequest): string {
  if (request.kind === 'entry') return 'Fill in the TODOs and run npm run content:check; npm run dev shows the draft. Remove draft: true to publish it.';
  if (request.kind === 'translation') return 'Translate each text marked "TODO: translate", remove the marks and run npm run content:check.';
  if (request.kind === 'quote' && !request.expert) return "Rename the file to the date and the expert's first-last name, fill in the TODOs and run npm run content:check.";
  return 'Fill in the TODOs and run npm run content:check.';
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
