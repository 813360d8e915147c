'use client';

import { useEffect } from 'react';

/**
 * Marks the document once React has taken over the page (`<html data-hydrated="true">`). A
 * prerendered page fetches its scripts only after its first paint (lib/build/scripts-after-load.ts),
 * so until then it is the plain-HTML page; the browser tests wait for this mark before using what
 * the scripts add, as a reader who clicks a moment later would.
 */
export function HydrationMark() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = 'true';
  }, []);
  return null;
}
