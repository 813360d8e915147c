import { escapeHtml } from '../html-escape';
import { countryPath, entryPath } from '../paths';

/** What a cross-reference can lead to: each country's name, and the months it has entries for. */
export type CrossReferenceTarget = { slug: string; name: string; months: ReadonlySet<string> };

/** CrisisWatch's cross-references: "(see Burkina Faso and Guinea)", in text, never inside a tag. */
const SEE = /\((see [^()<>]+)\)/g;

/**
 * Links the countries a CrisisWatch entry refers the reader to, where the site has them: to that
 * country's entry for the same month when there is one, else to its page. Editors write the
 * reference as CrisisWatch does, in plain text, so it becomes a link the day the page exists
 * (a link written by hand to a page that does not exist yet would be refused by the content
 * check). Names are matched whole and longest first, so "Guinea" does not take "Guinea-Bissau".
 */
export function linkCrossReferences(html: string, month: string, targets: readonly CrossReferenceTarget[]): string {
  if (targets.length === 0 || !html.includes('(see ')) return html;
  const byName = new Map(targets.map((target) => [escapeHtml(target.name), target]));
  const names = [...byName.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const name = new RegExp(`(?<![\\p{L}\\p{N}-])(${names.join('|')})(?![\\p{L}\\p{N}-])`, 'gu');
  return html.replace(SEE, (_whole, inside: string) => {
    const linked = inside.replace(name, (found: string) => {
      const target = byName.get(found)!;
      const href = target.months.has(month) ? entryPath(target.slug, month) : countryPath(target.slug);
      return `<a href="${href}">${found}</a>`;
    });
    return `(${linked})`;
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
