import { readFile, stat } from 'node:fs/promises';
import type { Compressed, ContentCoding } from './content-coding';

/** Where the build writes a file's compressed copies (lib/build/precompress.ts): beside it, as nginx looks for them. */
export const COMPRESSED_SUFFIX: Readonly<Record<Compressed, string>> = { br: '.br', gzip: '.gz' };

/** One encoding of a file on disk, with the validators it is served with. */
export type Encoded = { path: string; size: number; etag: string; lastModified: string; mtimeSeconds: number };
export type FileEncodings = { identity: Encoded; compressed: Partial<Record<Compressed, Encoded>>; available: Compressed[] };

/** Bodies larger than this are read from disk each time rather than kept. */
const LARGEST_KEPT = 1024 * 1024;

async function encodedAt(file: string, coding: ContentCoding): Promise<Encoded | undefined> {
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) return undefined;
  const mtimeSeconds = Math.floor(info.mtimeMs / 1000);
  // nginx's form (mtime and size in hex), and the coding, so no two encodings ever share a strong ETag.
  const etag = `"${mtimeSeconds.toString(16)}-${info.size.toString(16)}${coding === 'identity' ? '' : `-${coding}`}"`;
  return { path: file, size: info.size, etag, lastModified: new Date(mtimeSeconds * 1000).toUTCString(), mtimeSeconds };
}

/**
 * The build's files and their compressed copies, as the server sends them. What exists is looked
 * up once per file (the build does not change under a running server: a deploy restarts it), and
 * the most recently sent bodies are kept in memory up to `cacheBytes`, least recently sent dropped first.
 */
export class CompressedFiles {
  private readonly encodings = new Map<string, Promise<FileEncodings | undefined>>();
  private readonly bodies = new Map<string, Buffer>();
  private keptBytes = 0;

  constructor(private readonly cacheBytes: number) {}

  /** The file's encodings, or undefined when the file itself is missing. */
  encodingsOf(file: string): Promise<FileEncodings | undefined> {
    let found = this.encodings.get(file);
    if (!found) {
      found = Promise.all([encodedAt(file, 'identity'), encodedAt(`${file}${COMPRESSED_SUFFIX.br}`, 'br'), encodedAt(`${file}${COMPRESSED_SUFFIX.gzip}`, 'gzip')]).then(
        ([identity, br, gzip]) => {
          if (!identity) return undefined;
          const compressed = { ...(br && { br }), ...(gzip && { gzip }) };
          return { identity, compressed, available: Object.keys(compressed) as Compressed[] };
        },
      );
      this.encodings.set(file, found);
    }
    return found;
  }

  async body(encoded: Encoded): Promise<Buffer> {
    const kept = this.bodies.get(encoded.path);
    if (kept) {
      // Most recently sent last: Map keeps insertion order.
      this.bodies.delete(encoded.path);
      this.bodies.set(encoded.path, kept);
      return kept;
    }
    const body = await readFile(encoded.path);
    // Two requests may have read it at once: keep it once.
    if (body.length <= LARGEST_KEPT && body.length <= this.cacheBytes && !this.bodies.has(encoded.path)) {
      this.bodies.set(encoded.path, body);
      this.keptBytes += body.length;
      for (const [path, oldest] of this.bodies) {
        if (this.keptBytes <= this.cacheBytes) break;
        this.bodies.delete(path);
        this.keptBytes -= oldest.length;
      }
    }
    return body;
  }
}
