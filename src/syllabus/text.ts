// Small inline-Markdown helpers shared by the syllabus readers: links, emphasis, slugs, sentences.

export interface InlineLink {
  text: string;
  url: string;
  /** Offsets of the whole `[text](url)` in the searched string. */
  start: number;
  end: number;
}

/** Finds the index of the bracket closing the one at `open`, honouring nesting and escapes; -1 if none. */
function closing(s: string, open: number, o: string, c: string): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === o) depth++;
    else if (ch === c) {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** Reads an inline link starting exactly at `at` (`[text](url "title")`), or null. */
export function linkAt(s: string, at: number): InlineLink | null {
  if (s[at]! !== '[') return null;
  const close = closing(s, at, '[', ']');
  if (close < 0 || s[close + 1]! !== '(') return null;
  const end = closing(s, close + 1, '(', ')');
  if (end < 0) return null;
  let url = s.slice(close + 2, end).trim();
  const angled = /^<([^<>]*)>/.exec(url);
  if (angled) url = angled[1]!;
  else {
    const titled = /^(\S+)\s+["'(].*$/.exec(url);
    if (titled) url = titled[1]!;
  }
  return { text: s.slice(at + 1, close).trim(), url, start: at, end: end + 1 };
}

/** All inline links (not images) in document order. */
export function findLinks(s: string): InlineLink[] {
  const out: InlineLink[] = [];
  for (let i = s.indexOf('['); i >= 0 && i < s.length; i = s.indexOf('[', i + 1)) {
    if (i > 0 && (s[i - 1]! === '!' || s[i - 1]! === '\\')) continue;
    const link = linkAt(s, i);
    if (link) {
      out.push(link);
      i = link.end - 1;
    }
  }
  return out;
}

/** Replaces links by their text. */
export function stripLinks(s: string): string {
  const links = findLinks(s);
  if (links.length === 0) return s;
  let out = '';
  let pos = 0;
  for (const l of links) {
    out += s.slice(pos, l.start) + l.text;
    pos = l.end;
  }
  return out + s.slice(pos);
}

/** Removes emphasis markers (`**`, `__`, `*`, `_` around words) and inline code ticks. */
export function stripEmphasis(s: string): string {
  return s
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/(^|[^\w*\\])\*(?=\S)([^*]*?\S)\*(?!\w)/g, '$1$2')
    .replace(/(^|[^\w\\])_(?=\S)([^_]*?\S)_(?!\w)/g, '$1$2')
    .replace(/\*\*/g, '')
    .replace(/`([^`]*)`/g, '$1');
}

/** Plain text of inline Markdown: links to their text, emphasis removed, HTML breaks to spaces. */
export function plain(s: string): string {
  return collapse(
    stripEmphasis(stripLinks(s))
      .replace(/<br\s*\/?>/gi, ' ')
      .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1'),
  );
}

export function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Anchor-style slug: "Paper Presentation & Discussion" -> "paper-presentation-discussion". */
export function slugify(s: string): string {
  const slug = plain(s)
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'section';
}

/** `**Label**: rest` or `**Label:** rest` at the start of a line; null when the line does not open so. */
export function boldLabel(line: string): { label: string; rest: string } | null {
  const m =
    /^\s*(?:\*\*|__)([^*_]+?)(?:\*\*|__)\s*:\s*([\s\S]*)$/.exec(line) ??
    /^\s*(?:\*\*|__)([^*_]+?):\s*(?:\*\*|__)\s*([\s\S]*)$/.exec(line);
  if (!m) return null;
  return { label: collapse(m[1]!), rest: m[2]!.trim() };
}

/** The item is one bold span and nothing else: `**Introduction**`. Returns its inner text. */
export function boldOnly(s: string): string | null {
  const m = /^\s*(\*\*|__)(?!\s)([\s\S]+?)\1\s*$/.exec(s);
  if (!m || m[2]!.includes(m[1]!)) return null;
  return collapse(m[2]!);
}

const ABBREVIATIONS = /(?:\b(?:e\.g|i\.e|etc|vs|al|Sec|Fig|No|Dr|Prof|Mr|Ms|Mrs|St|approx|cf)|\b[A-Z])\.$/;

/** Splits a paragraph of Markdown into sentences, keeping markup (and closing emphasis) with them. */
export function sentences(text: string): string[] {
  const s = collapse(text);
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    let j = i + 1;
    while (j < s.length && (s[j]! === '*' || s[j]! === '_' || s[j]! === '"' || s[j]! === "'")) j++;
    if (j < s.length && s[j]! !== ' ') continue;
    const next = s[j + 1]!;
    if (j < s.length && (next === undefined || !/[A-Z*_[(\d"]/.test(next))) continue;
    if (ABBREVIATIONS.test(s.slice(Math.max(start, i - 8), i + 1))) continue;
    out.push(s.slice(start, j).trim());
    start = j + 1;
    i = j;
  }
  const rest = s.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}

/** Trims trailing blanks of each line, collapses runs of blank lines, trims the whole. */
export function tidyMarkdown(s: string): string {
  return s
    .split('\n')
    .map((l) => l.replace(/\s+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
}

export function escapeCell(s: string): string {
  return s.replace(/\r?\n/g, ' ').replace(/(?<!\\)\|/g, '\\|');
}

export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
