import { createHash, randomBytes, randomUUID } from 'node:crypto';

/** 256 random bits, URL-safe. Only its hash is stored, so a leaked database confirms nobody. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Tokens are 43 base64url characters; anything else is not worth a database round trip. */
export function isWellFormedToken(token: unknown): token is string {
  return typeof token === 'string' && /^[A-Za-z0-9_-]{43}$/.test(token);
}

export const newId = () => randomUUID();
