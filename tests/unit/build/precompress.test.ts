import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isCompressibleType, precompressAssets, precompressFile, ROUTE_EFFORT } from '@/lib/build/precompress';
import { writeStaticRoutes } from '@/lib/build/static-routes-builder';
import { PAGE_VARY } from '@/lib/server/response-policy';
import { loadStaticRoutes } from '@/lib/server/static-routes';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'precompress-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** A page-like text with non-ASCII letters, long enough to compress. */
const PAGE = `<!doctype html><html lang="fr"><title>Mali — Côte d’Ivoire</title>${Array.from({ length: 400 }, (_, index) => `<p data-i="${index}">Détérioration, amélioration, inchangé ${index * 7}</p>`).join('')}</html>`;

describe('compressed copies of a file', () => {
  it('decompress to exactly the bytes of the file', async () => {
    const file = path.join(dir, 'page.html');
    await writeFile(file, PAGE);
    const result = await precompressFile(file, ROUTE_EFFORT);
    const original = await readFile(file);
    expect(brotliDecompressSync(await readFile(`${file}.br`)).equals(original)).toBe(true);
    expect(gunzipSync(await readFile(`${file}.gz`)).equals(original)).toBe(true);
    expect(result.br).toBeLessThan(result.gzip!);
    expect(result.gzip).toBeLessThan(original.length);
  });

  it('are written only when smaller, and a copy from an earlier run that no longer is goes away', async () => {
    const file = path.join(dir, 'noise.txt');
    await writeFile(`${file}.br`, 'left from an earlier build');
    await writeFile(file, randomBytes(2_000));
    const result = await precompressFile(file, ROUTE_EFFORT);
    expect(result).toEqual({ file, bytes: 2_000 });
    expect(existsSync(`${file}.br`)).toBe(false);
    expect(existsSync(`${file}.gz`)).toBe(false);
  });

  it('are made for text types only', () => {
    for (const type of ['text/html; charset=utf-8', 'application/atom+xml; charset=utf-8', 'text/csv; charset=utf-8; header=present', 'application/json; charset=utf-8', 'application/xml', 'text/plain', 'image/svg+xml'])
      expect(isCompressibleType(type), type).toBe(true);
    for (const type of ['image/png', 'font/woff2', 'application/octet-stream', '']) expect(isCompressibleType(type), type).toBe(false);
  });
});

describe("the build's assets", () => {
  it('get copies for scripts, styles, SVG and JSON, none for fonts in woff2 or images, and never copies of copies', async () => {
    const distDir = path.join(dir, 'assets-build');
    const write = async (name: string, data: string | Buffer) => {
      await mkdir(path.dirname(path.join(distDir, 'static', name)), { recursive: true });
      await writeFile(path.join(distDir, 'static', name), data);
    };
    await write('chunks/app.js', PAGE.replaceAll('<p', 'console.log(').repeat(2));
    await write('css/site.css', PAGE.replaceAll('<p', '.p{color:red}'));
    await write('media/icon.svg', PAGE.replaceAll('<p', '<path d="M0 0"/'));
    await write('media/font.woff2', randomBytes(4_000));
    await write('media/picture.png', Buffer.from(PAGE));
    const first = await precompressAssets(distDir);
    expect(first.map((result) => path.relative(path.join(distDir, 'static'), result.file)).sort()).toEqual(['chunks/app.js', 'css/site.css', 'media/icon.svg']);
    for (const result of first) expect(brotliDecompressSync(await readFile(`${result.file}.br`)).equals(await readFile(result.file))).toBe(true);
    expect(existsSync(path.join(distDir, 'static/media/picture.png.gz'))).toBe(false);
    expect(await precompressAssets(distDir)).toHaveLength(3);
    expect(existsSync(path.join(distDir, 'static/chunks/app.js.br.br'))).toBe(false);
  });
});

describe('the static-routes manifest', () => {
  it('names Accept-Encoding in the Vary of each route whose file got copies, and only those', async () => {
    const distDir = path.join(dir, 'routes-build');
    const app = path.join(distDir, 'server', 'app');
    await mkdir(path.join(app, 'en', 'mali'), { recursive: true });
    await writeFile(path.join(distDir, 'BUILD_ID'), 'test-build\n');
    await writeFile(
      path.join(distDir, 'prerender-manifest.json'),
      JSON.stringify({
        routes: {
          '/en/mali': { routeType: 'page', initialStatus: 200 },
          '/en/mali/feed.xml': { routeType: 'route', initialHeaders: { 'content-type': 'application/atom+xml; charset=utf-8' } },
          '/en/mali/opengraph-image': { routeType: 'route', initialHeaders: { 'content-type': 'image/png' } },
        },
      }),
    );
    await writeFile(path.join(app, 'en', 'mali.html'), PAGE);
    await writeFile(path.join(app, 'en', 'mali', 'feed.xml.body'), PAGE.replaceAll('<p', '<entry'));
    await writeFile(path.join(app, 'en', 'mali', 'opengraph-image.body'), randomBytes(3_000));
    const written = await writeStaticRoutes(distDir);
    expect(written.precompressed.map((result) => path.basename(result.file)).sort()).toEqual(['feed.xml.body', 'mali.html']);
    const { routes } = await loadStaticRoutes(distDir);
    expect(routes['/mali']?.headers.vary).toBe(`${PAGE_VARY}, accept-encoding`);
    expect(routes['/mali/feed.xml']?.headers.vary).toBe('accept-encoding');
    expect(routes['/mali/opengraph-image']?.headers.vary).toBeUndefined();
    expect(existsSync(path.join(app, 'en', 'mali', 'opengraph-image.body.br'))).toBe(false);
  });
});
