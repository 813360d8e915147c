import { describe, expect, it } from 'vitest';
import { ConfigError, parseSettings } from '@/lib/config/settings';

const problemsOf = (env: Record<string, string>) => {
  try {
    parseSettings(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe('the settings', () => {
  it('run a fresh machine with no settings at all', () => {
    expect(parseSettings({})).toMatchObject({
      SITE_URL: 'http://localhost:3000',
      SITE_NAME: 'Crisis Briefings',
      CONTENT_DIR: 'content',
      PORT: 3000,
      HOST: '0.0.0.0',
      DATABASE_URL: 'data/subscribers.db',
      MAIL_DIR: 'data/mail',
      SUBSCRIBE_RATE_LIMIT: 5,
      TRUST_PROXY: 0,
    });
    expect(parseSettings({}).SMTP_URL).toBeUndefined();
  });

  it('treat an empty variable as unset and drop a trailing slash from SITE_URL', () => {
    expect(parseSettings({ PORT: '', SITE_URL: 'https://briefings.example.org/' })).toMatchObject({ PORT: 3000, SITE_URL: 'https://briefings.example.org' });
  });

  it('read PostgreSQL, SMTP, proxies, ports and limits', () => {
    expect(
      parseSettings({ DATABASE_URL: 'postgres://u@db/briefings', SMTP_URL: 'smtps://u:p@mail.example.org:465', TRUST_PROXY: '2', SUBSCRIBE_RATE_LIMIT: '0', PORT: '8080' }),
    ).toMatchObject({ DATABASE_URL: 'postgres://u@db/briefings', SMTP_URL: 'smtps://u:p@mail.example.org:465', TRUST_PROXY: 2, SUBSCRIBE_RATE_LIMIT: 0, PORT: 8080 });
  });

  it('name every bad variable at once, one line each, without echoing a secret', () => {
    const problems = problemsOf({
      PORT: 'abc',
      SITE_URL: 'briefings.example.org',
      DATABASE_URL: 'mysql://db',
      SMTP_URL: 'http://user:secret@mail',
      SUBSCRIBE_RATE_LIMIT: 'lots',
      TRUST_PROXY: 'maybe',
      DATABASE_TIMEOUT_MS: '-1',
    });
    expect(problems.map((problem) => problem.split(':')[0])).toEqual(
      expect.arrayContaining(['PORT', 'SITE_URL', 'DATABASE_URL', 'SMTP_URL', 'SUBSCRIBE_RATE_LIMIT', 'TRUST_PROXY', 'DATABASE_TIMEOUT_MS']),
    );
    expect(problems).toHaveLength(7);
    expect(problems.join('\n')).not.toContain('secret');
    expect(problems).toContain('PORT: must be a port number from 1 to 65535');
  });

  it('refuses a port out of range and a half number', () => {
    expect(problemsOf({ PORT: '70000' })).toEqual(['PORT: must be a port number from 1 to 65535']);
    expect(problemsOf({ SUBSCRIBE_RATE_LIMIT: '2.5' })).toEqual(['SUBSCRIBE_RATE_LIMIT: must be a whole number of posts per minute (0 turns the limit off)']);
  });
});
