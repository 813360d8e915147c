import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { RESERVED_SLUGS } from '@/lib/content/reserved-slugs';

/** The address each special file at the top of app/ answers at (Next's metadata files). */
const FILE_ROUTES: Record<string, string> = { 'robots.ts': 'robots.txt', 'sitemap.ts': 'sitemap.xml', 'opengraph-image.tsx': 'opengraph-image', 'icon.svg': 'icon.svg' };

describe('reserved country slugs', () => {
  it('include the address of every route at the top of app/, so a new route can neither hide a country nor be hidden', async () => {
    // A route group, (name), adds no segment: its folders are at the top of the site too.
    const topLevel = async (dir: string): Promise<string[]> =>
      (
        await Promise.all(
          (await readdir(dir, { withFileTypes: true })).map(async (item) => {
            if (item.isDirectory()) {
              if (item.name.startsWith('(')) return topLevel(`${dir}/${item.name}`);
              // Every language's pages sit under [locale], and English, the default, answers at the top, unprefixed.
              if (item.name === '[locale]') return topLevel(`${dir}/${item.name}`);
              // [param] folders take any name; _private folders are no route at all (Next leaves them out).
              return item.name.startsWith('[') || item.name.startsWith('_') ? [] : [item.name];
            }
            return FILE_ROUTES[item.name] ? [FILE_ROUTES[item.name]!] : [];
          }),
        )
      ).flat();
    const routes = await topLevel('app');
    expect(routes).toContain('subscribe');
    for (const route of routes) expect(RESERVED_SLUGS.has(route), route).toBe(true);
  });
});
