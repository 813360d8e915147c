import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadScriptsAfterPage, scriptLoader, scriptsAddedAfterLoad, type PageAfterPaint } from '@/lib/build/scripts-after-load';
import { inlineScriptHashes, writeStaticRoutes } from '@/lib/build/static-routes-builder';
import { loadStaticRoutes } from '@/lib/server/static-routes';

/** The shape of a page as Next 16 writes it: hints and async scripts in the head, inline payload and one more chunk in the body. */
const BUILT_PAGE = [
  '<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/>',
  '<link rel="preload" href="/_next/static/media/serif.woff2" as="font" crossorigin="" type="font/woff2"/>',
  '<link rel="stylesheet" href="/_next/static/chunks/a.css" data-precedence="next"/>',
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/late.js"/>',
  '<script src="/_next/static/chunks/runtime.js" async=""></script>',
  '<script src="/_next/static/chunks/page.js?dpl=1&amp;v=2" async=""></script>',
  '<title>Mali</title><script src="/_next/static/chunks/polyfills.js" noModule=""></script></head>',
  '<body><main><h1>Mali</h1><p>Unchanged.</p></main>',
  '<script id="_R_">(self.TURBOPACK=self.TURBOPACK||[]).push({})</script>',
  '<script src="/_next/static/chunks/late.js" async=""></script>',
  '<script>(self.__next_f=self.__next_f||[]).push([0])</script>',
  String.raw`<script>self.__next_f.push([1,"1:\"$Sreact.fragment\"\n2:I[\"/_next/static/chunks/page.js\"]\n"])</script>`,
  String.raw`<script>self.__next_f.push([1,"3:[\"$\",\"p\",null,{\"children\":\"\u003c/script\u003e is text\"}]\n"])</script>`,
  '<script type="application/ld+json">{"@type":"Country"}</script></body></html>',
].join('');

/** The payload's three scripts, as the browser runs them. */
const INLINE_PAYLOAD = [...BUILT_PAGE.matchAll(/<script>((?:\(self|self)\.__next_f[\s\S]*?)<\/script>/g)].map((match) => match[1]!);
const CHUNKS = ['/_next/static/chunks/runtime.js', '/_next/static/chunks/page.js?dpl=1&v=2', '/_next/static/chunks/late.js'];
/** The loader adds the page's payload, then its chunks. */
const sourcesOf = (page: PageAfterPaint) => [`/_next/${page.payload!.file}`, ...CHUNKS];

/** What `self.__next_f` holds once these scripts have run, in a page of their own. */
function payloadRun(scripts: readonly string[]): unknown[] {
  const self: { __next_f?: unknown[] } = {};
  for (const script of scripts) new Function('self', script)(self);
  return self.__next_f ?? [];
}

/**
 * Runs a page's loader against a stand-in for the browser: its document in the given ready state
 * and visibility, its paint timing, and its event loop (`load`, the first contentful paint and
 * timers happen when the test says). `reportsPaints: false` is a browser without paint timing.
 */
function runLoader(html: string, readyState: 'loading' | 'complete', { visibilityState = 'visible', reportsPaints = true } = {}) {
  const loader = /<script>(\(function\(s\)[\s\S]*?)<\/script><\/body>/.exec(html)?.[1];
  if (!loader) throw new Error('no loader at the end of the body');
  const added: { src: string; async: boolean }[] = [];
  const listeners: (() => void)[] = [];
  const observers: ((list: { getEntriesByName: (name: string) => unknown[] }) => void)[] = [];
  const timers: { callback: () => void; ms: number }[] = [];
  const document = {
    readyState,
    visibilityState,
    createElement: (tag: string) => ({ tag, src: '', async: false }),
    head: { appendChild: (element: { src: string; async: boolean }) => added.push({ src: element.src, async: element.async }) },
  };
  class PerformanceObserver {
    constructor(private readonly callback: (typeof observers)[number]) {}
    observe(options: { type: string; buffered: boolean }) {
      if (!reportsPaints) throw new TypeError('no such entry type');
      if (options.type === 'paint' && options.buffered) observers.push(this.callback);
    }
  }
  new Function('document', 'addEventListener', 'PerformanceObserver', 'setTimeout', loader)(
    document,
    (type: string, listener: () => void) => type === 'load' && listeners.push(listener),
    PerformanceObserver,
    (callback: () => void, ms: number) => timers.push({ callback, ms }),
  );
  const paint = (name: string) => observers.forEach((observer) => observer({ getEntriesByName: (asked) => (asked === name ? [{ name }] : []) }));
  return {
    added,
    load: () => listeners.forEach((listener) => listener()),
    firstPaint: () => paint('first-paint'),
    firstContentfulPaint: () => paint('first-contentful-paint'),
    /** Runs the timers due within `ms`. */
    wait: (ms: number) => timers.filter((timer) => timer.ms <= ms).forEach((timer) => timer.callback()),
  };
}

describe("a prerendered page's framework scripts", () => {
  it('are no longer fetched by the page as it arrives: no async script and no script preload is left', () => {
    const page = loadScriptsAfterPage(BUILT_PAGE).html;
    expect(page).not.toMatch(/<script src="[^"]*" async/);
    expect(page).not.toContain('as="script"');
    // What the first paint needs stays, as do the scripts the page runs inline and the fallback for old browsers.
    expect(page).toContain('<link rel="stylesheet" href="/_next/static/chunks/a.css"');
    expect(page).toContain('as="font"');
    expect(page).toContain('<script id="_R_">');
    expect(page).toContain('<script type="application/ld+json">');
    expect(page).toContain('noModule=""');
    expect(page.replace(/<script>\(function\(s\)[\s\S]*?<\/script>/, '')).toBe(
      BUILT_PAGE.replace(/<script src="[^"]*" async=""><\/script>/g, '')
        .replace(/<link rel="preload" as="script"[^>]*\/>/, '')
        .replace(/<script>(?:\(self|self)\.__next_f[\s\S]*?<\/script>/g, ''),
    );
  });

  it("take the page's inline payload with them, to a file named by its content that fills the same array the inline scripts did", () => {
    const page = loadScriptsAfterPage(BUILT_PAGE);
    expect(page.html).not.toContain('__next_f');
    expect(page.payload?.file).toMatch(/^static\/payload\/[0-9a-f]{20}\.js$/);
    expect(payloadRun([page.payload!.text])).toEqual(payloadRun(INLINE_PAYLOAD));
    expect(payloadRun(INLINE_PAYLOAD)).toHaveLength(3);
    expect(loadScriptsAfterPage(BUILT_PAGE).payload?.file).toBe(page.payload?.file);
    const otherPage = loadScriptsAfterPage(BUILT_PAGE.replace('is text', 'is other text'));
    expect(otherPage.payload?.file).not.toBe(page.payload?.file);
  });

  it('leave a page without a payload with no file, and its scripts still after the paint', () => {
    const page = loadScriptsAfterPage(BUILT_PAGE.replace(/<script>(?:\(self|self)\.__next_f[\s\S]*?<\/script>/g, ''));
    expect(page.payload).toBeUndefined();
    expect(scriptsAddedAfterLoad(page.html)).toEqual(CHUNKS);
  });

  it('are added once the page has both loaded and shown its first text, in either order, all of them, the payload first, to run in order, and only once', () => {
    const SOURCES = sourcesOf(loadScriptsAfterPage(BUILT_PAGE));
    const paintedFirst = runLoader(loadScriptsAfterPage(BUILT_PAGE).html, 'loading');
    paintedFirst.firstPaint();
    paintedFirst.firstContentfulPaint();
    expect(paintedFirst.added).toEqual([]);
    paintedFirst.load();
    // Not async: scripts added by a script run in the order they were added only if not async.
    expect(paintedFirst.added).toEqual(SOURCES.map((src) => ({ src, async: false })));

    const loadedFirst = runLoader(loadScriptsAfterPage(BUILT_PAGE).html, 'loading');
    loadedFirst.load();
    loadedFirst.firstPaint();
    expect(loadedFirst.added).toEqual([]);
    loadedFirst.firstContentfulPaint();
    expect(loadedFirst.added.map((script) => script.src)).toEqual(SOURCES);
    loadedFirst.load();
    loadedFirst.firstContentfulPaint();
    loadedFirst.wait(1000);
    expect(loadedFirst.added).toHaveLength(4);
  });

  it('are added once the first text is shown when the page had already loaded', () => {
    const SOURCES = sourcesOf(loadScriptsAfterPage(BUILT_PAGE));
    const page = runLoader(loadScriptsAfterPage(BUILT_PAGE).html, 'complete');
    expect(page.added).toEqual([]);
    page.firstContentfulPaint();
    expect(page.added.map((script) => script.src)).toEqual(SOURCES);
  });

  it('are added at load in a tab in the background, which paints nothing', () => {
    const SOURCES = sourcesOf(loadScriptsAfterPage(BUILT_PAGE));
    const page = runLoader(loadScriptsAfterPage(BUILT_PAGE).html, 'loading', { visibilityState: 'hidden' });
    page.load();
    expect(page.added.map((script) => script.src)).toEqual(SOURCES);
  });

  it('are added at load by a browser without paint timing, and a second after load by one whose paints never come', () => {
    const SOURCES = sourcesOf(loadScriptsAfterPage(BUILT_PAGE));
    const withoutTiming = runLoader(loadScriptsAfterPage(BUILT_PAGE).html, 'loading', { reportsPaints: false });
    withoutTiming.load();
    expect(withoutTiming.added.map((script) => script.src)).toEqual(SOURCES);
    const silent = runLoader(loadScriptsAfterPage(BUILT_PAGE).html, 'loading');
    silent.load();
    silent.wait(999);
    expect(silent.added).toEqual([]);
    silent.wait(1000);
    expect(silent.added.map((script) => script.src)).toEqual(SOURCES);
  });

  it('are moved once: a page already done, or one without such scripts, is left as it is', () => {
    const once = loadScriptsAfterPage(BUILT_PAGE).html;
    expect(loadScriptsAfterPage(once)).toEqual({ html: once });
    const plain = '<!DOCTYPE html><html><head><title>x</title></head><body><p>x</p></body></html>';
    expect(loadScriptsAfterPage(plain)).toEqual({ html: plain });
  });

  it('cannot be turned into markup by an address: the loader escapes <', () => {
    expect(scriptLoader(['/a.js?x=</script><script>alert(1)//'])).not.toContain('</script>');
  });

  it("are loaded by a loader that the page's CSP allows, and the compressed copy is of the page as served", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'scripts-after-load-'));
    try {
      const app = path.join(dir, 'server', 'app', 'en');
      await mkdir(app, { recursive: true });
      const page = `${BUILT_PAGE.replace('</main>', `${'<p>Filler so the page compresses.</p>'.repeat(40)}</main>`)}`;
      await writeFile(path.join(app, 'mali.html'), page);
      await writeFile(path.join(dir, 'BUILD_ID'), 'test');
      await writeFile(path.join(dir, 'prerender-manifest.json'), JSON.stringify({ routes: { '/en/mali': { routeType: 'page', dataRoute: null } } }));
      await writeStaticRoutes(dir);
      const served = await readFile(path.join(app, 'mali.html'), 'utf8');
      const expected = loadScriptsAfterPage(page);
      expect(served).toBe(expected.html);
      // The payload's file, with its compressed copy, where the loader asks for it.
      const payload = path.join(dir, expected.payload!.file);
      expect(await readFile(payload, 'utf8')).toBe(expected.payload!.text);
      expect(brotliDecompressSync(await readFile(`${payload}.br`)).toString('utf8')).toBe(expected.payload!.text);
      const csp = (await loadStaticRoutes(dir)).routes['/mali']?.headers['content-security-policy'] ?? '';
      const loaderHash = inlineScriptHashes(served).find((hash) => !inlineScriptHashes(page).includes(hash));
      expect(loaderHash).toBeDefined();
      expect(csp).toContain(`'${loaderHash}'`);
      // The inline payload is gone, and with it the hashes that allowed it.
      for (const hash of inlineScriptHashes(INLINE_PAYLOAD.map((script) => `<script>${script}</script>`).join(''))) expect(csp).not.toContain(hash);
      expect(brotliDecompressSync(await readFile(path.join(app, 'mali.html.br'))).toString('utf8')).toBe(served);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('what a page loads, as the page-weight bench counts it', () => {
  it("reads the scripts a page's loader adds", () => {
    const page = loadScriptsAfterPage(BUILT_PAGE);
    expect(scriptsAddedAfterLoad(page.html)).toEqual(sourcesOf(page));
    expect(scriptsAddedAfterLoad(BUILT_PAGE)).toEqual([]);
  });
});
