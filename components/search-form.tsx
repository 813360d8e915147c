import { VERDICTS, type Verdict } from '@/lib/content/schemas';
import { VERDICT_LABELS } from '@/lib/content/verdicts';
import { MAX_QUERY_LENGTH, type SearchQueryProblem } from '@/lib/search';
import { SEARCH_PATH } from '@/lib/paths';
import styles from './search.module.css';

type Props = {
  q: string;
  country?: string;
  verdict?: Verdict;
  countries: { slug: string; name: string }[];
  errors: SearchQueryProblem[];
};

const VERDICT_HINT_ID = 'search-verdict-hint';

/** A plain GET form: works without JavaScript, and every search has its own URL. A problem is said once, next to its field. */
export function SearchForm({ q, country, verdict, countries, errors }: Props) {
  const errorFor = (field: SearchQueryProblem['field']) => errors.find((error) => error.field === field)?.message;
  const describedBy = (field: SearchQueryProblem['field'], ...more: string[]) =>
    [...(errorFor(field) ? [`search-${field}-error`] : []), ...more].join(' ') || undefined;
  return (
    <form className={styles.form} role="search" aria-label="Search the briefings" action={SEARCH_PATH} method="get">
      {/* The page number has no field of its own: its problem is said above the fields. */}
      <FieldError id="search-page-error" message={errorFor('page')} />
      <div className={styles.queryRow}>
        <div className={`${styles.field} ${styles.queryField}`}>
          <label htmlFor="search-q">Search for</label>
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
          <label htmlFor="search-country">Country</label>
          <select id="search-country" name="country" defaultValue={country ?? ''} aria-invalid={errorFor('country') ? true : undefined} aria-describedby={describedBy('country')}>
            <option value="">All countries</option>
            {countries.map((option) => (
              <option key={option.slug} value={option.slug}>
                {option.name}
              </option>
            ))}
          </select>
          <FieldError id="search-country-error" message={errorFor('country')} />
        </div>
        <div className={styles.field}>
          <label htmlFor="search-verdict">Verdict</label>
          <select
            id="search-verdict"
            name="verdict"
            defaultValue={verdict ?? ''}
            aria-invalid={errorFor('verdict') ? true : undefined}
            aria-describedby={describedBy('verdict', VERDICT_HINT_ID)}
          >
            <option value="">Any verdict</option>
            {VERDICTS.map((option) => (
              <option key={option} value={option}>
                {VERDICT_LABELS[option]}
              </option>
            ))}
          </select>
          <FieldError id="search-verdict-error" message={errorFor('verdict')} />
        </div>
        <div className={styles.actions}>
          <button type="submit">Search</button>
          {(q || country || verdict) && <a href={SEARCH_PATH}>Clear</a>}
        </div>
      </div>
      <p id={VERDICT_HINT_ID} className={styles.hint}>
        Profiles and quotes have no verdict: choose one to search CrisisWatch months only.
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
