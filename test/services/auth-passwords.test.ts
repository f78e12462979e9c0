// Password hashing and tokens: argon2id at the documented cost, no plain tokens at rest.
import { describe, expect, it } from 'vitest';
import {
  ARGON2_OPTIONS,
  assertNewPassword,
  hashPassword,
  verifyPassword,
} from '../../src/services/auth/passwords.js';
import { hashToken, newToken } from '../../src/services/auth/tokens.js';
import { normalizeEmail, nameProblem } from '../../src/services/auth/identity.js';

describe('passwords', () => {
  it('hashes with argon2id, 19 MiB, 2 passes, 1 lane', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(ARGON2_OPTIONS.memoryCost).toBe(19456);
    expect(await verifyPassword(hash, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(hash, 'correct horse battery!')).toBe(false);
  });

  it('answers false for an account without a password, after the same work', async () => {
    const t = performance.now();
    expect(await verifyPassword(null, 'anything at all')).toBe(false);
    expect(performance.now() - t).toBeGreaterThan(2);
  });

  it('wants 10 to 200 characters', () => {
    expect(() => assertNewPassword('short')).toThrow(/at least 10/);
    expect(() => assertNewPassword('x'.repeat(201))).toThrow(/at most 200/);
    expect(() => assertNewPassword('ten chars!')).not.toThrow();
  });
});

describe('tokens and identities', () => {
  it('stores only the sha-256 of a 32-byte token', () => {
    const { token, hash } = newToken();
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(hash).toBe(hashToken(token));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(token);
  });

  it('normalizes e-mails and refuses malformed or over-long ones', () => {
    expect(normalizeEmail('  Ada@Example.EDU ')).toBe('ada@example.edu');
    expect(normalizeEmail('ada@')).toBeNull();
    expect(normalizeEmail('a b@example.edu')).toBeNull();
    expect(normalizeEmail(`${'a'.repeat(250)}@example.edu`)).toBeNull();
  });

  it('refuses empty, over-long and control-character names', () => {
    expect(nameProblem('  ')).toBe('A name is required.');
    expect(nameProblem('x'.repeat(121))).toMatch(/at most 120/);
    expect(nameProblem('Ada\u0007')).toMatch(/control characters/);
    expect(nameProblem('José Núñez')).toBeNull();
  });
});
