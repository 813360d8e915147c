import path from 'node:path';
import { loadContent, type ContentTree, type Country } from '../../../lib/content/load-content';

const ROOT = path.resolve(__dirname, '..', '..', '..');
let tree: Promise<ContentTree> | undefined;

/**
 * A country of the real content the main site is built from (content/, or CONTENT_DIR as the build
 * reads it), read with the site's own loader in the test process, drafts left out as in the
 * production build. Browser tests on the real site assert what the content holds, so an editor who
 * adds a quote or a month adds a slide or a row rather than a failure; exact values belong to the
 * fictional site.
 */
export async function liveCountry(slug: string): Promise<Country> {
  tree ??= loadContent(path.resolve(ROOT, process.env.CONTENT_DIR?.trim() || 'content'));
  const country = (await tree).countries.find((candidate) => candidate.slug === slug);
  if (!country) throw new Error(`content/${slug} is not in the published content: the browser tests of the real site follow it`);
  return country;
}

/** The newest published entry of a country: what its page, the home page and the feeds lead with. */
export async function newestEntry(slug: string) {
  const country = await liveCountry(slug);
  const entry = country.entries[0];
  if (!entry) throw new Error(`content/${slug} has no published CrisisWatch entry: the browser tests read its newest one`);
  return { country, entry };
}

/** The text a browser shows for an HTML fragment: tags dropped, character references decoded, white space collapsed. */
export function htmlText(html: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (reference, name: string) => {
      if (name.startsWith('#')) return String.fromCodePoint(Number(name.startsWith('#x') || name.startsWith('#X') ? `0x${name.slice(2)}` : name.slice(1)));
      return named[name.toLowerCase()] ?? reference;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** The paragraphs of an HTML fragment, as text. */
export function paragraphsOf(html: string): string[] {
  return [...html.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((match) => htmlText(match[1] ?? '')).filter(Boolean);
}

/** For building a RegExp from text (a URL, a label) that must match literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
