/** Writing values into nginx's configuration language safely. */

export class NginxConfigError extends Error {
  override name = 'NginxConfigError';
}

/**
 * nginx 1.22 has no escape for `$` (a value would be read as a variable) and a control
 * character would end a directive early: values holding either are refused, never mangled.
 */
const UNWRITABLE = /[\u0000-\u001f\u007f$]/;

export const isWritable = (value: string): boolean => !UNWRITABLE.test(value);
/** The same, less line breaks and tabs, which a quoted string can carry escaped. */
const UNQUOTABLE = /[\u0000-\u0008\u000b-\u001f\u007f$]/;
const NEEDS_ESCAPE = /[\\"\n\t]/;

/** A double-quoted nginx string; line breaks and tabs are written as nginx's `\n` and `\t`. */
export function quote(value: string): string {
  if (UNQUOTABLE.test(value)) {
    throw new NginxConfigError(`cannot be written into nginx's configuration (a "$" or a control character): ${JSON.stringify(value)}`);
  }
  if (!NEEDS_ESCAPE.test(value)) return `"${value}"`;
  return `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', '\\n').replaceAll('\t', '\\t')}"`;
}

/** `Content-Security-Policy` from `content-security-policy`: how the header reads in a response. */
export const headerName = (name: string): string => name.replace(/(^|-)([a-z])/g, (_match, dash: string, letter: string) => dash + letter.toUpperCase());

/** nginx variable names allow letters, digits and underscores only. */
export const variableSuffix = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]+/g, '_');
