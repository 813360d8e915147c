import { endOfMonth, format, parseISO } from 'date-fns';
import { UNTRANSLATED_MARK, type TranslationLocale } from '../content/file-names';
import { ALERTS, VERDICTS } from '../content/schemas';

/**
 * The text of a new content file: every field of its schema (lib/content/schemas.ts), each
 * explained in a YAML comment. Placeholders start with "TODO:" so they cannot pass for content,
 * yet every skeleton is valid as written, so `npm run content:check` stays usable while an editor
 * fills one in.
 */

const HOW_TO = '# Lines starting with # are comments. Replace every TODO, then run `npm run content:check`.';

export function countrySkeleton(slug: string): string {
  return `---
${HOW_TO}
# name: the country as readers see it on every page. Check capitals and accents (Côte d'Ivoire).
name: ${quoted(titleOf(slug))}
# region: a list, broadest first; pages show it as Africa › Sahel.
region:
  - "TODO: the continent, such as Africa"
  - "TODO: the sub-region, such as Sahel"
# iso3166: optional, the country's ISO 3166-1 alpha-3 code in capitals (Mali is MLI). With it the
# country page shows a map of the country and its neighbours, and month maps draw it; without it
# the country is published without a map. Uncomment the next line and put the code in place of TODO;
# \`npm run content:check\` says if the map data has no shape for it.
# iso3166: TODO
# source_url: optional, the http(s) address where the profile was first published; the About
# page links it. Uncomment the next line and put the address in place of https://
# source_url: https://
---

TODO: the country profile, in markdown. The first paragraph is the page's description in search results and link previews.
`;
}

export function entrySkeleton(month: string): string {
  const first = `${month}-01`;
  const last = format(endOfMonth(parseISO(first)), 'yyyy-MM-dd');
  return `---
${HOW_TO}
# month: the month this entry covers, as YYYY-MM. It must match the file name.
month: ${month}
# period: the days the entry reports on (YYYY-MM-DD); it must include the month. The skeleton
# uses the calendar month; CrisisWatch periods often run from the end of the month before.
period:
  from: ${first}
  to: ${last}
# verdict: how the situation moved this month, one of ${VERDICTS.join(' | ')}.
verdict: unchanged # TODO: choose the verdict
# alerts: [] for none, or a list of ${ALERTS.join(' and ')}, such as [${ALERTS[0]}].
alerts: []
# lead: the bold sentence at the top of the entry that sums up the month.
lead: "TODO: the one sentence that sums up the month"
# source_url and published: optional, where and when the entry was first published (an http(s)
# address, a date as YYYY-MM-DD). The entry page shows them when given; never guess them.
# source_url: https://
# published: ${last}
# notify: true mails the entry, once, to the country's subscribers when it is first published.
# Set it to false to publish without mail (a month added to the archive after the fact, say).
notify: true
# draft: true keeps the entry out of a production build (pages, feeds, sitemap, data files, mail);
# \`npm run dev\` shows it with a draft banner. Remove this line when the entry is ready to publish.
draft: true
---

TODO: the themed paragraphs, in markdown. The first one is shown on the country page.
`;
}

/** `expert` is the file name's first-last part; without one the name is left as a placeholder. */
export function quoteSkeleton(date: string, expert: string | undefined): string {
  return `---
${HOW_TO}
# date: the day the article was published, as YYYY-MM-DD. It must match the start of the file name.
date: ${date}
# outlet: the publication that quoted the expert, such as Le Monde.
outlet: "TODO: the outlet"
# name: the expert, as the article writes it. Check accents and initials.
name: ${expert ? quoted(titleOf(expert)) : `"TODO: the expert's name"`}
# title: the expert's position, such as Senior Analyst, Sahel.
title: "TODO: the expert's title"
# url: optional, the http(s) address of the article. Uncomment the next line to link it.
# url: https://
---

TODO: the quote as published, word for word.
`;
}

/** "south-sudan" -> "South Sudan": a first guess the editor checks. */
function titleOf(slug: string): string {
  return slug
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

function quoted(text: string): string {
  return JSON.stringify(text);
}

/** How a translation says whose it is, in its own language (the editor may change it). */
const TRANSLATED_BY: Record<TranslationLocale, string> = { fr: 'Traduction de ce site, faite à partir du texte anglais' };

type TranslationSource = {
  kind: 'country' | 'crisiswatch' | 'quote';
  locale: TranslationLocale;
  /** The English file, as the editor types its path. */
  source: string;
  version: string;
  data: Record<string, unknown>;
  body: string;
};

/**
 * A translation's skeleton: the English words of `source`, each marked to translate (the content
 * check refuses the file while a mark is left), and the version of the source it translates.
 */
export function translationSkeleton({ kind, locale, source, version, data, body }: TranslationSource): string {
  const toTranslate = (value: unknown) => quoted(`${UNTRANSLATED_MARK}: ${String(value ?? '')}`);
  const fields: string[] = [];
  if (kind === 'country') {
    fields.push('# name: the country as readers of this language write it (Côte d’Ivoire, Tchad).', `name: ${toTranslate(data.name)}`);
    const regions = Array.isArray(data.region) ? data.region : [];
    fields.push('# region: the same regions as the English file, in the same order, translated.', 'region:', ...regions.map((region) => `  - ${toTranslate(region)}`));
  } else if (kind === 'crisiswatch') {
    fields.push('# lead: the sentence that sums up the month.', `lead: ${toTranslate(data.lead)}`);
  } else {
    fields.push("# title: optional, the expert's position in this language; without it the English one is shown.", `title: ${toTranslate(data.title)}`);
  }
  return `---
# Lines starting with # are comments. Translate each text marked "${UNTRANSLATED_MARK}" and remove the
# mark (the content check refuses the file while one is left), then run \`npm run content:check\`.
# Only words are translated here: dates, verdict, alerts and codes stay in the English file,
# ${source}.
# source_version: the version of the English file this translates. When the English changes, the
# content check warns; bring the translation up to date, then write the version it gives here.
source_version: "${version}"
# translated_by: shown to readers with the text, so they know whose translation it is.
translated_by: ${quoted(TRANSLATED_BY[locale])}
${fields.join('\n')}
---

${UNTRANSLATED_MARK} the text below, then remove this line.

${body.trim()}
`;
}
