/** The compiled production server, inside the build folder (written by lib/build/compile-production.ts). */
export const SERVER_BUNDLE = 'production-server.mjs';

/**
 * The operators' commands compiled beside it, `<build folder>/commands/<name>.mjs`, each run by
 * `node lib/cli/run-compiled.mjs <name>` (npm's scripts): a pruned install has no TypeScript runner.
 */
export const COMMANDS_FOLDER = 'commands';
export const COMPILED_COMMANDS = {
  'db-migrate': 'lib/cli/db-migrate.ts',
  subscribers: 'lib/cli/subscribers.ts',
  updates: 'lib/cli/updates.ts',
  'outbox-worker': 'lib/cli/outbox-worker.ts',
} as const;
