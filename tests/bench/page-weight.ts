import { gzipSync } from 'node:zlib';

export type PageWeight = {
  path: string;
  status: number;
  htmlBytes: number;
  htmlGzip: number;
  jsFiles: number;
  jsBytes: number;
  jsGzip: number;
  cssGzip: number;
};

/**
 * Fetches a page and every script and stylesheet its HTML names, and sums their sizes raw and
 * gzip'd (node:zlib at its default level, close to what a server sends). Assets shared between
 * pages are counted on each page, since a first visit to any of them downloads them all.
 */
export async function measurePage(origin: string, pagePath: string): Promise<PageWeight> {
  const response = await fetch(new URL(pagePath, origin));
  const html = Buffer.from(await response.arrayBuffer());
  const markup = html.toString('utf8');
  const scripts = await fetchAll(origin, scriptSources(markup));
  const styles = await fetchAll(origin, stylesheetLinks(markup));
  return {
    path: pagePath,
    status: response.status,
    htmlBytes: html.length,
    htmlGzip: gzipSize(html),
    jsFiles: scripts.length,
    jsBytes: sum(scripts.map((body) => body.length)),
    jsGzip: sum(scripts.map(gzipSize)),
    cssGzip: sum(styles.map(gzipSize)),
  };
}

export function scriptSources(html: string): string[] {
  return unique(tags(html, 'script').map((attributes) => attributes.get('src')).filter(isString));
}

export function stylesheetLinks(html: string): string[] {
  return unique(
    tags(html, 'link')
      .filter((attributes) => (attributes.get('rel') ?? '').split(/\s+/).includes('stylesheet'))
      .map((attributes) => attributes.get('href'))
      .filter(isString),
  );
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

async function fetchAll(origin: string, urls: string[]): Promise<Buffer[]> {
  return Promise.all(
    urls.map(async (url) => {
      const response = await fetch(new URL(url, origin));
      if (!response.ok) throw new Error(`${url} answered ${response.status}`);
      return Buffer.from(await response.arrayBuffer());
    }),
  );
}

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
