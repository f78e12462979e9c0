// Sorts the top-level sections by what they hold and reads description, objectives, grading and policies.
import type { GradeComponent, PolicySection } from '../domain/course.js';
import { blocksOf, listItems, type Block } from './blocks.js';
import { headingText, type DocumentOutline, type Section } from './document.js';
import type { Table } from './tables.js';
import { boldLabel, collapse, plain, slugify, tidyMarkdown } from './text.js';
import type { SyllabusWarning } from './types.js';

export type SectionKind =
  'logistics' | 'description' | 'schedule' | 'grading' | 'policies' | 'milestones' | 'resources' | 'other';

export function classify(title: string): SectionKind {
  const t = title.toLowerCase();
  if (/\b(schedule|reading list|calendar)\b/.test(t)) return 'schedule';
  if (/\b(grading|grades?|evaluation|assessment|weights?|marks)\b/.test(t)) return 'grading';
  if (/\bmilestones?\b/.test(t)) return 'milestones';
  if (/^(resources|links|useful links|templates|course resources)$/.test(t)) return 'resources';
  if (
    /\b(logistics|course info(rmation)?|general info(rmation)?|teaching staff|course staff|staff|instructors?|contacts?|when and where|meeting times?)\b/.test(
      t,
    )
  )
    return 'logistics';
  if (/\b(description|overview|about|objectives|outcomes|goals|introduction)\b/.test(t)) return 'description';
  if (/\bpolic(y|ies)\b/.test(t)) return 'policies';
  return 'other';
}

/** Clamps headings inside a policy body to level 4 or deeper, so the body nests under "### Title". */
export function nestHeadings(markdown: string): string {
  let fence = false;
  return markdown
    .split('\n')
    .map((l) => {
      if (/^ {0,3}(```|~~~)/.test(l)) fence = !fence;
      if (fence) return l;
      const m = /^ {0,3}(#{1,3})(\s.*)$/.exec(l);
      return m ? `####${m[2]!}` : l;
    })
    .join('\n');
}

const OBJECTIVES = /\b(learning objectives|objectives|learning outcomes|outcomes|goals)\b/i;

/** Description Markdown without the objectives list, and the objectives as plain strings. */
export function readDescription(
  lines: string[],
  sec: Section,
  doc: DocumentOutline,
  tables: Table[],
): { description: string; objectives: string[] } {
  const blocks = blocksOf(lines, sec.start, sec.end, doc, tables);
  const drop = new Set<number>();
  const objectives: string[] = [];
  const k = blocks.findIndex(
    (b) =>
      (b.kind === 'heading' && OBJECTIVES.test(headingText(b.heading))) ||
      (b.kind === 'para' && OBJECTIVES.test(boldLabel(lines[b.start]!)?.label ?? '')),
  );
  if (k >= 0) {
    let j = k + 1;
    while (j < blocks.length && blocks[j]!.kind === 'list') {
      const b = blocks[j]!;
      for (const item of listItems(lines, b.start, b.end)) objectives.push(plain(item.text));
      for (let i = b.start; i < b.end; i++) drop.add(i);
      j++;
    }
    const marker = blocks[k]!;
    const label = marker.kind === 'para' ? boldLabel(lines.slice(marker.start, marker.end).join('\n')) : null;
    if (objectives.length > 0 && (marker.kind === 'heading' || (label && label.rest === ''))) {
      for (let i = marker.start; i < marker.end; i++) drop.add(i);
    }
  }
  const kept: string[] = [];
  for (let i = sec.start; i < sec.end; i++) if (!drop.has(i)) kept.push(lines[i]!);
  return { description: tidyMarkdown(kept.join('\n')), objectives };
}

const WEIGHT = /(\d+(?:\.\d+)?)\s*%/;

function component(nameMd: string, weight: number): GradeComponent {
  const name = collapse(plain(nameMd))
    .replace(/[:\-–—]+$/, '')
    .trim();
  return { key: slugify(name), name, weight };
}

export function isWeightTable(t: Table): boolean {
  const header = t.header.map((h) => plain(h));
  if (header.some((h) => /\b(weight|percent|percentage|%)\b|%/i.test(h))) return true;
  return (
    t.rows.length > 0 && t.rows.every((r) => r.cells.some((c) => /^\s*\d+(\.\d+)?\s*%\s*$/.test(plain(c))))
  );
}

export function readWeightTable(t: Table): GradeComponent[] {
  const header = t.header.map((h) => plain(h));
  const w = header.findIndex((h) => /weight|percent|%/i.test(h));
  const out: GradeComponent[] = [];
  for (const r of t.rows) {
    const col = w >= 0 ? w : r.cells.findIndex((c) => WEIGHT.test(c));
    if (col < 0) continue;
    const m = WEIGHT.exec(plain(r.cells[col]! ?? '')) ?? /^(\d+(?:\.\d+)?)$/.exec(plain(r.cells[col]! ?? ''));
    const nameCell = r.cells.find((c, k) => k !== col && plain(c) !== '');
    if (!m || !nameCell) continue;
    out.push(component(nameCell, Number(m[1]!)));
  }
  return out;
}

/** "- Participation: 10%", "- Project report (40%)", "Participation — 10%", also points: "- Presentation: 30 pts", "Final essay (40 points)". */
export function readWeightLineUnit(text: string): { component: GradeComponent; unit: '%' | 'pts' } | null {
  const m = /^(.+?)\s*(?::|-|–|—|\(|=)?\s*(\d+(?:\.\d+)?)\s*(%|pts?\b\.?|points?\b)\s*\)?\.?$/i.exec(
    plain(text),
  );
  if (!m || m[1]!.trim() === '') return null;
  return { component: component(m[1]!, Number(m[2]!)), unit: m[3] === '%' ? '%' : 'pts' };
}

/**
 * Weights written in points ("30 pts") as shares of 100: each is its points over the total, to two decimals.
 * Returns the total of points.
 */
export function pointsToPercent(components: GradeComponent[]): number {
  const total = components.reduce((sum, c) => sum + c.weight, 0);
  if (total <= 0) return total;
  for (const c of components) c.weight = Math.round((c.weight / total) * 10000) / 100;
  return total;
}

export interface PolicyText {
  policy: PolicySection;
  /** 0-based first line of the body. */
  start: number;
  end: number;
}

/** Splits a section's blocks into policies at bold labels ("**Groups**: …"); text before the first label is titled by the section. */
function labelPolicies(lines: string[], blocks: Block[], title: string, skip: Set<number>): PolicyText[] {
  const out: PolicyText[] = [];
  let cur: { title: string; parts: string[]; start: number; end: number } | null = null;
  const flush = (): void => {
    if (cur && (cur.parts.join('').trim() !== '' || cur.title !== title)) {
      out.push({
        policy: { slug: '', title: cur.title, markdown: tidyMarkdown(cur.parts.join('\n')) },
        start: cur.start,
        end: cur.end,
      });
    }
    cur = null;
  };
  for (const b of blocks) {
    const text: string[] = [];
    for (let i = b.start; i < b.end; i++) if (!skip.has(i)) text.push(lines[i]!);
    if (text.length === 0) continue;
    const label = b.kind === 'para' ? boldLabel(text.join('\n')) : null;
    if (label) {
      flush();
      cur = { title: plain(label.label), parts: [label.rest], start: b.start, end: b.end };
      continue;
    }
    if (!cur) cur = { title, parts: [], start: b.start, end: b.end };
    cur.parts.push('', ...text);
    cur.end = b.end;
  }
  flush();
  return out;
}

/**
 * Policies of one section. With sub-headings: one policy per sub-section (plus the text before the first).
 * Without: one per bold label, or the whole section as one.
 */
export function readPolicies(
  lines: string[],
  sec: Section,
  doc: DocumentOutline,
  tables: Table[],
  skip: Set<number>,
): PolicyText[] {
  const subs = doc.headings.filter(
    (h) => h.index >= sec.start && h.index < sec.end && h.level === doc.topLevel + 1,
  );
  const blocks = blocksOf(lines, sec.start, subs.length ? subs[0]!.index : sec.end, doc, tables);
  const out: PolicyText[] = labelPolicies(lines, blocks, sec.title, skip);
  subs.forEach((h, k) => {
    const start = h.index + h.span;
    const end = k + 1 < subs.length ? subs[k + 1]!.index : sec.end;
    const kept: string[] = [];
    for (let i = start; i < end; i++) if (!skip.has(i)) kept.push(lines[i]!);
    out.push({
      policy: { slug: '', title: headingText(h), markdown: nestHeadings(tidyMarkdown(kept.join('\n'))) },
      start,
      end,
    });
  });
  for (const p of out) p.policy.markdown = nestHeadings(p.policy.markdown);
  return out;
}

export function uniqueSlugs(policies: PolicySection[]): void {
  const seen = new Map<string, number>();
  for (const p of policies) {
    const base = slugify(p.title);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    p.slug = n > 1 ? `${base}-${n}` : base;
  }
}

export function warnUnplaced(
  lines: string[],
  start: number,
  end: number,
  what: string,
  warnings: SyllabusWarning[],
): void {
  for (let i = start; i < end; i++) {
    if (lines[i]!.trim() !== '') {
      warnings.push({ line: i + 1, message: `${what}: "${collapse(plain(lines[i]!)).slice(0, 80)}"` });
      return;
    }
  }
}
