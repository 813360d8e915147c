import { isValid, parseISO, format } from 'date-fns';
import { z } from 'zod';

/**
 * One schema per content type. Types elsewhere are `z.infer` of these, so a field added here
 * reaches every page with the compiler's help.
 */

export const VERDICTS = ['deteriorated', 'improved', 'unchanged'] as const;
export const ALERTS = ['conflict-risk-alert', 'resolution-opportunity'] as const;

/** Country folders become URL segments, so they must be safe, lower-case slugs. */
export const COUNTRY_SLUG = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, {
    error: (issue) =>
      issue.input === undefined
        ? `required: one of ${values.join(' | ')}`
        : `expected one of ${values.join(' | ')}, got ${describe(issue.input)}`,
  });
}

/** A calendar date written as YYYY-MM-DD that exists (no 30 February). */
export const isoDate = z
  .string({ error: (issue) => `expected a date as YYYY-MM-DD, got ${describe(issue.input)}` })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: (issue) => `expected a date as YYYY-MM-DD, got ${describe(issue.input)}` })
  .refine((value) => isRealDay(value), { error: (issue) => `${describe(issue.input)} is not a real date` });

/** A year and month written as YYYY-MM, between 1990 and 2100. */
export const yearMonth = z
  .string({ error: (issue) => `expected a month as YYYY-MM, got ${describe(issue.input)}` })
  .regex(/^(199\d|20\d\d|2100)-(0[1-9]|1[0-2])$/, {
    error: (issue) => `expected a real month as YYYY-MM, got ${describe(issue.input)}`,
  });

/** An optional http(s) address of where a text was first published. */
const sourceUrl = () => z.url({ protocol: /^https?$/, error: 'expected the http(s) address where it was first published' }).optional();

const requiredText = (what: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `${what} is required` : `expected text, got ${describe(issue.input)}`) })
    .trim()
    .min(1, { error: `${what} must not be empty` });

export const countrySchema = z.strictObject({
  name: requiredText('a country name'),
  region: z
    .array(requiredText('a region'), { error: 'expected a list of regions, broadest first, such as [Africa, Sahel]' })
    .min(1, { error: 'at least one region is required' }),
  /**
   * ISO 3166-1 alpha-3 code (MLI) naming the country's shape on maps; optional, since a country
   * without one is published without a map. Whether the map data has the shape is checked by the
   * loader (lib/maps/country-codes.ts), which knows the map data.
   */
  iso3166: z
    .string({ error: (issue) => `expected a three-letter ISO 3166-1 alpha-3 code such as MLI, got ${describe(issue.input)}` })
    .regex(/^[A-Z]{3}$/, { error: (issue) => `expected a three-letter ISO 3166-1 alpha-3 code in capitals, such as MLI, got ${describe(issue.input)}` })
    .optional(),
  /** Where the profile was first published (an http(s) address), for the About page and the page's foot. */
  source_url: sourceUrl(),
});

export const crisisWatchSchema = z
  .strictObject({
    month: yearMonth,
    period: z.strictObject(
      { from: isoDate, to: isoDate },
      { error: 'expected the period the entry covers, with from: and to: dates' },
    ),
    verdict: oneOf(VERDICTS),
    alerts: z.array(oneOf(ALERTS), { error: 'expected a list of alerts (or [] for none)' }).default([]),
    lead: requiredText('a lead sentence'),
    /** Where and when the entry was first published, shown under it when given (never guessed). */
    source_url: sourceUrl(),
    published: isoDate.optional(),
    /** false holds the entry back from the update mail (it is still published on the site). */
    notify: z.boolean({ error: (issue) => `expected true or false, got ${describe(issue.input)}` }).default(true),
    /** true keeps the entry out of every page, feed, sitemap, data file and mail of a production build; `npm run dev` shows it. */
    draft: z.boolean({ error: (issue) => `expected true or false, got ${describe(issue.input)}` }).default(false),
  })
  .superRefine((entry, ctx) => {
    if (entry.period.from > entry.period.to) {
      ctx.addIssue({ code: 'custom', path: ['period', 'from'], message: `${entry.period.from} is after period.to ${entry.period.to}` });
    }
    // An impossible month is reported by its own check; comparing it with the period would only add noise.
    if (!yearMonth.safeParse(entry.month).success) return;
    const first = entry.period.from.slice(0, 7);
    const last = entry.period.to.slice(0, 7);
    if (entry.month < first || entry.month > last) {
      ctx.addIssue({
        code: 'custom',
        path: ['period'],
        message: `the period ${entry.period.from} to ${entry.period.to} does not cover the month ${entry.month}`,
      });
    }
    if (entry.published !== undefined && entry.published < entry.period.from) {
      ctx.addIssue({ code: 'custom', path: ['published'], message: `${entry.published} is before the period it reports on starts (${entry.period.from})` });
    }
    if (new Set(entry.alerts).size !== entry.alerts.length) {
      ctx.addIssue({ code: 'custom', path: ['alerts'], message: 'an alert is listed twice' });
    }
  });

export const quoteSchema = z.strictObject({
  date: isoDate,
  outlet: requiredText('the outlet'),
  name: requiredText("the expert's name"),
  title: requiredText("the expert's title"),
  url: z.url({ protocol: /^https?$/, error: 'expected an http(s) link to the article' }).optional(),
});

/**
 * A translation (`country.fr.md`, `2023-02.fr.md`, `<quote>.fr.md`) carries the words only: the
 * facts (month, period, verdict, alerts, dates, codes, the quote's date, outlet and person) live
 * in the English file, so the two editions cannot disagree on them. It records which version of
 * its source it translates (written by `npm run new -- translation`), so a change to the English
 * shows, and who translated it, since a reader must know it is this site's translation.
 */
const translationOf = {
  source_version: z
    .string({ error: (issue) => `expected the source's version, as \`npm run new -- translation\` writes it, got ${describe(issue.input)}` })
    .regex(/^[0-9a-f]{12}$/, { error: (issue) => `expected the source's version as 12 hexadecimal characters, as \`npm run new -- translation\` writes it, got ${describe(issue.input)}` }),
  translated_by: requiredText('who translated the text (such as "Translated by this site")'),
};

export const countryTranslationSchema = z.strictObject({
  ...translationOf,
  name: requiredText('a country name'),
  region: countrySchema.shape.region,
});

export const crisisWatchTranslationSchema = z.strictObject({
  ...translationOf,
  lead: requiredText('a lead sentence'),
});

export const quoteTranslationSchema = z.strictObject({
  ...translationOf,
  /** The expert's position in the reader's language; the English one is shown when absent. */
  title: requiredText("the expert's title").optional(),
});

/** The fields of each source a translation must not repeat (they are not words to translate). */
export const FACT_FIELDS = {
  country: ['iso3166', 'source_url'],
  crisiswatch: ['month', 'period', 'verdict', 'alerts', 'source_url', 'published', 'notify', 'draft'],
  quote: ['date', 'outlet', 'name', 'url'],
} as const;

/** The source's fields a translation translates: their text and the body make the source's version. */
export const WORD_FIELDS = { country: ['name', 'region'], crisiswatch: ['lead'], quote: ['title'] } as const;

export type Verdict = (typeof VERDICTS)[number];
export type Alert = (typeof ALERTS)[number];
export type CountryFrontmatter = z.infer<typeof countrySchema>;
export type CrisisWatchFrontmatter = z.infer<typeof crisisWatchSchema>;
export type QuoteFrontmatter = z.infer<typeof quoteSchema>;
export type CountryTranslationFrontmatter = z.infer<typeof countryTranslationSchema>;
export type CrisisWatchTranslationFrontmatter = z.infer<typeof crisisWatchTranslationSchema>;
export type QuoteTranslationFrontmatter = z.infer<typeof quoteTranslationSchema>;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Whether a YYYY-MM-DD date exists, by the calendar's rules: date-fns parsing and formatting it
 * back gave the same answer at ten times the cost, for every date of every file. A value of any
 * other shape (the refinement runs even when the pattern check failed) still gets date-fns'
 * answer, so what is reported never changes.
 */
export function isRealDay(value: string): boolean {
  const day = DAY.exec(value);
  if (!day) {
    const parsed = parseISO(value);
    return isValid(parsed) && format(parsed, 'yyyy-MM-dd') === value;
  }
  const [year, month, date] = [Number(day[1]), Number(day[2]), Number(day[3])];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
  // Year 0 does not exist: date-fns formats it as 0001.
  return year >= 1 && days !== undefined && date >= 1 && date <= days;
}

function describe(input: unknown): string {
  if (input === undefined) return 'nothing (the field is required)';
  if (input instanceof Date) return 'a date-time';
  return JSON.stringify(input) ?? String(input);
}
