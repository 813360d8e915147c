import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { makeReadingFont, READING_FONT_FILE } from '../build/reading-font';

/** `npm run fonts`: writes the reading font (lib/build/reading-font.ts says why) from the installed font package. */
async function main(): Promise<void> {
  const font = await makeReadingFont(process.cwd());
  await writeFile(path.resolve(READING_FONT_FILE), font);
  console.log(`Wrote ${READING_FONT_FILE} (${font.length.toLocaleString('en-GB')} bytes).`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
