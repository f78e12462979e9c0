// The course's time zone as the syllabus states it: an IANA name ("Time zone: America/New_York"), a zone written
// after a time ("5 PM EST", "11:59pm PT", "14:00 CET"), or the campus city; "AoE" deadlines are noted but do not
// set the zone of the classes.
import { IANAZone } from 'luxon';
import { plain } from './text.js';

export interface ZoneFinding {
  zone: string;
  /** 1-based line. */
  line: number;
  /** As written: "5 PM EST", "Urbana". */
  written: string;
}

const ABBREVIATIONS: Record<string, string> = {
  E: 'America/New_York',
  C: 'America/Chicago',
  M: 'America/Denver',
  P: 'America/Los_Angeles',
  CET: 'Europe/Berlin',
  CEST: 'Europe/Berlin',
  BST: 'Europe/London',
  GMT: 'Europe/London',
  UTC: 'UTC',
};

const IANA =
  /\b((?:America|Europe|Asia|Australia|Africa|Pacific|Atlantic|Indian)\/[A-Z][A-Za-z_]+(?:\/[A-Z][A-Za-z_]+)?|UTC)\b/;
const ZONE_LABEL = /\btime ?zone\b/i;
const AFTER_TIME =
  /\b\d{1,2}(?::\d{2})?\s*(?:[ap]\.?\s*m\.?)?\s*\(?\b(E[SD]?T|C[SD]?T|M[SD]?T|P[SD]?T|CEST|CET|BST|GMT|UTC|(?:Eastern|Central|Mountain|Pacific)(?:\s+(?:Standard|Daylight))?\s+Time)\b\)?/i;

/** Campus cities (and towns that are mostly a campus), for a syllabus that names only where it is taught. */
const CITIES: [RegExp, string][] = [
  [
    /\b(Urbana|Champaign|Chicago|Evanston|Madison|Minneapolis|Austin|Houston|Nashville|St\.? Louis)\b/,
    'America/Chicago',
  ],
  [/\b(Ann Arbor|East Lansing|West Lafayette|Bloomington, IN)\b/, 'America/New_York'],
  [
    /\b(Pittsburgh|Boston|Cambridge, MA|New York|Princeton|Ithaca|Atlanta|Philadelphia|Baltimore|Providence|New Haven|Durham, NC|Chapel Hill|College Park|Amherst|Toronto|Waterloo|Montreal|Montréal)\b/,
    'America/New_York',
  ],
  [
    /\b(Berkeley|Stanford|Palo Alto|Los Angeles|San Diego|Irvine|Santa Barbara|Davis, CA|Seattle|Vancouver|Portland)\b/,
    'America/Los_Angeles',
  ],
  [/\b(Boulder|Denver|Salt Lake City|Fort Collins)\b/, 'America/Denver'],
  [/\b(Tempe|Phoenix|Tucson)\b/, 'America/Phoenix'],
  [/\b(London|Edinburgh|Oxford|Manchester|Cambridge, UK)\b/, 'Europe/London'],
  [/\b(Zurich|Zürich|Lausanne|Geneva)\b/, 'Europe/Zurich'],
  [/\b(Amsterdam|Delft|Utrecht|Leiden)\b/, 'Europe/Amsterdam'],
  [/\b(Berlin|Munich|München|Saarbrücken|Tübingen)\b/, 'Europe/Berlin'],
  [/\b(Paris|Grenoble)\b/, 'Europe/Paris'],
];

function fromAbbreviation(word: string): string | null {
  const w = word.replace(/\s+/g, ' ').trim();
  const upper = w.toUpperCase();
  if (ABBREVIATIONS[upper]) return ABBREVIATIONS[upper];
  return ABBREVIATIONS[upper[0]!] ?? null;
}

/** The zone the syllabus states, or null. Lines for which `skip` is true (code, schedule tables) are not read. */
export function findZone(lines: string[], skip: (i: number) => boolean): ZoneFinding | null {
  let afterTime: ZoneFinding | null = null;
  let city: ZoneFinding | null = null;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (skip(i) || l.length > 4000) continue;
    const text = plain(l);
    if (ZONE_LABEL.test(text)) {
      const m = IANA.exec(text);
      if (m && IANAZone.isValidZone(m[1]!)) return { zone: m[1]!, line: i + 1, written: m[1]! };
    }
    if (!afterTime) {
      const m = AFTER_TIME.exec(text);
      const zone = m ? fromAbbreviation(m[1]!) : null;
      if (m && zone) afterTime = { zone, line: i + 1, written: m[0]!.trim() };
    }
    if (!city) {
      for (const [re, zone] of CITIES) {
        const m = re.exec(text);
        if (m) {
          city = { zone, line: i + 1, written: m[1]! };
          break;
        }
      }
    }
  }
  return afterTime ?? city;
}

/** Line of the first deadline written "AoE" (anywhere on Earth), or 0. */
export function aoeLine(lines: string[], skip: (i: number) => boolean): number {
  for (let i = 0; i < lines.length; i++) {
    if (!skip(i) && lines[i]!.length < 4000 && /\b(AoE|anywhere on earth)\b/i.test(lines[i]!)) return i + 1;
  }
  return 0;
}

/** The zone to use, with the warning that says which and why. */
export function zoneOfDocument(
  lines: string[],
  skip: (i: number) => boolean,
  fallback: string,
  fixed: boolean,
  warnings: { line: number; message: string }[],
): string {
  const found = findZone(lines, skip);
  const aoe = aoeLine(lines, skip);
  if (aoe > 0)
    warnings.push({
      line: aoe,
      message:
        'Deadlines written "AoE" (anywhere on Earth) are read at that time in UTC−12; the classes keep the course\'s zone.',
    });
  if (!found) {
    warnings.push({
      line: 1,
      message: `The syllabus names no time zone; the course default ${fallback} is used.`,
    });
    return fallback;
  }
  if (found.zone === fallback) return fallback;
  if (fixed) {
    warnings.push({
      line: found.line,
      message: `"${found.written}" suggests ${found.zone}, but the time zone given, ${fallback}, is used.`,
    });
    return fallback;
  }
  warnings.push({
    line: found.line,
    message: `The course's time zone is ${found.zone}, from "${found.written}" on this line (instead of the default ${fallback}).`,
  });
  return found.zone;
}
