import { VERDICTS } from '@/lib/content/schemas';
import type { ArchiveFilter } from '@/lib/content/archive';
import { VERDICT_LABELS } from '@/lib/content/verdicts';

type Props = {
  action: string;
  years: number[];
  filter: ArchiveFilter;
  errors: { field: string; message: string }[];
  clearHref: string;
};

/** A plain GET form: works without JavaScript, and every filtered view has its own URL. */
export function ArchiveFilterForm({ action, years, filter, errors, clearHref }: Props) {
  const errorFor = (field: string) => errors.find((error) => error.field === field)?.message;
  return (
    <form className="archive-filter" action={action} method="get" aria-labelledby="filter-heading">
      <h2 id="filter-heading" className="visually-hidden">
        Filter the archive
      </h2>
      {errors.length > 0 && (
        <div className="form-errors" role="alert">
          <p>The filter could not be applied:</p>
          <ul>
            {errors.map((error) => (
              <li key={error.field}>{error.message}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="filter-fields">
        <FilterSelect name="verdict" label="Verdict" value={filter.verdict} error={errorFor('verdict')}>
          <option value="">Any verdict</option>
          {VERDICTS.map((verdict) => (
            <option key={verdict} value={verdict}>
              {VERDICT_LABELS[verdict]}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect name="from" label="From year" value={filter.from?.toString()} error={errorFor('from')}>
          <option value="">Earliest</option>
          {years.map((year) => (
            <option key={year}>{year}</option>
          ))}
        </FilterSelect>
        <FilterSelect name="to" label="To year" value={filter.to?.toString()} error={errorFor('to')}>
          <option value="">Latest</option>
          {years.map((year) => (
            <option key={year}>{year}</option>
          ))}
        </FilterSelect>
        <div className="filter-actions">
          <button type="submit">Show months</button>
          <a href={clearHref}>Clear filters</a>
        </div>
      </div>
    </form>
  );
}

function FilterSelect({ name, label, value, error, children }: { name: string; label: string; value?: string; error?: string; children: React.ReactNode }) {
  const id = `filter-${name}`;
  return (
    <div className="filter-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ''} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}>
        {children}
      </select>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
