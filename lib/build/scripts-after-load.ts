import { createHash } from 'node:crypto';
import { z } from 'zod';

/**
 * A prerendered page's framework scripts, fetched once the page has loaded and been painted.
 *
 * Next writes each page's scripts (about 170 KB gzip'd of React and its router) as `<script async>`
 * in the head, so a phone on a slow connection downloads them alongside, and in competition with,
 * the stylesheet and the fonts that the first paint waits for. Every page works without scripts
 * (links, forms, the archive and the quotes are plain HTML; the browser tests run with JavaScript
 * off), so nothing a reader needs waits on them: the scripts only enhance a page that is already
 * usable. A small inline script adds the same scripts, in the same order, after the first paint;
 * React then hydrates the page as it would have.
 *
 * The page's inline RSC payload goes with them. Next writes it into the HTML as scripts
 * (`self.__next_f.push(…)`) that repeat the page for React: 58 % of the bytes of a page with a map
 * (its SVG twice), two thirds of an entry's. Only React reads it, when it hydrates; a reader
 * without scripts never did. So it moves to a file of its own, named by its content, which the
 * loader adds first: dynamically added scripts that are not async run in the order they were
 * added, so the payload is in place before Next's runtime reads it, as it was when it came inline.
 *
 * Measured with `npm run bench -- lighthouse` (docs/benchmarks.md): Lighthouse's simulated slow
 * 4G counts every request started before the largest paint as part of it, and these scripts were
 * most of those bytes; the payload made a page with a map two round trips of HTML instead of one.
 */

/**
 * `<script src="…" async="">`, as React writes a page's bootstrap and chunk scripts; on a page
 * rendered per request each carries the request's nonce, after `async` (React) or before it
 * (the chunk Next adds itself).
 */
const ASYNC_SCRIPT = /<script src="([^"<>]+)"(?: nonce="([^"<>]*)")? async=""(?: nonce="([^"<>]*)")?><\/script>/g;
/** The early fetch hints for the same chunks (React writes them for chunks the runtime loads itself). */
const SCRIPT_PRELOAD = /<link rel="preload" as="script"[^<>]*\/>/g;

/**
 * Next's inline RSC payload: `(self.__next_f=self.__next_f||[]).push([0])`, then each
 * `self.__next_f.push([1,"…"])`. Next escapes `<` inside the strings, so the first closing tag
 * ends each script.
 */
const PAYLOAD_SCRIPT = /<script>((?:\(self\.__next_f=self\.__next_f\|\|\[\]\)|self\.__next_f)\.push\(\[[\s\S]*?\]\))<\/script>/g;
/** Where the payload files go, under the build's `static/` (served at `/_next/static/payload/`, cached for a year, like Next's assets). */
export const PAYLOAD_FOLDER = 'payload';

const ENTITIES: Record<string, string> = { '&amp;': '&', '&quot;': '"', '&#x27;': "'", '&#39;': "'", '&lt;': '<', '&gt;': '>' };
/** An attribute's value as the browser reads it (React escapes these few characters). */
const attributeText = (value: string) => value.replace(/&(?:amp|quot|#x27|#39|lt|gt);/g, (entity) => ENTITIES[entity]!);

/**
 * The inline loader: adds each script, in order (they download side by side and run one after
 * another), once the page has loaded and its first contentful paint has been presented (both may come in either order; on a fast connection `load` often comes
 * first). A page in a hidden tab paints nothing, so there it adds them at `load`, as it does a
 * second after `load` in a browser that does not report paints. Kept to ES5, as the rest of the
 * page needs no script at all. Its text is hashed into the page's CSP with the page's other
 * inline scripts (static-routes-builder.ts).
 */
const LOADER_START = '(function(s){var d=document,done,loaded,painted;';

export function scriptLoader(sources: readonly string[]): string {
  return (
    `${LOADER_START}function go(){if(done)return;done=1;` +
    's.forEach(function(u){var e=d.createElement("script");e.src=u;e.async=false;d.head.appendChild(e)})}' +
    'function ready(){if(loaded&&painted)go()}' +
    'function onLoad(){loaded=1;if(d.visibilityState!=="visible")painted=1;ready();setTimeout(go,1000)}' +
    'try{new PerformanceObserver(function(l){if(l.getEntriesByName("first-contentful-paint").length){painted=1;ready()}}).observe({type:"paint",buffered:true})}catch(e){painted=1}' +
    'if(d.readyState==="complete")onLoad();else addEventListener("load",onLoad)})' +
    `(${JSON.stringify(sources).replaceAll('<', '\\u003c')})`
  );
}

/** A page as served, the file of its payload (relative to the build folder) when it had one, and the nonce its scripts carried (a page rendered per request). */
export type PageAfterPaint = { html: string; payload?: { file: string; text: string }; nonce?: string };

/**
 * The page with its async scripts, their preload hints and its inline payload taken out and one
 * loader added at the end of the body, with the payload's file. A page without such scripts
 * (already done, or a page with none) is returned as it is.
 */
export function loadScriptsAfterPage(built: string): PageAfterPaint {
  const sources: string[] = [];
  let nonce: string | undefined;
  const stripped = built.replace(ASYNC_SCRIPT, (_tag, source: string, nonceBefore: string | undefined, nonceAfter: string | undefined) => {
    sources.push(attributeText(source));
    nonce ??= nonceBefore ?? nonceAfter;
    return '';
  });
  const closingBody = stripped.lastIndexOf('</body>');
  if (sources.length === 0 || closingBody < 0) return { html: built };
  const pushes: string[] = [];
  const withoutPayload = stripped.replace(PAYLOAD_SCRIPT, (_tag, push: string) => {
    pushes.push(push);
    return '';
  });
  // Next's asset folder, from its own scripts' address (`/_next/` unless an asset prefix is set).
  const assets = /^(.*\/)static\//.exec(sources[0]!)?.[1];
  let html = stripped;
  let payload: PageAfterPaint['payload'];
  if (pushes.length > 0 && assets) {
    const text = `${pushes.join(';\n')};\n`;
    const name = `${createHash('sha256').update(text).digest('hex').slice(0, 20)}.js`;
    payload = { file: `static/${PAYLOAD_FOLDER}/${name}`, text };
    sources.unshift(`${assets}static/${PAYLOAD_FOLDER}/${name}`);
    html = withoutPayload;
  }
  const end = html.lastIndexOf('</body>');
  const withoutHints = html.slice(0, end).replace(SCRIPT_PRELOAD, '');
  // A page rendered per request allows its scripts by the request's nonce: the loader carries it too.
  const loaderTag = nonce === undefined ? '<script>' : `<script nonce="${nonce}">`;
  return { html: `${withoutHints}${loaderTag}${scriptLoader(sources)}</script>${html.slice(end)}`, ...(payload && { payload }), ...(nonce !== undefined && { nonce }) };
}

/** The scripts a page's loader adds after the first paint, for whoever measures what a page loads (tests/bench/page-weight.ts). */
export function scriptsAddedAfterLoad(html: string): string[] {
  const start = html.indexOf(LOADER_START);
  if (start < 0) return [];
  const end = html.indexOf('</script>', start);
  const list = /\}\)\((\[.*\])\)$/.exec(html.slice(start, end))?.[1];
  return list ? z.array(z.string()).parse(JSON.parse(list)) : [];
}
