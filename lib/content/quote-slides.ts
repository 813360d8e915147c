import { formatLongDate, formatShortDate } from '../format';
import type { Locale } from '../i18n/locales';
import { messages } from '../i18n/messages';
import { quoteAnchor } from '../paths';
import type { Quote } from './load-content';

export type QuoteSlide = {
  /** Used as the slide's anchor, so Latest Updates can link to one quote. */
  anchor: string;
  date: string;
  dateLabel: string;
  html: string;
  /** The language the quote is written in, when it is not the page's (an English quote on a French page). */
  lang?: Locale;
  name: string;
  title: string;
  outlet: string;
  /** Where the quote was published, when the content gives its url; `label` is the link's accessible name. */
  article?: { url: string; label: string };
};

/** The carousel's words, passed as plain props: the dictionary stays off the client. `slides` names each slide ("2 of 6"). */
export type CarouselWords = { heading: string; previous: string; next: string; quote: string; slides: string[] };

export function carouselWords(locale: Locale, count: number): CarouselWords {
  const { heading, previous, next, quote, slide } = messages(locale).quotes;
  return { heading, previous, next, quote, slides: Array.from({ length: count }, (_, index) => slide(index + 1, count)) };
}

/** Plain, serialisable props for the client carousel: only what it shows, in the page's language. */
export function toQuoteSlides(quotes: (Quote & { lang?: Locale })[], locale: Locale): QuoteSlide[] {
  const t = messages(locale).quotes;
  return quotes.map((quote) => ({
    anchor: quoteAnchor(quote.id),
    date: quote.date,
    dateLabel: formatShortDate(quote.date, locale),
    html: quote.html,
    ...(quote.lang && quote.lang !== locale ? { lang: quote.lang } : {}),
    name: quote.name,
    title: quote.title,
    outlet: quote.outlet,
    ...(quote.url ? { article: { url: quote.url, label: t.readIn(quote.outlet, formatLongDate(quote.date, locale)) } } : {}),
  }));
}
