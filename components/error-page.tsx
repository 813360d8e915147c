'use client';

import Link from 'next/link';

/**
 * What a reader sees when a page fails on our side: the site's header and footer stay (each
 * route group's error.tsx is this, inside the group's layout), with a plain message and a way on. The error's details stay in the server log (Next sends the browser
 * only a digest), and nothing here asks the reader to do anything about our fault.
 */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <>
      <h1>Something went wrong on our side</h1>
      <p role="alert">This page could not be shown just now. Please try again in a minute.</p>
      <p>
        <button type="button" onClick={reset}>
          Try again
        </button>{' '}
        or <Link href="/">see every country we follow</Link>.
      </p>
    </>
  );
}
