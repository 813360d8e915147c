import { describe, expect, it } from 'vitest';
import { countryShareImage, entryShareImage, siteShareImage } from '@/lib/og/share-images';

const freedonia = { name: 'Freedonia', region: ['Europe', 'Balkans'], entries: [{ month: '2024-06', verdict: 'deteriorated' as const, alerts: ['conflict-risk-alert' as const] }] };

describe('share images speak the language of the page they are shared from', () => {
  it('says a French month, verdict and alert on French pages', () => {
    const image = entryShareImage(freedonia, freedonia.entries[0]!, 'fr');
    expect(image.title).toBe('Freedonia, juin 2024');
    expect(image.lines?.map((line) => [line.heading, line.name])).toEqual([
      ['Tendances de juin 2024', 'Situation détériorée'],
      ['Perspectives pour juillet 2024', 'Alerte risque de conflit'],
    ]);
  });

  it('keeps English words on English pages', () => {
    const image = countryShareImage(freedonia, 'en');
    expect(image.eyebrow).toBe('Europe › Balkans');
    expect(image.lines?.map((line) => `${line.heading}: ${line.name}`)).toEqual(['Trends in June 2024: Deteriorated Situation', 'Outlook for July 2024: Conflict Risk Alert']);
  });

  it('gives the site image its title in each language', () => {
    expect(siteShareImage('fr').title).toBe('Où en est chaque conflit ce mois-ci');
    expect(siteShareImage('en').title).toBe('Where each conflict stands this month');
  });
});
