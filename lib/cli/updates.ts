import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { getSettings } from '../config/settings';
import { getContent, getCountry, getCrisisWatchEntry } from '../content';
import { migrateToLatest, openDatabase } from '../db/database';
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from '../i18n/locales';
import { composeMessage } from '../mail/mail-transport';
import { updateMessage } from '../mail/update-message';
import { publishedEntriesOf, readPublishedEntries } from '../subscriptions/published-entries';
import { getUpdateStatus, type UpdateStatus } from '../subscriptions/update-status';

const USAGE = `usage:
  npm run updates -- status                    what each entry's update mail has done: queued, retrying, sent, skipped, failed
  npm run updates -- preview <country> <month> [${LOCALES.join('|')}]
                                               writes the update message for that entry as an .eml file, without sending,
                                               as a subscriber of that language gets it (default ${DEFAULT_LOCALE})`;

/** `npm run updates -- …`: the update mail, for editors and operators. */
async function main([command, ...args]: string[]): Promise<number> {
  if (command === 'status' && args.length === 0) return status();
  const [slug, month, locale = DEFAULT_LOCALE] = args;
  if (command === 'preview' && slug && month && args.length <= 3 && isLocale(locale)) return preview(slug, month, locale);
  console.error(USAGE);
  return 2;
}

async function status(): Promise<number> {
  const settings = getSettings();
  // Entries of the build when there is one (what a server will announce), else of the content folder.
  const published = (await readPublishedEntries(path.resolve(settings.NEXT_DIST_DIR))) ?? publishedEntriesOf(await getContent());
  const store = await openDatabase(settings.DATABASE_URL);
  try {
    await migrateToLatest(store.db);
    const report = await getUpdateStatus(store, published);
    const header = ['entry', 'state', 'queued', 'retrying', 'sent', 'skipped', 'failed'];
    const rows = report.entries.map((entry) => [entry.entry, entry.state, ...[entry.queued, entry.retrying, entry.sent, entry.skipped, entry.failed].map(String)]);
    console.log(table([header, ...rows]));
    if (report.entries.length === 0) console.log('(no entry announced since update mail began)');
    console.log(`\n${report.baseline} entries were already published when update mail began and are never mailed.`);
    console.log(`${report.undeliverable} addresses are undeliverable (refused for good by their mail server); see npm run subscribers -- export.`);
    printFollowingNothing(report.followingNothing);
    return 0;
  } finally {
    await store.close();
  }
}

async function preview(slug: string, month: string, locale: Locale): Promise<number> {
  const settings = getSettings();
  const found = await getCrisisWatchEntry(slug, month, locale);
  if (!found) {
    const country = await getCountry(slug);
    console.error(country ? `${country.name} has no entry for ${month}; its entries: ${country.entries.map((entry) => entry.month).join(', ') || 'none'}` : `No country "${slug}" in ${settings.CONTENT_DIR}`);
    return 2;
  }
  const message = updateMessage({
    siteUrl: settings.SITE_URL,
    siteName: settings.SITE_NAME,
    from: settings.MAIL_FROM,
    to: 'subscriber@example.invalid',
    country: found.country,
    entry: found.entry,
    // Not a real token: the links in a preview lead to "this link cannot be used".
    manageToken: 'preview-only-this-link-does-not-work-xxxxxx',
    // As the outbox sends it to a subscriber of that language (an entry not translated: in English, marked).
    locale,
  });
  const { raw } = await composeMessage(message);
  const dir = path.resolve(settings.MAIL_DIR, 'previews');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, locale === DEFAULT_LOCALE ? `${slug}-${month}.eml` : `${slug}-${month}.${locale}.eml`);
  await writeFile(file, raw);
  console.log(`Wrote ${path.relative(process.cwd(), file)}: "${message.subject}" (not sent${found.entry.notify ? '' : '; this entry has notify: false and will not be mailed'})`);
  return 0;
}

/** Subscribers the old Subscribe page made without a country: who they are, and what an operator can do. */
function printFollowingNothing(subscribers: UpdateStatus['followingNothing']): void {
  if (subscribers.length === 0) {
    console.log('Every subscriber follows at least one country.');
    return;
  }
  console.log(
    `\n${subscribers.length} ${subscribers.length === 1 ? 'subscriber follows' : 'subscribers follow'} no country and so ${subscribers.length === 1 ? 'receives' : 'receive'} no update mail`,
  );
  console.log('(signed up on the Subscribe page before it offered countries). Nothing is sent to them until they choose countries:');
  console.log('they can subscribe again on /subscribe with the same address and tick them (a confirmed address is not asked to');
  console.log('confirm again), or use the link to choose countries in any message they received. Write to them to say so, or leave them be.');
  console.log(table([['email', 'status', 'since'], ...subscribers.map((subscriber) => [subscriber.email, subscriber.status, subscriber.since])]));
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => (column < 2 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ')).join('\n');
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
