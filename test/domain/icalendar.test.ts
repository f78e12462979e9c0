// The iCalendar writer: escaping, folding at 75 octets without splitting a character, the VTIMEZONE's changes.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import {
  escapeText,
  foldLine,
  offsetChanges,
  renderCalendar,
  vtimezone,
} from '../../src/domain/icalendar.js';

describe('iCalendar text', () => {
  it('escapes backslash, semicolon, comma and newlines, and drops other control characters', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\u0007g')).toBe('a\\\\b\\;c\\,d\\ne\\nfg');
  });

  it('folds at 75 octets, continuation lines start with a space, a multi-byte character stays whole', () => {
    const line = `SUMMARY:${'é'.repeat(60)}${'x'.repeat(30)}📅`;
    const folded = foldLine(line).split('\r\n');
    expect(folded.length).toBeGreaterThan(1);
    for (const part of folded) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
    for (const part of folded.slice(1)) expect(part.startsWith(' ')).toBe(true);
    expect(folded.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
    expect(foldLine('SHORT:line')).toBe('SHORT:line');
  });

  it('finds the two changes of 2024 in Chicago at 08:00 and 07:00 UTC', () => {
    const changes = offsetChanges('America/Chicago', Date.UTC(2024, 0, 1), Date.UTC(2025, 0, 1));
    expect(changes.map((c) => [new Date(c.at).toISOString(), c.from, c.to])).toEqual([
      ['2024-03-10T08:00:00.000Z', -360, -300],
      ['2024-11-03T07:00:00.000Z', -300, -360],
    ]);
    const lines = vtimezone('America/Chicago', [2024]);
    expect(lines).toContain('DTSTART:20241103T020000');
    expect(lines).toContain('TZNAME:CDT');
    // A zone without changes still gets its one offset.
    expect(vtimezone('Asia/Kolkata', [2024])).toContain('TZOFFSETTO:+0530');
  });

  it('reads back through ical.js with hostile text intact and instants right in a zone south of the equator', () => {
    const summary = 'Talk; with, "quotes"\\ and\nnewline — ünïcödé 📅'.repeat(3);
    const text = renderCalendar({
      name: 'Test',
      timeZone: 'Australia/Sydney',
      stamp: '2024-09-01T00:00:00.000Z',
      events: [
        {
          uid: 'a@test',
          summary,
          when: { kind: 'timed', start: '2024-10-06T00:00:00.000Z', end: '2024-10-06T01:00:00.000Z' },
        },
        {
          uid: 'b@test',
          summary: 'Before',
          when: { kind: 'timed', start: '2024-10-05T00:00:00.000Z', end: null },
        },
      ],
    });
    const cal = new ICAL.Component(ICAL.parse(text));
    for (const z of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(z);
    const [a, b] = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(a!.summary).toBe(summary);
    // Sydney moves to AEDT (+11) at 02:00 on Oct 6 2024: 00:00 UTC is 11:00 local after, 10:00 local the day before.
    expect(a!.startDate.toString()).toBe('2024-10-06T11:00:00');
    expect(a!.startDate.toJSDate().toISOString()).toBe('2024-10-06T00:00:00.000Z');
    expect(b!.startDate.toString()).toBe('2024-10-05T10:00:00');
    expect(b!.startDate.toJSDate().toISOString()).toBe('2024-10-05T00:00:00.000Z');
  });

  it('describes the zone only for the years events fall in: a deadline decades away adds one year, read right', () => {
    const events = [
      {
        uid: 'class@test',
        summary: 'Class',
        when: { kind: 'timed' as const, start: '2024-10-07T14:30:00.000Z', end: null },
      },
      {
        uid: 'far@test',
        summary: 'Far',
        when: { kind: 'timed' as const, start: '1901-07-01T17:00:00.000Z', end: null },
      },
    ];
    const text = renderCalendar({
      name: 'T',
      timeZone: 'America/Chicago',
      stamp: '2024-09-01T00:00:00Z',
      events,
    });
    // 1901 (no changes: its one offset) and 2024 (its start and two changes); none of the years between.
    expect(text.match(/^BEGIN:(STANDARD|DAYLIGHT)/gm)).toHaveLength(4);
    expect(text).not.toContain('DTSTART:19600424');
    const cal = new ICAL.Component(ICAL.parse(text));
    for (const z of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(z);
    const [now, far] = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(now!.startDate.toJSDate().toISOString()).toBe('2024-10-07T14:30:00.000Z');
    expect(far!.startDate.toJSDate().toISOString()).toBe('1901-07-01T17:00:00.000Z');
  });
});
