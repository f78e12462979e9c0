// Reads one schedule cell: its bold title, readings (link, required flag, note), own times and other notes.
import type { Reading } from '../domain/course.js';
import { findTimeRange } from './dates.js';
import { kindOf } from './schedule.js';
import { boldOnly, collapse, linkAt, plain } from './text.js';

export interface CellContent {
  titles: string[];
  readings: Reading[];
  notes: string[];
  times: { start: string; end: string }[];
}

export interface ReadingDefaults {
  /** Whether a reading with no (Required)/(Optional) mark is required (legend "unmarked = mandatory"). */
  unmarkedRequired: boolean;
  /** Marks a legend defines ("(O) marks optional"), upper-cased, without brackets. */
  optionalMarks?: string[];
  requiredMarks?: string[];
}

const REQUIRED = /^(required|req\.?|mandatory|must[- ]read|compulsory)$/i;
const OPTIONAL =
  /^(optional|opt\.?|recommended|supplementary|supplemental|additional|further|background|related|extra)$/i;
const GENERIC_LINK =
  /^(template|slides?|deck|recording|video|notes?|lecture notes|code|form|poster|here|link|website|homework|hw ?\d*|assignment|lab|handout|worksheet|submit|submission|sign[- ]?up|survey|zoom|pdf)$/i;
const NOTE_TEXT = /^(tbd|tba|tbc|n\/a|none|no readings?|-+|—|–|to be (determined|announced|confirmed))\.?$/i;
const NOTE_WORDS =
  /\b(due|deadline|submit|release[ds]?|assigned|homework|hw ?\d|quiz|exam|slides|recording|guest|no readings?|no class|office hours|handed out|sign[- ]?up|form)\b/i;
const BR = /<br\s*\/?>/i;

export function splitItems(cell: string): string[] {
  // Items are separated by <br>, or by "; " before the next link ("[B](…); [C](…)").
  return cell
    .split(new RegExp(`${BR.source}|;\\s+(?=\\[[^\\]]*\\]\\()`, 'gi'))
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

type Mark = 'required' | 'optional' | null;

function markOf(token: string, defaults?: ReadingDefaults): Mark {
  const own = collapse(token)
    .replace(/^[([]\s*|\s*[)\]]$/g, '')
    .toUpperCase();
  if (defaults?.optionalMarks?.includes(own)) return 'optional';
  if (defaults?.requiredMarks?.includes(own)) return 'required';
  const t = collapse(token.replace(/[*_]/g, '')).replace(/^[([]\s*|\s*[)\]]$/g, '');
  if (REQUIRED.test(t)) return 'required';
  if (OPTIONAL.test(t)) return 'optional';
  return null;
}

/** Leading "(Required)", "(Optional)", "Required:" or "[Optional]". */
function leadingMark(s: string, defaults?: ReadingDefaults): { mark: Mark; rest: string } {
  const m =
    /^(?:\*\*|\*|_)?[([]\s*([A-Za-z.\- ]+?|\*|†|‡)\s*[)\]](?:\*\*|\*|_)?\s*[:\-–—]?\s*/.exec(s) ??
    /^(?:\*\*|\*|_)?([A-Za-z.\- ]+?)(?:\*\*|\*|_)?\s*[:–—]\s*/.exec(s);
  if (m) {
    const mark = markOf(m[1]!, defaults);
    if (mark && !(s[0]! === '[' && linkAt(s, 0))) return { mark, rest: s.slice(m[0]!.length) };
  }
  return { mark: null, rest: s };
}

const BARE_LINKED =
  /[\s,;:\-–—]*(?:\*\*|\*|_)?\b(required|optional|mandatory|recommended)\b(?:\*\*|\*|_)?\s*$/i;
const BARE_PLAIN =
  /\s*[,;:\-–—]\s*(?:\*\*|\*|_)?\b(required|optional|mandatory|recommended)\b(?:\*\*|\*|_)?\s*$/i;

interface Tail {
  mark: Mark;
  notes: string[];
  rest: string;
}

/** Trailing "(Sec 1-4, Required)" parentheses and bare "required" words. `all` also takes non-mark parentheses. */
function trailing(s: string, all: boolean, defaults?: ReadingDefaults): Tail {
  let rest = s.trim();
  let mark: Mark = null;
  const notes: string[] = [];
  for (;;) {
    const bare = (all ? BARE_LINKED : BARE_PLAIN).exec(rest);
    if (bare && (all || bare.index > 0)) {
      mark = mark ?? markOf(bare[1]!);
      rest = rest.slice(0, bare.index).trim();
      continue;
    }
    const paren = /(?:\*\*|\*|_)?[([]([^()[\]]*)[)\]](?:\*\*|\*|_)?\s*$/.exec(rest);
    if (!paren || (paren.index > 0 && rest[paren.index - 1] === ']')) break;
    const tokens = paren[1]!
      .split(/[,;]/)
      .map((t) => t.trim())
      .filter(Boolean);
    const marks = tokens.map((t) => markOf(t, defaults));
    if (!all && !marks.some(Boolean)) break;
    mark = mark ?? marks.find(Boolean) ?? null;
    notes.unshift(...tokens.filter((_, k) => !marks[k]));
    rest = rest.slice(0, paren.index).trim();
  }
  return { mark, notes, rest };
}

function noteJoin(parts: string[]): string | null {
  const cleaned = parts.map((p) => p.replace(/^[\s,;:\-–—]+|[\s,;]+$/g, '')).filter(Boolean);
  return cleaned.length ? cleaned.join(', ') : null;
}

export type Item =
  | { kind: 'title'; text: string }
  | { kind: 'times'; start: string; end: string }
  | { kind: 'reading'; reading: Reading }
  | { kind: 'note'; text: string };

/** Whether a plain-text line is a note rather than an unlinked reading. */
function looksLikeNote(text: string): boolean {
  const t = plain(text);
  if (t === '' || NOTE_TEXT.test(t) || NOTE_WORDS.test(t) || /\b(tbd|tba|tbc)\b/i.test(t)) return true;
  if (kindOf(t) === 'no_class' || kindOf(t) === 'buffer') return true;
  return t.split(' ').length < 2 && !t.includes(':');
}

/** Classifies one `<br>`-separated item of a schedule cell. */
export function readItem(raw: string, defaults: ReadingDefaults): Item[] {
  let s = raw.trim().replace(/^(?:[-*+]|\d{1,2}[.)])\s+(?=\S)/, '');
  if (s === '') return [];
  const noted = /^note:\s*(\S[\s\S]*)$/i.exec(s);
  if (noted) return [{ kind: 'note', text: noted[1]! }];
  const bold = boldOnly(s);
  if (bold !== null && !linkAt(bold, 0) && !markOf(bold)) return [{ kind: 'title', text: bold }];
  const lead = /^(\*\*|__)(?!\s)([^*_]+?)\1\s+(\S[\s\S]*)$/.exec(s);
  if (lead && !linkAt(lead[2]!, 0) && !markOf(lead[2]!)) {
    return [{ kind: 'title', text: collapse(lead[2]!) }, ...readItem(lead[3]!, defaults)];
  }
  const range = findTimeRange(s);
  if (range) {
    const left = (s.slice(0, range.index) + s.slice(range.index + range.length)).replace(
      /[()[\]\s,;:–—-]/g,
      '',
    );
    if (left === '' || /^(session|time|class|at)$/i.test(left))
      return [{ kind: 'times', start: range.start, end: range.end }];
  }
  const lead2 = leadingMark(s, defaults);
  s = lead2.rest;
  // "[Reasoning] …": a bracketed label without a link is the class's topic.
  const label = /^\[([^[\]]{1,60})\](?![([])\s*([\s\S]*)$/.exec(s);
  if (label && !markOf(label[1]!, defaults) && !/^\s*\(/.test(label[2]!)) {
    return [{ kind: 'title', text: collapse(label[1]!) }, ...readItem(label[2]!, defaults)];
  }
  const around = s.startsWith('[') ? null : aroundLink(s, lead2.mark, defaults);
  if (around) return around;
  const link = s.startsWith('[') ? linkAt(s, 0) : null;
  if (link) {
    const tail = trailing(s.slice(link.end), true, defaults);
    const mark = lead2.mark ?? tail.mark;
    const title = plain(link.text) || link.url;
    if (!mark && GENERIC_LINK.test(title)) return [{ kind: 'note', text: raw.trim() }];
    if (title === '') return [{ kind: 'note', text: raw.trim() }];
    return [
      {
        kind: 'reading',
        reading: {
          title,
          url: link.url === '' ? null : link.url,
          required: mark ? mark === 'required' : defaults.unmarkedRequired,
          note: noteJoin([tail.rest, ...tail.notes]),
        },
      },
    ];
  }
  const tail = trailing(s, false, defaults);
  const mark = lead2.mark ?? tail.mark;
  // "Attention Is All You Need https://arxiv.org/abs/1706.03762": a bare address is the link.
  const bare = /(?:^|\s)<?(https?:\/\/[^\s<>]+?)>?[.,;]?(?=\s|$)/.exec(tail.rest);
  const rest = bare ? collapse(tail.rest.replace(bare[0], ' ')).replace(/[\s:,;\-–—]+$/, '') : tail.rest;
  const title = plain(rest) || (bare ? bare[1]! : '');
  if (title === '') return mark ? [] : [{ kind: 'note', text: raw.trim() }];
  if (!mark && !bare && (looksLikeNote(rest) || /^<[a-z!/]/i.test(s)))
    return [{ kind: 'note', text: raw.trim() }];
  return [
    {
      kind: 'reading',
      reading: {
        title,
        url: bare ? bare[1]! : null,
        required: mark ? mark === 'required' : defaults.unmarkedRequired,
        note: noteJoin(tail.notes),
      },
    },
  ];
}

const FILE_LINK =
  /^(pdf|paper|link|html|arxiv|url|doi|acm|ieee|web|online|preprint|slides?|video|code|pptx?)$/i;

/**
 * A reading written around a link: "Section 1 of [Title](url)" (the link is the reading, the words before it its
 * note) and "Title [[pdf]](url)", "Title [slides](url)" (the link belongs to the title before it).
 */
function aroundLink(s: string, lead: Mark, defaults: ReadingDefaults): Item[] | null {
  const at = s.indexOf('[');
  const link = at > 0 ? linkAt(s, at) : null;
  if (!link) return null;
  const before = s.slice(0, at).trim();
  const inner = plain(link.text).replace(/^\[|\]$/g, '');
  const tail = trailing(s.slice(link.end), true, defaults);
  const mark = lead ?? tail.mark;
  const required = mark ? mark === 'required' : defaults.unmarkedRequired;
  const url = link.url === '' ? null : link.url;
  if (FILE_LINK.test(inner) && plain(before) !== '') {
    const title = plain(before).replace(/[\s:,;\-–—]+$/, '');
    return [
      { kind: 'reading', reading: { title, url, required, note: noteJoin([tail.rest, ...tail.notes]) } },
    ];
  }
  const of = /^(.{1,60}?)\s+(of|from|in)$/i.exec(plain(before));
  if (of && inner !== '') {
    const note = noteJoin([of[1]!, tail.rest, ...tail.notes]);
    return [{ kind: 'reading', reading: { title: inner, url, required, note } }];
  }
  return null;
}

/** Reads a whole cell. */
export function readCell(cell: string, defaults: ReadingDefaults): CellContent {
  const out: CellContent = { titles: [], readings: [], notes: [], times: [] };
  for (const item of splitItems(cell)) {
    for (const r of readItem(item, defaults)) {
      if (r.kind === 'title') out.titles.push(r.text);
      else if (r.kind === 'times') out.times.push({ start: r.start, end: r.end });
      else if (r.kind === 'reading') out.readings.push(r.reading);
      else out.notes.push(r.text);
    }
  }
  return out;
}

/** Whether a reading written back without a mark would read again as this reading (else the export marks it). */
export function needsExplicitMark(reading: Reading): boolean {
  if (reading.url === null) return true;
  return GENERIC_LINK.test(reading.title);
}

/** A note as the exporter writes it: prefixed with "Note:" when it would otherwise read as something else. */
export function noteItem(note: string): string {
  const back = readItem(note, { unmarkedRequired: false });
  const same = back.length === 1 && back[0]!.kind === 'note' && back[0]!.text === note;
  return same ? note : `Note: ${note}`;
}
