import { VERDICTS } from '@/lib/content/schemas';
import type { ArchiveChoice } from '@/lib/content/archive';
import type { Locale } from '@/lib/i18n/locales';
import { messages } from '@/lib/i18n/messages';

type Props = {
  action: string;
  years: number[];
  /** What the reader chose, kept as chosen even when it could not be applied. */
  chosen: ArchiveChoice;
  errors: { field: string; message: string }[];
  clearHref: string;
  locale: Locale;
};

const FIELDS = ['verdict', 'from', 'to'];

/**
 * A plain GET form: works without JavaScript, and every filtered view has its own URL. A problem
 * is said once, next to its field; one that belongs to no field (a page number in the address)
 * is said above the fields.
 */
export function ArchiveFilterForm({ action, years, chosen, errors, clearHref, locale }: Props) {
  const words = messages(locale).archive;
  const errorFor = (field: string) => errors.find((error) => error.field === field)?.message;
  const elsewhere = errors.filter((error) => !FIELDS.includes(error.field));
  // A year chosen by address that has no month is still shown as chosen.
  const yearOptions = [...new Set([...years, ...[chosen.from, chosen.to].map(Number).filter(Number.isInteger)])].sort((a, b) => b - a);
  return (
    <form className="archive-filter" action={action} method="get" aria-labelledby="filter-heading">
      <h3 id="filter-heading" className="visually-hidden">
        {words.filter}
      </h3>
      {elsewhere.map((error) => (
        <p key={error.field} className="field-error" role="alert">
          {error.message}
        </p>
      ))}
      <div className="filter-fields">
        <FilterSelect name="verdict" label={words.verdict} value={chosen.verdict} error={errorFor('verdict')}>
          <option value="">{words.anyVerdict}</option>
          {VERDICTS.map((verdict) => (
            <option key={verdict} value={verdict}>
              {messages(locale).verdicts.labels[verdict]}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect name="from" label={words.from} value={chosen.from} error={errorFor('from')}>
          <option value="">{words.earliest}</option>
          {yearOptions.map((year) => (
            <option key={year}>{year}</option>
          ))}
        </FilterSelect>
        <FilterSelect name="to" label={words.to} value={chosen.to} error={errorFor('to')}>
          <option value="">{words.latest}</option>
          {yearOptions.map((year) => (
            <option key={year}>{year}</option>
          ))}
        </FilterSelect>
        <div className="filter-actions">
          <button type="submit">{words.show}</button>
          <a href={clearHref}>{words.clear}</a>
        </div>
      </div>
    </form>
  );
}

function FilterSelect({ name, label, value, error, children }: { name: string; label: string; value?: string; error?: string; children: React.ReactNode }) {
  const id = `filter-${name}`;
  return (
    <div className="filter-field" data-invalid={error ? true : undefined}>
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ''} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}>
        {children}
      </select>
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
