// Normalizing and checking the e-mail addresses and names people type.
import { z } from 'zod';
import { invisibleCharacterIn, invisibleCharacterProblem } from '../../domain/names.js';
import { DomainError } from '../errors.js';

export const EMAIL_MAX = 254;
export const NAME_MAX = 120;

const emailSchema = z.email();

/** Trimmed and lower-cased, or null when it is not an e-mail address of at most 254 characters. */
export function normalizeEmail(input: string): string | null {
  const email = input.trim().toLowerCase();
  if (email.length === 0 || email.length > EMAIL_MAX) return null;
  return emailSchema.safeParse(email).success ? email : null;
}

/** Why a name is not acceptable, or null. */
export function nameProblem(input: string): string | null {
  const name = input.trim();
  if (name.length === 0) return 'A name is required.';
  if (name.length > NAME_MAX) return `A name can be at most ${NAME_MAX} characters.`;
  const invisible = invisibleCharacterIn(name);
  if (invisible) return invisibleCharacterProblem('A name', invisible);
  return null;
}

export function requireEmail(input: string): string {
  const email = normalizeEmail(input);
  if (!email) throw new DomainError('invalid_input', 'Enter a valid e-mail address.', { field: 'email' });
  return email;
}

export function requireName(input: string): string {
  const problem = nameProblem(input);
  if (problem) throw new DomainError('invalid_input', problem, { field: 'name' });
  return input.trim();
}
