/** The compiled production server, inside the build folder (written by lib/build/after-next-build.ts). */
export const SERVER_BUNDLE = 'production-server.mjs';
