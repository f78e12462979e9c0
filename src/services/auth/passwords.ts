// Password hashing with argon2id, and the rules a new password must meet.
import { hash, verify, type Algorithm, type Options } from '@node-rs/argon2';
import { DomainError } from '../errors.js';

/**
 * argon2id, m = 19 MiB, t = 2, p = 1: the OWASP baseline. About 28 ms per hash on one core of
 * this 2-core machine, which bounds sign-in at roughly 70 per second per instance (bench/auth.ts);
 * the hash runs on libuv's thread pool, so other requests keep flowing meanwhile.
 */
export const ARGON2_OPTIONS: Options = Object.freeze({
  algorithm: 2 as Algorithm, // Argon2id (a const enum, not importable under isolatedModules)
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
});

export const PASSWORD_MIN = 10;
/** Long enough for any passphrase, short enough that hashing it cannot be used to burn CPU. */
export const PASSWORD_MAX = 200;

export async function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

// A hash of nothing anyone knows: verified against when the e-mail is unknown, so both cases take as long.
let decoy: Promise<string> | null = null;

/** Checks a password against a stored hash; with no hash, burns the same time and answers false. */
export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  if (!storedHash) {
    decoy ??= hash('decoy password that matches no account', ARGON2_OPTIONS);
    await verify(await decoy, password).catch(() => false);
    return false;
  }
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

/** Throws invalid_input unless the password is PASSWORD_MIN..PASSWORD_MAX characters. */
export function assertNewPassword(password: string): void {
  if (password.length < PASSWORD_MIN) {
    throw new DomainError('invalid_input', `Choose a password of at least ${PASSWORD_MIN} characters.`, {
      field: 'password',
    });
  }
  if (password.length > PASSWORD_MAX) {
    throw new DomainError('invalid_input', `A password can be at most ${PASSWORD_MAX} characters.`, {
      field: 'password',
    });
  }
}
