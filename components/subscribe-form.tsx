'use client';

import { useId, useState, type FormEvent } from 'react';
import { SUBSCRIBE_API_PATH } from '@/lib/paths';
import { EMAIL_MAX_LENGTH, EMAIL_MESSAGES, emailProblem } from '@/lib/subscribe/email-address';

type Status = { kind: 'idle' } | { kind: 'sending' } | { kind: 'done'; message: string } | { kind: 'error'; message: string; field?: string };

/**
 * Posts to /api/subscribe. Without JavaScript it is a plain form and the server redirects to a
 * page that says what happened; with JavaScript it checks the address with the browser's own
 * constraints and the server's email rule (email-address.ts, no zod in the browser), posts JSON
 * and announces the answer in place. The server validates again and has the last word.
 */
export function SubscribeForm({ country }: { country?: string }) {
  const id = useId();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const emailError = status.kind === 'error' && status.field === 'email' ? status.message : undefined;

  function showEmailProblem(input: HTMLInputElement | null | undefined, message: string) {
    setStatus({ kind: 'error', message, field: 'email' });
    input?.focus();
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const fields = Object.fromEntries(
      [...new FormData(form).entries()].filter((pair): pair is [string, string] => typeof pair[1] === 'string'),
    );
    const problem = emailProblem(fields.email ?? '');
    if (problem) {
      showEmailProblem(form.querySelector<HTMLInputElement>('input[name="email"]'), problem);
      return;
    }
    setStatus({ kind: 'sending' });
    try {
      const response = await fetch(form.action, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(fields),
      });
      setStatus(await statusFromResponse(response));
    } catch {
      setStatus({ kind: 'error', message: 'The subscription could not be sent. Check your connection and try again.' });
    }
  }

  return (
    <form className="subscribe-form" action={SUBSCRIBE_API_PATH} method="post" onSubmit={onSubmit}>
      <label htmlFor={`${id}-email`}>Email address</label>
      <div className="subscribe-row">
        <input
          id={`${id}-email`}
          name="email"
          type="email"
          autoComplete="email"
          required
          maxLength={EMAIL_MAX_LENGTH}
          aria-invalid={emailError ? true : undefined}
          aria-describedby={`${id}-status`}
          onInvalid={(event) => {
            // The browser's own check failed (empty, or not an address): say so in the status line,
            // in the server's words, instead of the browser's bubble.
            event.preventDefault();
            const input = event.currentTarget;
            showEmailProblem(input, emailProblem(input.value) ?? (input.validity.valueMissing ? EMAIL_MESSAGES.missing : EMAIL_MESSAGES.malformed));
          }}
        />
        <button type="submit" disabled={status.kind === 'sending'}>
          Subscribe
        </button>
      </div>
      {country && <input type="hidden" name="country" value={country} />}
      <div className="honeypot" aria-hidden="true">
        <label htmlFor={`${id}-website`}>Leave this field empty</label>
        <input id={`${id}-website`} name="website" type="text" tabIndex={-1} autoComplete="off" />
      </div>
      <p id={`${id}-status`} className={`form-status form-status-${status.kind}`} role="status">
        {status.kind === 'sending' && 'Sending…'}
        {(status.kind === 'done' || status.kind === 'error') && status.message}
      </p>
    </form>
  );
}

async function statusFromResponse(response: Response): Promise<Status> {
  const body: unknown = await response.json().catch(() => undefined);
  const message = readMessage(body);
  if (response.ok) return { kind: 'done', message: message ?? 'Thank you.' };
  const error = readFirstError(body);
  return { kind: 'error', message: error?.message ?? message ?? 'Something went wrong. Please try again later.', field: error?.field };
}

function readMessage(body: unknown): string | undefined {
  return isRecord(body) && typeof body.message === 'string' ? body.message : undefined;
}

function readFirstError(body: unknown): { field: string; message: string } | undefined {
  if (!isRecord(body) || !Array.isArray(body.errors)) return undefined;
  const first: unknown = body.errors[0];
  return isRecord(first) && typeof first.field === 'string' && typeof first.message === 'string'
    ? { field: first.field, message: first.message }
    : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
