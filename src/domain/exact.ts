// Exact numbers for grades: rationals over bigint, read from decimals, rounded once (half up) when shown.

/** n / d with d > 0 and gcd(|n|, d) = 1. */
export interface Ratio {
  readonly n: bigint;
  readonly d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export function ratio(n: bigint | number, d: bigint | number = 1n): Ratio {
  let num = BigInt(n);
  let den = BigInt(d);
  if (den === 0n) throw new RangeError('division by zero');
  if (den < 0n) [num, den] = [-num, -den];
  const g = gcd(num, den);
  return g > 1n ? { n: num / g, d: den / g } : { n: num, d: den };
}

export const ZERO: Ratio = ratio(0);
export const HUNDRED: Ratio = ratio(100);

export const add = (a: Ratio, b: Ratio): Ratio => ratio(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Ratio, b: Ratio): Ratio => ratio(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Ratio, b: Ratio): Ratio => ratio(a.n * b.n, a.d * b.d);
export const div = (a: Ratio, b: Ratio): Ratio => ratio(a.n * b.d, a.d * b.n);
/** -1, 0 or 1. */
export const cmp = (a: Ratio, b: Ratio): number => {
  const diff = a.n * b.d - b.n * a.d;
  return diff < 0n ? -1 : diff > 0n ? 1 : 0;
};
export const isZero = (a: Ratio): boolean => a.n === 0n;

/** The values over one common denominator (their least common multiple): value i = n[i] / d. */
export function overCommonDenominator(values: readonly Ratio[]): { n: bigint[]; d: bigint } {
  let d = 1n;
  for (const v of values) if (v.d !== d && d % v.d !== 0n) d = (d / gcd(d, v.d)) * v.d;
  return { n: values.map((v) => (v.d === d ? v.n : v.n * (d / v.d))), d };
}

/** The exact sum, reduced once (not after every addition). */
export function sum(values: readonly Ratio[]): Ratio {
  const { n, d } = overCommonDenominator(values);
  let total = 0n;
  for (const x of n) total += x;
  return ratio(total, d);
}

const DECIMAL = /^(-)?(\d{1,9})(?:\.(\d{1,4}))?$/;

/**
 * A decimal as written by a person ("8.5", "40", "-2.25"), or null when it is not one. At most
 * nine integer digits and four decimals: more is a typing slip, not a score.
 */
export function parseDecimal(text: string): Ratio | null {
  const m = DECIMAL.exec(text.trim());
  if (!m) return null;
  const frac = m[3] ?? '';
  const n = BigInt(m[2]! + frac) * (m[1] ? -1n : 1n);
  return ratio(n, 10n ** BigInt(frac.length));
}

/** The value rounded half up (away from zero) to `places` decimals, as an exact ratio. */
export function roundHalfUp(a: Ratio, places = 2): Ratio {
  const scale = 10n ** BigInt(places);
  const neg = a.n < 0n;
  const abs = neg ? -a.n : a.n;
  const scaled = (abs * scale * 2n + a.d) / (a.d * 2n);
  return ratio(neg ? -scaled : scaled, scale);
}

/** "87.50": rounded half up once, here, for display. */
export function formatFixed(a: Ratio, places = 2): string {
  const scale = 10n ** BigInt(places);
  const r = roundHalfUp(a, places);
  const scaled = (r.n * scale) / r.d;
  const neg = scaled < 0n;
  const abs = neg ? -scaled : scaled;
  const whole = abs / scale;
  const frac = (abs % scale).toString().padStart(places, '0');
  return `${neg ? '-' : ''}${whole}${places > 0 ? `.${frac}` : ''}`;
}

/** A decimal string with no trailing zeros ("8.5", "40"), for storing an entered value back; exact when it terminates within 4 decimals. */
export function toDecimal(a: Ratio): string {
  const text = formatFixed(a, 4);
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}
