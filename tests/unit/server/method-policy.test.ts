import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allowedMethods } from '@/lib/server/method-policy';

const APP = path.resolve(__dirname, '../../../app');

/** Every route handler under app/, with the URL it answers (a dynamic segment filled in) and the methods it exports. */
function routeHandlers(dir = APP): { url: string; methods: string[] }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeHandlers(full);
    if (entry.name !== 'route.ts') return [];
    const segments = path
      .relative(APP, path.dirname(full))
      .split(path.sep)
      .filter((segment) => !/^\(.*\)$/.test(segment))
      .map((segment) => (segment.startsWith('[') ? 'sample' : segment));
    const source = readFileSync(full, 'utf8');
    const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].filter((method) => new RegExp(`export (async )?(function|const) ${method}\\b`).test(source));
    return [{ url: `/${segments.join('/')}`, methods }];
  });
}

describe('the methods each address takes', () => {
  it('include every method a route handler of the app serves (the server refuses the others with 405 before Next)', () => {
    const handlers = routeHandlers();
    expect(handlers.length).toBeGreaterThan(5);
    for (const { url, methods } of handlers) for (const method of methods) expect(allowedMethods(url), `${method} ${url}`).toContain(method);
  });

  it('read pages with GET and HEAD only, and take the one-click unsubscribe post at the page’s own address', () => {
    expect(allowedMethods('/mali')).toEqual(['GET', 'HEAD']);
    expect(allowedMethods('/unsubscribe')).toEqual(['GET', 'HEAD', 'POST']);
    // A French subscriber's mail links (and List-Unsubscribe) to the French page.
    expect(allowedMethods('/fr/unsubscribe')).toEqual(['GET', 'HEAD', 'POST']);
    expect(allowedMethods('/fr/mali')).toEqual(['GET', 'HEAD']);
  });
});
