'use client';

import NextLink from 'next/link';
import { useState, type ComponentProps, type FocusEvent, type MouseEvent, type TouchEvent } from 'react';
import { shouldPrefetchOnIntent } from '@/lib/prefetch-policy';

type Props = ComponentProps<typeof NextLink>;

/**
 * The site's internal link: next/link without prefetching every link that scrolls into view.
 * next/link fetches the data of each page its links point to as soon as they are on screen (the
 * header's sections alone were seven requests on every page load, and their parsing lengthened
 * the first seconds on a phone). Here a page is fetched ahead only when the reader reaches for its
 * link (pointer over it, keyboard focus on it, a finger on it) and the connection is not a slow or
 * data-saving one; a click on a link never fetched works as it always did, a moment later.
 * `prefetch={false}` turns even that off (links with a one-time token, search results).
 *
 * Reaching for the link turns next/link's own prefetching on for it (it then fetches the page, the
 * link being on screen), so Next keeps its cache and its rules; no router is needed to render it.
 */
export default function IntentLink({ prefetch, onMouseEnter, onFocus, onTouchStart, ...props }: Props) {
  const [reachedFor, setReachedFor] = useState(false);
  const href = typeof props.href === 'string' ? props.href : undefined;
  const onIntent = () => {
    if (!reachedFor && prefetch !== false && href && shouldPrefetchOnIntent(href, connectionOf(navigator))) setReachedFor(true);
  };
  return (
    <NextLink
      {...props}
      prefetch={reachedFor ? prefetch : false}
      onMouseEnter={(event: MouseEvent<HTMLAnchorElement>) => {
        onIntent();
        onMouseEnter?.(event);
      }}
      onFocus={(event: FocusEvent<HTMLAnchorElement>) => {
        onIntent();
        onFocus?.(event);
      }}
      onTouchStart={(event: TouchEvent<HTMLAnchorElement>) => {
        onIntent();
        onTouchStart?.(event);
      }}
    />
  );
}

/** The Network Information API where the browser has it (Chromium); undefined elsewhere. */
function connectionOf(navigator: Navigator): { saveData?: boolean; effectiveType?: string } | undefined {
  return (navigator as Navigator & { connection?: { saveData?: boolean; effectiveType?: string } }).connection;
}
