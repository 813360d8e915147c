import Link from '@/components/intent-link';
import type { Locale } from '@/lib/i18n/locales';
import { messages } from '@/lib/i18n/messages';
import { pathsFor } from '@/lib/paths';

/** What a not-found page says in one language, and where it sends the reader instead. */
export function NotFoundText({ locale }: { locale: Locale }) {
  const t = messages(locale).notFound;
  const paths = pathsFor(locale);
  return (
    <>
      <h1>{t.title}</h1>
      <p>{t.body}</p>
      <ul>
        <li>
          <Link href={paths.countries}>{t.countries}</Link>
        </li>
        <li>
          <Link href={paths.search()}>{t.search}</Link>
        </li>
      </ul>
    </>
  );
}
