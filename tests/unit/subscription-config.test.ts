import { describe, expect, it } from 'vitest';
import { ConfigError } from '@/lib/config/site-config';
import { parseSubscriptionConfig } from '@/lib/config/subscription-config';

describe('subscription settings', () => {
  it('run on a fresh machine with no settings at all', () => {
    expect(parseSubscriptionConfig({})).toMatchObject({ DATABASE_URL: 'data/subscribers.db', MAIL_DIR: 'data/mail', SUBSCRIBE_RATE_LIMIT: 5, TRUST_PROXY: 0 });
    expect(parseSubscriptionConfig({}).SMTP_URL).toBeUndefined();
  });

  it('read PostgreSQL, SMTP, proxies and limits', () => {
    expect(
      parseSubscriptionConfig({ DATABASE_URL: 'postgres://u@db/briefings', SMTP_URL: 'smtps://u:p@mail.example.org:465', TRUST_PROXY: '2', SUBSCRIBE_RATE_LIMIT: '0' }),
    ).toMatchObject({ DATABASE_URL: 'postgres://u@db/briefings', SMTP_URL: 'smtps://u:p@mail.example.org:465', TRUST_PROXY: 2, SUBSCRIBE_RATE_LIMIT: 0 });
  });

  it('report every bad variable at once, by name, without echoing secrets', () => {
    const attempt = () => parseSubscriptionConfig({ DATABASE_URL: 'mysql://db', SMTP_URL: 'http://user:secret@mail', SUBSCRIBE_RATE_LIMIT: 'lots', TRUST_PROXY: 'maybe' });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const message = error instanceof Error ? error.message : '';
      for (const name of ['DATABASE_URL', 'SMTP_URL', 'SUBSCRIBE_RATE_LIMIT', 'TRUST_PROXY']) expect(message).toContain(`${name}:`);
      expect(message).not.toContain('secret');
    }
  });
});
