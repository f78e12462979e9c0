// Argument parsers shared by commands: a bad value is a usage error (exit 2) with a sentence saying what is expected.
import { InvalidArgumentError } from 'commander';

export function parseYear(value: string): number {
  const year = Number(value);
  if (!/^\d{4}$/.test(value) || year < 1900 || year > 2200)
    throw new InvalidArgumentError('expected a four-digit year, e.g. 2024.');
  return year;
}

export function parseLocalDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new InvalidArgumentError('expected a date as YYYY-MM-DD, e.g. 2026-10-05.');
  }
  return value;
}

export function parseSlug(value: string): string {
  if (!/^[a-z0-9-]{1,64}$/.test(value)) {
    throw new InvalidArgumentError(
      'a course slug uses lower-case letters, digits and hyphens (1–64), e.g. cs598-genai-f24.',
    );
  }
  return value;
}

export function parseMinutes(value: string): number {
  const minutes = Number(value);
  if (!/^\d+$/.test(value) || minutes < 1)
    throw new InvalidArgumentError('expected a whole number of minutes, 1 or more.');
  return minutes;
}
