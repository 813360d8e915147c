import { describe, expect, it } from 'vitest';
import { ConfigError, parseSiteConfig } from '@/lib/config/site-config';

describe('site configuration', () => {
  it('defaults to the local address', () => {
    expect(parseSiteConfig({})).toEqual({ SITE_URL: 'http://localhost:3000', SITE_NAME: 'Crisis Briefings', CONTENT_DIR: 'content' });
  });

  it('drops a trailing slash from SITE_URL', () => {
    expect(parseSiteConfig({ SITE_URL: 'https://briefings.example.org/' }).SITE_URL).toBe('https://briefings.example.org');
  });

  it('names the variable that is wrong', () => {
    expect(() => parseSiteConfig({ SITE_URL: 'briefings.example.org' })).toThrow(ConfigError);
    expect(() => parseSiteConfig({ SITE_URL: 'ftp://briefings.example.org' })).toThrow(/SITE_URL: must be the absolute http\(s\) address/);
  });
});
