import { VERDICTS, type Verdict } from '@/lib/content/schemas';
import type { Locale } from '@/lib/i18n/locales';
import { messages } from '@/lib/i18n/messages';
import { MAX_QUERY_LENGTH, type SearchQueryProblem } from '@/lib/search';
import { pathsFor } from '@/lib/paths';
import styles from './search.module.css';

type Props = {
  q: string;
  country?: string;
  verdict?: Verdict;
  countries: { slug: string; name: string }[];
  errors: SearchQueryProblem[];
  locale: Locale;
};

const VERDICT_HINT_ID = 'search-verdict-hint';

/** A plain GET form: works without JavaScript, and every search has its own URL. A problem is said once, next to its field. */
export function SearchForm({ q, country, verdict, countries, errors, locale }: Props) {
  const words = messages(locale).search;
  const searchPath = pathsFor(locale).search();
  const errorFor = (field: SearchQueryProblem['field']) => errors.find((error) => error.field === field)?.message;
  const describedBy = (field: SearchQueryProblem['field'], ...more: string[]) =>
    [...(errorFor(field) ? [`search-${field}-error`] : []), ...more].join(' ') || undefined;
  return (
    <form className={styles.form} role="search" aria-label={words.form} action={searchPath} method="get">
      {/* The page number has no field of its own: its problem is said above the fields. */}
      <FieldError id="search-page-error" message={errorFor('page')} />
      <div className={styles.queryRow}>
        <div className={`${styles.field} ${styles.queryField}`}>
          <label htmlFor="search-q">{words.query}</label>
          <input
            id="search-q"
            name="q"
            type="search"
            defaultValue={q}
            maxLength={MAX_QUERY_LENGTH}
            autoComplete="off"
            aria-invalid={errorFor('q') ? true : undefined}
            aria-describedby={describedBy('q')}
          />
          <FieldError id="search-q-error" message={errorFor('q')} />
        </div>
        <div className={styles.field}>
          <label htmlFor="search-country">{words.country}</label>
          <select id="search-country" name="country" defaultValue={country ?? ''} aria-invalid={errorFor('country') ? true : undefined} aria-describedby={describedBy('country')}>
            <option value="">{words.allCountries}</option>
            {countries.map((option) => (
              <option key={option.slug} value={option.slug}>
                {option.name}
              </option>
            ))}
          </select>
          <FieldError id="search-country-error" message={errorFor('country')} />
        </div>
        <div className={styles.field}>
          <label htmlFor="search-verdict">{words.verdict}</label>
          <select
            id="search-verdict"
            name="verdict"
            defaultValue={verdict ?? ''}
            aria-invalid={errorFor('verdict') ? true : undefined}
            aria-describedby={describedBy('verdict', VERDICT_HINT_ID)}
          >
            <option value="">{words.anyVerdict}</option>
            {VERDICTS.map((option) => (
              <option key={option} value={option}>
                {messages(locale).verdicts.labels[option]}
              </option>
            ))}
          </select>
          <FieldError id="search-verdict-error" message={errorFor('verdict')} />
        </div>
        <div className={styles.actions}>
          <button type="submit">{words.submit}</button>
          {(q || country || verdict) && <a href={searchPath}>{words.clear}</a>}
        </div>
      </div>
      <p id={VERDICT_HINT_ID} className={styles.hint}>
        {words.verdictHint}
      </p>
    </form>
  );
}

function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="field-error" role="alert">
      {message}
    </p>
  );
}
