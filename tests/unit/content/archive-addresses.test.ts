import { describe, expect, it } from 'vitest';
import { archiveAddress } from '@/lib/content/archive-addresses';

// The real content/: Mali's one month, February 2023.
describe('an address of the archive’s month routes', () => {
  it('exists when its month, or its month across countries, is published', async () => {
    expect(await archiveAddress('/mali/crisiswatch/2023-02')).toBe('exists');
    expect(await archiveAddress('/crisiswatch/2023-02')).toBe('exists');
  });

  it('is missing for a month, country or archive page the site does not have, however it is spelled', async () => {
    for (const path of ['/mali/crisiswatch/2099-01', '/mali/crisiswatch/not-a-month', '/mali/crisiswatch/page', '/atlantis/crisiswatch/2023-02', '/crisiswatch/1999-01', '/mali/crisiswatch/page/2', '/mali/crisiswatch/page/1', '/mali/crisiswatch/page/02']) {
      expect(await archiveAddress(path), path).toBe('missing');
    }
  });

  it('leaves every other address to its own route', async () => {
    for (const path of ['/crisiswatch/verdicts', '/mali/crisiswatch/filter', '/mali/crisiswatch', '/mali', '/crisiswatch', '/search', '/mali/crisiswatch/2023-02/opengraph-image']) {
      expect(await archiveAddress(path), path).toBe('other');
    }
  });
});
