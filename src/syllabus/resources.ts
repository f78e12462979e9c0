// Guides and templates linked from the syllabus (relative links), and the group size ("groups of 2-3").
import type { Link } from '../domain/course.js';
import { capitalize, findLinks, plain } from './text.js';
import { isRelativeUrl } from './base-url.js';

const GENERIC =
  /^(here|this|link|this link|this format|template|this template|format|click here|the template|form)$/i;

function fileName(url: string): { name: string; parent: string } {
  let path = (url.split(/[?#]/)[0] ?? '').replace(/\/+$/, '');
  try {
    path = decodeURIComponent(path);
  } catch {
    /* keep it encoded */
  }
  const parts = path.split('/').filter((p) => p !== '' && p !== '.');
  const last = parts[parts.length - 1]! ?? '';
  return { name: last.replace(/\.[A-Za-z0-9]{1,5}$/, ''), parent: parts[parts.length - 2]! ?? '' };
}

function singular(word: string): string {
  if (/ies$/i.test(word)) return word.slice(0, -3) + 'y';
  if (/[^s]s$/i.test(word)) return word.slice(0, -1);
  return word;
}

/** A readable label for a link whose text says only "here" or "Template". */
export function resourceLabel(text: string, url: string): string {
  const t = plain(text);
  if (t !== '' && !GENERIC.test(t)) return t;
  let { name } = fileName(url);
  const { parent } = fileName(url);
  if (name === '' || /^(template|index|readme)$/i.test(name)) name = parent ? singular(parent) : name || url;
  const template = /template/i.test(t) || /template/i.test(url);
  const label = template && !/template/i.test(name) ? `${name} template` : name;
  return capitalize(label);
}

/** Links of a Resources section first, then every other relative link in document order, without repeats. */
export function findResources(
  lines: string[],
  fenced: boolean[],
  explicit: Link[],
  readingUrls: Set<string>,
): Link[] {
  const out: Link[] = [];
  const seen = new Set<string>();
  for (const l of explicit) {
    if (seen.has(l.url)) continue;
    seen.add(l.url);
    out.push(l);
  }
  for (let i = 0; i < lines.length; i++) {
    if (fenced[i] || !lines[i]!.includes('](')) continue;
    for (const l of findLinks(lines[i]!)) {
      if (!isRelativeUrl(l.url) || seen.has(l.url) || readingUrls.has(l.url)) continue;
      if (l.start > 0 && lines[i]![l.start - 1] === '!') continue;
      seen.add(l.url);
      out.push({ label: resourceLabel(l.text, l.url), url: l.url });
    }
  }
  return out;
}

export function groupSizeOf(text: string): { min: number; max: number } | null {
  // Emphasis around the numbers ("groups of **2-3**") is dropped; links and the rest do not matter here.
  const t = text.replace(/[*_]/g, '');
  let m = /\b(?:groups?|teams?)\s+of\s+(\d{1,2})\s*(?:-|–|—|to|or)\s*(\d{1,2})\b/i.exec(t);
  if (m && Number(m[1]!) <= Number(m[2]!)) return { min: Number(m[1]!), max: Number(m[2]!) };
  m = /\b(?:groups?|teams?)\s+of\s+(?:up to|at most|no more than)\s+(\d{1,2})\b/i.exec(t);
  if (m) return { min: 1, max: Number(m[1]!) };
  m = /\b(?:groups?|teams?)\s+of\s+(\d{1,2})\b(?!\s*%)/i.exec(t);
  if (m) return { min: Number(m[1]!), max: Number(m[1]!) };
  return null;
}
