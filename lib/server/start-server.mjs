// `npm start`: runs the production server compiled by `npm run build` (from lib/server/main.ts)
// out of the build folder, so the server and the build it serves always come from the same run.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

// Kept in step with lib/server/server-bundle.ts (this file runs before any TypeScript is compiled).
const bundle = path.resolve(process.env.NEXT_DIST_DIR?.trim() || '.next', 'production-server.mjs');
if (!existsSync(bundle)) {
  console.error(`No production build: ${path.relative(process.cwd(), bundle)} is missing. Run \`npm run build\` first.`);
  process.exit(1);
}
await import(pathToFileURL(bundle).href);
