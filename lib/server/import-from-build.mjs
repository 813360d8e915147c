// Runs a file compiled by `npm run build` out of the build folder (NEXT_DIST_DIR), so the server
// and the operators' commands always come from the same run as the pages they serve. Plain
// JavaScript: it runs before anything is compiled, and in an install without development tools.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Imports `<build folder>/<file>`; exits 1 with what to do when there is no such build. */
export async function importFromBuild(file, hint = '') {
  const compiled = path.resolve(process.env.NEXT_DIST_DIR?.trim() || '.next', file);
  if (!existsSync(compiled)) {
    console.error(`No production build: ${path.relative(process.cwd(), compiled)} is missing. Run \`npm run build\` first${hint}.`);
    process.exit(1);
  }
  await import(pathToFileURL(compiled).href);
}
