const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * The text a reader sees in a fragment of the site's own sanitised HTML (a profile, a quote):
 * block ends become spaces, tags go, character references are decoded. Only for indexing and
 * snippets, which React escapes again when it renders them.
 */
export function htmlToText(html: string): string {
  return html
    .replace(/<\/(p|li|h[1-6]|blockquote|td|th|tr|pre)>|<br\s*\/?>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (reference, name: string) => {
      if (name.startsWith('#')) {
        const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
        return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : reference;
      }
      return NAMED[name.toLowerCase()] ?? reference;
    })
    .replace(/\s+/g, ' ')
    .trim();
}
