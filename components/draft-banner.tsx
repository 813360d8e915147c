/**
 * Shown on a draft entry, which only the development server renders: a production build leaves
 * drafts out of every page, feed, sitemap, data file and mail.
 */
export function DraftBanner() {
  return (
    <p className="draft-banner" role="note">
      <strong>Draft</strong>: not published. Remove <code>draft: true</code> from the file to publish it with the next build.
    </p>
  );
}
