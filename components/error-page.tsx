'use client';

import Link from '@/components/intent-link';
import { useParams } from 'next/navigation';
import { DEFAULT_LOCALE, isLocale } from '@/lib/i18n/locales';
import { ERROR_PAGE_WORDS } from '@/lib/i18n/messages/error-page';
import { pathsFor } from '@/lib/paths';

/**
 * What a reader sees when a page fails on our side: the site's header and footer stay (each
 * route group's error.tsx is this, inside the group's layout), with a plain message and a way on,
 * in the page's language. The error's details stay in the server log (Next sends the browser only
 * a digest), and nothing here asks the reader to do anything about our fault.
 */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const param = useParams<{ locale?: string }>().locale;
  const locale = param && isLocale(param) ? param : DEFAULT_LOCALE;
  const words = ERROR_PAGE_WORDS[locale];
  return (
    <>
      <h1>{words.title}</h1>
      <p role="alert">{words.body}</p>
      <p>
        <button type="button" onClick={reset}>
          {words.tryAgain}
        </button>{' '}
        {words.or} <Link href={pathsFor(locale).countries}>{words.home}</Link>.
      </p>
    </>
  );
}
