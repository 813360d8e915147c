import path from 'node:path';

/** How a problem names a file: relative to where the command runs, with forward slashes. */
export function displayPath(filePath: string): string {
  return path.relative(process.cwd(), filePath).split(path.sep).join('/') || '.';
}
