'use client';

import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { SUBSCRIBE_API_PATH } from '@/lib/paths';
import { EMAIL_MAX_LENGTH, emailProblem, type EmailMessages } from '@/lib/subscribe/email-address';
import styles from './subscribe.module.css';

type Field = 'email' | 'country';
type Problems = Partial<Record<Field, string>>;
type Status = { kind: 'idle' } | { kind: 'sending' } | { kind: 'done'; message: string } | { kind: 'error'; message?: string; problems: Problems };

/** The form's words in the page's language, given by the server component around it (the dictionary stays out of this script). */
export type SubscribeFormWords = {
  /** The page's language, posted with the form so the answer comes back in it. */
  locale: string;
  countries: string;
  email: string;
  submit: string;
  honeypot: string;
  sending: string;
  thanks: string;
  offline: string;
  failed: string;
  emailProblems: EmailMessages;
  noCountry: string;
};

export type SubscribeFormProps = {
  /**
   * Whether the reader ticks the countries: `children` are then the country checkboxes (rendered
   * on the server, so the list of countries is not part of this script); otherwise `children`
   * carry the one country of a country page as a hidden field.
   */
  choosesCountries?: boolean;
  /** What the reader typed, given back after the server refused the form without JavaScript. */
  defaultEmail?: string;
  /** The server's answer to that post, said next to its field. */
  problem?: { field: Field; message: string };
  words: SubscribeFormWords;
  children: ReactNode;
};

/**
 * Posts to /api/subscribe. Without JavaScript it is a plain form (repeated `country` fields) and
 * the server redirects to a page that says what happened; with JavaScript it checks the address
 * and the countries with the server's rules and messages (no zod in the browser), posts JSON and
 * announces the answer in place, each problem next to its field. The server has the last word.
 */
export function SubscribeForm({ choosesCountries = false, defaultEmail, problem, words, children }: SubscribeFormProps) {
  const id = useId();
  const [status, setStatus] = useState<Status>(problem ? { kind: 'error', problems: { [problem.field]: problem.message } } : { kind: 'idle' });
  const problems = status.kind === 'error' ? status.problems : {};

  /** Shows the problems found and moves the focus to the first field concerned, in the form's order. */
  function showProblems(form: HTMLFormElement, found: Problems, message?: string) {
    setStatus({ kind: 'error', message, problems: found });
    const first = found.country && choosesCountries ? 'input[name="country"]' : found.email ? 'input[name="email"]' : undefined;
    if (first) form.querySelector<HTMLInputElement>(first)?.focus();
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const text = (name: string) => (typeof data.get(name) === 'string' ? String(data.get(name)) : '');
    const fields = { email: text('email'), website: text('website'), locale: text('locale'), country: data.getAll('country').filter((value) => typeof value === 'string') };
    const found: Problems = {};
    if (fields.country.length === 0) found.country = words.noCountry;
    const email = emailProblem(fields.email, words.emailProblems);
    if (email) found.email = email;
    if (found.email || found.country) return showProblems(form, found);
    setStatus({ kind: 'sending' });
    try {
      const response = await fetch(form.action, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(fields),
      });
      const answer = await readAnswer(response, words.failed);
      if (answer.problems) showProblems(form, answer.problems, answer.message);
      else setStatus(answer.ok ? { kind: 'done', message: answer.message ?? words.thanks } : { kind: 'error', message: answer.message, problems: {} });
    } catch {
      setStatus({ kind: 'error', message: words.offline, problems: {} });
    }
  }

  const countryProblemId = `${id}-countries-problem`;
  // A country's problem is said beside the countries; without them (a country page) it is said here.
  const fieldProblem = problems.email ?? (choosesCountries ? undefined : problems.country);
  const statusLine = status.kind === 'sending' ? words.sending : status.kind === 'done' ? status.message : status.kind === 'error' ? (fieldProblem ?? status.message) : undefined;
  return (
    <form className="subscribe-form" action={SUBSCRIBE_API_PATH} method="post" onSubmit={onSubmit}>
      <input type="hidden" name="locale" value={words.locale} />
      {choosesCountries ? (
        <fieldset className={styles.countries} aria-describedby={countryProblemId}>
          <legend>{words.countries}</legend>
          <p id={countryProblemId} className={styles.problem} aria-live="polite">
            {problems.country}
          </p>
          {children}
        </fieldset>
      ) : (
        children
      )}
      <label htmlFor={`${id}-email`}>{words.email}</label>
      <div className="subscribe-row">
        <input
          id={`${id}-email`}
          name="email"
          type="email"
          autoComplete="email"
          required
          maxLength={EMAIL_MAX_LENGTH}
          defaultValue={defaultEmail}
          aria-invalid={problems.email ? true : undefined}
          aria-describedby={`${id}-status`}
          onInvalid={(event) => {
            // The browser's own check failed (empty, or not an address): say so in the status line,
            // in the server's words, instead of the browser's bubble.
            event.preventDefault();
            const input = event.currentTarget;
            const message = emailProblem(input.value, words.emailProblems) ?? (input.validity.valueMissing ? words.emailProblems.missing : words.emailProblems.malformed);
            if (input.form) showProblems(input.form, { email: message });
          }}
        />
        <button type="submit" disabled={status.kind === 'sending'}>
          {words.submit}
        </button>
      </div>
      <div className="honeypot" aria-hidden="true">
        <label htmlFor={`${id}-website`}>{words.honeypot}</label>
        <input id={`${id}-website`} name="website" type="text" tabIndex={-1} autoComplete="off" />
      </div>
      <p id={`${id}-status`} className={`form-status form-status-${status.kind === 'error' && !statusLine ? 'idle' : status.kind}`} role="status">
        {statusLine}
      </p>
    </form>
  );
}

type Answer = { ok: boolean; message?: string; problems?: Problems };

/** The API's answer: its message, and the problems it found, by field (only the ones this form shows). */
async function readAnswer(response: Response, failed: string): Promise<Answer> {
  const body: unknown = await response.json().catch(() => undefined);
  const message = isRecord(body) && typeof body.message === 'string' ? body.message : undefined;
  if (response.ok) return { ok: true, message };
  const errors: unknown[] = isRecord(body) && Array.isArray(body.errors) ? body.errors : [];
  const problems: Problems = {};
  let other: string | undefined;
  for (const error of errors) {
    if (!isRecord(error) || typeof error.message !== 'string') continue;
    if (error.field === 'email' || error.field === 'country') problems[error.field] ??= error.message;
    else other ??= error.message;
  }
  const found = Object.keys(problems).length > 0;
  return { ok: false, message: other ?? message ?? (found ? undefined : failed), problems: found ? problems : undefined };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
