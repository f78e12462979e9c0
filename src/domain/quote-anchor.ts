// Where a comment's quoted passage sits in a (new) version of a text, W3C Web Annotation TextQuoteSelector style:
// the exact quote found in the text, ambiguity settled by the words before and after it; whitespace runs compare equal.

/** The passage a comment is about: the quote itself and a little of the text on either side. */
export interface QuoteSelector {
  exact: string;
  prefix: string;
  suffix: string;
}

/** Where a quote sits in a text: [start, end) in UTF-16 code units of that text. */
export interface Anchor {
  start: number;
  end: number;
}

/** How much context on either side a selector keeps. */
export const CONTEXT_LENGTH = 32;
/** The longest passage one comment may quote. */
export const QUOTE_MAX = 2000;

interface Normalized {
  /** The text with every whitespace run as one space. */
  text: string;
  /** For each index of `text` (and one past its end), the index in the original. */
  map: number[];
}

const WS = /\s/;

/** Collapses every run of whitespace to one space, remembering where each character came from. */
export function normalizeWhitespace(original: string): Normalized {
  let text = '';
  const map: number[] = [];
  let i = 0;
  while (i < original.length) {
    if (WS.test(original[i]!)) {
      map.push(i);
      text += ' ';
      while (i < original.length && WS.test(original[i]!)) i++;
    } else {
      map.push(i);
      text += original[i]!;
      i++;
    }
  }
  map.push(original.length);
  return { text, map };
}

const squash = (s: string) => s.replace(/\s+/g, ' ');

/** Characters two strings share at their end. */
function sharedEnd(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

/** Characters two strings share at their start. */
function sharedStart(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * Finds the quote in the text, or null when it is no longer there (the comment is then outdated).
 * Every occurrence of the exact quote (whitespace-insensitive) is a candidate; the one whose
 * surroundings agree longest with the selector's prefix and suffix wins, the first on a tie.
 */
export function anchorQuote(selector: QuoteSelector, text: string): Anchor | null {
  const exact = squash(selector.exact).trim();
  if (exact === '') return null;
  const doc = normalizeWhitespace(text);
  const prefix = squash(selector.prefix);
  const suffix = squash(selector.suffix);
  let best: { at: number; score: number } | null = null;
  for (let at = doc.text.indexOf(exact); at !== -1; at = doc.text.indexOf(exact, at + 1)) {
    const before = doc.text.slice(Math.max(0, at - prefix.length - 1), at);
    const after = doc.text.slice(at + exact.length, at + exact.length + suffix.length + 1);
    // A space at the seam counts as agreement whichever side kept it; where the sides agree on whether there is one
    // (the quote a word of its own, or inside a longer word, as when selected), half a character more breaks a tie.
    const score =
      sharedEnd(before.trimEnd(), prefix.trimEnd()) +
      sharedStart(after.trimStart(), suffix.trimStart()) +
      seamAgrees(before.at(-1), prefix.at(-1)) +
      seamAgrees(after[0], suffix[0]);
    if (!best || score > best.score) best = { at, score };
  }
  if (!best) return null;
  return { start: doc.map[best.at]!, end: doc.map[best.at + exact.length - 1]! + 1 };
}

/** Half a point when two characters at a quote's edge agree on being whitespace or not (none: the text's end). */
function seamAgrees(found: string | undefined, selected: string | undefined): number {
  if (found === undefined || selected === undefined) return 0.5;
  return /\s/.test(found) === /\s/.test(selected) ? 0.5 : 0;
}

/** The selector of the passage [start, end) of a text: the quote and up to CONTEXT_LENGTH characters around it. */
export function selectorAt(text: string, anchor: Anchor): QuoteSelector {
  return {
    exact: text.slice(anchor.start, anchor.end),
    prefix: text.slice(Math.max(0, anchor.start - CONTEXT_LENGTH), anchor.start),
    suffix: text.slice(anchor.end, anchor.end + CONTEXT_LENGTH),
  };
}

export type Placement =
  { state: 'anchored'; anchor: Anchor; selector: QuoteSelector } | { state: 'outdated' };

/**
 * A comment's place in a version of the text: anchored (with the selector rewritten from that
 * version, so placing it again finds the same spot) or outdated.
 */
export function placeQuote(selector: QuoteSelector, text: string): Placement {
  const anchor = anchorQuote(selector, text);
  if (!anchor) return { state: 'outdated' };
  return { state: 'anchored', anchor, selector: selectorAt(text, anchor) };
}

/** Why a selector cannot be stored, or null. */
export function selectorProblem(selector: QuoteSelector): string | null {
  if (squash(selector.exact).trim() === '') return 'Select a passage of the summary to comment on.';
  if (selector.exact.length > QUOTE_MAX)
    return `Select a shorter passage (at most ${QUOTE_MAX} characters) to comment on.`;
  if (selector.prefix.length > CONTEXT_LENGTH * 4 || selector.suffix.length > CONTEXT_LENGTH * 4)
    return 'The context around the passage is too long.';
  return null;
}
