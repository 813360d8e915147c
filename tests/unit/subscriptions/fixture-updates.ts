import path from 'node:path';
import type { ContentTree } from '../../../lib/content/load-content';
import { localizeTree } from '../../../lib/content/localize';
import { parseEntryKey } from '../../../lib/subscriptions/announcements';
import type { OutboxSettings } from '../../../lib/subscriptions/outbox';

/** The fictional fixture tree the update-mail tests announce (Freedonia: 2024-04 to 2024-06). */
export const FIXTURES = path.resolve('tests/fixtures/valid');

/** Outbox settings whose update messages are written from `content` (the fixture tree), in each subscriber's language. */
export function updateSettings(content: ContentTree): OutboxSettings {
  return {
    siteUrl: 'https://briefings.example.org',
    siteName: 'Crisis Briefings',
    from: 'Briefings <updates@example.org>',
    confirmTtlHours: 48,
    async updateContent(key, locale) {
      const parsed = parseEntryKey(key);
      const country = localizeTree(content, locale).countries.find((candidate) => candidate.slug === parsed?.country);
      const entry = country?.entries.find((candidate) => candidate.month === parsed?.month);
      return country && entry ? { country, entry } : undefined;
    },
    countries: async (locale) => localizeTree(content, locale).countries,
  };
}

