import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';

/**
 * What one valid content file became, keyed by its path and the hash of its bytes (as Astro's
 * glob loader keys its data store): a file that has not changed is not parsed, validated or
 * rendered again, in this process (the development server, per request) or the next one
 * (`content:check`, the build's workers), which read it from disk. Bump CACHE_VERSION whenever
 * the schemas or the renderer change what a file becomes.
 */
const CACHE_VERSION = 'content-cache-4';

export type FileCache<T> = {
  get: (file: string, hash: string) => T | undefined;
  set: (file: string, hash: string, value: T) => void;
  /** Writes the cache to disk if anything was added; never fails the caller. */
  save: () => Promise<void>;
};

type Stored<T> = { version: string; files: Record<string, { hash: string; value: T }> };

const CACHES = Symbol.for('crisis-briefings.content-file-caches');
type CacheHolder = { [CACHES]?: Map<string, Promise<FileCache<unknown>>> };

export const hashOf = (source: string) => createHash('sha1').update(source).digest('hex');

/** The cache of one content folder: shared by every load in the process, seeded from disk once. */
export function getFileCache<T>(contentDir: string): Promise<FileCache<T>> {
  const holder = globalThis as CacheHolder;
  const caches = (holder[CACHES] ??= new Map());
  let cache = caches.get(contentDir);
  if (!cache) {
    cache = openFileCache<T>(contentDir);
    caches.set(contentDir, cache);
  }
  return cache as Promise<FileCache<T>>;
}

/** Where the cache of `contentDir` is kept on disk, for a process started in `cwd`. */
export function fileCachePath(contentDir: string, cwd: string = process.cwd()): string {
  return path.join(cwd, 'node_modules', '.cache', 'crisis-briefings', `content-${hashOf(contentDir).slice(0, 16)}.v8`);
}

async function openFileCache<T>(contentDir: string): Promise<FileCache<T>> {
  const file = fileCachePath(contentDir);
  let files: Stored<T>['files'] = {};
  try {
    // V8's own serialisation, not JSON: no text to encode and decode, and strings keep their
    // one-byte form, so the archive's cache (hundreds of MB) is written and read in about half the time.
    const stored = deserialize(await readFile(file)) as Stored<T>;
    if (stored?.version === CACHE_VERSION && typeof stored.files === 'object' && stored.files !== null) files = stored.files;
  } catch {
    // No cache yet, or one that cannot be read (another Node's format, say): every file is parsed, as on a first run.
  }
  let dirty = false;
  return {
    get: (name, hash) => {
      const hit = files[name];
      return hit && hit.hash === hash ? hit.value : undefined;
    },
    set: (name, hash, value) => {
      files[name] = { hash, value };
      dirty = true;
    },
    async save() {
      if (!dirty) return;
      dirty = false;
      try {
        await mkdir(path.dirname(file), { recursive: true });
        // Written aside and renamed, so a concurrent reader (another build worker) sees a whole file.
        const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
        await writeFile(temporary, serialize({ version: CACHE_VERSION, files } satisfies Stored<T>));
        await rename(temporary, file);
      } catch {
        // A read-only install still works; it only parses every file each time.
      }
    },
  };
}
