import { escapeHtml } from '../html-escape';
import type { Locale } from '../i18n/locales';
import { pathsFor } from '../paths';

/** What a cross-reference can lead to: each country's name (in the text's language), and the months it has entries for. */
export type CrossReferenceTarget = { slug: string; name: string; months: ReadonlySet<string> };

/**
 * CrisisWatch's cross-references, in text, never inside a tag: "(see Burkina Faso and Guinea)",
 * and in the French translations "(voir Burkina Faso et Guinée)".
 */
const SEE_WORDS: Record<Locale, string> = { en: 'see', fr: 'voir' };

/**
 * Links the countries a CrisisWatch entry refers the reader to, where the site has them: to that
 * country's entry for the same month when there is one, else to its page, in the text's language.
 * Editors write the reference as CrisisWatch does, in plain text, so it becomes a link the day the
 * page exists (a link written by hand to a page that does not exist yet would be refused by the
 * content check). Names are matched whole and longest first, so "Guinea" does not take "Guinea-Bissau".
 */
export function linkCrossReferences(html: string, month: string, targets: readonly CrossReferenceTarget[], locale: Locale): string {
  const see = SEE_WORDS[locale];
  if (targets.length === 0 || !html.includes(`(${see} `)) return html;
  const paths = pathsFor(locale);
  const byName = new Map(targets.map((target) => [escapeHtml(target.name), target]));
  const names = [...byName.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const name = new RegExp(`(?<![\\p{L}\\p{N}-])(${names.join('|')})(?![\\p{L}\\p{N}-])`, 'gu');
  const reference = new RegExp(`\\((${see} [^()<>]+)\\)`, 'g');
  return html.replace(reference, (_whole, inside: string) => {
    const linked = inside.replace(name, (found: string) => {
      const target = byName.get(found)!;
      const href = target.months.has(month) ? paths.entry(target.slug, month) : paths.country(target.slug);
      return `<a href="${href}">${found}</a>`;
    });
    return `(${linked})`;
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
