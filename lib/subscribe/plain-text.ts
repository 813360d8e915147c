/** A one-line plain-text answer, for clients that read text (a mail client's one-click POST, a form without JavaScript). */
export function plainText(body: string, status: number, headers: Record<string, string> = {}): Response {
  return new Response(`${body}\n`, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...headers } });
}
