import { gzipSync } from 'node:zlib';
import { PAYLOAD_FOLDER, scriptsAddedAfterLoad } from '../../lib/build/scripts-after-load';

export type Asset = { url: string; bytes: number; gzip: number };

export type PageWeight = {
  path: string;
  status: number;
  htmlBytes: number;
  htmlGzip: number;
  /** Every script the page loads: its `<script src>` tags and the chunks its flight data names. */
  scripts: Asset[];
  jsFiles: number;
  jsBytes: number;
  jsGzip: number;
  cssGzip: number;
  /** Fonts the page preloads (`<link rel="preload" as="font">`, or its `Link` header): fetched before its text can settle. */
  preloadedFonts: number;
  preloadedFontBytes: number;
  /** Bytes of the HTML that are the inline React Server Components payload (`self.__next_f.push(…)` scripts). */
  inlinePayloadBytes: number;
  /** The payload in a file of its own, which a prerendered page's loader adds after the first paint (not counted in `scripts`). */
  payloadFile?: Asset;
};

/** A page's JS split into what every measured page loads (the framework's part) and what it adds. */
export type ScriptSplit = { sharedFiles: number; sharedGzip: number; addedFiles: number; addedGzip: number; added: Asset[] };

/**
 * Fetches a page and every script and stylesheet its HTML names, and sums their sizes raw and
 * gzip'd (node:zlib at its default level, close to what a server sends). Assets shared between
 * pages are counted on each page, since a first visit to any of them downloads them all.
 */
export async function measurePage(origin: string, pagePath: string): Promise<PageWeight> {
  const response = await fetch(new URL(pagePath, origin));
  const html = Buffer.from(await response.arrayBuffer());
  const markup = html.toString('utf8');
  // Paths without origin or query, so one file is one URL on every page and is counted once.
  const paths = (urls: string[]) => unique(urls.map((url) => new URL(url, origin).pathname));
  const sources = paths(scriptSources(markup));
  const payloadUrl = sources.find((url) => url.includes(`/static/${PAYLOAD_FOLDER}/`));
  const payload = payloadUrl ? await fetchBody(origin, payloadUrl) : undefined;
  const scripts = await fetchAll(origin, paths([...sources.filter((url) => url !== payloadUrl), ...flightChunks(markup + (payload?.toString('utf8') ?? ''))]));
  const payloadFile = payloadUrl && payload ? assetOf(payloadUrl, payload) : undefined;
  const styles = await fetchAll(origin, stylesheetLinks(markup));
  // woff2 is compressed already: its bytes are what travels.
  const fonts = await fetchAll(origin, unique([...preloadedFontLinks(markup), ...preloadedFontHeader(response.headers.get('link'))]));
  return {
    path: pagePath,
    status: response.status,
    htmlBytes: html.length,
    htmlGzip: gzipSize(html),
    scripts,
    jsFiles: scripts.length,
    jsBytes: sum(scripts.map((script) => script.bytes)),
    jsGzip: sum(scripts.map((script) => script.gzip)),
    cssGzip: sum(styles.map((style) => style.gzip)),
    preloadedFonts: fonts.length,
    preloadedFontBytes: sum(fonts.map((font) => font.bytes)),
    inlinePayloadBytes: sum([...markup.matchAll(/<script>self\.__next_f\.push\(.*?\)<\/script>/gs)].map((match) => Buffer.byteLength(match[0]))),
    ...(payloadFile && { payloadFile }),
  };
}

/**
 * The scripts every page shares: those loaded by each measured page that loads any script at all
 * (an answer without scripts, say a plain-text error, would otherwise make the intersection empty).
 */
export function sharedScripts(weights: readonly PageWeight[]): Set<string> {
  const withScripts = weights.filter((weight) => weight.scripts.length > 0);
  const [first, ...rest] = withScripts;
  if (!first) return new Set();
  return new Set(first.scripts.map((script) => script.url).filter((url) => rest.every((weight) => weight.scripts.some((script) => script.url === url))));
}

export function splitScripts(weight: PageWeight, shared: ReadonlySet<string>): ScriptSplit {
  const own = weight.scripts.filter((script) => shared.has(script.url));
  const added = weight.scripts.filter((script) => !shared.has(script.url));
  return {
    sharedFiles: own.length,
    sharedGzip: sum(own.map((script) => script.gzip)),
    addedFiles: added.length,
    addedGzip: sum(added.map((script) => script.gzip)),
    added,
  };
}

/** Its `<script src>` tags, and those its loader adds once the page has loaded (lib/build/scripts-after-load.ts). */
export function scriptSources(html: string): string[] {
  return unique([...tags(html, 'script').map((attributes) => attributes.get('src')).filter(isString), ...scriptsAddedAfterLoad(html)]);
}

/**
 * Chunks named only in the React Server Components payload, inline or in its file (client
 * components the page renders), which the runtime loads after the tags above. Today Next also
 * writes them as tags.
 */
export function flightChunks(html: string): string[] {
  return unique([...html.matchAll(/\/_next\/static\/chunks\/[\w.~-]+\.js/g)].map((match) => match[0]));
}

export function stylesheetLinks(html: string): string[] {
  return unique(
    tags(html, 'link')
      .filter((attributes) => (attributes.get('rel') ?? '').split(/\s+/).includes('stylesheet'))
      .map((attributes) => attributes.get('href'))
      .filter(isString),
  );
}

export function preloadedFontLinks(html: string): string[] {
  return unique(
    tags(html, 'link')
      .filter((attributes) => attributes.get('rel') === 'preload' && attributes.get('as') === 'font')
      .map((attributes) => attributes.get('href'))
      .filter(isString),
  );
}

/** Fonts a page rendered per request preloads in its `Link` header (Next sends them there, not in the HTML). */
export function preloadedFontHeader(link: string | null): string[] {
  return (link ?? '')
    .split(/,\s*(?=<)/)
    .filter((value) => /;\s*rel="?preload"?/i.test(value) && /;\s*as="?font"?/i.test(value))
    .map((value) => /^<([^>]+)>/.exec(value.trim())?.[1])
    .filter(isString);
}

function tags(html: string, name: string): Map<string, string>[] {
  const found: Map<string, string>[] = [];
  for (const match of html.matchAll(new RegExp(`<${name}\\b([^>]*)>`, 'gi'))) {
    const attributes = new Map<string, string>();
    for (const attribute of (match[1] ?? '').matchAll(/([^\s=/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
      const key = attribute[1]?.toLowerCase();
      if (key) attributes.set(key, decodeEntities(attribute[2] ?? attribute[3] ?? attribute[4] ?? ''));
    }
    found.push(attributes);
  }
  return found;
}

async function fetchAll(origin: string, urls: string[]): Promise<Asset[]> {
  return Promise.all(urls.map(async (url) => assetOf(url, await fetchBody(origin, url))));
}

async function fetchBody(origin: string, url: string): Promise<Buffer> {
  const response = await fetch(new URL(url, origin));
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}

const assetOf = (url: string, body: Buffer): Asset => ({ url, bytes: body.length, gzip: gzipSize(body) });

function decodeEntities(value: string): string {
  return value.replaceAll('&amp;', '&').replaceAll('&quot;', '"').replaceAll('&#x27;', "'").replaceAll('&#39;', "'");
}

function gzipSize(body: Buffer): number {
  return gzipSync(body).length;
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function isString(value: string | undefined): value is string {
  return typeof value === 'string' && value.length > 0;
}
