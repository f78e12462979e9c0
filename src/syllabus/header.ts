// Reads the course code, title and term from the title heading ("CS 598: Systems for Generative AI (F'24)").
import type { Term, TermSeason } from '../domain/course.js';
import { collapse, plain } from './text.js';

const SEASONS: [RegExp, TermSeason][] = [
  [/^(fall|fa|f|autumn|au|hs)$/i, 'Fall'],
  [/^(spring|sp|s|spr|fs)$/i, 'Spring'],
  [/^(summer|su|sum|ss)$/i, 'Summer'],
  [/^(winter|wi|w|win)$/i, 'Winter'],
];

function seasonOf(word: string): TermSeason | null {
  for (const [re, season] of SEASONS) if (re.test(word)) return season;
  return null;
}

function fullYear(y: string): number {
  return y.length === 2 ? 2000 + Number(y) : Number(y);
}

const TERM_PATTERNS = [
  /\b(fall|autumn|spring|summer|winter)\s*(?:term|semester|quarter)?\s*,?\s*'?(\d{4}|\d{2})\b/i,
  /\b(fa|sp|su|wi|f|s|w)\s*['’]\s*(\d{2})\b/i,
  /\b(FA|SP|SU|WI)(\d{2}|\d{4})\b/,
  // "HS 2024", "FS 2025": autumn and spring semesters as Swiss and German universities write them.
  /\b(HS|FS)\s?(\d{4}|\d{2})\b/,
];

/** Finds a term in text; returns it with the matched span. */
export function findTerm(text: string): { term: Term; index: number; length: number } | null {
  for (const re of TERM_PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const season = seasonOf(m[1]!);
    if (!season) continue;
    return { term: { season, year: fullYear(m[2]!) }, index: m.index, length: m[0]!.length };
  }
  return null;
}

export interface CourseHeader {
  code: string | null;
  title: string;
  term: Term | null;
}

const CODE =
  /^([A-Z]{2,6}(?:[ -]?\d{2,4}[A-Z]?)(?:\s*\/\s*[A-Z]{2,6}[ -]?\d{2,4}[A-Z]?)*)\s*(?::|-|–|—|\|)\s*(.+)$/;

export function readHeader(heading: string): CourseHeader {
  let text = collapse(plain(heading));
  let term: Term | null = null;
  // A parenthesised term at the end wins ("(F'24)", "(Fall 2024)").
  const paren = /\s*[([]([^()[\]]+)[)\]]\s*$/.exec(text);
  const inParen = paren ? findTerm(paren[1]!) : null;
  if (paren && inParen) {
    term = inParen.term;
    text = text.slice(0, paren.index).trim();
  } else {
    const t = findTerm(text);
    if (t) {
      term = t.term;
      const before = text.slice(0, t.index).replace(/[\s,:\-–—|]+$/, '');
      const after = text.slice(t.index + t.length).replace(/^[\s,:\-–—|]+/, '');
      if (after === '' && before !== '') text = before;
    }
  }
  const m = CODE.exec(text);
  if (m) return { code: m[1]!.trim(), title: m[2]!.trim(), term };
  return { code: null, title: text, term };
}

export function termLabel(term: Term): string {
  if (term.year >= 2000 && term.year < 2100) {
    const letter = { Fall: 'F', Spring: 'S', Summer: 'Su', Winter: 'W' }[term.season];
    return `${letter}'${String(term.year - 2000).padStart(2, '0')}`;
  }
  return `${term.season} ${term.year}`;
}
