import { describe, expect, it } from 'vitest';
import { shouldPrefetchOnIntent } from '@/lib/prefetch-policy';

describe('fetching a page ahead when the reader reaches for its link', () => {
  it('fetches the site’s own pages on an ordinary connection, or where the browser does not say', () => {
    expect(shouldPrefetchOnIntent('/mali', { effectiveType: '4g' })).toBe(true);
    expect(shouldPrefetchOnIntent('/fr/mali/crisiswatch/2023-02', { effectiveType: '3g' })).toBe(true);
    expect(shouldPrefetchOnIntent('/crisiswatch', undefined)).toBe(true);
  });

  it('fetches nothing for a reader who asked to save data or on a 2G connection', () => {
    expect(shouldPrefetchOnIntent('/mali', { saveData: true, effectiveType: '4g' })).toBe(false);
    expect(shouldPrefetchOnIntent('/mali', { effectiveType: '2g' })).toBe(false);
    expect(shouldPrefetchOnIntent('/mali', { effectiveType: 'slow-2g' })).toBe(false);
  });

  it('leaves other sites and fragments of the same page alone', () => {
    expect(shouldPrefetchOnIntent('https://www.crisisgroup.org/', undefined)).toBe(false);
    expect(shouldPrefetchOnIntent('//example.org/mali', undefined)).toBe(false);
    expect(shouldPrefetchOnIntent('#main', undefined)).toBe(false);
  });
});
