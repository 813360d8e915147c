import { NextResponse, type NextRequest } from 'next/server';

/**
 * RFC 8058: mail clients POST to the very URL in List-Unsubscribe, which is also the page a
 * reader opens. GET renders the page; POST is handed to the API route that unsubscribes.
 */
export function proxy(request: NextRequest) {
  if (request.method !== 'POST') return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = '/api/unsubscribe';
  return NextResponse.rewrite(url);
}

export const config = { matcher: '/unsubscribe' };
