import { z } from 'zod';
import { isPostgresUrl } from '../db/database-url';

/**
 * Every setting the site reads from the environment, in one schema, parsed once: by the build
 * (next.config.ts), by the server before it listens, and by the CLIs. An empty variable counts as
 * unset, so `FOO=` in an env file falls back to the default. Every bad variable is reported at
 * once, by name, and a secret (the password inside SMTP_URL) is never echoed.
 */
/**
 * A number written in plain decimal digits only: JavaScript's Number() also reads `0x5208`
 * (21000), `1e3` (1000) and `1e10`, which an operator would not mean, and which get past a range.
 */
const decimal = (what: string, pattern: RegExp, min: number, max: number) =>
  z
    .string()
    .regex(pattern, { error: `must be ${what}` })
    .transform(Number)
    .pipe(z.number().min(min, { error: `must be ${what}` }).max(max, { error: `must be ${what}` }));

const wholeNumber = (what: string, min: number, max = Number.MAX_SAFE_INTEGER) => decimal(what, /^\d+$/, min, max);
const positiveNumber = (what: string, min: number, max: number) => decimal(what, /^\d+(\.\d+)?$/, min, max);

/** The site's origin: every URL is built on it, so a path, query, fragment or credentials in it would end up in every link. */
const isOrigin = (value: string) => {
  // Not a URL at all is the url check's to report, once.
  if (!URL.canParse(value)) return true;
  const url = new URL(value);
  return url.pathname.replace(/\/+$/, '') === '' && !url.search && !url.hash && !value.includes('#') && !url.username && !url.password;
};

const settingsSchema = z.object({
  SITE_URL: z
    .url({ protocol: /^https?$/, error: 'must be the absolute http(s) address readers use, such as https://briefings.example.org' })
    .refine(isOrigin, { error: 'must be the site’s address alone (scheme, host and port), without a path, query or fragment, such as https://briefings.example.org' })
    .default('http://localhost:3000')
    .transform((url) => url.replace(/\/+$/, '')),
  SITE_NAME: z.string().trim().min(1).default('Crisis Briefings'),
  /** The content tree the site is built from; tests point it at generated fictional countries. */
  CONTENT_DIR: z.string().trim().min(1).default('content'),
  /** Where `next build` writes and the server reads, so two builds can sit side by side. */
  NEXT_DIST_DIR: z.string().trim().min(1).default('.next'),
  /**
   * How many of the latest months a build prerenders (each country's entries, the months across
   * countries); older ones are rendered on their first request and kept (lib/content/prerender-window.ts).
   * 0 prerenders every month.
   */
  PRERENDER_MONTHS: wholeNumber('a whole number of months (0 prerenders every month)', 0, 100_000).default(12),

  PORT: wholeNumber('a port number from 1 to 65535', 1, 65_535).default(3000),
  HOST: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9.:-]+$/, { error: 'must be an address to listen on, such as 0.0.0.0, 127.0.0.1 or ::' })
    .default('0.0.0.0'),
  TRUST_PROXY: z
    .string()
    .trim()
    .default('false')
    .transform((value, ctx) => {
      if (value === 'false' || value === '0') return 0;
      if (value === 'true') return 1;
      const hops = Number(value);
      if (Number.isInteger(hops) && hops > 0 && hops < 10) return hops;
      ctx.addIssue({ code: 'custom', message: 'must be false, true, or the number of proxies in front (1-9)' });
      return z.NEVER;
    }),
  /** Open connections one address may hold on a server that answers clients itself (no TRUST_PROXY); 0: no limit. */
  CLIENT_CONNECTION_LIMIT: wholeNumber('a whole number of connections (0 turns the limit off)', 0, 1_000_000).default(100),
  SHUTDOWN_TIMEOUT_MS: wholeNumber('a number of milliseconds from 0 to 600000', 0, 600_000).default(10_000),

  DATABASE_URL: z
    .string()
    .trim()
    .min(1)
    .default('data/subscribers.db')
    .refine((value) => !/^[a-z][a-z0-9+.-]*:\/\//i.test(value) || isPostgresUrl(value), {
      error: 'must be a postgres:// URL or the path of a SQLite file',
    }),
  DATABASE_TIMEOUT_MS: wholeNumber('a number of milliseconds from 100 to 60000', 100, 60_000).default(5_000),
  DATABASE_POOL_SIZE: wholeNumber('a whole number of connections from 1 to 100', 1, 100).default(10),
  SMTP_URL: z
    .url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL, such as smtp://user:password@mail.example.org:587' })
    .optional(),
  SMTP_TIMEOUT_MS: wholeNumber('a number of milliseconds from 1000 to 120000', 1_000, 120_000).default(30_000),
  MAIL_DIR: z.string().trim().min(1).default('data/mail'),
  MAIL_FROM: z.string().trim().min(3).default('Crisis Briefings <updates@localhost>'),
  /** Messages a sending process may start per second, whatever their kind; 0 turns pacing off. */
  MAIL_RATE_PER_SECOND: positiveNumber('a number of messages per second from 0 to 10000 (0 turns pacing off)', 0, 10_000).default(10),
  SUBSCRIBE_RATE_LIMIT: wholeNumber('a whole number of posts per minute (0 turns the limit off)', 0).default(5),
  CONFIRM_TOKEN_TTL_HOURS: positiveNumber('a number of hours from 0.1 to 8760 (a year)', 0.1, 8_760).default(48),
  OUTBOX_INTERVAL_MS: wholeNumber('a number of milliseconds, at least 100', 100).default(30_000),
  /** server: every server process sends queued mail; worker: servers only queue it, `npm run outbox:worker` sends. */
  OUTBOX_SENDER: z.enum(['server', 'worker'], { error: 'must be server or worker' }).default('server'),
});

export type Settings = z.infer<typeof settingsSchema>;

export const SETTING_NAMES = Object.keys(settingsSchema.shape) as (keyof Settings)[];

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function parseSettings(env: Record<string, string | undefined>): Settings {
  const result = settingsSchema.safeParse(Object.fromEntries(SETTING_NAMES.map((name) => [name, env[name]?.trim() || undefined])));
  if (!result.success) throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  return result.data;
}

let settings: Settings | undefined;

/**
 * For a program's start (the server, the outbox worker): its settings, or every problem printed
 * and exit code 1, before anything has started.
 */
export function settingsOrExit(program: string): Settings {
  try {
    return getSettings();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`${error.message}\nThe ${program} did not start.`);
    process.exit(1);
  }
}

/** The process's settings, parsed on first use; throws ConfigError naming every bad variable. */
export function getSettings(): Settings {
  settings ??= parseSettings(process.env);
  return settings;
}
