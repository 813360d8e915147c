/**
 * Just enough XML writing for the feeds, escaped in one place. (The `feed` package was dropped: it
 * writes titles and summaries as type="html" CDATA, so a lead holding `<b>` or `AT&T` became markup
 * in a reader, and it leaves `<` raw in attribute values, which makes the document malformed.)
 */
export type XmlElement = { name: string; attributes?: Record<string, string>; text?: string; children?: XmlElement[] };

// Characters XML 1.0 cannot carry even escaped (most C0 controls, lone surrogates, U+FFFE/U+FFFF):
// one of them would make a reader reject the whole feed, so they are dropped.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Character data that an XML parser gives back as exactly `text` (a CR is a reference, or the parser would make it a line feed). */
export function xmlText(text: string): string {
  return text.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** An attribute value (in double quotes) that a parser gives back as exactly `value`; whitespace is kept, not normalised to spaces. */
export function xmlAttribute(value: string): string {
  return xmlText(value).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

/** A UTF-8 document, indented by two spaces; text is never indented, so it stays exactly as given. */
export function xmlDocument(root: XmlElement): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${serialize(root, '')}\n`;
}

function serialize({ name, attributes = {}, text, children = [] }: XmlElement, indent: string): string {
  const attrs = Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${xmlAttribute(value)}"`)
    .join('');
  if (text !== undefined) return `${indent}<${name}${attrs}>${xmlText(text)}</${name}>`;
  if (children.length === 0) return `${indent}<${name}${attrs}/>`;
  const inner = children.map((child) => serialize(child, `${indent}  `)).join('\n');
  return `${indent}<${name}${attrs}>\n${inner}\n${indent}</${name}>`;
}
