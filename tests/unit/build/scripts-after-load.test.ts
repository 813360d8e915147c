import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadScriptsAfterPage, scriptLoader, scriptsAddedAfterLoad } from '@/lib/build/scripts-after-load';
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
  '<script>(self.__next_f=self.__next_f||[]).push([0])</script></body></html>',
].join('');

const SOURCES = ['/_next/static/chunks/runtime.js', '/_next/static/chunks/page.js?dpl=1&v=2', '/_next/static/chunks/late.js'];

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
    const page = loadScriptsAfterPage(BUILT_PAGE);
    expect(page).not.toMatch(/<script src="[^"]*" async/);
    expect(page).not.toContain('as="script"');
    // What the first paint needs stays, as do the scripts the page runs inline and the fallback for old browsers.
    expect(page).toContain('<link rel="stylesheet" href="/_next/static/chunks/a.css"');
    expect(page).toContain('as="font"');
    expect(page).toContain('<script id="_R_">');
    expect(page).toContain('(self.__next_f=self.__next_f||[]).push([0])');
    expect(page).toContain('noModule=""');
    expect(page.replace(/<script>\(function\(s\)[\s\S]*?<\/script>/, '')).toBe(
      BUILT_PAGE.replace(/<script src="[^"]*" async=""><\/script>/g, '').replace(/<link rel="preload" as="script"[^>]*\/>/, ''),
    );
  });

  it('are added once the page has both loaded and shown its first text, in either order, all of them, in order, async, and only once', () => {
    const paintedFirst = runLoader(loadScriptsAfterPage(BUILT_PAGE), 'loading');
    paintedFirst.firstPaint();
    paintedFirst.firstContentfulPaint();
    expect(paintedFirst.added).toEqual([]);
    paintedFirst.load();
    expect(paintedFirst.added).toEqual(SOURCES.map((src) => ({ src, async: true })));

    const loadedFirst = runLoader(loadScriptsAfterPage(BUILT_PAGE), 'loading');
    loadedFirst.load();
    loadedFirst.firstPaint();
    expect(loadedFirst.added).toEqual([]);
    loadedFirst.firstContentfulPaint();
    expect(loadedFirst.added.map((script) => script.src)).toEqual(SOURCES);
    loadedFirst.load();
    loadedFirst.firstContentfulPaint();
    loadedFirst.wait(1000);
    expect(loadedFirst.added).toHaveLength(3);
  });

  it('are added once the first text is shown when the page had already loaded', () => {
    const page = runLoader(loadScriptsAfterPage(BUILT_PAGE), 'complete');
    expect(page.added).toEqual([]);
    page.firstContentfulPaint();
    expect(page.added.map((script) => script.src)).toEqual(SOURCES);
  });

  it('are added at load in a tab in the background, which paints nothing', () => {
    const page = runLoader(loadScriptsAfterPage(BUILT_PAGE), 'loading', { visibilityState: 'hidden' });
    page.load();
    expect(page.added.map((script) => script.src)).toEqual(SOURCES);
  });

  it('are added at load by a browser without paint timing, and a second after load by one whose paints never come', () => {
    const withoutTiming = runLoader(loadScriptsAfterPage(BUILT_PAGE), 'loading', { reportsPaints: false });
    withoutTiming.load();
    expect(withoutTiming.added.map((script) => script.src)).toEqual(SOURCES);
    const silent = runLoader(loadScriptsAfterPage(BUILT_PAGE), 'loading');
    silent.load();
    silent.wait(999);
    expect(silent.added).toEqual([]);
    silent.wait(1000);
    expect(silent.added.map((script) => script.src)).toEqual(SOURCES);
  });

  it('are moved once: a page already done, or one without such scripts, is left as it is', () => {
    const once = loadScriptsAfterPage(BUILT_PAGE);
    expect(loadScriptsAfterPage(once)).toBe(once);
    const plain = '<!DOCTYPE html><html><head><title>x</title></head><body><p>x</p></body></html>';
    expect(loadScriptsAfterPage(plain)).toBe(plain);
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
      expect(served).toBe(loadScriptsAfterPage(page));
      const csp = (await loadStaticRoutes(dir)).routes['/mali']?.headers['content-security-policy'] ?? '';
      const loaderHash = inlineScriptHashes(served).find((hash) => !inlineScriptHashes(page).includes(hash));
      expect(loaderHash).toBeDefined();
      expect(csp).toContain(`'${loaderHash}'`);
      expect(brotliDecompressSync(await readFile(path.join(app, 'mali.html.br'))).toString('utf8')).toBe(served);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('what a page loads, as the page-weight bench counts it', () => {
  it("reads the scripts a page's loader adds", () => {
    expect(scriptsAddedAfterLoad(loadScriptsAfterPage(BUILT_PAGE))).toEqual(SOURCES);
    expect(scriptsAddedAfterLoad(BUILT_PAGE)).toEqual([]);
  });
});
