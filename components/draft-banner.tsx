import type { Locale } from '@/lib/i18n/locales';
import { messages } from '@/lib/i18n/messages';

/**
 * Shown on a draft entry, which only the development server renders: a production build leaves
 * drafts out of every page, feed, sitemap, data file and mail.
 */
export function DraftBanner({ locale }: { locale: Locale }) {
  const [draft, notPublished, field, publish] = messages(locale).entry.draft;
  return (
    <p className="draft-banner" role="note">
      <strong>{draft}</strong>
      {notPublished}
      <code>{field}</code>
      {publish}
    </p>
  );
}
