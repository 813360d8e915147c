import { z } from 'zod';
import { isPostgresUrl } from '../db/database';
import { ConfigError } from './site-config';

/**
 * Settings of the subscription system, read from the environment and validated once; every bad
 * variable is reported together, by name. Secrets (the SMTP password inside SMTP_URL) only
 * ever come from here.
 */
const schema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .min(1)
    .default('data/subscribers.db')
    .refine((value) => !/^[a-z]+:\/\//i.test(value) || isPostgresUrl(value), {
      error: 'must be a postgres:// URL or the path of a SQLite file',
    }),
  SMTP_URL: z
    .url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL, such as smtp://user:password@mail.example.org:587' })
    .optional(),
  MAIL_DIR: z.string().trim().min(1).default('data/mail'),
  MAIL_FROM: z.string().trim().min(3).default('Crisis Briefings <updates@localhost>'),
  SUBSCRIBE_RATE_LIMIT: z.coerce
    .number({ error: 'must be a whole number of posts per minute (0 turns the limit off)' })
    .int({ error: 'must be a whole number of posts per minute (0 turns the limit off)' })
    .min(0, { error: 'must be 0 or more' })
    .default(5),
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
  CONFIRM_TOKEN_TTL_HOURS: z.coerce.number({ error: 'must be a number of hours' }).positive({ error: 'must be more than 0' }).default(48),
  OUTBOX_INTERVAL_MS: z.coerce.number({ error: 'must be a number of milliseconds' }).int().min(100, { error: 'must be at least 100' }).default(30_000),
});

export type SubscriptionConfig = z.infer<typeof schema>;

export function parseSubscriptionConfig(env: Record<string, string | undefined>): SubscriptionConfig {
  // An empty variable counts as unset, so `FOO=` in a .env file falls back to the default.
  const result = schema.safeParse(Object.fromEntries(Object.keys(schema.shape).map((name) => [name, env[name] || undefined])));
  if (!result.success) throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  return result.data;
}

let config: SubscriptionConfig | undefined;

export function getSubscriptionConfig(): SubscriptionConfig {
  config ??= parseSubscriptionConfig(process.env);
  return config;
}
