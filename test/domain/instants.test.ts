// toMillis reads the server's own instants natively; the answers (and the refusals) are luxon's.
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { toMillis } from '../../src/domain/due.js';

describe('toMillis on canonical instants', () => {
  it('answers what luxon answers for every toISOString instant', () => {
    fc.assert(
      fc.property(fc.integer({ min: -62_000_000_000_000, max: 250_000_000_000_000 }), (ms) => {
        const iso = new Date(ms).toISOString();
        if (iso.length !== 24) return;
        expect(toMillis(iso)).toBe(DateTime.fromISO(iso, { setZone: true }).toMillis());
      }),
    );
  });

  it('refuses the impossible dates that Date.parse would roll over', () => {
    expect(() => toMillis('2026-02-30T10:00:00.000Z')).toThrow(/not an ISO-8601 instant/);
    expect(() => toMillis('2026-13-01T00:00:00.000Z')).toThrow(/not an ISO-8601 instant/);
  });

  it('still reads offsets, 24:00 and second-precision forms through luxon', () => {
    expect(toMillis('2026-02-28T24:00:00.000Z')).toBe(Date.UTC(2026, 2, 1));
    expect(toMillis('2026-11-26T07:00:00-05:00')).toBe(Date.UTC(2026, 10, 26, 12));
    expect(toMillis('2026-11-26T12:00:00Z')).toBe(Date.UTC(2026, 10, 26, 12));
    expect(() => toMillis('2026-11-26T12:00:00')).toThrow(/without an offset/);
  });
});
