// `npm start`: runs the production server compiled by `npm run build` (from lib/server/main.ts).
import { importFromBuild } from './import-from-build.mjs';

// Kept in step with SERVER_BUNDLE in lib/server/server-bundle.ts (this file runs before any TypeScript is compiled).
await importFromBuild('production-server.mjs');
