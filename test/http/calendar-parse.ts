// Reading a calendar feed as a client would: ical.js with the feed's own VTIMEZONE (ical.js knows no zones itself).
import ICAL from 'ical.js';
import { expect } from 'vitest';

export interface FeedEvent {
  uid: string;
  summary: string;
  description: string;
  location: string | null;
  /** UTC instant of DTSTART (ISO), read through the feed's VTIMEZONE. */
  start: string;
  end: string | null;
  tzid: string | null;
  allDay: boolean;
  /** DTSTART as written (local wall-clock or date). */
  local: string;
}

/** Checks the RFC 5545 framing (CRLF, 75-octet lines), then parses every VEVENT. */
export function parseFeed(text: string): { events: FeedEvent[]; zones: string[]; name: string } {
  expect(text.endsWith('\r\n')).toBe(true);
  const lines = text.slice(0, -2).split('\r\n');
  expect(lines.filter((l) => l.includes('\n') || l.includes('\r'))).toEqual([]);
  expect(lines.filter((l) => Buffer.byteLength(l, 'utf8') > 75)).toEqual([]);
  const calendar = new ICAL.Component(ICAL.parse(text));
  const zones = calendar.getAllSubcomponents('vtimezone');
  for (const zone of zones) ICAL.TimezoneService.register(zone);
  const events = calendar.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid,
      summary: e.summary,
      description: e.description ?? '',
      location: e.location ?? null,
      start: e.startDate.toJSDate().toISOString(),
      end: v.hasProperty('dtend') ? e.endDate.toJSDate().toISOString() : null,
      tzid: e.startDate.isDate ? null : e.startDate.zone.tzid,
      allDay: e.startDate.isDate,
      local: e.startDate.toString(),
    };
  });
  return {
    events,
    zones: zones.map((z) => String(z.getFirstPropertyValue('tzid'))),
    name: String(calendar.getFirstPropertyValue('x-wr-calname')),
  };
}

/** The events of one local day (DTSTART's date as written). */
export function onDay(events: FeedEvent[], date: string): FeedEvent[] {
  return events.filter((e) => e.local.startsWith(date));
}
