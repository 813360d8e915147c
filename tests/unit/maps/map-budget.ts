/** Most bytes of HTML one map may add to a page (the brief's budget: under about 60 KB raw). */
export const MAP_BUDGET = 60_000;

/** Text as written in markup, back to what a reader sees. */
export function unescapeHtml(text: string): string {
  return text.replace(/&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
