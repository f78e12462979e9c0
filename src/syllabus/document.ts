// Splits the Markdown lines into a title and top-level sections (ATX and setext headings, code fences respected).
import { collapse, stripEmphasis } from './text.js';

export interface Heading {
  level: number;
  /** Heading text with emphasis kept. */
  raw: string;
  /** 0-based index of the heading line (of its text line for setext headings). */
  index: number;
  /** Number of lines the heading occupies (2 for setext). */
  span: number;
}

export interface Section {
  heading: Heading | null;
  /** Plain title. */
  title: string;
  /** Body lines are [start, end) (0-based). */
  start: number;
  end: number;
}

export interface DocumentOutline {
  title: Heading | null;
  /** Lines between the title and the first section. */
  preamble: Section;
  sections: Section[];
  /** Level of the top-level sections. */
  topLevel: number;
  /** For each line: is it inside a fenced code block. */
  fenced: boolean[];
  headings: Heading[];
}

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;

export function headingText(h: Heading): string {
  return collapse(stripEmphasis(h.raw)).replace(/:$/, '');
}

export function outline(lines: string[]): DocumentOutline {
  const fenced: boolean[] = new Array<boolean>(lines.length).fill(false);
  const headings: Heading[] = [];
  let fence: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      fenced[i] = true;
      if (f && f[1]![0] === fence[0] && f[1]!.length >= fence.length) fence = null;
      continue;
    }
    if (f) {
      fence = f[1]!;
      fenced[i] = true;
      continue;
    }
    const m = ATX.exec(line);
    if (m) {
      headings.push({ level: m[1]!.length, raw: (m[2]! ?? '').trim(), index: i, span: 1 });
      continue;
    }
    const next = lines[i + 1]!;
    if (
      next !== undefined &&
      /^ {0,3}(=+|-{2,})[ \t]*$/.test(next) &&
      line.trim() !== '' &&
      !line.includes('|') &&
      !/^\s*([-*+]|\d+[.)])\s/.test(line) &&
      (i === 0 || lines[i - 1]!.trim() === '')
    ) {
      headings.push({ level: next.trim()[0] === '=' ? 1 : 2, raw: line.trim(), index: i, span: 2 });
      i++;
    }
  }
  let title: Heading | null = headings.find((h) => h.level === 1) ?? null;
  if (!title && headings.length > 0) {
    const first = headings[0]!;
    const before = lines.slice(0, first.index).some((l) => l.trim() !== '');
    if (!before) title = first;
  }
  const rest = headings.filter((h) => h !== title && (!title || h.index > title.index));
  const topLevel = rest.reduce((min, h) => Math.min(min, h.level), 6);
  const tops = rest.filter((h) => h.level === topLevel);
  const bodyStart = title ? title.index + title.span : 0;
  const preambleEnd = tops.length > 0 ? tops[0]!.index : lines.length;
  const sections: Section[] = tops.map((h, k) => ({
    heading: h,
    title: headingText(h),
    start: h.index + h.span,
    end: k + 1 < tops.length ? tops[k + 1]!.index : lines.length,
  }));
  const preamble: Section = {
    heading: null,
    title: '',
    start: bodyStart,
    end: Math.max(bodyStart, preambleEnd),
  };
  return { title, preamble, sections, topLevel, fenced, headings };
}
