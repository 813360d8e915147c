// `node lib/cli/run-compiled.mjs <command> [arguments…]`: what `npm run db:migrate`, `subscribers`,
// `updates` and `outbox:worker` run. The command was compiled by `npm run build` from
// lib/cli/<command>.ts (see COMPILED_COMMANDS in lib/server/server-bundle.ts), so a production
// install needs no TypeScript runner.
import { importFromBuild } from '../server/import-from-build.mjs';

const command = process.argv[2] ?? '';
if (!/^[a-z][a-z-]*$/.test(command)) {
  console.error('usage: node lib/cli/run-compiled.mjs <command> [arguments…]   (db-migrate, subscribers, updates, outbox-worker)');
  process.exit(2);
}
// The command reads its own arguments from process.argv[2] on, as when it is run from source.
process.argv.splice(2, 1);
await importFromBuild(`commands/${command}.mjs`, ` (in a development checkout, \`npx tsx lib/cli/${command}.ts\` runs the source)`);
