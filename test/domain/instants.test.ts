// toMillis reads the server's own instants natively; the answers (and the refusals) are luxon's.
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { fromMillis, instantOf, toMillis } from '../../src/domain/due.js';
import { dueWithResubmission, effectiveDue, isLate } from '../../src/domain/lateness.js';

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

describe('instants remembered for a burst', () => {
  it('gives a clock reading its toISOString and reads it back without parsing, to the millisecond', () => {
    const now = new Date('2026-12-08T03:04:05.678Z');
    const instant = instantOf(now);
    expect(instant).toBe('2026-12-08T03:04:05.678Z');
    expect(toMillis(instant)).toBe(now.getTime());
    expect(isLate(instant, '2026-12-08T03:04:05.677Z')).toBe(true);
    expect(isLate(instant, '2026-12-08T03:04:05.678Z')).toBe(false);
  });

  it('writes the same instant for the same milliseconds, and the canonical form of an offset instant', () => {
    const ms = Date.parse('2024-11-03T07:30:00.000Z');
    expect(fromMillis(ms)).toBe('2024-11-03T07:30:00.000Z');
    expect(fromMillis(ms)).toBe(fromMillis(ms));
    expect(fromMillis(toMillis('2024-11-03T01:30:00-06:00'))).toBe('2024-11-03T07:30:00.000Z');
    // Thousands of other instants in between (the memo starts over when full) change nothing.
    for (let i = 0; i < 5000; i++) fromMillis(ms + i * 1000);
    expect(fromMillis(ms)).toBe('2024-11-03T07:30:00.000Z');
    expect(effectiveDue('2024-11-03T07:30:00.000Z', { graceMinutes: 15 })).toBe('2024-11-03T07:45:00.000Z');
    expect(dueWithResubmission('2024-11-03T07:30:00.000Z', [], '2024-11-04T00:00:00.000Z')).toBe(
      '2024-11-03T07:30:00.000Z',
    );
  });
});

describe('instants of a clock that moves', () => {
  it('reads every instant a moved clock gave back to its own milliseconds, before and after the move', () => {
    const before = instantOf(new Date('2024-09-01T12:00:00.000Z'));
    const moved = instantOf(new Date('2024-12-20T06:00:00.000Z'));
    const back = instantOf(new Date('2024-08-27T09:30:00.000Z'));
    expect([before, moved, back]).toEqual([
      '2024-09-01T12:00:00.000Z',
      '2024-12-20T06:00:00.000Z',
      '2024-08-27T09:30:00.000Z',
    ]);
    // The earlier readings are no longer the remembered one: read back by parsing, to the same instant.
    expect(toMillis(before)).toBe(Date.parse('2024-09-01T12:00:00.000Z'));
    expect(toMillis(moved)).toBe(Date.parse('2024-12-20T06:00:00.000Z'));
    expect(isLate(moved, '2024-12-19T00:00:00.000Z')).toBe(true);
    expect(isLate(back, '2024-12-19T00:00:00.000Z')).toBe(false);
  });
});
