import { readBodyBytes } from './read-request-body';

export class UnsupportedFormError extends Error {
  constructor(contentType: string | null) {
    super(`Expected a form (application/x-www-form-urlencoded or multipart/form-data), got ${contentType ?? 'no Content-Type'}`);
    this.name = 'UnsupportedFormError';
  }
}

/**
 * The fields of a small posted form, whichever encoding the sender chose: browsers post
 * urlencoded forms, and RFC 8058 lets a mail client's one-click unsubscribe arrive as
 * multipart/form-data. The body is read with a size limit before anything parses it.
 */
export async function readFormBody(request: Request, maxBytes: number): Promise<URLSearchParams> {
  const contentType = request.headers.get('content-type');
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/x-www-form-urlencoded' && mediaType !== 'multipart/form-data') throw new UnsupportedFormError(contentType);
  const bytes = await readBodyBytes(request, maxBytes);
  if (mediaType === 'application/x-www-form-urlencoded') return new URLSearchParams(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  const form = await new Response(bytes, { headers: { 'content-type': contentType ?? '' } }).formData();
  const fields = new URLSearchParams();
  for (const [name, value] of form) if (typeof value === 'string') fields.append(name, value);
  return fields;
}
