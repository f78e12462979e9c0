// The sentences of the policy texts, each with its line, for reading deadlines ("due by Oct 3").
import { blocksOf, listItems } from './blocks.js';
import type { DocumentOutline } from './document.js';
import type { SentenceSource } from './milestones.js';
import type { PolicyText } from './sections.js';
import type { Table } from './tables.js';
import { collapse, sentences } from './text.js';

export function policySentences(
  lines: string[],
  policyTexts: PolicyText[],
  doc: DocumentOutline,
  tables: Table[],
): SentenceSource[] {
  const sources: SentenceSource[] = [];
  for (const p of policyTexts) {
    for (const b of blocksOf(lines, p.start, p.end, doc, tables)) {
      if (b.kind === 'table' || b.kind === 'code' || b.kind === 'heading') continue;
      const units =
        b.kind === 'list'
          ? listItems(lines, b.start, b.end)
          : [{ text: lines.slice(b.start, b.end).join(' '), line: b.start + 1 }];
      for (const u of units) {
        // Deadlines sit in ordinary paragraphs; a paragraph of many kilobytes is not read for them.
        if (u.text.length > 20_000) continue;
        const label = /^\s*(\*\*|__)[^*_]+\1\s*:\s*/.exec(u.text);
        for (const sentence of sentences(label ? u.text.slice(label[0]!.length) : u.text)) {
          sources.push({ markdown: sentence, line: lineOf(lines, u.line - 1, b.end, sentence) });
        }
      }
    }
  }
  return sources;
}

/** 1-based line where a sentence starts, searching lines [from, to). */
function lineOf(lines: string[], from: number, to: number, sentence: string): number {
  const probe = collapse(sentence.slice(0, 200)).slice(0, 24);
  for (let i = from; i < to; i++) {
    if (lines[i]!.includes(probe)) return i + 1;
  }
  for (let i = from; i < to; i++) {
    if (lines[i]!.length < 4000 && collapse(lines[i]!).includes(probe)) return i + 1;
  }
  const word = probe.split(' ').slice(0, 3).join(' ');
  for (let i = from; i < to; i++) if (collapse(lines[i]!).includes(word)) return i + 1;
  return from + 1;
}
