import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { ENTRY_STEM, parseContentFileName } from './file-names';

export type ContentRoutes = { country: string; months: string[] }[];

/**
 * The countries and months a content folder holds, from its file names alone: what the
 * development server's static params need, without reading, parsing or validating thousands of
 * files in the process Next starts for them. A folder or file that turns out invalid still gets
 * its address, and the page then shows the editor the problem.
 */
export async function listContentRoutes(contentDir: string): Promise<ContentRoutes> {
  const folders = (await readdir(contentDir, { withFileTypes: true })).filter((item) => item.isDirectory());
  return Promise.all(
    folders.map(async (folder) => {
      let names: string[] = [];
      try {
        names = await readdir(path.join(contentDir, folder.name, 'crisiswatch'));
      } catch {
        // A country without entries yet.
      }
      const months = names.flatMap((name) => {
        const file = parseContentFileName(name);
        return file.kind === 'source' && ENTRY_STEM.test(file.stem) ? [file.stem] : [];
      });
      return { country: folder.name, months };
    }),
  );
}
