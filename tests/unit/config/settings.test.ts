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

  it('refuses numbers written any other way than plain digits, which would mean something else than they seem (issue 17)', () => {
    // 0x5208 would listen on 21000, 1e3 on 1000.
    expect(problemsOf({ PORT: '0x5208' })).toEqual(['PORT: must be a port number from 1 to 65535']);
    expect(problemsOf({ PORT: '1e3' })).toEqual(['PORT: must be a port number from 1 to 65535']);
    expect(problemsOf({ SMTP_TIMEOUT_MS: '3e4' }).map((problem) => problem.split(':')[0])).toEqual(['SMTP_TIMEOUT_MS']);
    expect(problemsOf({ MAIL_RATE_PER_SECOND: '0x10' }).map((problem) => problem.split(':')[0])).toEqual(['MAIL_RATE_PER_SECOND']);
    expect(parseSettings({ PORT: '8080', MAIL_RATE_PER_SECOND: '2.5', CONFIRM_TOKEN_TTL_HOURS: '0.5' })).toMatchObject({ PORT: 8080, MAIL_RATE_PER_SECOND: 2.5, CONFIRM_TOKEN_TTL_HOURS: 0.5 });
  });

  it('refuses a confirmation link lifetime no date can hold', () => {
    expect(problemsOf({ CONFIRM_TOKEN_TTL_HOURS: '1e10' }).map((problem) => problem.split(':')[0])).toEqual(['CONFIRM_TOKEN_TTL_HOURS']);
    expect(problemsOf({ CONFIRM_TOKEN_TTL_HOURS: '10000000000' }).map((problem) => problem.split(':')[0])).toEqual(['CONFIRM_TOKEN_TTL_HOURS']);
    expect(parseSettings({ CONFIRM_TOKEN_TTL_HOURS: '720' }).CONFIRM_TOKEN_TTL_HOURS).toBe(720);
  });

  it('refuses a SITE_URL with a path, query or fragment: it is the site’s origin, every URL is built on it', () => {
    for (const url of ['https://briefings.example.org/briefings', 'https://briefings.example.org/?utm=x', 'https://briefings.example.org/#top', 'https://user:pw@briefings.example.org']) {
      expect(problemsOf({ SITE_URL: url }).map((problem) => problem.split(':')[0]), url).toEqual(['SITE_URL']);
    }
    expect(parseSettings({ SITE_URL: 'https://briefings.example.org:8443/' }).SITE_URL).toBe('https://briefings.example.org:8443');
  });
});
