import { formatLongDate, formatShortDate } from '../format';
import { quoteAnchor } from '../paths';
import type { Quote } from './load-content';

export type QuoteSlide = {
  /** Used as the slide's anchor, so Latest Updates can link to one quote. */
  anchor: string;
  date: string;
  dateLabel: string;
  html: string;
  name: string;
  title: string;
  outlet: string;
  /** Where the quote was published, when the content gives its url; `label` is the link's accessible name. */
  article?: { url: string; label: string };
};

/** Plain, serialisable props for the client carousel: only what it shows. */
export function toQuoteSlides(quotes: Quote[]): QuoteSlide[] {
  return quotes.map((quote) => ({
    anchor: quoteAnchor(quote.id),
    date: quote.date,
    dateLabel: formatShortDate(quote.date),
    html: quote.html,
    name: quote.name,
    title: quote.title,
    outlet: quote.outlet,
    ...(quote.url ? { article: { url: quote.url, label: `Read in ${quote.outlet} (article of ${formatLongDate(quote.date)})` } } : {}),
  }));
}
