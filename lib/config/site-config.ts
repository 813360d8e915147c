import { z } from 'zod';

/**
 * Settings read from the environment, validated once. Every bad or missing variable is
 * reported together, by name, so a deployer fixes them in one go.
 */
const siteConfigSchema = z.object({
  SITE_URL: z
    .url({ protocol: /^https?$/, error: 'must be the absolute http(s) address readers use, such as https://briefings.example.org' })
    .default('http://localhost:3000')
    .transform((url) => url.replace(/\/+$/, '')),
  SITE_NAME: z.string().trim().min(1).default('Crisis Briefings'),
  /** The content tree the site is built from; tests point it at generated fictional countries. */
  CONTENT_DIR: z.string().trim().min(1).default('content'),
});

export type SiteConfig = z.infer<typeof siteConfigSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function parseSiteConfig(env: Record<string, string | undefined>): SiteConfig {
  const result = siteConfigSchema.safeParse({
    SITE_URL: env.SITE_URL || undefined,
    SITE_NAME: env.SITE_NAME || undefined,
    CONTENT_DIR: env.CONTENT_DIR || undefined,
  });
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  return result.data;
}

let config: SiteConfig | undefined;

export function getSiteConfig(): SiteConfig {
  config ??= parseSiteConfig(process.env);
  return config;
}
